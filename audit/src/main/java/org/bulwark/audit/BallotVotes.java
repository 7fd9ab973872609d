package org.bulwark.audit;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;

/** The valid votes a ballot shows in one contest, from a CVR or from paper, and what they assort to. */
final class BallotVotes {
    private BallotVotes() {}

    /** The CVR's votes in the contest: none when it is not on the ballot or overvoted. */
    static Set<SelectionId> of(CastVoteRecord cvr, ContestId contest, int votesAllowed) {
        Set<SelectionId> votes = new LinkedHashSet<>();
        for (CvrContest c : cvr.contests()) {
            if (c.contest().equals(contest)) {
                c.marks().stream().filter(Mark::countsAsVote).map(Mark::selection).forEach(votes::add);
            }
        }
        return votes.size() > votesAllowed ? Set.of() : votes;
    }

    /** The paper's votes in the contest; empty when there was no ballot to read (counted the worst way). */
    static Optional<Set<SelectionId>> of(PaperReading paper, ContestId contest, int votesAllowed) {
        return switch (paper) {
            case PaperReading.Marks m -> {
                Set<SelectionId> votes = m.marked().getOrDefault(contest, Set.of());
                yield Optional.of(votes.size() > votesAllowed ? Set.of() : votes);
            }
            case PaperReading.Decoded d -> Optional.of(of(d.record(), contest, votesAllowed));
            case PaperReading.NotFound n -> Optional.empty();
        };
    }

    /** The plurality assorter for a pair: 1 for the winner, 0 for the loser, 1/2 for both or neither. */
    static double assort(Set<SelectionId> votes, AuditedContest.Pair pair) {
        return ((votes.contains(pair.winner()) ? 1 : 0) - (votes.contains(pair.loser()) ? 1 : 0) + 1) / 2.0;
    }

    /** As {@link #assort(Set, AuditedContest.Pair)}, with a missing ballot a vote for the loser. */
    static double assort(Optional<Set<SelectionId>> votes, AuditedContest.Pair pair) {
        return votes.map(v -> assort(v, pair)).orElse(0.0);
    }

    /**
     * The ballot's overstatement for the contest in votes (-2..2): the CVR's net votes for the
     * winner over the loser minus the paper's, the most overstated pair.
     */
    static int discrepancy(AuditedContest contest, Set<SelectionId> cvr, Optional<Set<SelectionId>> paper) {
        int worst = Integer.MIN_VALUE;
        for (AuditedContest.Pair pair : contest.pairs()) {
            double overstatement = 2 * (assort(cvr, pair) - assort(paper, pair));
            worst = Math.max(worst, (int) Math.round(overstatement));
        }
        return worst;
    }
}
