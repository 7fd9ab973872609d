package org.bulwark.store;

/** What verifying the workspace's log found. */
public sealed interface LogCheck {
    /** Every entry decodes, and the roots recomputed from the entries match the tiles and every checkpoint. */
    record Intact(long entries, int checkpoints) implements LogCheck {}

    /** The first thing found wrong, in words that say which entry or checkpoint. */
    record Broken(String problem) implements LogCheck {}
}
