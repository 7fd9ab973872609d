package org.bulwark.tally.rcv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bulwark.tally.rcv.RcvRules.OvervoteRule;
import org.bulwark.tally.rcv.RcvRules.TiebreakMode;
import org.bulwark.tally.rcv.RcvRules.WinnerMode;
import org.junit.jupiter.api.Test;

class RcvTabulatorTest {

    private static RcvPass run(Rules rules, String[] names, String... ballots) {
        return runAll(rules, names, ballots).get(0);
    }

    private static List<RcvPass> runAll(Rules rules, String[] names, String... ballots) {
        RcvContest contest = Ballots.contest(rules.build(), names);
        RcvOutcome outcome = RcvTabulator.tabulate(contest, Ballots.of(contest, ballots), TieOperator.none());
        assertThat(outcome).isInstanceOf(RcvOutcome.Tabulated.class);
        return ((RcvOutcome.Tabulated) outcome).passes();
    }

    private static String[] names(String... names) {
        return names;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static RcvRound round(RcvPass pass, int number) {
        return pass.rounds().get(number - 1);
    }

    @Test
    void eliminatesTheLastAndTransfersUntilAMajority() {
        RcvPass pass = run(Rules.irv(), names("A", "B", "C"), "3x A", "2x B", "2x C A");
        assertThat(round(pass, 1).tally()).containsOnly(entry("A", d("3")), entry("B", d("2")), entry("C", d("2")));
        assertThat(round(pass, 1).threshold()).isEqualTo(d("4"));
        // B and C tie for last: by candidate order the later one, C, goes
        assertThat(round(pass, 1).eliminated()).containsExactly("C");
        assertThat(round(pass, 1).decidedByTie()).containsExactly("C");
        assertThat(round(pass, 2).transfers()).containsExactly(entry("C", Map.of("A", d("2"))));
        assertThat(round(pass, 2).elected()).containsExactly("A");
        assertThat(pass.winners()).containsExactly("A");
    }

    @Test
    void overvoteExhaustsImmediatelyOrIsSkipped() {
        RcvPass exhaust = run(Rules.irv(), names("A", "B", "C"), "A|B C", "2x A", "B");
        assertThat(round(exhaust, 1).inactive()).containsEntry(Inactive.OVERVOTE, d("1"));
        RcvPass skip = run(Rules.irv().overvote(OvervoteRule.ALWAYS_SKIP_TO_NEXT_RANK), names("A", "B", "C"),
                "A|B C", "2x A", "B", "!");
        assertThat(round(skip, 1).tally()).containsEntry("C", d("1"));
        // the marker at the last rank leaves nothing to skip to
        assertThat(round(skip, 1).inactive()).containsEntry(Inactive.EXHAUSTED_CHOICES, d("1"))
                .containsEntry(Inactive.OVERVOTE, d("0"));
    }

    @Test
    void overvoteExhaustsOnlyIfSeveralOfItsCandidatesContinue() {
        Rules rules = Rules.irv().overvote(OvervoteRule.EXHAUST_IF_MULTIPLE_CONTINUING);
        RcvContest contest = new RcvContest("t", List.of(RcvContest.Candidate.named("A"), RcvContest.Candidate.named("B"),
                new RcvContest.Candidate("D", List.of(), true)), false, rules.build());
        RcvOutcome outcome = RcvTabulator.tabulate(contest, Ballots.of(contest, "A|D B", "A|B", "B"), TieOperator.none());
        RcvRound first = ((RcvOutcome.Tabulated) outcome).passes().get(0).rounds().get(0);
        assertThat(first.tally()).containsEntry("A", d("1")).containsEntry("B", d("1"));
        assertThat(first.inactive()).containsEntry(Inactive.OVERVOTE, d("1"));
        assertThat(first.tally()).doesNotContainKey("D"); // excluded candidates take no part
    }

    @Test
    void skippedRanksBeyondTheLimitExhaustTheBallot() {
        String[] abc = names("A", "B", "C");
        assertThat(round(run(Rules.irv().maxSkips(0), abc, "_ A", "B"), 1).inactive())
                .containsEntry(Inactive.SKIPPED_RANKINGS, d("1"));
        assertThat(round(run(Rules.irv().maxSkips(1), abc, "_ A", "B"), 1).tally()).containsEntry("A", d("1"));
        assertThat(round(run(Rules.irv(), abc, "_ _ A", "B"), 1).tally()).containsEntry("A", d("1"));
    }

    @Test
    void rankingsBeyondTheMaximumAreIgnored() {
        String[] abcd = names("A", "B", "C", "D");
        RcvPass limited = run(Rules.irv().maxRankings(2), abcd, "3x A", "2x B", "C D A");
        assertThat(limited.rounds()).hasSize(3);
        assertThat(round(limited, 3).tally()).containsEntry("A", d("3"));
        assertThat(round(limited, 3).inactive()).containsEntry(Inactive.EXHAUSTED_CHOICES, d("1"));
        RcvPass unlimited = run(Rules.irv(), abcd, "3x A", "2x B", "C D A");
        assertThat(unlimited.rounds().get(unlimited.rounds().size() - 1).tally()).containsEntry("A", d("4"));
    }

    @Test
    void aRepeatedCandidateExhaustsTheBallotOnlyWhenTheRulesSaySo() {
        String[] abc = names("A", "B", "C");
        RcvPass strict = run(Rules.irv().exhaustOnDuplicates(), abc, "3x B", "2x C", "A A C");
        assertThat(round(strict, 2).inactive()).containsEntry(Inactive.REPEATED_RANKING, d("1"));
        assertThat(round(strict, 2).tally()).containsEntry("C", d("2"));
        RcvPass lenient = run(Rules.irv(), abc, "3x B", "2x C", "A A C");
        assertThat(round(lenient, 2).tally()).containsEntry("C", d("3"));
    }

    @Test
    void batchEliminationRemovesEveryoneWhoCannotCatchUp() {
        RcvPass pass = run(Rules.irv().batchElimination(), names("A", "B", "C", "D"), "10x A", "8x B", "2x C", "1x D");
        assertThat(round(pass, 1).eliminated()).containsExactly("C", "D");
        assertThat(round(pass, 1).decidedByTie()).isEmpty();
    }

    @Test
    void continueUntilTwoCandidatesRemainCountsPastTheMajority() {
        RcvPass pass = run(Rules.irv().continueUntilTwo(), names("A", "B", "C"), "5x A", "2x B", "1x C");
        assertThat(round(pass, 1).elected()).containsExactly("A");
        assertThat(round(pass, 2).eliminated()).containsExactly("C");
        assertThat(pass.rounds()).hasSize(3);
        assertThat(round(pass, 3).tally()).containsOnlyKeys("A", "B");
    }

    @Test
    void stopsEarlyAfterTheGivenRound() {
        RcvPass pass = run(Rules.irv().stopAfter(1), names("A", "B", "C"), "3x A", "2x B", "2x C A");
        assertThat(pass.rounds()).hasSize(1);
        assertThat(pass.winners()).isEmpty();
    }

    @Test
    void randomTieBreakPicksAsRctabDoesFromTheSortedCandidates() {
        RcvPass pass = run(Rules.irv().tiebreak(TiebreakMode.RANDOM, 1), names("C", "A", "B", "D"),
                "2x A", "2x B", "2x C", "3x D");
        List<String> sorted = List.of("A", "B", "C");
        String expected = sorted.get((int) Math.floor(new Random(1).nextDouble() * 3));
        assertThat(round(pass, 1).eliminated()).containsExactly(expected);
        assertThat(round(pass, 1).decidedByTie()).containsExactly(expected);
    }

    @Test
    void candidateOrderAndGeneratedPermutationEliminateTheLatestListed() {
        assertThat(round(run(Rules.irv(), names("C", "B", "A", "D"), "2x A", "2x B", "2x C", "3x D"), 1).eliminated())
                .containsExactly("A");
        List<String> permutation = new ArrayList<>(List.of("A", "B", "C", "D"));
        Collections.shuffle(permutation, new Random(7));
        String latest = permutation.stream().filter(n -> !n.equals("D")).reduce((a, b) -> b).orElseThrow();
        RcvPass pass = run(Rules.irv().tiebreak(TiebreakMode.GENERATE_PERMUTATION, 7), names("C", "B", "A", "D"),
                "2x A", "2x B", "2x C", "3x D");
        assertThat(round(pass, 1).eliminated()).containsExactly(latest);
    }

    @Test
    void previousRoundCountsBreakATieBeforeChance() {
        // B and C tie in round 2; C had fewer votes in round 1. Candidate order alone would drop B.
        RcvPass pass = run(Rules.irv().tiebreak(TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_RANDOM, 3),
                names("A", "C", "B", "D"), "4x A", "3x B", "2x C", "1x D C");
        assertThat(round(pass, 2).tally()).containsEntry("B", d("3")).containsEntry("C", d("3"));
        assertThat(round(pass, 2).eliminated()).containsExactly("C");
    }

    @Test
    void aTieLeftToAnOfficialStopsWithoutOneAndFollowsTheirChoice() {
        Rules rules = Rules.irv().tiebreak(TiebreakMode.STOP_COUNTING_AND_ASK, 0);
        RcvContest contest = Ballots.contest(rules.build(), "A", "B", "C");
        RcvBallots ballots = Ballots.of(contest, "3x A", "2x B", "2x C A");
        RcvOutcome none = RcvTabulator.tabulate(contest, ballots, TieOperator.none());
        assertThat(none).isInstanceOfSatisfying(RcvOutcome.Stopped.class,
                s -> assertThat(s.reason()).contains("round 1", "tie for elimination"));
        List<TieOperator.Tie> asked = new ArrayList<>();
        RcvOutcome chosen = RcvTabulator.tabulate(contest, ballots, tie -> {
            asked.add(tie);
            return Optional.of("B");
        });
        assertThat(asked).containsExactly(new TieOperator.Tie(1, false, List.of("B", "C"), d("2")));
        assertThat(((RcvOutcome.Tabulated) chosen).passes().get(0).rounds().get(0).eliminated()).containsExactly("B");
    }

    @Test
    void singleTransferableVoteMovesSurplusesWithRctabsRounding() {
        RcvPass pass = run(Rules.stv(2), names("A", "B", "C"), "6x A B", "2x B", "3x C");
        assertThat(round(pass, 1).threshold()).isEqualTo(d("4"));
        assertThat(round(pass, 1).elected()).containsExactly("A");
        // surplus fraction (6 - 4) / 6 = 0.3333 (rounded down): each ballot moves 0.3333 and keeps 0.6667
        assertThat(round(pass, 2).tally()).containsEntry("B", d("3.9998")).containsEntry("A", d("4"));
        assertThat(round(pass, 2).transfers().get("A"))
                .containsOnly(entry("B", d("1.9998")), entry(RcvRound.RESIDUAL_SURPLUS, d("0.0002")));
        assertThat(round(pass, 2).residualSurplus()).isEqualTo(d("0.0002"));
        assertThat(round(pass, 2).eliminated()).containsExactly("C");
        assertThat(round(pass, 3).elected()).containsExactly("B");
        assertThat(pass.winners()).containsExactly("A", "B");
        RcvRound last = pass.rounds().get(pass.rounds().size() - 1);
        assertThat(last.inactive().get(Inactive.FINAL_ROUND_SURPLUS)).isEqualTo(d("0.0000"));
        assertThat(last.tally()).containsEntry("B", d("3.9998"));
    }

    @Test
    void hareQuotaAndFractionalThresholds() {
        String[] abc = names("A", "B", "C");
        String[] votes = {"6x A B", "2x B", "3x C"};
        assertThat(round(run(Rules.stv(2).hareQuota(), abc, votes), 1).threshold()).isEqualTo(d("6"));
        assertThat(round(run(Rules.stv(2).nonIntegerThreshold(), abc, votes), 1).threshold()).isEqualTo(d("3.6667"));
    }

    @Test
    void onlyOneWinnerPerRoundWhenTheRulesSaySo() {
        RcvPass pass = run(Rules.stv(2).mode(WinnerMode.MULTI_WINNER_ONE_PER_ROUND), names("A", "B", "C"),
                "5x A", "5x B", "1x C");
        assertThat(round(pass, 1).elected()).containsExactly("A");
        assertThat(round(pass, 1).decidedByTie()).containsExactly("A");
        assertThat(round(pass, 2).elected()).containsExactly("B");
    }

    @Test
    void bottomsUpEliminatesUntilTheSeatsOrThePercentageAreReached() {
        RcvPass seats = run(Rules.stv(2).mode(WinnerMode.BOTTOMS_UP), names("A", "B", "C"), "5x A", "4x B", "2x C");
        assertThat(seats.winners()).containsExactlyInAnyOrder("A", "B");
        assertThat(seats.rounds()).hasSize(2);
        RcvPass share = run(Rules.irv().percentage(30), names("A", "B", "C", "D"), "5x A", "4x B", "2x C", "1x D");
        assertThat(round(share, 1).threshold()).isEqualTo(d("3.6000"));
        assertThat(share.winners()).containsExactlyInAnyOrder("A", "B");
        assertThat(share.rounds()).hasSize(3);
    }

    @Test
    void multiPassIrvExcludesEarlierWinners() {
        List<RcvPass> passes = runAll(Rules.stv(2).mode(WinnerMode.MULTI_PASS_IRV), names("A", "B", "C"),
                "5x A B", "4x B", "2x C B");
        assertThat(passes).extracting(RcvPass::winners).containsExactly(List.of("B"), List.of("A"));
        assertThat(passes.get(1).rounds().get(0).tally()).doesNotContainKey("B");
        assertThat(passes).extracting(RcvPass::seat).containsExactly(1, 2);
    }

    @Test
    void undeclaredWriteInsGoFirstAndCannotWin() {
        RcvContest contest = Ballots.contest(Rules.irv().build(), true, "A", "B");
        RcvOutcome outcome = RcvTabulator.tabulate(contest, Ballots.of(contest, "3x A", "2x ?", "2x B"), TieOperator.none());
        RcvPass pass = ((RcvOutcome.Tabulated) outcome).passes().get(0);
        assertThat(round(pass, 1).eliminated()).containsExactly(RcvContest.UNDECLARED_WRITE_INS);
        assertThat(pass.winners()).containsExactly("A");
        assertThat(pass.candidateCount()).isEqualTo(3);
    }

    @Test
    void candidatesBelowTheMinimumGoTogether() {
        RcvPass pass = run(Rules.irv().minimum(3), names("A", "B", "C", "D"), "5x A", "4x B", "2x C", "1x D");
        assertThat(round(pass, 1).eliminated()).containsExactly("C", "D");
    }

    @Test
    void aBallotNamingAnUnknownCandidateIsRefusedWithTheName() {
        RcvContest contest = Ballots.contest(Rules.irv().build(), "A", "B");
        Optional<String> problem = RcvBallots.builder(contest).add(Ballots.parse("x", "A Zed"));
        assertThat(problem).hasValueSatisfying(p -> assertThat(p).contains("\"Zed\"", "rank 2"));
        Optional<String> writeIn = RcvBallots.builder(contest).add(Ballots.parse("y", "?"));
        assertThat(writeIn).hasValueSatisfying(p -> assertThat(p).contains("no undeclared write-ins"));
    }

    @Test
    void aliasesNameTheSameCandidate() {
        RcvContest contest = new RcvContest("t", List.of(new RcvContest.Candidate("Alice", List.of("17"), false),
                RcvContest.Candidate.named("Bob")), false, Rules.irv().build());
        RcvOutcome outcome = RcvTabulator.tabulate(contest, Ballots.of(contest, "2x 17", "Alice", "Bob"), TieOperator.none());
        assertThat(((RcvOutcome.Tabulated) outcome).passes().get(0).rounds().get(0).tally()).containsEntry("Alice", d("3"));
    }
}
