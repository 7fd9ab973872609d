package org.bulwark.tally.rcv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.model.ranked.RankedBallot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Single-winner counts cross-checked against a deliberately naive IRV written from the rules' text, and
 * the bookkeeping every round must keep whatever the rules.
 */
class RcvPropertiesTest {
    private static final List<String> NAMES = List.of("A", "B", "C", "D", "E");

    @Provide
    Arbitrary<List<List<String>>> ballots() {
        Arbitrary<List<String>> ballot = Arbitraries.of(NAMES).list().uniqueElements().ofMaxSize(NAMES.size());
        return ballot.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void irvElectsWhomTheNaiveCountElects(@ForAll("ballots") List<List<String>> ballots) {
        RcvContest contest = Ballots.contest(Rules.irv().build(), NAMES.toArray(String[]::new));
        RcvOutcome outcome = RcvTabulator.tabulate(contest, build(contest, ballots), TieOperator.none());
        RcvPass pass = ((RcvOutcome.Tabulated) outcome).passes().get(0);
        assertThat(pass.winners()).containsExactly(naiveIrv(ballots));
    }

    @Property(tries = 200)
    void everyBallotIsCountedOnceInEveryRound(@ForAll("ballots") List<List<String>> ballots,
            @ForAll @IntRange(min = 1, max = 3) int seats, @ForAll boolean batch) {
        Rules rules = seats == 1 ? (batch ? Rules.irv().batchElimination() : Rules.irv()) : Rules.stv(seats);
        RcvContest contest = Ballots.contest(rules.build(), NAMES.toArray(String[]::new));
        RcvOutcome outcome = RcvTabulator.tabulate(contest, build(contest, ballots), TieOperator.none());
        for (RcvRound round : ((RcvOutcome.Tabulated) outcome).passes().get(0).rounds()) {
            BigDecimal held = round.tally().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            // votes held by candidates, lost to rounding, or inactive add up to the ballots cast
            assertThat(held.add(round.residualSurplus()).add(round.inactive().values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add))).isEqualByComparingTo(BigDecimal.valueOf(ballots.size()));
        }
    }

    @Property(tries = 100)
    void precinctFiguresAddUpToTheWholeCount(@ForAll("ballots") List<List<String>> ballots,
            @ForAll @IntRange(min = 1, max = 3) int seats) {
        Rules rules = seats == 1 ? Rules.irv() : Rules.stv(seats);
        RcvContest contest = Ballots.contest(rules.build(), NAMES.toArray(String[]::new));
        RcvBallots.Builder builder = RcvBallots.builder(contest);
        for (int i = 0; i < ballots.size(); i++) {
            RankedBallot parsed = Ballots.parse("b" + i, String.join(" ", ballots.get(i)));
            // precincts p0..p2, and some ballots that name none
            Optional<String> precinct = i % 4 == 3 ? Optional.empty() : Optional.of("p" + i % 3);
            builder.add(new RankedBallot(parsed.ballotId(), precinct, Optional.empty(), parsed.choices()));
        }
        RcvOutcome outcome = RcvTabulator.tabulate(contest, builder.build(), TieOperator.none(), Set.of(Slice.PRECINCT));
        RcvPass pass = ((RcvOutcome.Tabulated) outcome).passes().get(0);
        Map<String, List<RcvRound>> precincts = pass.slices().get(Slice.PRECINCT);
        for (RcvRound round : pass.rounds()) {
            for (Inactive reason : Inactive.values()) {
                BigDecimal sum = precincts.values().stream().map(r -> r.get(round.number() - 1).inactive().get(reason))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum).isEqualByComparingTo(round.inactive().get(reason));
            }
            BigDecimal active = precincts.values().stream().map(r -> r.get(round.number() - 1).active())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(active).isEqualByComparingTo(round.active());
        }
    }

    private static RcvBallots build(RcvContest contest, List<List<String>> ballots) {
        List<String> lines = ballots.stream().map(b -> String.join(" ", b)).toList();
        return Ballots.of(contest, lines.toArray(String[]::new));
    }

    /** IRV as the rules read: majority of continuing votes wins; with two left the larger wins; else the smallest goes. */
    private static String naiveIrv(List<List<String>> ballots) {
        List<String> continuing = new ArrayList<>(NAMES);
        while (true) {
            Map<String, Integer> votes = new java.util.LinkedHashMap<>();
            continuing.forEach(c -> votes.put(c, 0));
            int active = 0;
            for (List<String> ballot : ballots) {
                for (String choice : ballot) {
                    if (continuing.contains(choice)) {
                        votes.merge(choice, 1, Integer::sum);
                        active++;
                        break;
                    }
                }
            }
            int threshold = active / 2 + 1;
            int top = Collections.max(votes.values());
            if (continuing.size() == 1) {
                return continuing.get(0);
            }
            for (String c : continuing) {
                if (votes.get(c) >= threshold) {
                    return c;
                }
            }
            if (continuing.size() == 2) {
                // tie: the candidate listed first wins
                return continuing.stream().filter(c -> votes.get(c) == top).findFirst().orElseThrow();
            }
            int bottom = Collections.min(votes.values());
            // tie: the candidate listed last goes
            String loser = continuing.stream().filter(c -> votes.get(c) == bottom).reduce((a, b) -> b).orElseThrow();
            continuing.remove(loser);
        }
    }
}
