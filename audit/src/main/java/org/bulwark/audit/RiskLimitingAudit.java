package org.bulwark.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.model.ContestId;
import org.bulwark.model.SelectionId;

/**
 * Risk-limiting audits of several contests at once, each with its own risk limit and method: the
 * risk measured after a round, the size of the first round, and what to do next (stop, escalate
 * or count every ballot by hand).
 */
public final class RiskLimitingAudit {
    /** How much larger each escalation makes the sample: doubling is what most audit plans use. */
    static final int ESCALATION_FACTOR = 2;

    private RiskLimitingAudit() {}

    /** The risk each contest's evidence shows, in the order given. */
    public static List<ContestRisk> measure(List<AuditedContest> contests, AuditEvidence evidence) {
        // Each ballot's votes are looked up once here, not once per contest: 100 contests stay quick.
        List<BallotView> all = evidence.ballots().stream().map(BallotView::of).toList();
        List<BallotView> distinct = distinct(all);
        return contests.stream().map(c -> measure(c, evidence, all, distinct)).toList();
    }

    private static ContestRisk measure(AuditedContest contest, AuditEvidence evidence, List<BallotView> all, List<BallotView> distinct) {
        long n = evidence.population();
        List<AuditedContest.Pair> pairs = contest.pairs();
        if (pairs.getFirst().margin() <= 0) {
            // A tie at the cut cannot be confirmed by any sample.
            return new ContestRisk(contest.contest(), 1, contest.riskLimit(), all.size(), Discrepancies.NONE);
        }
        Discrepancies found = Discrepancies.NONE;
        if (comparesBallots(contest.method())) {
            for (BallotView b : all) {
                found = found.plus(b.discrepancy(contest, pairs));
            }
        }
        // Each ballot's votes in this contest, read once for all pairs.
        List<Optional<Set<SelectionId>>> paper = all.stream().map(v -> v.paper(contest)).toList();
        List<Optional<Set<SelectionId>>> distinctPaper = distinct.stream().map(v -> v.paper(contest)).toList();
        double risk = switch (contest.method()) {
            case RlaMethod.Bravo b -> worstPair(pairs, pair -> {
                long forWinner = 0;
                long forLoser = 0;
                for (Optional<Set<SelectionId>> votes : paper) {
                    double a = BallotVotes.assort(votes, pair);
                    forWinner += a == 1 ? 1 : 0;
                    forLoser += a == 0 ? 1 : 0;
                }
                return Bravo.risk(pair.winnerVotes(), pair.loserVotes(), forWinner, forLoser);
            });
            case RlaMethod.AlphaPolling a -> worstPair(pairs, pair -> {
                double[] values = distinctPaper.stream().mapToDouble(votes -> BallotVotes.assort(votes, pair)).toArray();
                // The alternative is the reported assorter mean: what the count says the paper will show.
                double eta = 0.5 + (double) pair.margin() / (2 * n);
                return Alpha.pValue(eta, n, 1, values);
            });
            case RlaMethod.KaplanMarkov k -> KaplanMarkov.risk((double) pairs.getFirst().margin() / n, all.size(), found, k.gamma());
            case RlaMethod.AlphaComparison a -> {
                List<Set<SelectionId>> cvr = distinct.stream().map(v -> v.cvr(contest, pairs)).toList();
                yield worstPair(pairs, pair -> {
                    // Overstatement assorter B = (1 - omega) / (2 - v) with v the pair's diluted margin, bounded by 2 / (2 - v).
                    double v = (double) pair.margin() / n;
                    double[] values = new double[cvr.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (1 - (BallotVotes.assort(cvr.get(i), pair) - BallotVotes.assort(distinctPaper.get(i), pair))) / (2 - v);
                    }
                    double upper = 2 / (2 - v);
                    // Halfway between the value every ballot takes when the count is right, 1/(2 - v), and the bound u:
                    // betting on the no-error value grows too slowly, betting on u is ruined by one overstatement.
                    double eta = (1 / (2 - v) + upper) / 2;
                    return Alpha.pValue(eta, n, upper, values);
                });
            }
            case RlaMethod.BatchComparison b -> batchRisk(contest, evidence);
        };
        long sampled = contest.method() instanceof RlaMethod.BatchComparison ? evidence.batchDraws().size() : all.size();
        return new ContestRisk(contest.contest(), risk, contest.riskLimit(), sampled, found);
    }

    /** Whether the method compares each sampled ballot with its CVR (and so finds per-ballot discrepancies). */
    public static boolean comparesBallots(RlaMethod method) {
        return switch (method) {
            case RlaMethod.KaplanMarkov k -> true;
            case RlaMethod.AlphaComparison a -> true;
            case RlaMethod.Bravo b -> false;
            case RlaMethod.AlphaPolling a -> false;
            case RlaMethod.BatchComparison b -> false;
        };
    }

