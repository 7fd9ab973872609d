package org.bulwark.audit;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /** Every contest's votes on a CVR, marks that count as votes only. */
    static Map<ContestId, Set<SelectionId>> all(CastVoteRecord cvr) {
        // Plain loops: a comparison round reads every contest of thousands of CVRs.
        Map<ContestId, Set<SelectionId>> votes = HashMap.newHashMap(cvr.contests().size());
        for (CvrContest c : cvr.contests()) {
            Set<SelectionId> marked = votes.get(c.contest());
            for (Mark m : c.marks()) {
                if (m.countsAsVote()) {
                    if (marked == null) {
                        marked = new LinkedHashSet<>(4);
                        votes.put(c.contest(), marked);
                    }
                    marked.add(m.selection());
                }
            }
        }
        return votes;
    }

    /** Every contest's marks on paper; empty when there was no ballot to read (counted the worst way). */
    static Optional<Map<ContestId, Set<SelectionId>>> all(PaperReading paper) {
        return switch (paper) {
            case PaperReading.Marks m -> Optional.of(m.marked());
            case PaperReading.Decoded d -> Optional.of(all(d.record()));
            case PaperReading.NotFound n -> Optional.empty();
        };
    }

    /** The votes that count: none when the contest is overvoted. */
    static Set<SelectionId> valid(Set<SelectionId> marked, int votesAllowed) {
        return marked.size() > votesAllowed ? Set.of() : marked;
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
    static int discrepancy(List<AuditedContest.Pair> pairs, Set<SelectionId> cvr, Optional<Set<SelectionId>> paper) {
        int worst = Integer.MIN_VALUE;
        for (AuditedContest.Pair pair : pairs) {
            double overstatement = 2 * (assort(cvr, pair) - assort(paper, pair));
            worst = Math.max(worst, (int) Math.round(overstatement));
        }
        return worst;
    }
}
