package org.bulwark.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.tally.Fixtures.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.ElectionType;
import org.bulwark.model.Indication;
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.BatchKey;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.NotTabulated;
import org.bulwark.model.results.Reconciliation;
import org.junit.jupiter.api.Test;

class TabulatorTest {

    private static ElectionResults tally(Election election, CastVoteRecord... cvrs) {
        PartialTally tally = Tabulator.of(ElectionIndex.of(election)).newPartial();
        for (CastVoteRecord cvr : cvrs) {
            tally.add(cvr);
        }
        return tally.results();
    }

    private static ContestCounts total(ElectionResults results, String contest) {
        return results.contest(cid(contest)).orElseThrow().counts().total();
    }

    @Test
    void votesForOneCountsVotesUndervotesOvervotesAndWriteInNames() {
        ElectionResults r = tally(general(),
                ballot("b1", "s2", P2, contest("mayor", vote("alice"))),
                ballot("b2", "s2", P2, contest("mayor", vote("bob"))),
                ballot("b3", "s2", P2, contest("mayor", vote("alice"), vote("bob"))),
                ballot("b4", "s2", P2, contest("mayor")),
                ballot("b5", "s2", P2, contest("mayor", writeIn("wi-mayor", "Zed"))),
                ballot("b6", "s2", P2, contest("mayor", writeIn("wi-mayor", "Zed"))),
                ballot("b7", "s2", P2, contest("mayor", writeIn("wi-mayor", "Amy"))),
                ballot("b8", "s2", P2, contest("mayor", vote("wi-mayor"))));

        ContestCounts mayor = total(r, "mayor");
        assertThat(mayor.votes()).containsExactly(
                Map.entry(sid("alice"), 1L), Map.entry(sid("bob"), 1L), Map.entry(sid("wi-mayor"), 4L));
        assertThat(mayor.overvotes()).isEqualTo(1);
        assertThat(mayor.undervotes()).isEqualTo(1);
        assertThat(mayor.ballotsCast()).isEqualTo(8);
        assertThat(mayor.blankBallots()).isEqualTo(1);
        assertThat(mayor.writeInVotes()).isEqualTo(4);
        // Most votes first, so the report reads like a ranking; the unnamed write-in has no entry.
        assertThat(mayor.writeInNames()).containsExactly(Map.entry("Zed", 2L), Map.entry("Amy", 1L));
    }

    @Test
    void votesForTwoCountsOvervotesAndUndervotesInVoteUnits() {
        ElectionResults r = tally(general(),
                ballot("b1", "s2", P2, contest("council", vote("c1"), vote("c2"))),
                ballot("b2", "s2", P2, contest("council", vote("c1"))),
                ballot("b3", "s2", P2, contest("council", vote("c1"), vote("c2"), vote("c3"))),
                ballot("b4", "s2", P2, contest("council", votes("c3", 2))),
                ballot("b5", "s2", P2, contest("council", votes("c3", 3))));

        ContestCounts council = total(r, "council");
        assertThat(council.votes()).containsEntry(sid("c1"), 2L).containsEntry(sid("c2"), 1L).containsEntry(sid("c3"), 2L);
        assertThat(council.undervotes()).isEqualTo(1); // b2
        assertThat(council.overvotes()).isEqualTo(4); // b3 and b5, 2 vote units each
        assertThat(council.ballotsCast()).isEqualTo(5);
        assertThat(council.ballotsCast() * 2).isEqualTo(council.totalVotes() + council.undervotes() + council.overvotes());
    }

    @Test
    void marksWithoutIndicationOrNotAllocableDoNotCount() {
        ElectionResults r = tally(general(),
                ballot("b1", "s2", P2, contest("mayor", mark("alice", Indication.UNKNOWN, Indication.YES))),
                ballot("b2", "s2", P2, contest("mayor", mark("alice", Indication.YES, Indication.NO))),
                ballot("b3", "s2", P2, contest("mayor", mark("alice", Indication.YES, Indication.UNKNOWN))),
                ballot("b4", "s2", P2, contest("mayor", mark("alice", Indication.NO, Indication.YES), vote("bob"))));

        ContestCounts mayor = total(r, "mayor");
        assertThat(mayor.votes()).containsEntry(sid("alice"), 1L).containsEntry(sid("bob"), 1L);
        assertThat(mayor.undervotes()).isEqualTo(2);
        assertThat(mayor.overvotes()).isZero();
        assertThat(r.ballots().total()).isEqualTo(new BallotCounts(4, 2, 0));
    }

    @Test
    void styleContestsTheCvrLeavesOutAreFullyUndervoted() {
        // b1 lists only the mayor; its style s2 also carries sp and council.
        ElectionResults r = tally(general(), ballot("b1", "s2", P2, contest("mayor", vote("alice"))));

        assertThat(total(r, "council").undervotes()).isEqualTo(2);
        assertThat(total(r, "council").ballotsCast()).isEqualTo(1);
        assertThat(total(r, "council").blankBallots()).isEqualTo(1);
        assertThat(total(r, "sp").undervotes()).isEqualTo(1);
        // measure is not on s2: not counted at all.
        assertThat(total(r, "measure").ballotsCast()).isZero();
        assertThat(r.contest(cid("measure")).orElseThrow().counts().byUnit()).isEmpty();
    }

