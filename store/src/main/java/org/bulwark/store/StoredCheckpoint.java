package org.bulwark.store;

import org.bulwark.ledger.log.Hash;

/** A checkpoint saved in the workspace: the tree size and root it signs, and the signed note text. */
public record StoredCheckpoint(long treeSize, Hash root, String note) {
    /** The log's origin: the note's first line. */
    public String origin() {
        int end = note.indexOf('\n');
        return end < 0 ? note : note.substring(0, end);
    }
}
