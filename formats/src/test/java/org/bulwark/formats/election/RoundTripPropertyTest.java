package org.bulwark.formats.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Candidate;
import org.bulwark.model.CandidateId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionType;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitGroup;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * Generated elections, valid or not, in the shape Bulwark JSON expresses (units in Bulwark order, a
 * precinct made of its own units and then the splits that name it) survive the writer and the
 * reader unchanged, with the same fingerprint.
 */
class RoundTripPropertyTest {
    private static final String[] ODD_TEXT = {"é", "🗳", "漢字", "\"", "\\", "\n", "\t", "\u0001", "'", "</x>", " ", "{}", "ñ"};
    private static final GpUnitType[] DISTRICT_TYPES = {GpUnitType.CONGRESSIONAL, GpUnitType.STATE_SENATE,
        GpUnitType.STATE_HOUSE, GpUnitType.COUNTY, GpUnitType.SCHOOL, GpUnitType.JUDICIAL, GpUnitType.WARD,
        GpUnitType.SPECIAL, GpUnitType.CITY_COUNCIL, GpUnitType.OTHER};
    private static final GpUnitType[] PRECINCT_TYPES =
            {GpUnitType.PRECINCT, GpUnitType.COMBINED_PRECINCT, GpUnitType.POLLING_PLACE};

    /** Builds one election from a random source; ids are unique per kind and any text may appear. */
    static final class Generator {
        private final Random r;
        private int next;

        Generator(Random r) {
            this.r = r;
        }

        String text() {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                b.append(r.nextInt(3) == 0 ? ODD_TEXT[r.nextInt(ODD_TEXT.length)] : (char) ('a' + r.nextInt(26)));
            }
            return b.toString();
        }

        String id(String kind) {
            return kind + (next++) + text();
        }

        <T> List<T> some(List<T> from, int max) {
            List<T> out = new ArrayList<>();
            int n = from.isEmpty() ? 0 : r.nextInt(max + 1);
            for (int i = 0; i < n; i++) {
                out.add(from.get(r.nextInt(from.size())));
            }
            return out;
        }

        <T> List<T> list(int min, int max, Supplier<T> make) {
            List<T> out = new ArrayList<>();
            int n = min + r.nextInt(max - min + 1);
            for (int i = 0; i < n; i++) {
                out.add(make.get());
            }
            return out;
        }

        Optional<String> maybe(Supplier<String> make) {
            return r.nextBoolean() ? Optional.of(make.get()) : Optional.empty();
        }

