package org.bulwark.ledger.log;

import java.util.List;

/** The outcome of verifying a published log: {@link Verified}, or the {@link Failed} check with its place. */
public sealed interface LogVerification permits LogVerification.Verified, LogVerification.Failed {
    /**
     * @param latest the log's current checkpoint, signed by every trusted key
     * @param checkpointsChecked how many checkpoints (latest, index, --since) matched the tree
     * @param cosigners the cosignatures on the latest checkpoint
     */
    record Verified(Checkpoint latest, int checkpointsChecked, List<CheckpointCheck.Cosigned> cosigners) implements LogVerification {
        public Verified {
            cosigners = List.copyOf(cosigners);
        }
    }

    /**
     * @param file the published file (relative to the log folder) or the --since file
     * @param place where in it: "entry 1234", "hash 17", "line 3"
     * @param problem what is wrong, in words
     */
    record Failed(String file, String place, String problem) implements LogVerification {
        public String message() {
            return file + ": " + place + ": " + problem;
        }
    }
}
