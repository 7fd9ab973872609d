package org.bulwark.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.generate.BallotDesign.ContestPlan;
import org.bulwark.generate.Geography.Authority;
import org.bulwark.generate.Geography.District;
import org.bulwark.generate.Geography.Layer;
import org.bulwark.generate.Geography.Precinct;
import org.bulwark.generate.Geography.Unit;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionType;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;

/**
 * The whole synthetic election before any ballot is drawn: its definition, and for every precinct or
 * split the ballot style it votes, the contests on that style and how many ballots it casts.
 */
final class StatewidePlan {
    static final LocalDate ELECTION_DAY = LocalDate.of(2028, 11, 7);
    static final String STATE_NAME = "State of Centralia";
    private static final GpUnitId STATE = new GpUnitId("state");

    /** One precinct or split with what its voters get. */
    record UnitPlan(Unit unit, BallotStyleId style, List<ContestPlan> contests, long ballots) {
        UnitPlan {
            contests = List.copyOf(contests);
        }
    }

    record AuthorityPlan(Authority authority, List<UnitPlan> units) {
        AuthorityPlan {
            units = List.copyOf(units);
        }

        long ballots() {
            return units.stream().mapToLong(UnitPlan::ballots).sum();
        }
    }

    final Election election;
    final List<AuthorityPlan> authorities;

    private StatewidePlan(Election election, List<AuthorityPlan> authorities) {
        this.election = election;
        this.authorities = List.copyOf(authorities);
    }

    static StatewidePlan build(StatewideGenerator.Settings settings) {
        Rng rng = Rng.of(settings.seed(), 1, 0);
        Names names = new Names(rng);
        Geography geography = Geography.build(settings.authorities(), settings.precincts(), rng, names);
        BallotDesign design = BallotDesign.build(geography, STATE, rng, names);

        List<Unit> units = geography.precincts.stream().flatMap(p -> p.units().stream()).toList();
        double[] weights = units.stream().mapToDouble(Unit::weight).toArray();
        long[] ballots = Apportion.largestRemainder(settings.ballots(), weights);

        List<BallotStyle> styles = new ArrayList<>();
        List<AuthorityPlan> plans = new ArrayList<>();
        int u = 0;
        for (Authority a : geography.authorities) {
            Map<List<ContestId>, List<GpUnitId>> unitsOfStyle = new LinkedHashMap<>();
            Map<List<ContestId>, BallotStyleId> styleIds = new LinkedHashMap<>();
            List<UnitPlan> unitPlans = new ArrayList<>();
            for (Precinct p : geography.precincts.subList(a.firstPrecinct(), a.firstPrecinct() + a.precinctCount())) {
                for (Unit unit : p.units()) {
                    List<ContestPlan> contests = ballotOrder(design, unit);
                    List<ContestId> ids = contests.stream().map(c -> c.contest().id()).toList();
                    BallotStyleId style = styleIds.computeIfAbsent(ids,
                            k -> new BallotStyleId("bs-" + a.number() + "-" + (styleIds.size() + 1)));
                    unitsOfStyle.computeIfAbsent(ids, k -> new ArrayList<>()).add(unit.id());
                    unitPlans.add(new UnitPlan(unit, style, contests, ballots[u++]));
                }
            }
            styleIds.forEach((contests, id) -> styles.add(new BallotStyle(id, unitsOfStyle.get(contests), contests, List.of())));
            plans.add(new AuthorityPlan(a, unitPlans));
        }

        Election election = new Election(
                "centralia-2028-general-seed-" + settings.seed(),
                "Centralia General Election, November 7, 2028 (synthetic, seed " + settings.seed() + ")",
                ELECTION_DAY,
                ElectionType.GENERAL,
                STATE_NAME,
                STATE,
                gpUnits(geography),
                BallotDesign.PARTIES,
                design.candidates(),
                design.all().stream().map(ContestPlan::contest).toList(),
                styles,
                List.of(CountingGroup.ELECTION_DAY, CountingGroup.ABSENTEE, CountingGroup.PROVISIONAL));
        return new StatewidePlan(election, plans);
    }

    /** Offices from the top of the ticket down, then the questions, statewide ones first. */
    private static List<ContestPlan> ballotOrder(BallotDesign design, Unit unit) {
        List<ContestPlan> offices = new ArrayList<>();
        List<ContestPlan> measures = new ArrayList<>();
        List<GpUnitId> districts = new ArrayList<>();
        districts.add(STATE);
        unit.districts().stream().map(District::id).forEach(districts::add);
        for (GpUnitId d : districts) {
            for (ContestPlan c : design.contestsOf(d)) {
                (c.contest() instanceof Contest.BallotMeasureContest ? measures : offices).add(c);
            }
        }
        offices.addAll(measures);
        return offices;
    }

    /** In Bulwark's order: the state, the authorities, the precincts, the splits, then the districts. */
    private static List<GpUnit> gpUnits(Geography geography) {
        List<GpUnit> out = new ArrayList<>();
        out.add(new GpUnit(STATE, STATE_NAME, GpUnitType.STATE, Optional.empty(), false,
                geography.authorities.stream().map(Authority::id).toList()));
        for (Authority a : geography.authorities) {
            out.add(new GpUnit(a.id(), a.name(), a.type(), Optional.empty(), true,
                    geography.precincts.subList(a.firstPrecinct(), a.firstPrecinct() + a.precinctCount()).stream()
                            .map(Precinct::id).toList()));
        }
        for (Precinct p : geography.precincts) {
            List<GpUnitId> splits = p.isSplit() ? p.units().stream().map(Unit::id).toList() : List.of();
            out.add(new GpUnit(p.id(), p.name(), GpUnitType.PRECINCT, Optional.empty(), false, splits));
        }
        for (Precinct p : geography.precincts) {
            if (p.isSplit()) {
                for (Unit s : p.units()) {
                    out.add(new GpUnit(s.id(), s.name(), GpUnitType.SPLIT_PRECINCT, Optional.empty(), false, List.of()));
                }
            }
        }
        for (District d : geography.districts) {
            if (d.layer() != Layer.AUTHORITY) {
                out.add(new GpUnit(d.id(), d.name(), d.type(), Optional.empty(), false, geography.unitsOf.get(d)));
            }
        }
        return out;
    }
}
