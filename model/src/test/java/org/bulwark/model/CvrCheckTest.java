package org.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CvrCheckTest {
    static final GpUnitId COUNTY = new GpUnitId("county");
    static final GpUnitId P1 = new GpUnitId("p1");
    static final ContestId MAYOR = new ContestId("mayor");
    static final ContestId PROP = new ContestId("prop");
    static final BallotStyleId STYLE = new BallotStyleId("style-1");
    static final ElectionIndex INDEX = ElectionIndex.of(new Election("e", "E", LocalDate.of(2026, 11, 3), ElectionType.GENERAL, "MO",
            COUNTY,
            List.of(new GpUnit(COUNTY, "County", GpUnitType.COUNTY, Optional.empty(), true, List.of(P1)),
                    new GpUnit(P1, "Precinct 1", GpUnitType.PRECINCT, Optional.empty(), false, List.of())),
            List.of(new Party(new PartyId("dem"), "Democratic", "DEM")),
            List.of(new Candidate(new CandidateId("a"), "A", Optional.empty()), new Candidate(new CandidateId("b"), "B", Optional.empty())),
            List.of(new Contest.CandidateContest(MAYOR, "Mayor", COUNTY, 1, List.of(
                            new ContestSelection.CandidateSelection(new SelectionId("mayor-a"), List.of(new CandidateId("a"))),
                            new ContestSelection.CandidateSelection(new SelectionId("mayor-b"), List.of(new CandidateId("b")))),
                            List.of(), 0),
                    new Contest.BallotMeasureContest(PROP, "Prop", COUNTY, "?", List.of(
                            new ContestSelection.BallotMeasureSelection(new SelectionId("prop-yes"), "Yes")))),
            List.of(new BallotStyle(STYLE, List.of(P1), List.of(MAYOR), List.of())),
            List.of(CountingGroup.ELECTION_DAY)));

    static Mark mark(String selection) {
        return new Mark(new SelectionId(selection), 1, Indication.YES, Indication.YES, 0, Optional.empty(), false);
    }

    static CastVoteRecord cvr(BallotStyleId style, GpUnitId unit, List<PartyId> parties, CvrContest... contests) {
        return new CastVoteRecord("b-1", style, unit, parties, Optional.empty(), Optional.empty(), CountingGroup.ELECTION_DAY,
                List.of(), List.of(contests));
    }

    @Test
    void aFittingCvrHasNoIssues() {
        CvrContest mayor = new CvrContest(MAYOR, List.of(mark("mayor-a")), OptionalInt.empty(), OptionalInt.empty());
        assertThat(CvrCheck.check(cvr(STYLE, P1, List.of(new PartyId("dem")), mayor), INDEX)).isEmpty();
    }

    @Test
    void anOvervoteIsNotAProblem() {
        CvrContest mayor = new CvrContest(MAYOR, List.of(mark("mayor-a"), mark("mayor-b")), OptionalInt.of(1), OptionalInt.empty());
        assertThat(CvrCheck.check(cvr(STYLE, P1, List.of(), mayor), INDEX)).isEmpty();
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        CvrContest prop = new CvrContest(PROP, List.of(mark("prop-yes")), OptionalInt.empty(), OptionalInt.empty());
        CvrContest mayor = new CvrContest(MAYOR, List.of(mark("prop-yes"), mark("nobody")), OptionalInt.empty(), OptionalInt.empty());
        CvrContest again = new CvrContest(MAYOR, List.of(), OptionalInt.empty(), OptionalInt.empty());
        CvrContest unknown = new CvrContest(new ContestId("dog-catcher"), List.of(mark("x")), OptionalInt.empty(), OptionalInt.empty());
        assertThat(CvrCheck.check(cvr(STYLE, new GpUnitId("p9"), List.of(new PartyId("whig")), prop, mayor, again, unknown), INDEX))
                .containsExactly(
                        new ValidationIssue("ballotStyleUnit", "ballot style unit 'p9' is not a unit of this election"),
                        new ValidationIssue("parties[0]", "party 'whig' is not a party of this election"),
                        new ValidationIssue("contests[0].contest", "contest 'prop' is not on ballot style 'style-1'"),
                        new ValidationIssue("contests[1].marks[0].selection",
                                "selection 'prop-yes' belongs to contest 'prop', not to contest 'mayor'"),
                        new ValidationIssue("contests[1].marks[1].selection", "selection 'nobody' is not a selection of this election"),
                        new ValidationIssue("contests[2].contest", "contest 'mayor' is recorded twice (also at contests[1])"),
                        new ValidationIssue("contests[3].contest", "contest 'dog-catcher' is not a contest of this election"));
    }

    @Test
    void anUnknownBallotStyleIsNamedAndItsContestsNotBlamed() {
        CvrContest mayor = new CvrContest(MAYOR, List.of(), OptionalInt.empty(), OptionalInt.empty());
        assertThat(CvrCheck.check(cvr(new BallotStyleId("style-9"), P1, List.of(), mayor), INDEX)).containsExactly(
                new ValidationIssue("ballotStyle", "ballot style 'style-9' is not a ballot style of this election"));
    }
}
