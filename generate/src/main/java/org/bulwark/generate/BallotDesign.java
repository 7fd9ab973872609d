package org.bulwark.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bulwark.generate.Geography.Authority;
import org.bulwark.generate.Geography.District;
import org.bulwark.model.Candidate;
import org.bulwark.model.CandidateId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * The offices, candidates and questions of a presidential-year general election in a Missouri-like
 * state: statewide offices, Congress, the legislature (the odd-numbered half of the senate, the whole
 * house), county offices, municipal councils and school boards (vote for 2 or 3), and ballot measures.
 */
final class BallotDesign {
    static final PartyId REP = new PartyId("par-rep");
    static final PartyId DEM = new PartyId("par-dem");
    static final PartyId LIB = new PartyId("par-lib");
    static final PartyId GRN = new PartyId("par-grn");
    static final PartyId CST = new PartyId("par-cst");

    static final List<Party> PARTIES = List.of(
            new Party(REP, "Republican Party", "REP"),
            new Party(DEM, "Democratic Party", "DEM"),
            new Party(LIB, "Libertarian Party", "LIB"),
            new Party(GRN, "Green Party", "GRN"),
            new Party(CST, "Constitution Party", "CST"));

    private static final String[][] STATEWIDE_OFFICES = {
        {"us-senate", "United States Senator"},
        {"governor", "Governor"},
        {"lt-governor", "Lieutenant Governor"},
        {"secretary-of-state", "Secretary of State"},
        {"treasurer", "State Treasurer"},
        {"attorney-general", "Attorney General"},
    };
    private static final String[][] STATEWIDE_MEASURES = {
        {"amendment-1", "Constitutional Amendment 1", "Shall the Constitution be amended to limit the terms of statewide officials to two terms?"},
        {"amendment-2", "Constitutional Amendment 2", "Shall the Constitution be amended to allow counties to fund early childhood education?"},
        {"prop-a", "Proposition A", "Shall state law be amended to raise the minimum wage over four years?"},
    };
    private static final String[][] LOCAL_MEASURES = {
        {"Proposition P", "Shall the county impose a sales tax of one-half cent for public safety?"},
        {"Proposition R", "Shall the county issue bonds of $12,000,000 to repair roads and bridges?"},
        {"Proposition L", "Shall the county levy a tax of ten cents per $100 assessed value for libraries?"},
    };

    private final Rng rng;
    private final Names names;
    private final List<Candidate> candidates = new ArrayList<>();
    /** Contests by the district (or the state) they are held in, each list in ballot order. */
    private final Map<GpUnitId, List<ContestPlan>> byDistrict = new LinkedHashMap<>();

    record ContestPlan(Contest contest, Behaviour behaviour) {}

    private BallotDesign(Rng rng, Names names) {
        this.rng = rng;
        this.names = names;
    }

    static BallotDesign build(Geography geography, GpUnitId state, Rng rng, Names names) {
        BallotDesign design = new BallotDesign(rng, names);
        design.statewide(state);
        for (District d : geography.districts) {
            switch (d.layer()) {
                case CONGRESSIONAL -> design.partisan(d.id(), "c-" + d.id(), "United States Representative, District " + d.number(), 0.03, false);
                case STATE_SENATE -> {
                    // Missouri elects half its senate every two years: the odd-numbered districts this year.
                    if (d.number() % 2 == 1) {
                        design.partisan(d.id(), "c-" + d.id(), "State Senator, District " + d.number(), 0.05, rng.chance(0.2));
                    }
                }
                case STATE_HOUSE -> design.partisan(d.id(), "c-" + d.id(), "State Representative, District " + d.number(), 0.05, rng.chance(0.2));
                case AUTHORITY -> design.authority(geography.authorities.get(d.authority()));
                case MUNICIPAL -> design.nonpartisan(d.id(), "c-" + d.id() + "-council",
                        (d.type() == GpUnitType.WARD ? "Alderman, " : "Council Member, ") + d.name());
                case SCHOOL -> design.nonpartisan(d.id(), "c-" + d.id() + "-board", "Board of Education, " + d.name());
            }
        }
        return design;
    }

    List<Candidate> candidates() {
        return List.copyOf(candidates);
    }

    /** The contests held in a district (or the state), in ballot order; empty if none. */
    List<ContestPlan> contestsOf(GpUnitId district) {
        return byDistrict.getOrDefault(district, List.of());
    }

    List<ContestPlan> all() {
        List<ContestPlan> all = new ArrayList<>();
        byDistrict.values().forEach(all::addAll);
        return all;
    }

    private void statewide(GpUnitId state) {
        ContestId president = new ContestId("c-president");
        List<ContestSelection> selections = new ArrayList<>();
        List<SelectionId> printed = new ArrayList<>();
        List<Optional<PartyId>> parties = new ArrayList<>();
        int n = 1;
        for (PartyId party : List.of(REP, DEM, LIB, GRN)) {
            // A ticket: one selection naming the candidates for president and vice president.
            CandidateId top = candidate(Optional.of(party));
            CandidateId running = candidate(Optional.of(party));
            SelectionId id = new SelectionId(president + "-" + n++);
            selections.add(new ContestSelection.CandidateSelection(id, List.of(top, running)));
            printed.add(id);
            parties.add(Optional.of(party));
        }
        SelectionId writeIn = new SelectionId(president + "-wi");
        selections.add(new ContestSelection.WriteIn(writeIn));
        add(state, new Contest.CandidateContest(president, "President and Vice President", state, 1, selections, List.of(), 0),
                new Behaviour.Partisan(printed, parties, writeIn, 0.004, 0.003));
        for (String[] office : STATEWIDE_OFFICES) {
            List<PartyId> slate = new ArrayList<>(List.of(REP, DEM));
            if (rng.chance(0.8)) {
                slate.add(LIB);
            }
            if (rng.chance(0.4)) {
                slate.add(GRN);
            }
            if (rng.chance(0.2)) {
                slate.add(CST);
            }
            candidateContest(state, "c-" + office[0], office[1], slate, rng.between(0.015, 0.05));
        }
        for (String[] m : STATEWIDE_MEASURES) {
            measure(state, "m-" + m[0], m[1], m[2], rng.between(0.35, 0.65), rng.between(0.04, 0.08));
        }
    }

