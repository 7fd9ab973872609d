package org.bulwark.formats.results;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.BatchKey;
import org.bulwark.model.results.Breakdown;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.NotTabulated;

/**
 * A small election with hand-made results (the tabulator lives in another module): county scope,
 * precincts p1 and p2, mayor (alice, bob, write-in), measure (yes, no), straight party, and a
 * ranked-choice contest that was not tabulated.
 */
final class ResultsFixtures {
    private ResultsFixtures() {}

    static final GpUnitId COUNTY = new GpUnitId("county");
    static final GpUnitId P1 = new GpUnitId("p1");
    static final GpUnitId P2 = new GpUnitId("p2");

    static final ResultsHeader HEADER = new ResultsHeader("Test County Clerk", "TCC", "Bulwark 0.1.0",
            ResultsStatus.UNOFFICIAL_COMPLETE, OffsetDateTime.of(2026, 11, 4, 21, 30, 5, 123_000_000, ZoneOffset.ofHours(-6)),
            false);

    static ElectionIndex index() {
        PartyId dem = new PartyId("par-dem");
        PartyId rep = new PartyId("par-rep");
        return ElectionIndex.of(new Election("e-2026", "General Election & Special <Test>", LocalDate.of(2026, 11, 3),
                ElectionType.GENERAL, "MO", COUNTY,
                List.of(new GpUnit(COUNTY, "Test County", GpUnitType.COUNTY, Optional.empty(), true, List.of(P1, P2)),
                        new GpUnit(P1, "Precinct 1", GpUnitType.PRECINCT, Optional.empty(), false, List.of()),
                        new GpUnit(P2, "Precinct 2", GpUnitType.PRECINCT, Optional.empty(), false, List.of())),
                List.of(new Party(dem, "Democratic", "DEM"), new Party(rep, "Republican", "")),
                List.of(new Candidate(new CandidateId("c-alice"), "Alice Adams", Optional.of(dem)),
                        new Candidate(new CandidateId("c-bob"), "Bob Brown", Optional.empty())),
                List.of(new Contest.CandidateContest(new ContestId("mayor"), "Mayor", COUNTY, 1, List.of(
                                new ContestSelection.CandidateSelection(new SelectionId("alice"), List.of(new CandidateId("c-alice"))),
                                new ContestSelection.CandidateSelection(new SelectionId("bob"), List.of(new CandidateId("c-bob"))),
                                new ContestSelection.WriteIn(new SelectionId("mayor-wi"))), List.of(), 0),
                        new Contest.BallotMeasureContest(new ContestId("measure"), "Measure A", P1, "Shall the county build a road?",
                                List.of(new ContestSelection.BallotMeasureSelection(new SelectionId("yes"), "Yes"),
                                        new ContestSelection.BallotMeasureSelection(new SelectionId("no"), "No"))),
                        new Contest.PartyContest(new ContestId("sp"), "Straight Party", COUNTY, List.of(
                                new ContestSelection.PartySelection(new SelectionId("sp-dem"), List.of(dem)),
                                new ContestSelection.PartySelection(new SelectionId("sp-rep"), List.of(rep)))),
                        new Contest.CandidateContest(new ContestId("rcv"), "Council (ranked)", COUNTY, 1, List.of(
                                new ContestSelection.CandidateSelection(new SelectionId("r-alice"), List.of(new CandidateId("c-alice")))),
                                List.of(), 3)),
                List.of(new BallotStyle(new BallotStyleId("s1"), List.of(P1), List.of(new ContestId("mayor")), List.of())),
                List.of(CountingGroup.values())));
    }

    static ContestCounts counts(long over, long under, long cast, Object... selectionVotes) {
        Map<SelectionId, Long> votes = new LinkedHashMap<>();
        for (int i = 0; i < selectionVotes.length; i += 2) {
            votes.put(new SelectionId((String) selectionVotes[i]), ((Number) selectionVotes[i + 1]).longValue());
        }
        Map<String, Long> names = votes.getOrDefault(new SelectionId("mayor-wi"), 0L) > 0 ? Map.of("Zed Zebra", 1L) : Map.of();
        return new ContestCounts(votes, over, under, cast, under, votes.getOrDefault(new SelectionId("mayor-wi"), 0L), names);
    }

    static <T> Breakdown<T> breakdown(T total, T p1, T p2, Optional<GpUnitId> extraUnit) {
        Map<GpUnitId, T> units = new LinkedHashMap<>();
        units.put(P1, p1);
        units.put(P2, p2);
        extraUnit.ifPresent(u -> units.put(u, p2));
        return new Breakdown<>(total, units, Map.of(new BallotStyleId("s1"), total),
                Map.of(CountingGroup.ELECTION_DAY, p1, CountingGroup.ABSENTEE, p2),
                Map.of(Optional.of("scanner-1"), total), Map.of(new BatchKey(Optional.of("scanner-1"), Optional.of("1")), total));
    }

    /** 5 ballots in p1, 3 in p2 (p2's also reported under {@code extraUnit} when given). */
    static ElectionResults results(Optional<GpUnitId> extraUnit) {
        return new ElectionResults("e-2026", COUNTY,
                breakdown(new BallotCounts(8, 0, 0), new BallotCounts(5, 0, 0), new BallotCounts(3, 0, 0), extraUnit),
                List.of(new ContestResult(new ContestId("mayor"), 1, breakdown(
                                counts(1, 1, 8, "alice", 4, "bob", 1, "mayor-wi", 1),
                                counts(1, 0, 5, "alice", 3, "bob", 0, "mayor-wi", 1),
                                counts(0, 1, 3, "alice", 1, "bob", 1, "mayor-wi", 0), extraUnit)),
                        new ContestResult(new ContestId("measure"), 1, breakdown(
                                counts(0, 1, 5, "yes", 3, "no", 1),
                                counts(0, 1, 5, "yes", 3, "no", 1),
                                counts(0, 0, 0, "yes", 0, "no", 0), extraUnit)),
                        new ContestResult(new ContestId("sp"), 1, breakdown(
                                counts(0, 6, 8, "sp-dem", 2, "sp-rep", 0),
                                counts(0, 3, 5, "sp-dem", 2, "sp-rep", 0),
                                counts(0, 3, 3, "sp-dem", 0, "sp-rep", 0), extraUnit))),
                List.of(new NotTabulated(new ContestId("rcv"), "ranked-choice contest: counted by ranked-choice tabulation, not here")));
    }
}
