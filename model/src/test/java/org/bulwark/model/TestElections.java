package org.bulwark.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A small valid election with one of everything, for tests to change one thing at a time. */
final class TestElections {
    private TestElections() {}

    static GpUnitId u(String id) {
        return new GpUnitId(id);
    }

    static SelectionId s(String id) {
        return new SelectionId(id);
    }

    static ContestSelection cand(String id, String... candidates) {
        return new ContestSelection.CandidateSelection(s(id),
                java.util.Arrays.stream(candidates).map(CandidateId::new).toList());
    }

    static Election small() {
        return new Election("e-1", "Test Election", LocalDate.of(2026, 11, 3), ElectionType.GENERAL, "MO", u("cty"),
                List.of(
                        new GpUnit(u("mo"), "Missouri", GpUnitType.STATE, Optional.empty(), false, List.of(u("cty"))),
                        new GpUnit(u("cty"), "Test County", GpUnitType.COUNTY, Optional.empty(), true,
                                List.of(u("p1"), u("p2"))),
                        new GpUnit(u("p1"), "Precinct 1", GpUnitType.PRECINCT, Optional.empty(), false, List.of()),
                        new GpUnit(u("p2"), "Precinct 2", GpUnitType.PRECINCT, Optional.empty(), false,
                                List.of(u("p2a"), u("p2b"))),
                        new GpUnit(u("p2a"), "Precinct 2A", GpUnitType.SPLIT_PRECINCT, Optional.empty(), false, List.of()),
                        new GpUnit(u("p2b"), "Precinct 2B", GpUnitType.SPLIT_PRECINCT, Optional.empty(), false, List.of()),
                        new GpUnit(u("d1"), "District 1", GpUnitType.CONGRESSIONAL, Optional.empty(), false,
                                List.of(u("p1"), u("p2a")))),
                List.of(new Party(new PartyId("dem"), "Democratic", "DEM"), new Party(new PartyId("rep"), "Republican", "REP")),
                List.of(
                        new Candidate(new CandidateId("c1"), "Ann Smith", Optional.of(new PartyId("dem"))),
                        new Candidate(new CandidateId("c2"), "Bob Jones", Optional.of(new PartyId("rep"))),
                        new Candidate(new CandidateId("c3"), "Cy Young", Optional.empty())),
                List.of(
                        new Contest.PartyContest(new ContestId("sp"), "Straight Party", u("mo"), List.of(
                                new ContestSelection.PartySelection(s("spd"), List.of(new PartyId("dem"))),
                                new ContestSelection.PartySelection(s("spr"), List.of(new PartyId("rep"))))),
                        new Contest.CandidateContest(new ContestId("k1"), "Senator", u("mo"), 1,
                                List.of(cand("s1", "c1"), cand("s2", "c2"), new ContestSelection.WriteIn(s("s3"))),
                                List.of(), 0),
                        new Contest.CandidateContest(new ContestId("k2"), "Board", u("cty"), 2,
                                List.of(cand("s4", "c1"), cand("s5", "c3"), new ContestSelection.WriteIn(s("s6"))),
                                List.of(), 0),
                        new Contest.BallotMeasureContest(new ContestId("m1"), "Proposition 1", u("d1"), "Shall it?",
                                List.of(new ContestSelection.BallotMeasureSelection(s("m1y"), "YES"),
                                        new ContestSelection.BallotMeasureSelection(s("m1n"), "NO")))),
                List.of(
                        new BallotStyle(new BallotStyleId("b1"), List.of(u("p1"), u("p2a")),
                                List.of(new ContestId("sp"), new ContestId("k1"), new ContestId("k2"), new ContestId("m1")),
                                List.of()),
                        new BallotStyle(new BallotStyleId("b2"), List.of(u("p2b")),
                                List.of(new ContestId("sp"), new ContestId("k1"), new ContestId("k2")), List.of())),
                List.of(CountingGroup.ELECTION_DAY, CountingGroup.ABSENTEE));
    }

    static Election withContests(Election e, List<Contest> contests) {
        return new Election(e.id(), e.title(), e.date(), e.type(), e.state(), e.scope(), e.gpUnits(), e.parties(),
                e.candidates(), contests, e.ballotStyles(), e.countingGroups());
    }

    static Election withStyles(Election e, List<BallotStyle> styles) {
        return new Election(e.id(), e.title(), e.date(), e.type(), e.state(), e.scope(), e.gpUnits(), e.parties(),
                e.candidates(), e.contests(), styles, e.countingGroups());
    }

    static Election withUnits(Election e, List<GpUnit> units) {
        return new Election(e.id(), e.title(), e.date(), e.type(), e.state(), e.scope(), units, e.parties(),
                e.candidates(), e.contests(), e.ballotStyles(), e.countingGroups());
    }

    static Election withCandidates(Election e, List<Candidate> candidates) {
        return new Election(e.id(), e.title(), e.date(), e.type(), e.state(), e.scope(), e.gpUnits(), e.parties(),
                candidates, e.contests(), e.ballotStyles(), e.countingGroups());
    }

    static Election withParties(Election e, List<Party> parties) {
        return new Election(e.id(), e.title(), e.date(), e.type(), e.state(), e.scope(), e.gpUnits(), parties,
                e.candidates(), e.contests(), e.ballotStyles(), e.countingGroups());
    }

    static <T> List<T> replace(List<T> list, int i, T value) {
        java.util.ArrayList<T> copy = new java.util.ArrayList<>(list);
        copy.set(i, value);
        return copy;
    }
}
