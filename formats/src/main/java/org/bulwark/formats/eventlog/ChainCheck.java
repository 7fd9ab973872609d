package org.bulwark.formats.eventlog;

/** What the hash-chain check of one Device's events found (a mismatch is a BadInputException). */
public sealed interface ChainCheck {
    /** In plain words, for the log entry and the command's output. */
    String describe();

    /** The device's events carry no Hash values. */
    record NoChain() implements ChainCheck {
        public String describe() {
            return "no hash chain to verify";
        }
    }

    /** Every event's Hash matched Bulwark's chain (docs/event-log.md). */
    record Verified(long events) implements ChainCheck {
        public String describe() {
            return "hash chain verified (" + events + " events, sha-256)";
        }
    }
}
