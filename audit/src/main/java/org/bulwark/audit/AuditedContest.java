package org.bulwark.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.model.ContestId;
import org.bulwark.model.SelectionId;

/**
 * A contest under a risk-limiting audit: its reported votes, its own risk limit and method. The
 * reported winners are the {@code winners} selections with most votes (1 for a yes/no question);
 * the audit tests every reported winner against every reported loser.
 *
 * @param votesAllowed the vote-for-N limit, beyond which a ballot's marks are an overvote
 */
public record AuditedContest(ContestId contest, int votesAllowed, int winners, Map<SelectionId, Long> reported,
        double riskLimit, RlaMethod method) {
    public AuditedContest {
        reported = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reported));
        Bravo.requireRiskLimit(riskLimit);
        if (winners < 1 || winners >= reported.size()) {
            throw new IllegalArgumentException("contest " + contest.value() + " has " + reported.size() + " selections; "
                    + winners + " winners cannot be audited");
        }
        if (votesAllowed < winners) {
            throw new IllegalArgumentException("contest " + contest.value() + " allows " + votesAllowed + " votes for " + winners + " winners");
        }
    }

    /** Every reported winner-loser pair, closest first. */
    public List<Pair> pairs() {
        List<Map.Entry<SelectionId, Long>> ranked = new ArrayList<>(reported.entrySet());
        // Stable sort: equal votes keep the definition's order (a tie at the cut makes a zero margin, a full hand count).
        ranked.sort(Map.Entry.<SelectionId, Long>comparingByValue().reversed());
        List<Pair> pairs = new ArrayList<>();
        for (Map.Entry<SelectionId, Long> w : ranked.subList(0, winners)) {
            for (Map.Entry<SelectionId, Long> l : ranked.subList(winners, ranked.size())) {
                pairs.add(new Pair(w.getKey(), l.getKey(), w.getValue(), l.getValue()));
            }
        }
        pairs.sort(Comparator.comparingLong(Pair::margin));
        return pairs;
    }

    /** The smallest margin in votes between a reported winner and a reported loser. */
    public long smallestMargin() {
        return pairs().getFirst().margin();
    }

    /** A reported winner and loser with their reported votes. */
    public record Pair(SelectionId winner, SelectionId loser, long winnerVotes, long loserVotes) {
        public long margin() {
            return winnerVotes - loserVotes;
        }
    }
}
