package org.bulwark.model.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
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
        return new Reconciliation(checks(results, false));
    }

    /**
     * Only the checks that do not balance, as {@code of(results).discrepancies()} gives them, without
     * building the hundreds of thousands of checks (each with its words) of a statewide election that balance.
     */
    public static List<ContestReconciliation> discrepancies(ElectionResults results) {
        return List.copyOf(checks(results, true));
    }

    private static List<ContestReconciliation> checks(ElectionResults results, boolean unbalancedOnly) {
        List<ContestReconciliation> checks = new ArrayList<>();
        Breakdown<BallotCounts> ballots = results.ballots();
        for (ContestResult contest : results.contests()) {
            Breakdown<ContestCounts> counts = contest.counts();
            add(checks, unbalancedOnly, contest, () -> "election scope " + results.scope(), ballots.total(), counts.total());
            group(checks, unbalancedOnly, contest, "unit ", ballots.byUnit(), counts.byUnit(), Object::toString);
            group(checks, unbalancedOnly, contest, "ballot style ", ballots.byBallotStyle(), counts.byBallotStyle(), Object::toString);
            group(checks, unbalancedOnly, contest, "counting group ", ballots.byCountingGroup(), counts.byCountingGroup(), g -> g.nist());
            group(checks, unbalancedOnly, contest, "device ", ballots.byDevice(), counts.byDevice(), d -> d.orElse("(not recorded)"));
            group(checks, unbalancedOnly, contest, "batch ", ballots.byBatch(), counts.byBatch(),
                    b -> b.device().orElse("(no device)") + "/" + b.batch().orElse("(no batch)"));
        }
        return checks;
    }

    private static <K> void group(
            List<ContestReconciliation> checks,
            boolean unbalancedOnly,
            ContestResult contest,
            String kind,
            Map<K, BallotCounts> ballots,
            Map<K, ContestCounts> counts,
            Function<K, String> name) {
        counts.forEach((key, c) -> {
            // A contest counted in a group where no ballot was counted shows up as cast > counted (0).
            BallotCounts b = ballots.getOrDefault(key, NO_BALLOTS);
            add(checks, unbalancedOnly, contest, () -> kind + name.apply(key), b, c);
        });
    }

    private static final BallotCounts NO_BALLOTS = new BallotCounts(0, 0, 0);

    /** The check of one group; its words (where) are made only for a check that is kept. */
    private static void add(List<ContestReconciliation> checks, boolean unbalancedOnly, ContestResult contest, Supplier<String> where,
            BallotCounts ballots, ContestCounts c) {
        long votes = c.totalVotes();
        if (unbalancedOnly && ContestReconciliation.balances(ballots.counted(), c.ballotsCast(), contest.votesAllowed(), votes,
                c.undervotes(), c.overvotes())) {
            return;
        }
        checks.add(new ContestReconciliation(contest.contest(), where.get(), ballots.counted(), c.ballotsCast(),
                contest.votesAllowed(), votes, c.undervotes(), c.overvotes()));
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
