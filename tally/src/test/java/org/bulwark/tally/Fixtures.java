package org.bulwark.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Candidate;
import org.bulwark.model.CandidateId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionType;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/** Small elections and CVRs built in Java, with the ids spelled as short strings. */
final class Fixtures {
    private Fixtures() {}

    static final GpUnitId COUNTY = new GpUnitId("county");
    static final GpUnitId P1 = new GpUnitId("p1");
    static final GpUnitId P2 = new GpUnitId("p2");

    /**
     * A general election: straight party "sp" (sp-dem, sp-rep), mayor vote-for-1 (alice, bob,
     * wi-mayor), council vote-for-2 (c1, c2, c3, wi-council), measure (yes, no) and a ranked
     * contest "rcv" (r1, r2). Style s1 (p1) carries all five, style s2 (p2) sp, mayor and council.
     */
    static Election general() {
        return election(ElectionType.GENERAL, List.of(
                new Contest.PartyContest(cid("sp"), "Straight Party", COUNTY, List.of(
                        new ContestSelection.PartySelection(sid("sp-dem"), List.of(pid("dem"))),
                        new ContestSelection.PartySelection(sid("sp-rep"), List.of(pid("rep"))))),
                candidateContest("mayor", 1, List.of(), 0, "alice", "bob", "wi:wi-mayor"),
                candidateContest("council", 2, List.of(), 0, "c1", "c2", "c3", "wi:wi-council"),
                new Contest.BallotMeasureContest(cid("measure"), "Measure A", COUNTY, "Shall we?", List.of(
                        new ContestSelection.BallotMeasureSelection(sid("yes"), "Yes"),
                        new ContestSelection.BallotMeasureSelection(sid("no"), "No"))),
                candidateContest("rcv", 1, List.of(), 2, "r1", "r2")),
                List.of(style("s1", P1, List.of(), "sp", "mayor", "council", "measure", "rcv"),
                        style("s2", P2, List.of(), "sp", "mayor", "council")));
    }

    /**
     * A primary: dem-gov (dg1, dg2) for party dem, rep-gov (rg1, rg2) for rep, and the nonpartisan
     * judge (j1, j2). Style open (p1) carries all three for every party; style closed-dem (p2)
     * carries dem-gov and judge for dem voters.
     */
    static Election primary(ElectionType type) {
        return election(type, List.of(
                        candidateContest("dem-gov", 1, List.of(pid("dem")), 0, "dg1", "dg2"),
                        candidateContest("rep-gov", 1, List.of(pid("rep")), 0, "rg1", "rg2"),
                        candidateContest("judge", 1, List.of(), 0, "j1", "j2")),
                List.of(style("open", P1, List.of(), "dem-gov", "rep-gov", "judge"),
                        style("closed-dem", P2, List.of(pid("dem")), "dem-gov", "judge")));
    }

    static Election election(ElectionType type, List<Contest> contests, List<BallotStyle> styles) {
        List<Candidate> candidates = new ArrayList<>();
        for (Contest c : contests) {
            for (ContestSelection s : c.selections()) {
                if (s instanceof ContestSelection.CandidateSelection cs) {
                    cs.candidates().forEach(id -> candidates.add(new Candidate(id, "Candidate " + id, Optional.empty())));
                }
            }
        }
        return new Election("test-election", "Test Election", LocalDate.of(2026, 11, 3), type, "MO", COUNTY,
                List.of(new GpUnit(COUNTY, "Test County", GpUnitType.COUNTY, Optional.empty(), true, List.of(P1, P2)),
                        new GpUnit(P1, "Precinct 1", GpUnitType.PRECINCT, Optional.empty(), false, List.of()),
                        new GpUnit(P2, "Precinct 2", GpUnitType.PRECINCT, Optional.empty(), false, List.of())),
                List.of(new Party(pid("dem"), "Democratic", "DEM"), new Party(pid("rep"), "Republican", "REP")),
                candidates, contests, styles, List.of(CountingGroup.values()));
    }

    /** Selections named "wi:id" are write-in positions; the others are candidates of the same id. */
    static Contest.CandidateContest candidateContest(
            String id, int votesAllowed, List<PartyId> parties, int ranks, String... selections) {
        List<ContestSelection> list = new ArrayList<>();
        for (String s : selections) {
            list.add(s.startsWith("wi:")
                    ? new ContestSelection.WriteIn(sid(s.substring(3)))
                    : new ContestSelection.CandidateSelection(sid(s), List.of(new CandidateId("cand-" + s))));
        }
        return new Contest.CandidateContest(cid(id), "Contest " + id, COUNTY, votesAllowed, list, parties, ranks);
    }

    static BallotStyle style(String id, GpUnitId unit, List<PartyId> parties, String... contests) {
        return new BallotStyle(new BallotStyleId(id), List.of(unit),
                Arrays.stream(contests).map(Fixtures::cid).toList(), parties);
    }

    static ContestId cid(String id) {
        return new ContestId(id);
    }

    static SelectionId sid(String id) {
        return new SelectionId(id);
    }

    static PartyId pid(String id) {
        return new PartyId(id);
    }

    static Mark vote(String selection) {
        return new Mark(sid(selection), 1, Indication.YES, Indication.YES, 0, Optional.empty(), false);
    }

    static Mark votes(String selection, int votes) {
        return new Mark(sid(selection), votes, Indication.YES, Indication.YES, 0, Optional.empty(), false);
    }

    static Mark generated(String selection) {
        return new Mark(sid(selection), 1, Indication.YES, Indication.YES, 0, Optional.empty(), true);
    }

    static Mark writeIn(String selection, String name) {
        return new Mark(sid(selection), 1, Indication.YES, Indication.YES, 0, Optional.of(name), false);
    }

    static Mark mark(String selection, Indication indication, Indication allocable) {
        return new Mark(sid(selection), 1, indication, allocable, 0, Optional.empty(), false);
    }

    static Mark rank(String selection, int rank) {
        return new Mark(sid(selection), 1, Indication.YES, Indication.YES, rank, Optional.empty(), false);
    }

    static CvrContest contest(String id, Mark... marks) {
        return new CvrContest(cid(id), List.of(marks), OptionalInt.empty(), OptionalInt.empty());
    }

    /** A ballot of style s, cast election day in unit, on device "scanner-1" in batch "1". */
    static CastVoteRecord ballot(String id, String style, GpUnitId unit, CvrContest... contests) {
        return new CastVoteRecord(id, new BallotStyleId(style), unit, List.of(), Optional.of("scanner-1"),
                Optional.of("1"), CountingGroup.ELECTION_DAY, List.of(), List.of(contests));
    }

    static CastVoteRecord withParties(CastVoteRecord cvr, String... parties) {
        return new CastVoteRecord(cvr.ballotId(), cvr.ballotStyle(), cvr.ballotStyleUnit(),
                Arrays.stream(parties).map(Fixtures::pid).toList(), cvr.creatingDevice(), cvr.batch(),
                cvr.countingGroup(), cvr.ballotImages(), cvr.contests());
    }

    static CastVoteRecord from(CastVoteRecord cvr, CountingGroup group, Optional<String> device, Optional<String> batch) {
        return new CastVoteRecord(cvr.ballotId(), cvr.ballotStyle(), cvr.ballotStyleUnit(), cvr.parties(), device,
                batch, group, cvr.ballotImages(), cvr.contests());
    }
}
