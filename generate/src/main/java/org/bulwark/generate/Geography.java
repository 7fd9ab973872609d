package org.bulwark.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;

/**
 * Where the precincts, splits and districts of the synthetic state lie. Precincts are laid end to end
 * on a line, authority after authority, each one unit long; every kind of district covers intervals
 * of that line. A district boundary that falls inside a precinct splits it, as real boundaries do, and
 * each part (split) is then in exactly one district of every kind.
 */
final class Geography {
    /** Kinds of district below the state, in ballot order. */
    enum Layer {
        CONGRESSIONAL,
        STATE_SENATE,
        STATE_HOUSE,
        AUTHORITY,
        MUNICIPAL,
        SCHOOL
    }

    /** Missouri's counts of congressional, state senate and state house districts. */
    private static final int CONGRESSIONAL_DISTRICTS = 8;
    private static final int SENATE_DISTRICTS = 34;
    private static final int HOUSE_DISTRICTS = 163;
    /** Share of district boundaries that follow precinct lines; the rest split a precinct. */
    private static final double FOLLOWS_PRECINCT_LINES = 0.8;

    record Authority(int index, GpUnitId id, String name, GpUnitType type, int firstPrecinct, int precinctCount, double lean) {
        String number() {
            return String.format("%03d", index + 1);
        }
    }

    /** A district; for the authority and municipal or school layers, {@code authority} is its authority's index. */
    record District(GpUnitId id, String name, GpUnitType type, Layer layer, int number, int authority) {}

    /** A precinct or a split: the unit ballots are cast in, and the districts (one per layer at most) it is in. */
    record Unit(GpUnitId id, String name, GpUnitId precinct, double weight, double lean, List<District> districts) {
        Unit {
            districts = List.copyOf(districts);
        }
    }

    record Precinct(GpUnitId id, String name, int authority, List<Unit> units) {
        Precinct {
            units = List.copyOf(units);
        }

        boolean isSplit() {
            return units.size() > 1;
        }
    }

    private record Span(District district, double start, double end) {}

    final List<Authority> authorities;
    final List<Precinct> precincts;
    /** Every district of every layer, in layer order. */
    final List<District> districts;
    /** The units each district is made of. */
    final Map<District, List<GpUnitId>> unitsOf;

    private Geography(List<Authority> authorities, List<Precinct> precincts, List<District> districts, Map<District, List<GpUnitId>> unitsOf) {
        this.authorities = List.copyOf(authorities);
        this.precincts = List.copyOf(precincts);
        this.districts = List.copyOf(districts);
        this.unitsOf = unitsOf;
    }

