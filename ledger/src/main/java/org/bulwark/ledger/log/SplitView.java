package org.bulwark.ledger.log;

import java.util.List;
import java.util.Optional;

/**
 * Detects a split view: a log that showed two people different histories. Two verified checkpoints
 * of the same origin either have the same root at the same size, or a consistency proof from the
 * smaller to the larger verifies; anything else is evidence, signed by the log's own key.
 */
public final class SplitView {
    private SplitView() {}

    /** Names both checkpoints (where they came from and what they say) and the contradiction. */
    public record Finding(String firstSource, Checkpoint first, String secondSource, Checkpoint second, String problem) {
        public String message() {
            return "split view of log " + first.origin() + ": " + firstSource + " (size " + first.size() + ", root "
                    + first.root().hex() + ") and " + secondSource + " (size " + second.size() + ", root "
                    + second.root().hex() + "): " + problem;
        }
    }

    /** Same origin and size, different roots. Checkpoints of different logs are never a split view. */
    public static Optional<Finding> sameSize(String firstSource, Checkpoint first, String secondSource, Checkpoint second) {
        if (!first.origin().equals(second.origin()) || first.size() != second.size() || first.root().equals(second.root())) {
            return Optional.empty();
        }
        return Optional.of(new Finding(firstSource, first, secondSource, second,
                "two different roots signed for the same tree size " + first.size()));
    }

    /** Checks the consistency proof between two checkpoints of one log (either order of sizes). */
    public static Optional<Finding> consistent(String firstSource, Checkpoint first, String secondSource, Checkpoint second, List<Hash> proof) {
        if (!first.origin().equals(second.origin())) {
            return Optional.empty();
        }
        boolean ordered = first.size() <= second.size();
        Checkpoint older = ordered ? first : second;
        Checkpoint newer = ordered ? second : first;
        return switch (Merkle.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(), proof)) {
            case ProofCheck.Valid v -> Optional.empty();
            case ProofError e -> Optional.of(new Finding(firstSource, first, secondSource, second,
                    "the later tree does not extend the earlier one: " + e.message()));
        };
    }
}
