package org.bulwark.formats.cvr;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Candidate;
import org.bulwark.model.CandidateId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.ElectionType;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/** A small election built in code: two precincts, a vote-for-1 and a vote-for-2 contest, a measure, a ranked contest. */
public final class TestElection {
    private TestElection() {}

    static final Election ELECTION = build();
    public static final ElectionIndex INDEX = ElectionIndex.of(ELECTION);

    private static Election build() {
        GpUnitId county = new GpUnitId("county");
        GpUnitId p1 = new GpUnitId("p1");
        GpUnitId p2 = new GpUnitId("p2");
        PartyId dem = new PartyId("dem");
        PartyId rep = new PartyId("rep");
        List<Candidate> candidates = List.of(
                new Candidate(new CandidateId("can-a"), "Ann Archer", Optional.of(dem)),
                new Candidate(new CandidateId("can-b"), "Bob Baker", Optional.of(rep)),
                new Candidate(new CandidateId("can-c"), "Cy Cole", Optional.empty()));
        Contest mayor = new Contest.CandidateContest(new ContestId("mayor"), "Mayor", county, 1, List.of(
                cand("mayor-a", "can-a"), cand("mayor-b", "can-b"), new ContestSelection.WriteIn(new SelectionId("mayor-wi"))),
                List.of(), 0);
        Contest council = new Contest.CandidateContest(new ContestId("council"), "Council", county, 2, List.of(
                cand("council-a", "can-a"), cand("council-b", "can-b"), cand("council-c", "can-c")), List.of(), 0);
        Contest prop = new Contest.BallotMeasureContest(new ContestId("prop-1"), "Proposition 1", county, "Shall it pass?",
                List.of(new ContestSelection.BallotMeasureSelection(new SelectionId("prop-1-yes"), "Yes"),
                        new ContestSelection.BallotMeasureSelection(new SelectionId("prop-1-no"), "No")));
        Contest rcv = new Contest.CandidateContest(new ContestId("rcv"), "Ranked", county, 1, List.of(
                cand("rcv-a", "can-a"), cand("rcv-b", "can-b"), cand("rcv-c", "can-c")), List.of(), 3);
        Contest straight = new Contest.PartyContest(new ContestId("straight"), "Straight Party", county, List.of(
                new ContestSelection.PartySelection(new SelectionId("sp-dem"), List.of(dem)),
                new ContestSelection.PartySelection(new SelectionId("sp-rep"), List.of(rep))));
        return new Election("test-election", "Test Election", LocalDate.of(2026, 11, 3), ElectionType.GENERAL, "MO", county,
                List.of(new GpUnit(county, "Test County", GpUnitType.COUNTY, Optional.empty(), true, List.of(p1, p2)),
                        new GpUnit(p1, "Precinct 1", GpUnitType.PRECINCT, Optional.empty(), false, List.of()),
                        new GpUnit(p2, "Precinct 2", GpUnitType.PRECINCT, Optional.empty(), false, List.of())),
                List.of(new Party(dem, "Democratic", "DEM"), new Party(rep, "Republican", "REP")),
                candidates,
                List.of(straight, mayor, council, prop, rcv),
                List.of(new BallotStyle(new BallotStyleId("style-1"), List.of(p1),
                                List.of(new ContestId("straight"), new ContestId("mayor"), new ContestId("council"),
                                        new ContestId("prop-1"), new ContestId("rcv")), List.of()),
                        new BallotStyle(new BallotStyleId("style-2"), List.of(p2),
                                List.of(new ContestId("mayor"), new ContestId("prop-1")), List.of())),
                List.of(CountingGroup.values()));
    }

    private static ContestSelection cand(String id, String candidate) {
        return new ContestSelection.CandidateSelection(new SelectionId(id), List.of(new CandidateId(candidate)));
    }
}
