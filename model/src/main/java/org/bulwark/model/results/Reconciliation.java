package org.bulwark.model.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bulwark.model.ContestId;

/**
 * The reconciliation of ballots counted against the per-contest totals, for the election scope and
 * for every group of every breakdown. It is computed from the results alone, independently of the
 * tabulator that produced them, so that it also checks results read from elsewhere.
 */
public record Reconciliation(List<ContestReconciliation> checks) {
    public Reconciliation {
        checks = List.copyOf(checks);
    }

    public static Reconciliation of(ElectionResults results) {
        List<ContestReconciliation> checks = new ArrayList<>();
        Breakdown<BallotCounts> ballots = results.ballots();
        for (ContestResult contest : results.contests()) {
            Breakdown<ContestCounts> counts = contest.counts();
            checks.add(check(contest, "election scope " + results.scope(), ballots.total(), counts.total()));
            group(checks, contest, "unit ", ballots.byUnit(), counts.byUnit(), Object::toString);
            group(checks, contest, "ballot style ", ballots.byBallotStyle(), counts.byBallotStyle(), Object::toString);
            group(checks, contest, "counting group ", ballots.byCountingGroup(), counts.byCountingGroup(), g -> g.nist());
            group(checks, contest, "device ", ballots.byDevice(), counts.byDevice(), d -> d.orElse("(not recorded)"));
            group(checks, contest, "batch ", ballots.byBatch(), counts.byBatch(),
                    b -> b.device().orElse("(no device)") + "/" + b.batch().orElse("(no batch)"));
        }
        return new Reconciliation(checks);
    }

    private static <K> void group(
            List<ContestReconciliation> checks,
            ContestResult contest,
            String kind,
            Map<K, BallotCounts> ballots,
            Map<K, ContestCounts> counts,
            Function<K, String> name) {
        counts.forEach((key, c) -> {
            // A contest counted in a group where no ballot was counted shows up as cast > counted (0).
            BallotCounts b = ballots.getOrDefault(key, new BallotCounts(0, 0, 0));
            checks.add(check(contest, kind + name.apply(key), b, c));
        });
    }

    private static ContestReconciliation check(ContestResult contest, String where, BallotCounts ballots, ContestCounts c) {
        return new ContestReconciliation(contest.contest(), where, ballots.counted(), c.ballotsCast(),
                contest.votesAllowed(), c.totalVotes(), c.undervotes(), c.overvotes());
    }

    /** Every check that does not balance. */
    public List<ContestReconciliation> discrepancies() {
        return checks.stream().filter(c -> !c.balanced()).toList();
    }

    public boolean balanced() {
        return checks.stream().allMatch(ContestReconciliation::balanced);
    }

    /** Whether every check of one contest balances. */
    public boolean balanced(ContestId contest) {
        return checks.stream().filter(c -> c.contest().equals(contest)).allMatch(ContestReconciliation::balanced);
    }

    /** The check of a contest for the whole election scope. */
    public Optional<ContestReconciliation> scopeCheck(ContestId contest) {
        return checks.stream().filter(c -> c.contest().equals(contest)).findFirst();
    }
}
