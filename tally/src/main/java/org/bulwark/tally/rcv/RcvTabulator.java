package org.bulwark.tally.rcv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bulwark.tally.rcv.RcvRules.WinnerMode;

/**
 * Ranked-choice tabulation with RCTab's rules and arithmetic: single-winner IRV, multi-seat single
 * transferable vote (Droop or Hare, whole or fractional threshold), bottoms-up (to N winners or to a
 * percentage), and multi-pass IRV (one IRV count per seat, earlier winners excluded).
 *
 * <pre>{@code
 * RcvBallots.Builder builder = RcvBallots.builder(contest);
 * ballots.forEach(builder::add);            // each add reports an unknown candidate, if any
 * RcvOutcome outcome = RcvTabulator.tabulate(contest, builder.build(), TieOperator.none());
 * }</pre>
 */
public final class RcvTabulator {
    private RcvTabulator() {}

    public static RcvOutcome tabulate(RcvContest contest, RcvBallots ballots, TieOperator operator) {
        return tabulate(contest, ballots, operator, Set.of());
    }

    /** As {@link #tabulate(RcvContest, RcvBallots, TieOperator)}, keeping every round's figures by precinct or batch too. */
    public static RcvOutcome tabulate(RcvContest contest, RcvBallots ballots, TieOperator operator, Set<Slice> slices) {
        RcvRules rules = contest.rules();
        if (rules.winnerMode() != WinnerMode.MULTI_PASS_IRV) {
            return switch (new PassTabulation(contest, ballots, rules.numberOfWinners(), Set.of(), operator, slices)
                    .run()) {
                case PassTabulation.Result.Done done -> new RcvOutcome.Tabulated(List.of(done.pass()));
                case PassTabulation.Result.Stopped stopped -> new RcvOutcome.Stopped(stopped.reason(), List.of());
            };
        }
        // multi-pass IRV: one single-seat count per seat, each excluding the winners before it
        List<RcvPass> passes = new ArrayList<>();
        Set<String> earlierWinners = new HashSet<>();
        for (int seat = 1; seat <= rules.numberOfWinners(); seat++) {
            switch (new PassTabulation(contest, ballots, 1, earlierWinners, operator, slices).run()) {
                case PassTabulation.Result.Done done -> {
                    RcvPass pass = done.pass();
                    if (pass.winners().size() != 1) {
                        return new RcvOutcome.Stopped("seat " + seat + ": the count ended without a winner", passes);
                    }
                    passes.add(new RcvPass(seat, 1, pass.candidateCount(), pass.candidateNameCount(),
                            pass.winners(), pass.rounds(), pass.slices()));
                    earlierWinners.add(pass.winners().get(0));
                }
                case PassTabulation.Result.Stopped stopped -> {
                    return new RcvOutcome.Stopped("seat " + seat + ": " + stopped.reason(), passes);
                }
            }
        }
        return new RcvOutcome.Tabulated(passes);
    }
}
