package org.bulwark.tally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CandidateId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionType;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * A random election and random CVRs of it, including what real files contain and the tabulator
 * must get right: overvotes, ambiguous and non-allocable marks, repeated marks, NumberVotes 0 and
 * 2, write-in names, contests left out of a CVR or not on its style, unknown styles and units,
 * missing devices and batches, primaries (open, closed, party on the CVR), selection ids shared
 * between contests, ranked-choice contests.
 */
record Scenario(Election election, List<CastVoteRecord> cvrs) {
    private static final List<PartyId> PARTIES = List.of(Fixtures.pid("dem"), Fixtures.pid("rep"));
    private static final List<GpUnitId> UNITS = List.of(Fixtures.P1, Fixtures.P2, new GpUnitId("p-unknown"));

    static Scenario generate(Random r, int maxCvrs) {
        ElectionType type = List.of(ElectionType.GENERAL, ElectionType.PARTISAN_PRIMARY_OPEN,
                ElectionType.PARTISAN_PRIMARY_CLOSED, ElectionType.PRIMARY).get(r.nextInt(4));
        List<Contest> contests = new ArrayList<>();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            contests.add(contest(r, "k" + i));
        }
        List<BallotStyle> styles = new ArrayList<>();
        int nStyles = 1 + r.nextInt(3);
        for (int i = 0; i < nStyles; i++) {
            List<ContestId> on = new ArrayList<>();
            for (Contest c : contests) {
                if (r.nextInt(3) > 0) {
                    on.add(c.id());
                }
            }
            List<PartyId> parties = r.nextInt(3) == 0 ? List.of(pick(r, PARTIES)) : List.of();
            styles.add(new BallotStyle(new BallotStyleId("s" + i), List.of(pick(r, UNITS.subList(0, 2))), on, parties));
        }
        Election election = Fixtures.election(type, contests, styles);

        List<CastVoteRecord> cvrs = new ArrayList<>();
        int nCvrs = r.nextInt(maxCvrs + 1);
        for (int i = 0; i < nCvrs; i++) {
            cvrs.add(cvr(r, "b" + i, election));
        }
        return new Scenario(election, cvrs);
    }

    private static Contest contest(Random r, String id) {
        int kind = r.nextInt(10);
        if (kind < 6 || kind == 9) {
            List<ContestSelection> selections = new ArrayList<>();
            int n = 1 + r.nextInt(4);
            for (int j = 0; j < n; j++) {
                selections.add(r.nextInt(4) == 0
                        ? new ContestSelection.WriteIn(new SelectionId(id + "-wi" + j))
                        : new ContestSelection.CandidateSelection(new SelectionId(id + "-c" + j),
                                List.of(new CandidateId(id + "-cand" + j))));
            }
            List<PartyId> parties = switch (r.nextInt(4)) {
                case 0, 1 -> List.of();
                case 2 -> List.of(pick(r, PARTIES));
                default -> PARTIES;
            };
            return new Contest.CandidateContest(new ContestId(id), "Contest " + id, Fixtures.COUNTY,
                    1 + r.nextInt(3), selections, parties, kind == 9 ? 3 : 0);
        }
        if (kind < 8) {
            // Shared ids: two measures may both have "yes" and "no".
            return new Contest.BallotMeasureContest(new ContestId(id), "Measure " + id, Fixtures.COUNTY, "?", List.of(
                    new ContestSelection.BallotMeasureSelection(new SelectionId("yes"), "Yes"),
                    new ContestSelection.BallotMeasureSelection(new SelectionId("no"), "No")));
        }
        return new Contest.PartyContest(new ContestId(id), "Straight party " + id, Fixtures.COUNTY, List.of(
                new ContestSelection.PartySelection(new SelectionId(id + "-dem"), List.of(PARTIES.get(0))),
                new ContestSelection.PartySelection(new SelectionId(id + "-rep"), List.of(PARTIES.get(1)))));
    }

    private static CastVoteRecord cvr(Random r, String id, Election election) {
        BallotStyle style = r.nextInt(10) == 0
                ? new BallotStyle(new BallotStyleId("s-unknown"), List.of(), List.of(), List.of())
                : pick(r, election.ballotStyles());
        List<ContestId> on = new ArrayList<>();
        for (ContestId c : style.contests()) {
            if (r.nextInt(5) > 0) {
                on.add(c);
            }
        }
        for (Contest c : election.contests()) {
            if (!on.contains(c.id()) && r.nextInt(6) == 0) {
                on.add(c.id());
            }
        }
        Collections.shuffle(on, r);
        List<CvrContest> contests = new ArrayList<>();
        for (ContestId c : on) {
            Contest contest = election.contests().stream().filter(x -> x.id().equals(c)).findFirst().orElseThrow();
            contests.add(new CvrContest(c, marks(r, contest), OptionalInt.empty(), OptionalInt.empty()));
        }
        List<PartyId> parties = r.nextInt(4) == 0 ? List.of(pick(r, PARTIES)) : List.of();
        Optional<String> device = pick(r, List.of(Optional.<String>empty(), Optional.of("d1"), Optional.of("d2")));
        Optional<String> batch = pick(r, List.of(Optional.<String>empty(), Optional.of("1"), Optional.of("2")));
        return new CastVoteRecord(id, style.id(), pick(r, UNITS), parties, device, batch,
                pick(r, List.of(CountingGroup.values())), List.of(), contests);
    }

    private static List<Mark> marks(Random r, Contest contest) {
        List<Mark> marks = new ArrayList<>();
        int n = r.nextInt(contest.votesAllowed() + 3);
        for (int i = 0; i < n; i++) {
            ContestSelection s = pick(r, contest.selections());
            Indication indication = r.nextInt(6) == 0 ? pick(r, List.of(Indication.values())) : Indication.YES;
            Indication allocable = r.nextInt(6) == 0 ? pick(r, List.of(Indication.values())) : Indication.YES;
            int votes = r.nextInt(8) == 0 ? r.nextInt(3) : 1;
            Optional<String> name = s instanceof ContestSelection.WriteIn && r.nextBoolean()
                    ? Optional.of(pick(r, List.of("Zed", "Amy", "zed")))
                    : Optional.empty();
            int rank = contest instanceof Contest.CandidateContest c && c.isRankedChoice() ? 1 + r.nextInt(3) : 0;
            marks.add(new Mark(s.id(), votes, indication, allocable, rank, name, r.nextInt(10) == 0));
        }
        return marks;
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