    /**
     * The ballot's discrepancy in the contest, -2..2 votes. A CVR that no manifest position maps to
     * counts as if it showed every winner (the worst way).
     */
    public static int ballotDiscrepancy(AuditedContest contest, AuditEvidence.SampledBallot s) {
        return BallotView.of(s).discrepancy(contest, contest.pairs());
    }

    /**
     * A sampled ballot's votes per contest on paper and in its CVR, each read once (the CVR's only
     * when a comparison asks). Paper is empty when the ballot could not be found, the CVR when no
     * manifest place maps to one.
     */
    private static final class BallotView {
        private final AuditEvidence.SampledBallot sampled;
        private final Optional<Map<ContestId, Set<SelectionId>>> paperVotes;
        private Optional<Map<ContestId, Set<SelectionId>>> cvrVotes;

        private BallotView(AuditEvidence.SampledBallot sampled) {
            this.sampled = sampled;
            this.paperVotes = BallotVotes.all(sampled.paper());
        }

        static BallotView of(AuditEvidence.SampledBallot s) {
            return new BallotView(s);
        }

        long ballot() {
            return sampled.ballot();
        }

        Optional<Set<SelectionId>> paper(AuditedContest contest) {
            return paperVotes.map(m -> BallotVotes.valid(m.getOrDefault(contest.contest(), Set.of()), contest.votesAllowed()));
        }

        Set<SelectionId> cvr(AuditedContest contest, List<AuditedContest.Pair> pairs) {
            if (cvrVotes == null) {
                cvrVotes = sampled.cvr().map(BallotVotes::all);
            }
            return cvrVotes.map(m -> BallotVotes.valid(m.getOrDefault(contest.contest(), Set.of()), contest.votesAllowed()))
                    .orElseGet(() -> Set.copyOf(pairs.stream().map(AuditedContest.Pair::winner).toList()));
        }

        int discrepancy(AuditedContest contest, List<AuditedContest.Pair> pairs) {
            return BallotVotes.discrepancy(pairs, cvr(contest, pairs), paper(contest));
        }
    }

    /** Each ballot once, at its first draw: drawing with replacement and skipping repeats samples without replacement. */
    private static List<BallotView> distinct(List<BallotView> all) {
        Set<Long> seen = new HashSet<>();
        List<BallotView> first = new ArrayList<>();
        for (BallotView b : all) {
            if (seen.add(b.ballot())) {
                first.add(b);
            }
        }
        return first;
    }

    private static double worstPair(List<AuditedContest.Pair> pairs, java.util.function.ToDoubleFunction<AuditedContest.Pair> risk) {
        return pairs.stream().mapToDouble(risk).max().orElse(1);
    }

    /**
     * Kaplan-Markov on batch taints. A batch is drawn with probability q_p = b_p / B; its error
     * bound u_p is its largest possible overstatement in units of the pair's margin, its taint
     * e_p the overstatement the hand count shows. With M = max u_p / q_p, the risk is
     * prod (1 - 1/M) / (1 - e_p / (q_p M)); with q proportional to u this is PPEB (Stark 2009).
     */
    static double batchRisk(AuditedContest contest, AuditEvidence evidence) {
        List<AuditEvidence.BatchTotals> totals = evidence.batchTotals();
        long all = totals.stream().mapToLong(AuditEvidence.BatchTotals::ballots).sum();
        double m = boundRatio(contest, totals);
        if (m <= 1) {
            return 1;
        }
        double log = 0;
        for (int index : evidence.batchDraws()) {
            AuditEvidence.BatchTotals t = totals.get(index);
            double q = (double) t.ballots() / all;
            Map<ContestId, Map<SelectionId, Long>> hand = evidence.batchHandCounts().get(index);
            double taint = hand == null ? bound(contest, t) : overstatement(contest, t.reported(), hand);
            double factor = (1 - 1 / m) / (1 - taint / (q * m));
            if (!(factor >= 0) || Double.isInfinite(factor)) {
                return 1;
            }
            log += Math.log(factor);
        }
        return Math.min(1, Math.exp(log));
    }

    /** M = max over batches of u_p / q_p; 0 when there are no ballots. */
    private static double boundRatio(AuditedContest contest, List<AuditEvidence.BatchTotals> totals) {
        long all = totals.stream().mapToLong(AuditEvidence.BatchTotals::ballots).sum();
        double m = 0;
        for (AuditEvidence.BatchTotals t : totals) {
            if (t.ballots() > 0) {
                m = Math.max(m, bound(contest, t) / ((double) t.ballots() / all));
            }
        }
        return m;
    }