    @Test
    void straightPartyContestAndItsGeneratedMarksCountLikeAnyContest() {
        ElectionResults r = tally(general(),
                ballot("b1", "s2", P2,
                        contest("sp", vote("sp-dem")),
                        contest("mayor", generated("alice")),
                        contest("council", generated("c1"), vote("c3"))),
                ballot("b2", "s2", P2, contest("sp"), contest("mayor", vote("bob")), contest("council")));

        assertThat(total(r, "sp").votes()).containsEntry(sid("sp-dem"), 1L).containsEntry(sid("sp-rep"), 0L);
        assertThat(total(r, "sp").undervotes()).isEqualTo(1);
        assertThat(total(r, "mayor").votes()).containsEntry(sid("alice"), 1L).containsEntry(sid("bob"), 1L);
        assertThat(total(r, "council").votes()).containsEntry(sid("c1"), 1L).containsEntry(sid("c3"), 1L);
    }

    @Test
    void rankedChoiceContestsAreListedAsNotTabulatedAndChangeNothingElse() {
        ElectionResults r = tally(general(),
                ballot("b1", "s1", P1, contest("rcv", rank("r1", 1), rank("r2", 2))),
                ballot("b2", "s1", P1));

        assertThat(r.contest(cid("rcv"))).isEmpty();
        assertThat(r.notTabulated()).containsExactly(new NotTabulated(cid("rcv"), Tabulator.RANKED_CHOICE_REASON));
        assertThat(r.contests()).extracting(c -> c.contest().value()).containsExactly("sp", "mayor", "council", "measure");
        // b1 has a vote, in the ranked contest only: it is not blank; b2 is.
        assertThat(r.ballots().total()).isEqualTo(new BallotCounts(2, 1, 0));
        assertThat(Reconciliation.of(r).balanced()).isTrue();
    }

    @Test
    void everyBreakdownPartitionsTheBallots() {
        CastVoteRecord a = ballot("b1", "s1", P1, contest("mayor", vote("alice")));
        CastVoteRecord b = from(ballot("b2", "s2", P2, contest("mayor", vote("bob"))),
                CountingGroup.ABSENTEE, Optional.empty(), Optional.of("7"));
        CastVoteRecord c = from(ballot("b3", "s2", P2, contest("mayor", vote("bob"))),
                CountingGroup.ABSENTEE, Optional.of("central"), Optional.empty());
        ElectionResults r = tally(general(), a, b, c);

        var mayor = r.contest(cid("mayor")).orElseThrow().counts();
        assertThat(mayor.total().votes()).containsEntry(sid("alice"), 1L).containsEntry(sid("bob"), 2L);
        assertThat(mayor.byUnit().keySet()).containsExactly(P1, P2);
        assertThat(mayor.byUnit().get(P2).votesFor(sid("bob"))).isEqualTo(2);
        assertThat(mayor.byBallotStyle().keySet()).containsExactly(new BallotStyleId("s1"), new BallotStyleId("s2"));
        assertThat(mayor.byCountingGroup().keySet()).containsExactly(CountingGroup.ELECTION_DAY, CountingGroup.ABSENTEE);
        assertThat(mayor.byDevice().keySet()).containsExactly(Optional.empty(), Optional.of("central"), Optional.of("scanner-1"));
        assertThat(mayor.byBatch().keySet()).containsExactly(
                new BatchKey(Optional.empty(), Optional.of("7")),
                new BatchKey(Optional.of("central"), Optional.empty()),
                new BatchKey(Optional.of("scanner-1"), Optional.of("1")));
        assertThat(r.ballots().byCountingGroup().get(CountingGroup.ABSENTEE).counted()).isEqualTo(2);
        assertThat(r.ballots().byUnit().get(P1).counted()).isEqualTo(1);
        assertThat(r.ballots().total().counted()).isEqualTo(3);
    }

