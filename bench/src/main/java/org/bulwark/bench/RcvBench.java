package org.bulwark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;
import org.bulwark.model.ranked.RankedBallot.RankedChoice;
import org.bulwark.tally.rcv.RcvBallots;
import org.bulwark.tally.rcv.RcvContest;
import org.bulwark.tally.rcv.RcvOutcome;
import org.bulwark.tally.rcv.RcvPass;
import org.bulwark.tally.rcv.RcvRules;
import org.bulwark.tally.rcv.RcvTabulator;
import org.bulwark.tally.rcv.TieOperator;

/**
 * The ranked-choice engine alone on a contest shaped like Minneapolis's 2013 mayoral race: 1,041,313
 * ballots (by default), 35 candidates, three rankings per ballot, one elimination per round (33 rounds),
 * with skipped ranks, overvotes and repeated candidates mixed in as ES&S exports have them. Ballots are
 * generated one at a time (seeded) and streamed into the compact store, as the readers stream them, so the
 * heap holds only the compact store: run with -Xmx256m to check the memory target. Prints the time to
 * take the ballots in, the time to tabulate (wall clock, and CPU time of the tabulating thread, which a
 * busy machine disturbs less), and the heap still in use after tabulation and a garbage collection.
 * Usage: RcvBench [ballots] [runs].
 */
public final class RcvBench {
    private static final int CANDIDATES = 35;

    private RcvBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_041_313;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<RcvContest.Candidate> candidates = new ArrayList<>();
        for (int c = 1; c <= CANDIDATES; c++) {
            candidates.add(RcvContest.Candidate.named(String.format("Candidate %02d", c)));
        }
        RcvRules rules = new RcvRules(RcvRules.WinnerMode.SINGLE_WINNER_MAJORITY, 1,
                RcvRules.OvervoteRule.ALWAYS_SKIP_TO_NEXT_RANK, RcvRules.TiebreakMode.RANDOM,
                java.util.OptionalLong.of(2013), java.util.OptionalInt.of(2), java.util.OptionalInt.of(3), 4,
                java.math.BigDecimal.ZERO, false, false, false, false, false, false, java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty());
        RcvContest contest = new RcvContest("mayor", candidates, true, rules);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            RcvBallots ballots = generate(contest, n);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            RcvOutcome outcome = RcvTabulator.tabulate(contest, ballots, TieOperator.none());
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            RcvPass pass = ((RcvOutcome.Tabulated) outcome).passes().get(0);
            Runtime rt = Runtime.getRuntime();
            System.gc(); // what the count keeps, not the garbage of the ballots streamed in
            long used = rt.totalMemory() - rt.freeMemory();
            java.lang.ref.Reference.reachabilityFence(ballots);
            System.out.printf("run %d: %,d ballots taken in %.2f s, tabulated in %.2f s (%.2f s of CPU; %d rounds, "
                    + "winner %s); heap kept %,d MB of max %,d MB%n", run, ballots.size(), (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (c2 - c1) / 1e9,
                    pass.rounds().size(), pass.winners(), used >> 20, rt.maxMemory() >> 20);
        }
    }

    /** Seeded ballots: popularity falls off by candidate number; about 5% rank a write-in, 1% overvote, 1% repeat. */
    private static RcvBallots generate(RcvContest contest, int n) {
        SplittableRandom random = new SplittableRandom(2013);
        double[] weight = new double[CANDIDATES];
        double total = 0;
        for (int c = 0; c < CANDIDATES; c++) {
            weight[c] = 1.0 / Math.pow(c + 1, 0.9);
            total += weight[c];
        }
        RcvBallots.Builder builder = RcvBallots.builder(contest);
        for (int i = 0; i < n; i++) {
            List<RankedChoice> choices = new ArrayList<>(3);
            for (int rank = 1; rank <= 3; rank++) {
                double roll = random.nextDouble();
                if (roll < 0.04) {
                    continue; // skipped rank
                } else if (roll < 0.05) {
                    choices.add(new RankedChoice(rank, new Choice.Overvote()));
                } else if (roll < 0.07) {
                    choices.add(new RankedChoice(rank, new Choice.UndeclaredWriteIn()));
                } else {
                    choices.add(new RankedChoice(rank, new Choice.Candidate(pick(random, weight, total, contest))));
                }
            }
            builder.add(new RankedBallot("b" + i, Optional.empty(), Optional.empty(), choices));
        }
        return builder.build();
    }

    private static String pick(SplittableRandom random, double[] weight, double total, RcvContest contest) {
        double x = random.nextDouble() * total;
        for (int c = 0; c < weight.length; c++) {
            x -= weight[c];
            if (x <= 0) {
                return contest.candidates().get(c).name();
            }
        }
        return contest.candidates().get(weight.length - 1).name();
    }
}