    static Geography build(int authorityCount, int precinctCount, Rng rng, Names names) {
        List<Authority> authorities = authorities(authorityCount, precinctCount, rng, names);
        Map<Layer, List<Span>> layers = new LinkedHashMap<>();
        layers.put(Layer.CONGRESSIONAL, statewideLayer(Layer.CONGRESSIONAL, GpUnitType.CONGRESSIONAL, "cd-", CONGRESSIONAL_DISTRICTS, precinctCount, rng, "Congressional District"));
        layers.put(Layer.STATE_SENATE, statewideLayer(Layer.STATE_SENATE, GpUnitType.STATE_SENATE, "sd-", SENATE_DISTRICTS, precinctCount, rng, "State Senate District"));
        layers.put(Layer.STATE_HOUSE, statewideLayer(Layer.STATE_HOUSE, GpUnitType.STATE_HOUSE, "hd-", HOUSE_DISTRICTS, precinctCount, rng, "State House District"));
        List<Span> authoritySpans = new ArrayList<>();
        List<Span> municipal = new ArrayList<>();
        List<Span> school = new ArrayList<>();
        for (Authority a : authorities) {
            authoritySpans.add(new Span(new District(a.id(), a.name(), a.type(), Layer.AUTHORITY, a.index() + 1, a.index()),
                    a.firstPrecinct(), a.firstPrecinct() + a.precinctCount()));
            municipal.addAll(a.type() == GpUnitType.CITY ? wards(a, rng) : municipalities(a, rng, names));
            school.addAll(schoolDistricts(a, rng, names));
        }
        layers.put(Layer.AUTHORITY, authoritySpans);
        layers.put(Layer.MUNICIPAL, municipal);
        layers.put(Layer.SCHOOL, school);

        List<TreeSet<Double>> cuts = new ArrayList<>();
        for (int p = 0; p < precinctCount; p++) {
            cuts.add(new TreeSet<>());
        }
        for (List<Span> spans : layers.values()) {
            for (Span s : spans) {
                addCut(cuts, s.start());
                addCut(cuts, s.end());
            }
        }

        List<District> districts = new ArrayList<>();
        Map<District, List<GpUnitId>> unitsOf = new LinkedHashMap<>();
        for (List<Span> spans : layers.values()) {
            for (Span s : spans) {
                districts.add(s.district());
                unitsOf.put(s.district(), new ArrayList<>());
            }
        }
        List<Precinct> precincts = new ArrayList<>();
        for (Authority a : authorities) {
            for (int k = 0; k < a.precinctCount(); k++) {
                int p = a.firstPrecinct() + k;
                String id = "p-" + a.number() + "-" + String.format("%04d", k + 1);
                String name = a.name() + " Precinct " + (k + 1);
                double size = StrictMath.exp(0.35 * rng.gaussian());
                double lean = clamp(a.lean() + 0.07 * rng.gaussian(), 0.05, 0.95);
                List<Double> edges = new ArrayList<>();
                edges.add((double) p);
                edges.addAll(cuts.get(p));
                edges.add((double) p + 1);
                int parts = edges.size() - 1;
                List<Unit> units = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    double start = edges.get(i);
                    double end = edges.get(i + 1);
                    double middle = (start + end) / 2;
                    List<District> in = new ArrayList<>();
                    for (List<Span> spans : layers.values()) {
                        covering(spans, middle).ifPresent(in::add);
                    }
                    boolean split = parts > 1;
                    Unit unit = new Unit(
                            new GpUnitId(split ? id + "-" + (char) ('a' + i) : id),
                            split ? name + (char) ('A' + i) : name,
                            new GpUnitId(id), size * (end - start), lean, in);
                    units.add(unit);
                    for (District d : in) {
                        unitsOf.get(d).add(unit.id());
                    }
                }
                precincts.add(new Precinct(new GpUnitId(id), name, a.index(), units));
            }
        }
        return new Geography(authorities, precincts, districts, unitsOf);
    }

    /**
     * Authorities: counties, and when there are at least four, two cities with their own boards of
     * election commissioners (Missouri's St. Louis City and Kansas City). Precincts are shared out by
     * skewed weights, a few populous authorities holding many, every authority at least one.
     */
    private static List<Authority> authorities(int count, int precinctCount, Rng rng, Names names) {
        int cities = count >= 4 ? 2 : 0;
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            weights[i] = StrictMath.exp(1.1 * rng.gaussian()) * (i >= count - cities ? 8 : 1);
        }
        long[] extra = Apportion.largestRemainder(precinctCount - count, weights);
        double meanShare = 1.0 / count;
        double totalWeight = 0;
        for (double w : weights) {
            totalWeight += w;
        }
        List<Authority> out = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < count; i++) {
            boolean city = i >= count - cities;
            int precincts = 1 + (int) extra[i];
            String place = names.place();
            // Cities and populous counties lean to one side, rural counties to the other.
            double lean = city ? rng.between(0.15, 0.3)
                    : weights[i] / totalWeight > 3 * meanShare ? rng.between(0.42, 0.6) : rng.between(0.6, 0.82);
            GpUnitId id = new GpUnitId("lea-" + String.format("%03d", i + 1));
            String name = city ? place + " City" : place + " County";
            out.add(new Authority(i, id, name, city ? GpUnitType.CITY : GpUnitType.COUNTY, first, precincts, lean));
            first += precincts;
        }
        return out;
    }

    /** Districts of equal size over the whole line, numbered from 1. */
    private static List<Span> statewideLayer(Layer layer, GpUnitType type, String prefix, int wanted, int precinctCount, Rng rng, String label) {
        int count = Math.min(wanted, precinctCount);
        int digits = String.valueOf(count).length();
        List<Span> spans = new ArrayList<>();
        double start = 0;
        for (int j = 1; j <= count; j++) {
            double end = j == count ? precinctCount : boundary((double) j * precinctCount / count, rng);
            District d = new District(new GpUnitId(prefix + String.format("%0" + digits + "d", j)), label + " " + j, type, layer, j, -1);
            spans.add(new Span(d, start, end));
            start = end;
        }
        return spans;
    }

    /** Cities and towns in a county, each over part of it; the rest is unincorporated. */
    private static List<Span> municipalities(Authority a, Rng rng, Names names) {
        int m = a.precinctCount();
        int count = Math.min(4, 1 + m / 25);
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double low = a.firstPrecinct() + (double) i * m / count;
            double high = a.firstPrecinct() + (double) (i + 1) * m / count;
            double length = high - low;
            double start = Math.max(low, boundary(low + rng.between(0, 0.3) * length, rng));
            double end = Math.min(high, boundary(high - rng.between(0, 0.3) * length, rng));
            if (end > start) {
                District d = new District(new GpUnitId("mun-" + a.number() + "-" + (i + 1)), "City of " + names.place(),
                        GpUnitType.CITY, Layer.MUNICIPAL, i + 1, a.index());
                spans.add(new Span(d, start, end));
            }
        }
        return spans;
    }

    /** A city authority is itself the municipality; its council is elected by ward. */
    private static List<Span> wards(Authority a, Rng rng) {
        int count = Math.min(6, a.precinctCount());
        List<Span> spans = new ArrayList<>();
        double start = a.firstPrecinct();
        for (int i = 1; i <= count; i++) {
            double end = i == count ? a.firstPrecinct() + a.precinctCount()
                    : boundary(a.firstPrecinct() + (double) i * a.precinctCount() / count, rng);
            District d = new District(new GpUnitId("mun-" + a.number() + "-w" + i), a.name() + " Ward " + i, GpUnitType.WARD, Layer.MUNICIPAL, i, a.index());
            spans.add(new Span(d, start, end));
            start = end;
        }
        return spans;
    }

    /** School districts cover their authority whole. */
    private static List<Span> schoolDistricts(Authority a, Rng rng, Names names) {
        int count = Math.min(4, 1 + a.precinctCount() / 30);
        List<Span> spans = new ArrayList<>();
        double start = a.firstPrecinct();
        for (int i = 1; i <= count; i++) {
            double end = i == count ? a.firstPrecinct() + a.precinctCount()
                    : boundary(a.firstPrecinct() + (double) i * a.precinctCount() / count, rng);
            String name = count == 1 && a.type() == GpUnitType.CITY ? a.name() + " Public Schools" : names.place() + " R-" + i + " School District";
            District d = new District(new GpUnitId("sch-" + a.number() + "-" + i), name, GpUnitType.SCHOOL, Layer.SCHOOL, i, a.index());
            spans.add(new Span(d, start, end));
            start = end;
        }
        return spans;
    }

    /**
     * A boundary near {@code x}: on a precinct line most of the time, otherwise inside the precinct,
     * at least 15% from its edges so that no split is a sliver. Strictly increasing for inputs at
     * least one apart, so districts built from consecutive boundaries are never empty.
     */
    private static double boundary(double x, Rng rng) {
        if (rng.chance(FOLLOWS_PRECINCT_LINES)) {
            return Math.floor(x + 0.5);
        }
        double floor = Math.floor(x);
        return floor + clamp(x - floor, 0.15, 0.85);
    }

    private static void addCut(List<TreeSet<Double>> cuts, double x) {
        int p = (int) Math.floor(x);
        if (x != p && p < cuts.size()) {
            cuts.get(p).add(x);
        }
    }

    private static Optional<District> covering(List<Span> spans, double x) {
        int low = 0;
        int high = spans.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Span s = spans.get(mid);
            if (x < s.start()) {
                high = mid - 1;
            } else if (x >= s.end()) {
                low = mid + 1;
            } else {
                return Optional.of(s.district());
            }
        }
        return Optional.empty();
    }

    private static double clamp(double x, double low, double high) {
        return Math.max(low, Math.min(high, x));
    }
}
