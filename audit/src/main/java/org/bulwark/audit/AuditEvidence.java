package org.bulwark.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.SelectionId;

/**
 * What an audit has found so far: the sampled ballots in draw order (a ballot drawn twice appears
 * twice) with what the board read and the CVR it is matched to, and for batch comparison the
 * reported totals of every batch and the hand counts of the batches drawn.
 *
 * @param population the ballots in the manifest, the N every method samples from
 * @param batchTotals every manifest batch's reported counts, in manifest order (batch comparison only)
 * @param batchDraws the manifest index of each drawn batch, in draw order
 * @param batchHandCounts hand counts by manifest index; a drawn batch not yet counted counts the worst way
 */
public record AuditEvidence(long population, List<SampledBallot> ballots, List<BatchTotals> batchTotals,
        List<Integer> batchDraws, Map<Integer, Map<ContestId, Map<SelectionId, Long>>> batchHandCounts) {
    public AuditEvidence {
        ballots = List.copyOf(ballots);
        batchTotals = List.copyOf(batchTotals);
        batchDraws = List.copyOf(batchDraws);
        batchHandCounts = Map.copyOf(batchHandCounts);
        if (population < 1) {
            throw new IllegalArgumentException("an audit needs ballots to sample, not " + population);
        }
    }

    /** Evidence of a ballot-level audit (polling or comparison). */
    public static AuditEvidence ofBallots(long population, List<SampledBallot> ballots) {
        return new AuditEvidence(population, ballots, List.of(), List.of(), Map.of());
    }

    /**
     * One drawn ballot.
     *
     * @param cvr the CVR the manifest position maps to (comparison audits); empty when none does,
     *     which counts the worst way
     */
    public record SampledBallot(long ballot, PaperReading paper, Optional<CastVoteRecord> cvr) {}

    /** A batch's size and reported votes per contest and selection. */
    public record BatchTotals(long ballots, Map<ContestId, Map<SelectionId, Long>> reported) {
        public BatchTotals {
            reported = Map.copyOf(reported);
        }
    }
}
