package org.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.model.TestElections.cand;
import static org.bulwark.model.TestElections.replace;
import static org.bulwark.model.TestElections.s;
import static org.bulwark.model.TestElections.u;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElectionValidatorTest {
    private final Election base = TestElections.small();

    private static List<String> errors(Election e) {
        return ElectionValidator.validate(e).stream().filter(ValidationIssue::isError).map(ValidationIssue::toString).toList();
    }

    @Test
    void aValidElectionHasNoIssue() {
        assertThat(ElectionValidator.validate(base)).isEmpty();
    }

    @Test
    void votesAllowedMustBeBetweenOneAndTheNumberOfSelectionsCountingWriteIns() {
        Contest.CandidateContest k2 = (Contest.CandidateContest) base.contests().get(2);
        Election three = TestElections.withContests(base, replace(base.contests(), 2, new Contest.CandidateContest(
                k2.id(), k2.name(), k2.district(), 3, k2.selections(), k2.primaryParties(), 0)));
        Election four = TestElections.withContests(base, replace(base.contests(), 2, new Contest.CandidateContest(
                k2.id(), k2.name(), k2.district(), 4, k2.selections(), k2.primaryParties(), 0)));
        Election zero = TestElections.withContests(base, replace(base.contests(), 2, new Contest.CandidateContest(
                k2.id(), k2.name(), k2.district(), 0, k2.selections(), k2.primaryParties(), 0)));

        assertThat(errors(three)).isEmpty();
        assertThat(errors(four)).containsExactly("contests[2].votesAllowed: contest 'k2' allows 4 votes but has only "
                + "3 selections (candidates and write-in positions); allow at most 3");
        assertThat(errors(zero)).containsExactly("contests[2].votesAllowed: contest 'k2' allows 0 votes; it must allow at least 1");
    }

    @Test
    void rankedChoiceRanksMustFitTheSelections() {
        Contest.CandidateContest k1 = (Contest.CandidateContest) base.contests().get(1);
        Election ok = TestElections.withContests(base, replace(base.contests(), 1, new Contest.CandidateContest(
                k1.id(), k1.name(), k1.district(), 1, k1.selections(), List.of(), 3)));
        Election tooMany = TestElections.withContests(base, replace(base.contests(), 1, new Contest.CandidateContest(
                k1.id(), k1.name(), k1.district(), 1, k1.selections(), List.of(), 4)));
        Election negative = TestElections.withContests(base, replace(base.contests(), 1, new Contest.CandidateContest(
                k1.id(), k1.name(), k1.district(), 1, k1.selections(), List.of(), -1)));

        assertThat(errors(ok)).isEmpty();
        assertThat(errors(tooMany)).containsExactly(
                "contests[1].ranks: ranked-choice contest 'k1' has 4 ranks but only 3 selections; allow 1 to 3 ranks");
        assertThat(errors(negative)).containsExactly(
                "contests[1].ranks: contest 'k1' has -1 ranks; use 0 for a plurality contest or 1 to 3 for ranked choice");
    }

    @Test
    void aBallotMeasureNeedsTwoResponsesAndNothingElse() {
        Election one = TestElections.withContests(base, replace(base.contests(), 3, new Contest.BallotMeasureContest(
                new ContestId("m1"), "Proposition 1", u("d1"), "Shall it?",
                List.of(new ContestSelection.BallotMeasureSelection(s("m1y"), "YES"), cand("m1c", "c1")))));

        assertThat(errors(one)).containsExactly(
                "contests[3].selections[1]: selection 'm1c' is a candidate, which does not belong in contest 'm1'; "
                        + "it may hold only responses such as Yes and No",
                "contests[3].selections: ballot measure 'm1' has 1 responses; it needs at least two, such as \"Yes\" and \"No\"");
    }

    @Test
    void aContestOnNoBallotIsAWarningOnly() {
        Election e = TestElections.withStyles(base, List.of(new BallotStyle(new BallotStyleId("b1"),
                List.of(u("p1"), u("p2a"), u("p2b")), List.of(new ContestId("sp"), new ContestId("k1"), new ContestId("k2")),
                List.of())));

        List<ValidationIssue> issues = ElectionValidator.validate(e);

        assertThat(issues).containsExactly(ValidationIssue.warning("contests[3]", "contest 'm1' is on no ballot style, "
                + "so no one can vote in it; add it to the ballot styles of the precincts that vote on it, or remove it"));
    }

    @Test
    void idsMustBeUniqueAcrossUnitsPartiesCandidatesContestsAndSelections() {
        Election e = TestElections.withCandidates(base, List.of(
                new Candidate(new CandidateId("c1"), "Ann Smith", Optional.of(new PartyId("dem"))),
                new Candidate(new CandidateId("p1"), "Bob Jones", Optional.of(new PartyId("rep"))),
                new Candidate(new CandidateId("c1"), "Cy Young", Optional.empty())));

        assertThat(errors(e)).containsExactly(
                "candidates[1].id: id 'p1' is already used by gpUnits[2]; ids of units, parties, candidates, contests "
                        + "and selections must all be different",
                "candidates[2].id: id 'c1' is already used by candidates[0]; ids of units, parties, candidates, contests "
                        + "and selections must all be different",
                "contests[1].selections[1].candidates[0]: candidate 'c2' is not a candidate of this election; valid "
                        + "candidates: 'c1', 'p1'",
                "contests[2].selections[1].candidates[0]: candidate 'c3' is not a candidate of this election; valid "
                        + "candidates: 'c1', 'p1'");
    }

    @Test
    void everyProblemIsListedWithItsPlaceNotJustTheFirst() {
        Election e = new Election("e-1", " ", LocalDate.of(2026, 11, 3), ElectionType.GENERAL, "MO", u("nowhere"),
                List.of(
                        new GpUnit(u("cty"), "Test County", GpUnitType.COUNTY, Optional.empty(), true,
                                List.of(u("p1"), u("p9"), u("cty"))),
                        new GpUnit(u("p1"), "", GpUnitType.PRECINCT, Optional.empty(), false, List.of()),
                        new GpUnit(u("x1"), "Fire", GpUnitType.OTHER, Optional.empty(), false, List.of()),
                        new GpUnit(u("p2a"), "Split", GpUnitType.SPLIT_PRECINCT, Optional.empty(), false, List.of())),
                List.of(new Party(new PartyId("dem"), "Democratic", "DEM")),
                List.of(new Candidate(new CandidateId("c1"), "Ann", Optional.of(new PartyId("green")))),
                List.of(
                        new Contest.CandidateContest(new ContestId("k1"), "Senator", u("d7"), 1,
                                List.of(cand("s1", "c1", "c9"), new ContestSelection.BallotMeasureSelection(s("s2"), "YES")),
                                List.of(new PartyId("whig")), 0),
                        new Contest.PartyContest(new ContestId("sp"), "Straight", u("cty"), List.of(
                                new ContestSelection.PartySelection(s("sp1"), List.of())))),
                List.of(
                        new BallotStyle(new BallotStyleId("b1"), List.of(), List.of(new ContestId("k1"), new ContestId("k0")),
                                List.of(new PartyId("tory"))),
                        new BallotStyle(new BallotStyleId("b1"), List.of(u("cty")), List.of(), List.of())),
                List.of());

        List<ValidationIssue> issues = ElectionValidator.validate(e);

        assertThat(issues).extracting(ValidationIssue::path).containsExactly(
                "title",
                "scope",
                "ballotStyles[1].id",
                "gpUnits[0].composingUnits[1]",
                "gpUnits[0].composingUnits[2]",
                "gpUnits[1].name",
                "gpUnits[2].otherType",
                "gpUnits[3]",
                "candidates[0].party",
                "contests[0].district",
                "contests[0].primaryParties[0]",
                "contests[0].selections[0].candidates[1]",
                "contests[0].selections[1]",
                "contests[1].selections[0].parties",
                "contests[1]",
                "ballotStyles[0].gpUnits",
                "ballotStyles[0].contests[1]",
                "ballotStyles[0].parties[0]",
                "ballotStyles[1].gpUnits[0]",
                "ballotStyles[1].contests");
        assertThat(issues.get(1).message()).isEqualTo("election scope 'nowhere' is not a geopolitical unit of this "
                + "election; valid units: 'cty', 'p1', 'x1', 'p2a'");
        assertThat(issues.get(7).message()).isEqualTo("split precinct 'p2a' is not part of any precinct; list it in "
                + "the composing units of the precinct it splits");
        assertThat(issues.get(14).severity()).isEqualTo(ValidationIssue.Severity.WARNING);
        assertThat(issues.get(18).severity()).isEqualTo(ValidationIssue.Severity.WARNING);
        assertThat(issues.stream().filter(ValidationIssue::isError)).hasSize(18);
    }

    @Test
    void aCandidateListedTwiceInASelectionOrAContestTwiceOnABallotStyleIsReportedOnce() {
        Contest.CandidateContest k2 = (Contest.CandidateContest) base.contests().get(2);
        Election candidateTwice = TestElections.withContests(base, replace(base.contests(), 2, new Contest.CandidateContest(
                k2.id(), k2.name(), k2.district(), 2, replace(k2.selections(), 1, cand("s5", "c3", "c9", "c3")),
                k2.primaryParties(), 0)));
        BallotStyle b2 = base.ballotStyles().get(1);
        Election contestTwice = TestElections.withStyles(base, replace(base.ballotStyles(), 1, new BallotStyle(b2.id(),
                b2.gpUnits(), List.of(new ContestId("sp"), new ContestId("k1"), new ContestId("sp")), b2.parties())));

        assertThat(errors(candidateTwice)).containsExactly(
                "contests[2].selections[1].candidates[1]: candidate 'c9' is not a candidate of this election; "
                        + "valid candidates: 'c1', 'c2', 'c3'",
                "contests[2].selections[1].candidates[2]: candidate 'c3' is listed twice in selection 's5'");
        assertThat(errors(contestTwice)).containsExactly(
                "ballotStyles[1].contests[2]: contest 'sp' appears twice on ballot style 'b2'");
    }

    @Test
    void aSplitBelongsToExactlyOnePrecinct() {
        List<GpUnit> units = new java.util.ArrayList<>(base.gpUnits());
        units.set(2, new GpUnit(u("p1"), "Precinct 1", GpUnitType.PRECINCT, Optional.empty(), false, List.of(u("p2a"))));

        assertThat(errors(TestElections.withUnits(base, units))).containsExactly(
                "gpUnits[4]: split precinct 'p2a' is part of 2 precincts (p1, p2); a split belongs to exactly one precinct");
    }

    @Test
    void emptyNamesAreReported() {
        Election e = TestElections.withParties(base, List.of(new Party(new PartyId("dem"), "", "DEM"),
                new Party(new PartyId("rep"), "Republican", "REP")));

        assertThat(errors(e)).containsExactly("parties[0].name: the name of party 'dem' is empty; give the text "
                + "printed on the ballot or shown in reports");
    }
}
