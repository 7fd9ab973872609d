package org.bulwark.audit;

import java.util.List;
import org.bulwark.model.events.Sha256;

/**
 * A ballot manifest: the batches of paper ballots of an authority in a fixed order. Ballot number
 * k (1-based) is counted through the batches in that order, which is how a sampled number becomes
 * "batch B, the 17th ballot from the top".
 *
 * @param source the file it was read from, as the user named it
 * @param fingerprint SHA-256 of the file's bytes, printed in the audit report
 */
public record BallotManifest(String source, Sha256 fingerprint, List<ManifestBatch> batches) {
    public BallotManifest {
        batches = List.copyOf(batches);
    }

    /** Ballots in all batches. */
    public long totalBallots() {
        return locator().totalBallots();
    }

    /** Where ballot number {@code ballot} (1..total) is: its batch and its position within the batch. */
    public BallotLocation locate(long ballot) {
        return locator().locate(ballot);
    }

    /** A locator for many look-ups, with the running totals computed once. */
    public Locator locator() {
        long[] ends = new long[batches.size() + 1];
        for (int i = 0; i < batches.size(); i++) {
            ends[i + 1] = Math.addExact(ends[i], batches.get(i).ballots());
        }
        return new Locator(ends);
    }

    /** Locates ballots by their number; ends[i] is the number of ballots in the batches before batch i. */
    public final class Locator {
        private final long[] ends;

        private Locator(long[] ends) {
            this.ends = ends;
        }

        public long totalBallots() {
            return ends[batches.size()];
        }

        public BallotLocation locate(long ballot) {
            if (ballot < 1 || ballot > totalBallots()) {
                throw new IllegalArgumentException("ballot " + ballot + " is not in the manifest's 1.." + totalBallots());
            }
            // The first batch whose running total reaches the ballot; empty batches never qualify because
            // the batch before them reaches the same total first.
            int lo = 0;
            int hi = batches.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[mid + 1] >= ballot) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return new BallotLocation(ballot, lo, batches.get(lo), ballot - ends[lo]);
        }
    }

    /**
     * A ballot's place in the manifest.
     *
     * @param ballot its number, 1..total, as drawn
     * @param batchIndex the batch's index in the manifest
     * @param position 1-based position within the batch, counted from the top
     */
    public record BallotLocation(long ballot, int batchIndex, ManifestBatch batch, long position) {}
}