    private static double bound(AuditedContest contest, AuditEvidence.BatchTotals t) {
        Map<SelectionId, Long> reported = t.reported().getOrDefault(contest.contest(), Map.of());
        double bound = 0;
        for (AuditedContest.Pair pair : contest.pairs()) {
            long net = reported.getOrDefault(pair.winner(), 0L) - reported.getOrDefault(pair.loser(), 0L);
            bound = Math.max(bound, (double) (net + t.ballots()) / pair.margin());
        }
        return bound;
    }

    private static double overstatement(AuditedContest contest, Map<ContestId, Map<SelectionId, Long>> reportedAll,
            Map<ContestId, Map<SelectionId, Long>> handAll) {
        Map<SelectionId, Long> reported = reportedAll.getOrDefault(contest.contest(), Map.of());
        Map<SelectionId, Long> hand = handAll.getOrDefault(contest.contest(), Map.of());
        double worst = Double.NEGATIVE_INFINITY;
        for (AuditedContest.Pair pair : contest.pairs()) {
            long reportedNet = reported.getOrDefault(pair.winner(), 0L) - reported.getOrDefault(pair.loser(), 0L);
            long handNet = hand.getOrDefault(pair.winner(), 0L) - hand.getOrDefault(pair.loser(), 0L);
            worst = Math.max(worst, (double) (reportedNet - handNet) / pair.margin());
        }
        return worst;
    }

    /**
     * The first round's size: the largest any contest is expected to need (BRAVO's ASN for
     * polling, Kaplan-Markov's initial size with the default discrepancy rates for comparison,
     * the clean-batch Kaplan-Markov size for batch comparison), at most the population.
     */
    public static long initialSampleSize(List<AuditedContest> contests, AuditEvidence evidence) {
        long n = evidence.population();
        long size = 1;
        for (AuditedContest c : contests) {
            long margin = c.smallestMargin();
            if (margin <= 0) {
                return n;
            }
            AuditedContest.Pair closest = c.pairs().getFirst();
            long need = switch (c.method()) {
                case RlaMethod.Bravo b -> Bravo.averageSampleNumber(closest.winnerVotes(), closest.loserVotes(), n, c.riskLimit());
                case RlaMethod.AlphaPolling a -> Bravo.averageSampleNumber(closest.winnerVotes(), closest.loserVotes(), n, c.riskLimit());
                case RlaMethod.KaplanMarkov k ->
                        KaplanMarkov.initialSampleSize((double) margin / n, c.riskLimit(), KaplanMarkov.DEFAULT_RATES, k.gamma()).orElse(n);
                case RlaMethod.AlphaComparison a -> KaplanMarkov.initialSampleSize((double) margin / n, c.riskLimit(),
                        KaplanMarkov.DEFAULT_RATES, KaplanMarkov.DEFAULT_GAMMA).orElse(n);
                case RlaMethod.BatchComparison b -> cleanBatchDraws(c, evidence);
            };
            size = Math.max(size, need);
        }
        return Math.min(size, n);
    }

    /** Draws until (1 - 1/M)^n <= alpha, the risk when every drawn batch is clean. */
    private static long cleanBatchDraws(AuditedContest contest, AuditEvidence evidence) {
        double m = boundRatio(contest, evidence.batchTotals());
        return m <= 1 ? evidence.population() : (long) Math.ceil(Math.log(contest.riskLimit()) / Math.log(1 - 1 / m));
    }

    /**
     * What to do after a round: stop when every contest met its risk limit; otherwise escalate to
     * {@link #ESCALATION_FACTOR} times the draws so far, or count every ballot by hand when that
     * would reach the population or the round limit is spent.
     */
    public static Decision decide(List<ContestRisk> risks, long drawsSoFar, long population, int round, int maxRounds) {
        if (risks.stream().allMatch(ContestRisk::met)) {
            return new Decision.Stop();
        }
        long next = drawsSoFar >= population / ESCALATION_FACTOR ? population : drawsSoFar * ESCALATION_FACTOR;
        if (round >= maxRounds || next >= population) {
            return new Decision.FullHandCount(risks.stream().filter(r -> !r.met()).map(ContestRisk::contest).toList());
        }
        return new Decision.Escalate(Math.max(next, drawsSoFar + 1));
    }

    /** The risk of one contest after a round. */
    public record ContestRisk(ContestId contest, double risk, double riskLimit, long sampled, Discrepancies discrepancies) {
        public boolean met() {
            return risk <= riskLimit;
        }
    }

    /** What an audit does after a round. */
    public sealed interface Decision {
        /** Every contest met its risk limit: the reported outcomes stand. */
        record Stop() implements Decision {}

        /** Draw more, continuing the same sequence, until {@code totalDraws} have been drawn. */
        record Escalate(long totalDraws) implements Decision {}

        /** These contests did not meet their limits: count every ballot of them by hand; that count decides. */
        record FullHandCount(List<ContestId> contests) implements Decision {
            public FullHandCount {
                contests = List.copyOf(contests);
            }
        }
    }
}