        Election election() {
            List<GpUnitId> precinctIds = list(1, 4, () -> new GpUnitId(id("p")));
            List<GpUnitId> splitIds = list(0, 3, () -> new GpUnitId(id("s")));
            List<GpUnitId> otherIds = list(0, 6, () -> new GpUnitId(id("u")));
            List<GpUnitId> all = new ArrayList<>(precinctIds);
            all.addAll(splitIds);
            all.addAll(otherIds);
            // Each split names at most one precinct; the precinct lists its splits last, in split order.
            List<Optional<GpUnitId>> precinctOfSplit = new ArrayList<>();
            splitIds.forEach(s -> precinctOfSplit.add(r.nextInt(4) == 0
                    ? Optional.empty() : Optional.of(precinctIds.get(r.nextInt(precinctIds.size())))));

            List<GpUnit> units = new ArrayList<>();
            if (r.nextBoolean()) {
                units.add(new GpUnit(new GpUnitId(id("st")), text(), GpUnitType.STATE, Optional.empty(), false, some(all, 3)));
            }
            units.addAll(list(0, 2, () -> {
                GpUnitType type = r.nextBoolean() ? GpUnitType.COUNTY : (r.nextBoolean() ? GpUnitType.CITY : GpUnitType.OTHER);
                return new GpUnit(new GpUnitId(id("a")), text(), type,
                        type == GpUnitType.OTHER ? maybe(this::text) : Optional.empty(), true, some(all, 3));
            }));
            for (GpUnitId p : precinctIds) {
                GpUnitType type = PRECINCT_TYPES[r.nextInt(PRECINCT_TYPES.length)];
                List<GpUnitId> parts = new ArrayList<>(some(precinctIds.stream().filter(x -> !x.equals(p)).toList(), 2));
                for (int i = 0; i < splitIds.size(); i++) {
                    if (precinctOfSplit.get(i).filter(p::equals).isPresent()) {
                        parts.add(splitIds.get(i));
                    }
                }
                units.add(new GpUnit(p, text(), type, Optional.empty(), false, parts));
            }
            splitIds.forEach(s -> units.add(new GpUnit(s, text(), GpUnitType.SPLIT_PRECINCT, Optional.empty(), false, List.of())));
            for (GpUnitId d : otherIds) {
                GpUnitType type = DISTRICT_TYPES[r.nextInt(DISTRICT_TYPES.length)];
                units.add(new GpUnit(d, text(), type, type == GpUnitType.OTHER ? maybe(this::text) : Optional.empty(),
                        false, some(all, 4)));
            }

            List<Party> parties = list(0, 3, () -> new Party(new PartyId(id("pa")), text(), text()));
            List<PartyId> partyIds = parties.stream().map(Party::id).toList();
            List<Candidate> candidates = list(0, 5, () -> new Candidate(new CandidateId(id("c")), text(),
                    partyIds.isEmpty() || r.nextBoolean() ? Optional.empty() : Optional.of(partyIds.get(r.nextInt(partyIds.size())))));
            List<CandidateId> candidateIds = candidates.stream().map(Candidate::id).toList();
            List<GpUnitId> unitIds = units.stream().map(GpUnit::id).toList();

            List<Contest> contests = list(0, 4, () -> {
                ContestId id = new ContestId(id("k"));
                GpUnitId district = unitIds.get(r.nextInt(unitIds.size()));
                return switch (r.nextInt(3)) {
                    case 0 -> new Contest.CandidateContest(id, text(), district, r.nextInt(4),
                            list(0, 4, () -> candidateIds.isEmpty() || r.nextInt(3) == 0
                                    ? new ContestSelection.WriteIn(new SelectionId(id("w")))
                                    : new ContestSelection.CandidateSelection(new SelectionId(id("cs")),
                                            list(1, 2, () -> candidateIds.get(r.nextInt(candidateIds.size()))))),
                            some(partyIds, 2), r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0);
                    case 1 -> new Contest.BallotMeasureContest(id, text(), district, text(),
                            list(0, 3, () -> new ContestSelection.BallotMeasureSelection(new SelectionId(id("bm")), text())));
                    default -> new Contest.PartyContest(id, text(), district,
                            list(0, 3, () -> new ContestSelection.PartySelection(new SelectionId(id("ps")), some(partyIds, 2))));
                };
            });
            List<ContestId> contestIds = contests.stream().map(Contest::id).toList();
            List<BallotStyle> styles = list(0, 3, () -> new BallotStyle(new BallotStyleId(id("b")), some(unitIds, 3),
                    some(contestIds, 4), some(partyIds, 1)));
            List<CountingGroup> groups = some(List.of(CountingGroup.values()), 3);
            return new Election(id("e"), text(), LocalDate.of(1990 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28)),
                    ElectionType.values()[r.nextInt(ElectionType.values().length)], text(),
                    unitIds.get(r.nextInt(unitIds.size())), units, parties, candidates, contests, styles, groups);
        }
    }

    @Provide
    Arbitrary<Election> elections() {
        return Arbitraries.randomValue(r -> new Generator(r).election());
    }

    @Property(tries = 500)
    void bulwarkJsonRoundTripKeepsEveryElection(@ForAll("elections") Election election) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ElectionFiles.writeBulwarkJson(election, out);

        LoadedElection back = ElectionFiles.read(out.toByteArray(), "generated.json");

        assertThat(back.format()).isEqualTo(ElectionFormat.BULWARK_JSON);
        assertThat(back.election()).isEqualTo(election);
        assertThat(ElectionFingerprint.of(back.election())).isEqualTo(ElectionFingerprint.of(election));
    }

    /** Elections from elsewhere (a generator, another tool) may list units in any order. */
    @Property(tries = 200)
    void unitsInAnyGroupOrderReadBackGroupedWithTheSameFingerprint(@ForAll("elections") Election election,
            @ForAll java.util.Random random) {
        // The groups in a random order, each keeping its own order.
        List<GpUnitGroup> order = new ArrayList<>(List.of(GpUnitGroup.values()));
        java.util.Collections.shuffle(order, random);
        List<GpUnitGroup> groups = GpUnitGroup.groups(election.gpUnits());
        List<GpUnit> units = new ArrayList<>();
        for (GpUnitGroup g : order) {
            for (int i = 0; i < groups.size(); i++) {
                if (groups.get(i) == g) {
                    units.add(election.gpUnits().get(i));
                }
            }
        }
        Election reordered = new Election(election.id(), election.title(), election.date(), election.type(),
                election.state(), election.scope(), units, election.parties(), election.candidates(),
                election.contests(), election.ballotStyles(), election.countingGroups());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ElectionFiles.writeBulwarkJson(reordered, out);

        Election back = ElectionFiles.read(out.toByteArray(), "generated.json").election();

        assertThat(back).isEqualTo(election);
        assertThat(ElectionFingerprint.of(back)).isEqualTo(ElectionFingerprint.of(reordered));
    }
}
