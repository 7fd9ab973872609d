package org.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.model.TestElections.replace;
import static org.bulwark.model.TestElections.s;
import static org.bulwark.model.TestElections.u;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ElectionFingerprintTest {
    private static final Election BASE = TestElections.small();

    @Test
    void canonicalFormIsTheDocumentedJson() {
        Election e = new Election("e\"1", "Tab\tNew\nline \u0001 é 🗳", LocalDate.of(2026, 1, 2), ElectionType.SPECIAL,
                "MO", u("x"),
                List.of(new GpUnit(u("x"), "X", GpUnitType.OTHER, Optional.of("fire"), true, List.of())),
                List.of(new Party(new PartyId("p"), "P", "")),
                List.of(new Candidate(new CandidateId("c"), "C\\D", Optional.empty())),
                List.of(new Contest.CandidateContest(new ContestId("k"), "K", u("x"), 1,
                        List.of(new ContestSelection.CandidateSelection(s("s"), List.of(new CandidateId("c"))),
                                new ContestSelection.WriteIn(s("w"))), List.of(new PartyId("p")), 2)),
                List.of(new BallotStyle(new BallotStyleId("b"), List.of(u("x")), List.of(new ContestId("k")), List.of())),
                List.of(CountingGroup.EARLY));

        String canonical = new String(ElectionFingerprint.canonicalForm(e), StandardCharsets.UTF_8);

        assertThat(canonical).isEqualTo("{\"format\":\"bulwark-election-canonical/1\",\"id\":\"e\\\"1\","
                + "\"title\":\"Tab\\tNew\\nline \\u0001 é 🗳\",\"date\":\"2026-01-02\",\"type\":\"special\",\"state\":\"MO\","
                + "\"scope\":\"x\",\"gpUnits\":[{\"id\":\"x\",\"name\":\"X\",\"type\":\"other\",\"otherType\":\"fire\","
                + "\"authority\":true,\"composingUnits\":[]}],\"parties\":[{\"id\":\"p\",\"name\":\"P\",\"abbreviation\":\"\"}],"
                + "\"candidates\":[{\"id\":\"c\",\"ballotName\":\"C\\\\D\",\"party\":null}],"
                + "\"contests\":[{\"kind\":\"candidate\",\"id\":\"k\",\"name\":\"K\",\"district\":\"x\",\"votesAllowed\":1,"
                + "\"ranks\":2,\"primaryParties\":[\"p\"],\"selections\":[{\"kind\":\"candidate\",\"id\":\"s\","
                + "\"candidates\":[\"c\"]},{\"kind\":\"write-in\",\"id\":\"w\"}]}],"
                + "\"ballotStyles\":[{\"id\":\"b\",\"gpUnits\":[\"x\"],\"contests\":[\"k\"],\"parties\":[]}],"
                + "\"countingGroups\":[\"early\"]}");
    }

    @Test
    void unpairedSurrogatesAreEscapedSoTheBytesAreValidUtf8() {
        Election e = new Election("\ud800x", BASE.title(), BASE.date(), BASE.type(), BASE.state(), BASE.scope(),
                BASE.gpUnits(), BASE.parties(), BASE.candidates(), BASE.contests(), BASE.ballotStyles(),
                BASE.countingGroups());

        assertThat(new String(ElectionFingerprint.canonicalForm(e), StandardCharsets.UTF_8)).contains("\"id\":\"\\ud800x\"");
    }

    /** The fingerprint hashes the canonical form in pieces as it is written: the same bytes as hashing it whole. */
    @Test
    void aLargeElectionIsHashedAsItsWholeCanonicalForm() throws Exception {
        List<GpUnit> units = new ArrayList<>(BASE.gpUnits());
        for (int i = 0; i < 3000; i++) { // about 200,000 characters, with a character outside the BMP in every name
            units.add(new GpUnit(u("extra-" + i), "Precinct 🗳 " + i, GpUnitType.PRECINCT, Optional.empty(), false, List.of()));
        }
        Election large = TestElections.withUnits(BASE, units);
        byte[] canonical = ElectionFingerprint.canonicalForm(large);
        assertThat(canonical.length).isGreaterThan(3 * (1 << 16));

        String whole = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
        assertThat(ElectionFingerprint.of(large).sha256()).isEqualTo(whole);
    }

    @Test
    void theOrderOfUnitsOfDifferentGroupsDoesNotMatterButWithinAGroupItDoes() {
        List<GpUnit> districtsFirst = new ArrayList<>(BASE.gpUnits());
        Collections.rotate(districtsFirst, 1);
        List<GpUnit> splitsSwapped = swapped(BASE.gpUnits(), 4, 5);

        assertThat(districtsFirst.get(0).id()).isEqualTo(u("d1"));
        assertThat(GpUnitGroup.sorted(districtsFirst)).isEqualTo(BASE.gpUnits());
        assertThat(ElectionFingerprint.of(TestElections.withUnits(BASE, districtsFirst))).isEqualTo(ElectionFingerprint.of(BASE));
        assertThat(ElectionFingerprint.of(TestElections.withUnits(BASE, splitsSwapped))).isNotEqualTo(ElectionFingerprint.of(BASE));
    }

    @Test
    void shortFormIsTheFirstSevenHexDigits() {
        ElectionFingerprint f = ElectionFingerprint.of(BASE);

        assertThat(f.sha256()).matches("[0-9a-f]{64}");
        assertThat(f.shortForm()).isEqualTo(f.sha256().substring(0, 7));
        assertThat(ElectionFingerprint.of(TestElections.small())).isEqualTo(f);
        assertThatThrownBy(() -> new ElectionFingerprint("ABC")).isInstanceOf(IllegalArgumentException.class);
    }

    /** One change to one field of the small election, named for the report when a property fails. */
    record Mutation(String what, BiFunction<Election, String, Election> apply) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Election election(Election e, String id, String title, LocalDate date, ElectionType type, String state,
            GpUnitId scope, List<CountingGroup> groups) {
        return new Election(id, title, date, type, state, scope, e.gpUnits(), e.parties(), e.candidates(), e.contests(),
                e.ballotStyles(), groups);
    }

    static GpUnit unit(Election e, int i) {
        return e.gpUnits().get(i);
    }

    static Election unitChange(Election e, int i, GpUnit changed) {
        return TestElections.withUnits(e, replace(e.gpUnits(), i, changed));
    }

    static Contest.CandidateContest k2(Election e) {
        return (Contest.CandidateContest) e.contests().get(2);
    }

    static Election k2Change(Election e, int votes, List<ContestSelection> sel, List<PartyId> primary, int ranks,
            String name, GpUnitId district) {
        Contest.CandidateContest k = k2(e);
        return TestElections.withContests(e, replace(e.contests(), 2,
                new Contest.CandidateContest(k.id(), name, district, votes, sel, primary, ranks)));
    }

    static <T> List<T> swapped(List<T> list, int i, int j) {
        List<T> copy = new ArrayList<>(list);
        Collections.swap(copy, i, j);
        return copy;
    }

    static final List<Mutation> MUTATIONS = List.of(
            new Mutation("election id", (e, v) -> election(e, v, e.title(), e.date(), e.type(), e.state(), e.scope(), e.countingGroups())),
            new Mutation("title", (e, v) -> election(e, e.id(), v, e.date(), e.type(), e.state(), e.scope(), e.countingGroups())),
            new Mutation("date", (e, v) -> election(e, e.id(), e.title(), e.date().plusDays(1 + v.length()), e.type(), e.state(), e.scope(), e.countingGroups())),
            new Mutation("type", (e, v) -> election(e, e.id(), e.title(), e.date(), ElectionType.values()[v.length() % 6 + 1], e.state(), e.scope(), e.countingGroups())),
            new Mutation("state", (e, v) -> election(e, e.id(), e.title(), e.date(), e.type(), v, e.scope(), e.countingGroups())),
            new Mutation("scope", (e, v) -> election(e, e.id(), e.title(), e.date(), e.type(), e.state(), u(v), e.countingGroups())),
            new Mutation("counting groups", (e, v) -> election(e, e.id(), e.title(), e.date(), e.type(), e.state(), e.scope(), List.of(CountingGroup.ABSENTEE, CountingGroup.ELECTION_DAY))),
            new Mutation("unit id", (e, v) -> unitChange(e, 2, new GpUnit(u(v), unit(e, 2).name(), unit(e, 2).type(), Optional.empty(), false, List.of()))),
            new Mutation("unit name", (e, v) -> unitChange(e, 2, new GpUnit(unit(e, 2).id(), v, unit(e, 2).type(), Optional.empty(), false, List.of()))),
            new Mutation("unit type", (e, v) -> unitChange(e, 2, new GpUnit(unit(e, 2).id(), unit(e, 2).name(), GpUnitType.POLLING_PLACE, Optional.empty(), false, List.of()))),
            new Mutation("unit otherType", (e, v) -> unitChange(e, 2, new GpUnit(unit(e, 2).id(), unit(e, 2).name(), unit(e, 2).type(), Optional.of(v), false, List.of()))),
            new Mutation("unit authority", (e, v) -> unitChange(e, 2, new GpUnit(unit(e, 2).id(), unit(e, 2).name(), unit(e, 2).type(), Optional.empty(), true, List.of()))),
            new Mutation("unit composing", (e, v) -> unitChange(e, 2, new GpUnit(unit(e, 2).id(), unit(e, 2).name(), unit(e, 2).type(), Optional.empty(), false, List.of(u(v))))),
            new Mutation("composing order", (e, v) -> unitChange(e, 3, new GpUnit(unit(e, 3).id(), unit(e, 3).name(), unit(e, 3).type(), Optional.empty(), false, swapped(unit(e, 3).composingUnits(), 0, 1)))),
            new Mutation("unit order", (e, v) -> TestElections.withUnits(e, swapped(e.gpUnits(), 2, 3))),
            new Mutation("party id", (e, v) -> TestElections.withParties(e, replace(e.parties(), 0, new Party(new PartyId(v), "Democratic", "DEM")))),
            new Mutation("party name", (e, v) -> TestElections.withParties(e, replace(e.parties(), 0, new Party(new PartyId("dem"), v, "DEM")))),
            new Mutation("party abbreviation", (e, v) -> TestElections.withParties(e, replace(e.parties(), 0, new Party(new PartyId("dem"), "Democratic", v)))),
            new Mutation("candidate id", (e, v) -> TestElections.withCandidates(e, replace(e.candidates(), 2, new Candidate(new CandidateId(v), "Cy Young", Optional.empty())))),
            new Mutation("candidate name", (e, v) -> TestElections.withCandidates(e, replace(e.candidates(), 2, new Candidate(new CandidateId("c3"), v, Optional.empty())))),
            new Mutation("candidate party", (e, v) -> TestElections.withCandidates(e, replace(e.candidates(), 2, new Candidate(new CandidateId("c3"), "Cy Young", Optional.of(new PartyId(v)))))),
            new Mutation("contest name", (e, v) -> k2Change(e, 2, k2(e).selections(), List.of(), 0, v, k2(e).district())),
            new Mutation("contest district", (e, v) -> k2Change(e, 2, k2(e).selections(), List.of(), 0, k2(e).name(), u(v))),
            new Mutation("votes allowed", (e, v) -> k2Change(e, 2 + v.length(), k2(e).selections(), List.of(), 0, k2(e).name(), k2(e).district())),
            new Mutation("ranks", (e, v) -> k2Change(e, 2, k2(e).selections(), List.of(), v.length(), k2(e).name(), k2(e).district())),
            new Mutation("primary parties", (e, v) -> k2Change(e, 2, k2(e).selections(), List.of(new PartyId(v)), 0, k2(e).name(), k2(e).district())),
            new Mutation("selection order", (e, v) -> k2Change(e, 2, swapped(k2(e).selections(), 0, 1), List.of(), 0, k2(e).name(), k2(e).district())),
            new Mutation("selection id", (e, v) -> k2Change(e, 2, replace(k2(e).selections(), 2, new ContestSelection.WriteIn(s(v))), List.of(), 0, k2(e).name(), k2(e).district())),
            new Mutation("write-in to candidate", (e, v) -> k2Change(e, 2, replace(k2(e).selections(), 2, new ContestSelection.CandidateSelection(s("s6"), List.of(new CandidateId("c3")))), List.of(), 0, k2(e).name(), k2(e).district())),
            new Mutation("selection candidates", (e, v) -> k2Change(e, 2, replace(k2(e).selections(), 0, new ContestSelection.CandidateSelection(s("s4"), List.of(new CandidateId(v)))), List.of(), 0, k2(e).name(), k2(e).district())),
            new Mutation("contest kind", (e, v) -> TestElections.withContests(e, replace(e.contests(), 0, new Contest.BallotMeasureContest(new ContestId("sp"), "Straight Party", u("mo"), "", List.of())))),
            new Mutation("measure text", (e, v) -> TestElections.withContests(e, replace(e.contests(), 3, new Contest.BallotMeasureContest(new ContestId("m1"), "Proposition 1", u("d1"), v, e.contests().get(3).selections())))),
            new Mutation("response text", (e, v) -> TestElections.withContests(e, replace(e.contests(), 3, new Contest.BallotMeasureContest(new ContestId("m1"), "Proposition 1", u("d1"), "Shall it?", List.of(new ContestSelection.BallotMeasureSelection(s("m1y"), v), e.contests().get(3).selections().get(1)))))),
            new Mutation("party selection parties", (e, v) -> TestElections.withContests(e, replace(e.contests(), 0, new Contest.PartyContest(new ContestId("sp"), "Straight Party", u("mo"), List.of(new ContestSelection.PartySelection(s("spd"), List.of(new PartyId(v)))))))),
            new Mutation("contest order", (e, v) -> TestElections.withContests(e, swapped(e.contests(), 1, 2))),
            new Mutation("style id", (e, v) -> TestElections.withStyles(e, replace(e.ballotStyles(), 1, new BallotStyle(new BallotStyleId(v), e.ballotStyles().get(1).gpUnits(), e.ballotStyles().get(1).contests(), List.of())))),
            new Mutation("style units", (e, v) -> TestElections.withStyles(e, replace(e.ballotStyles(), 1, new BallotStyle(new BallotStyleId("b2"), List.of(u(v)), e.ballotStyles().get(1).contests(), List.of())))),
            new Mutation("ballot order", (e, v) -> TestElections.withStyles(e, replace(e.ballotStyles(), 1, new BallotStyle(new BallotStyleId("b2"), e.ballotStyles().get(1).gpUnits(), swapped(e.ballotStyles().get(1).contests(), 1, 2), List.of())))),
            new Mutation("style parties", (e, v) -> TestElections.withStyles(e, replace(e.ballotStyles(), 1, new BallotStyle(new BallotStyleId("b2"), e.ballotStyles().get(1).gpUnits(), e.ballotStyles().get(1).contests(), List.of(new PartyId(v)))))));

    @Provide
    Arbitrary<Mutation> mutations() {
        return Arbitraries.of(MUTATIONS);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(12).filter(v -> !v.isBlank());
    }

    @Property(tries = 400)
    void anyChangeToAnyFieldChangesTheFingerprint(@ForAll("mutations") Mutation m, @ForAll("values") String value) {
        Election changed = m.apply().apply(BASE, value);
        Assume.that(!changed.equals(BASE));

        assertThat(ElectionFingerprint.of(changed)).isNotEqualTo(ElectionFingerprint.of(BASE));
    }

    @Test
    void everyMutationIsExercised() {
        for (Mutation m : MUTATIONS) {
            assertThat(m.apply().apply(BASE, "zz-new")).as(m.what()).isNotEqualTo(BASE);
        }
    }
}