    private void partisan(GpUnitId district, String id, String name, double skip, boolean unopposed) {
        List<PartyId> slate = new ArrayList<>();
        if (unopposed) {
            slate.add(rng.chance(0.6) ? REP : DEM);
        } else {
            slate.add(REP);
            slate.add(DEM);
            if (rng.chance(0.3)) {
                slate.add(LIB);
            }
        }
        candidateContest(district, id, name, slate, unopposed ? 0.25 : skip);
    }

    private void authority(Authority a) {
        partisan(a.id(), "c-" + a.id() + "-sheriff", a.name() + " Sheriff", 0.06, rng.chance(0.25));
        partisan(a.id(), "c-" + a.id() + "-public-administrator", a.name() + " Public Administrator", 0.09, rng.chance(0.35));
        if (rng.chance(0.3)) {
            String[] m = LOCAL_MEASURES[rng.nextInt(LOCAL_MEASURES.length)];
            String text = a.type() == GpUnitType.CITY ? m[1].replace("the county", "the city") : m[1];
            measure(a.id(), "m-" + a.id() + "-" + m[0].substring(m[0].length() - 1).toLowerCase(Locale.ROOT),
                    a.name() + " " + m[0], text, rng.between(0.4, 0.65), 0.08);
        }
    }

    private void candidateContest(GpUnitId district, String id, String name, List<PartyId> slate, double skip) {
        ContestId contest = new ContestId(id);
        List<ContestSelection> selections = new ArrayList<>();
        List<SelectionId> printed = new ArrayList<>();
        List<Optional<PartyId>> parties = new ArrayList<>();
        int n = 1;
        for (PartyId party : slate) {
            SelectionId sid = new SelectionId(id + "-" + n++);
            selections.add(new ContestSelection.CandidateSelection(sid, List.of(candidate(Optional.of(party)))));
            printed.add(sid);
            parties.add(Optional.of(party));
        }
        SelectionId writeIn = new SelectionId(id + "-wi");
        selections.add(new ContestSelection.WriteIn(writeIn));
        double writeInRate = slate.size() == 1 ? 0.02 : 0.002;
        add(district, new Contest.CandidateContest(contest, name, district, 1, selections, List.of(), 0),
                new Behaviour.Partisan(printed, parties, writeIn, skip, writeInRate));
    }

    /** A board: vote for 2 or 3, with one to three more candidates than seats and a write-in line per seat. */
    private void nonpartisan(GpUnitId district, String id, String name) {
        int seats = 2 + rng.nextInt(2);
        int running = seats + 1 + rng.nextInt(3);
        ContestId contest = new ContestId(id);
        List<ContestSelection> selections = new ArrayList<>();
        List<SelectionId> printed = new ArrayList<>();
        double[] appeal = new double[running];
        for (int i = 0; i < running; i++) {
            SelectionId sid = new SelectionId(id + "-" + (i + 1));
            selections.add(new ContestSelection.CandidateSelection(sid, List.of(candidate(Optional.empty()))));
            printed.add(sid);
            appeal[i] = rng.between(0.5, 1.5);
        }
        List<SelectionId> writeIns = new ArrayList<>();
        for (int i = 1; i <= seats; i++) {
            SelectionId sid = new SelectionId(id + "-wi" + (i == 1 ? "" : i));
            selections.add(new ContestSelection.WriteIn(sid));
            writeIns.add(sid);
        }
        add(district, new Contest.CandidateContest(contest, name, district, seats, selections, List.of(), 0),
                new Behaviour.Nonpartisan(seats, printed, appeal, writeIns, rng.between(0.1, 0.2)));
    }

    private void measure(GpUnitId district, String id, String name, String text, double yesShare, double skip) {
        SelectionId yes = new SelectionId(id + "-yes");
        SelectionId no = new SelectionId(id + "-no");
        add(district, new Contest.BallotMeasureContest(new ContestId(id), name, district, text,
                        List.of(new ContestSelection.BallotMeasureSelection(yes, "Yes"), new ContestSelection.BallotMeasureSelection(no, "No"))),
                new Behaviour.Measure(yes, no, yesShare, rng.between(-0.3, 0.3), skip));
    }

    private CandidateId candidate(Optional<PartyId> party) {
        CandidateId id = new CandidateId("cand-" + String.format("%05d", candidates.size() + 1));
        candidates.add(new Candidate(id, names.person(), party));
        return id;
    }

    private void add(GpUnitId district, Contest contest, Behaviour behaviour) {
        byDistrict.computeIfAbsent(district, k -> new ArrayList<>()).add(new ContestPlan(contest, behaviour));
    }
}
