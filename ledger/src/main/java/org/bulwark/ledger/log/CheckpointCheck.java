package org.bulwark.ledger.log;

import java.time.Instant;
import java.util.List;

/** The result of verifying a signed checkpoint: {@link Verified} or {@link Refused}, saying why. */
public sealed interface CheckpointCheck permits CheckpointCheck.Verified, CheckpointCheck.Refused {
    /** A cosignature that verified: who, and the time they stated. */
    record Cosigned(String name, Instant time) {}

    /**
     * Every trusted key signed: {@code signers} made note signatures, {@code cosigners} cosignatures.
     *
     * @param text the whole signed note as read, to keep or compare
     */
    record Verified(Checkpoint checkpoint, List<String> signers, List<Cosigned> cosigners, String text) implements CheckpointCheck {
        public Verified {
            signers = List.copyOf(signers);
            cosigners = List.copyOf(cosigners);
        }
    }

    /** @param source the file or name the checkpoint came from */
    record Refused(String source, String problem) implements CheckpointCheck {
        public String message() {
            return source + ": " + problem;
        }
    }
}