    @Test
    void aCvrNamingWhatTheElectionDoesNotDefineIsRefusedAndChangesNothing() {
        PartialTally tally = Tabulator.of(ElectionIndex.of(general())).newPartial();
        tally.add(ballot("ok", "s2", P2, contest("mayor", vote("alice"))));
        ElectionResults before = tally.results();

        assertThatThrownBy(() -> tally.add(ballot("b9", "s2", P2, contest("mayor", vote("alice")), contest("nope"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ballot b9: contest nope is not in the election");
        assertThatThrownBy(() -> tally.add(ballot("b10", "s2", P2, contest("mayor", vote("c1")))))
                .hasMessage("ballot b10: selection c1 is not a selection of contest mayor");
        assertThatThrownBy(() -> tally.add(ballot("b11", "s2", P2, contest("mayor", vote("bob")), contest("mayor"))))
                .hasMessage("ballot b11: contest mayor is listed twice");
        assertThat(tally.results()).isEqualTo(before);
    }

    @Test
    void closedPrimaryCountsABallotOnlyInItsPartysContestsAndNonpartisanOnes() {
        Election e = primary(ElectionType.PARTISAN_PRIMARY_CLOSED);
        ElectionResults r = tally(e,
                // party from the CVR
                withParties(ballot("b1", "open", P1, contest("dem-gov", vote("dg1")), contest("rep-gov"),
                        contest("judge", vote("j1"))), "rep"),
                // party from the style: closed-dem
                ballot("b2", "closed-dem", P2, contest("dem-gov", vote("dg2")), contest("judge")));

        // b1 is a rep ballot: its dem-gov mark is not counted, its rep-gov is an undervote.
        assertThat(total(r, "dem-gov").votes()).containsEntry(sid("dg1"), 0L).containsEntry(sid("dg2"), 1L);
        assertThat(total(r, "dem-gov").ballotsCast()).isEqualTo(1);
        assertThat(total(r, "rep-gov").ballotsCast()).isEqualTo(1);
        assertThat(total(r, "rep-gov").undervotes()).isEqualTo(1);
        assertThat(total(r, "judge").ballotsCast()).isEqualTo(2);
        assertThat(total(r, "judge").undervotes()).isEqualTo(1);
        assertThat(r.ballots().total().partyUndetermined()).isZero();
    }

    @Test
    void openPrimaryTakesThePartyFromTheContestsVotedIn() {
        Election e = primary(ElectionType.PARTISAN_PRIMARY_OPEN);
        ElectionResults r = tally(e,
                ballot("dem", "open", P1, contest("dem-gov", vote("dg1")), contest("rep-gov"), contest("judge")),
                ballot("rep", "open", P1, contest("dem-gov"), contest("rep-gov", vote("rg2")), contest("judge", vote("j2"))),
                ballot("blank", "open", P1, contest("dem-gov"), contest("rep-gov"), contest("judge", vote("j1"))),
                ballot("cross", "open", P1, contest("dem-gov", vote("dg2")), contest("rep-gov", vote("rg1")),
                        contest("judge", vote("j1"))));

        // Other parties' contests on a ballot: no undervote, not cast. Crossover: no partisan contest counts.
        assertThat(total(r, "dem-gov").votes()).containsEntry(sid("dg1"), 1L).containsEntry(sid("dg2"), 0L);
        assertThat(total(r, "dem-gov").ballotsCast()).isEqualTo(1);
        assertThat(total(r, "dem-gov").undervotes()).isZero();
        assertThat(total(r, "rep-gov").votes()).containsEntry(sid("rg1"), 0L).containsEntry(sid("rg2"), 1L);
        assertThat(total(r, "rep-gov").ballotsCast()).isEqualTo(1);
        assertThat(total(r, "judge").ballotsCast()).isEqualTo(4);
        assertThat(total(r, "judge").votes()).containsEntry(sid("j1"), 2L).containsEntry(sid("j2"), 1L);
        assertThat(r.ballots().total()).isEqualTo(new BallotCounts(4, 0, 2)); // "blank" and "cross"
        assertThat(Reconciliation.of(r).balanced()).isTrue();
    }

    @Test
    void resultsCanBeTakenWhileCountingGoesOn() {
        PartialTally tally = Tabulator.of(ElectionIndex.of(general())).newPartial();
        tally.add(ballot("b1", "s2", P2, contest("mayor", vote("alice"))));
        ElectionResults first = tally.results();
        tally.add(ballot("b2", "s2", P2, contest("mayor", vote("alice"))));

        assertThat(first.ballots().total().counted()).isEqualTo(1);
        assertThat(tally.results().ballots().total().counted()).isEqualTo(2);
        assertThat(tally.ballotsCounted()).isEqualTo(2);
    }

    @Test
    void mergeRefusesTalliesOfAnotherTabulatorAndItself() {
        PartialTally a = Tabulator.of(ElectionIndex.of(general())).newPartial();
        PartialTally b = Tabulator.of(ElectionIndex.of(general())).newPartial();
        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyTallyHasZeroCountsAndEveryContest() {
        ElectionResults r = Tabulator.of(ElectionIndex.of(general())).newPartial().results();
        assertThat(r.electionId()).isEqualTo("test-election");
        assertThat(r.scope()).isEqualTo(COUNTY);
        assertThat(r.ballots().total()).isEqualTo(new BallotCounts(0, 0, 0));
        assertThat(r.contests()).hasSize(4);
        assertThat(total(r, "council").votes()).containsOnlyKeys(sid("c1"), sid("c2"), sid("c3"), sid("wi-council"));
        assertThat(List.copyOf(total(r, "council").votes().values())).containsOnly(0L);
    }
}
