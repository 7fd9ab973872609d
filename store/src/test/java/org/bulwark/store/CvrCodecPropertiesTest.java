package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Election;
import org.bulwark.model.GpUnit;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.Party;

/** The compact CVR encoding round-trips every CastVoteRecord the election allows, and nothing else decodes silently. */
class CvrCodecPropertiesTest {
    private static final Election ELECTION = Fixtures.election();
    private static final CvrDictionary DICTIONARY = CvrDictionary.of(ELECTION);

    @Property(tries = 400)
    void everyCvrRoundTripsExactly(@ForAll("cvrs") CastVoteRecord cvr) {
        CvrCodec codec = new CvrCodec(DICTIONARY);
        assertThat(codec.decode(codec.encode(cvr))).isEqualTo(cvr);
    }

    @Property(tries = 50)
    void theDictionaryRoundTripsThroughItsBytes(@ForAll("cvrs") CastVoteRecord cvr) {
        CvrDictionary stored = CvrDictionary.fromBytes(DICTIONARY.toBytes());
        assertThat(new CvrCodec(stored).decode(new CvrCodec(DICTIONARY).encode(cvr))).isEqualTo(cvr);
    }

    @Example
    void generatedBallotsRoundTripAndAreSmall() {
        CvrCodec codec = new CvrCodec(DICTIONARY);
        long bytes = 0;
        List<CastVoteRecord> ballots = Fixtures.ballots();
        for (CastVoteRecord cvr : ballots) {
            byte[] encoded = codec.encode(cvr);
            bytes += encoded.length;
            assertThat(codec.decode(encoded)).isEqualTo(cvr);
        }
        // A statewide general ballot of a dozen-odd contests: well under 200 bytes on average.
        assertThat(bytes / ballots.size()).isLessThan(200);
    }

    /** Damaged records (flipped, cut or extended bytes) decode to a CVR or fail as Malformed, never otherwise. */
    @Property(tries = 600)
    void damagedBytesFailOnlyAsMalformed(
            @ForAll("cvrs") CastVoteRecord cvr,
            @ForAll @IntRange(min = 0, max = 2) int damage,
            @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll byte value) {
        CvrCodec codec = new CvrCodec(DICTIONARY);
        byte[] bytes = codec.encode(cvr);
        int at = where % bytes.length;
        byte[] damaged = switch (damage) {
            case 0 -> {
                byte[] b = bytes.clone();
                b[at] ^= value == 0 ? 1 : value;
                yield b;
            }
            case 1 -> Arrays.copyOf(bytes, at);
            default -> {
                byte[] b = Arrays.copyOf(bytes, bytes.length + 1);
                System.arraycopy(bytes, at, b, at + 1, bytes.length - at);
                b[at] = value;
                yield b;
            }
        };
        try {
            assertThat(codec.decode(damaged)).isNotNull();
        } catch (Bytes.Malformed expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void randomBytesFailOnlyAsMalformed(@ForAll byte[] bytes) {
        try {
            new CvrCodec(DICTIONARY).decode(bytes);
        } catch (Bytes.Malformed expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
        try {
            CvrDictionary.fromBytes(bytes);
        } catch (Bytes.Malformed expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Example
    void anIdOutsideTheElectionCannotBeEncoded() {
        CastVoteRecord good = Fixtures.ballots().get(0);
        CastVoteRecord stray = new CastVoteRecord(good.ballotId(), new org.bulwark.model.BallotStyleId("bs-nowhere"),
                good.ballotStyleUnit(), good.parties(), good.creatingDevice(), good.batch(), good.countingGroup(),
                good.ballotImages(), good.contests());
        assertThatThrownBy(() -> new CvrCodec(DICTIONARY).encode(stray))
                .isInstanceOf(CvrCodec.NotInElection.class)
                .hasMessage("ballot style \"bs-nowhere\" is not in the election definition");
    }

    // ---- generators ----------------------------------------------------------------------------

    /** Any string Java can hold, lone surrogates included, short or empty. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(30);
    }

    private static Arbitrary<Integer> count() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, Integer.MAX_VALUE));
    }

    private static Arbitrary<Mark> mark(Contest contest) {
        return Combinators.combine(
                        Arbitraries.of(contest.selections()).map(ContestSelection::id),
                        Arbitraries.oneOf(Arbitraries.just(1), count()),
                        Arbitraries.of(Indication.class),
                        Arbitraries.of(Indication.class),
                        count(),
                        text().optional(0.3),
                        Arbitraries.of(true, false))
                .as(Mark::new);
    }

    private static Arbitrary<OptionalInt> recordedCount() {
        return Arbitraries.oneOf(
                Arbitraries.just(OptionalInt.empty()), Arbitraries.integers().map(OptionalInt::of));
    }

    private static Arbitrary<CvrContest> contest() {
        return Arbitraries.of(ELECTION.contests())
                .filter(c -> !c.selections().isEmpty())
                .flatMap(c -> Combinators.combine(mark(c).list().ofMaxSize(5), recordedCount(), recordedCount())
                        .as((marks, over, under) -> new CvrContest(c.id(), marks, over, under)));
    }

    @Provide
    Arbitrary<CastVoteRecord> cvrs() {
        Arbitrary<String> optionalText = text();
        return Combinators.combine(
                        text(),
                        Arbitraries.of(ELECTION.ballotStyles()).map(b -> b.id()),
                        Arbitraries.of(ELECTION.gpUnits()).map(GpUnit::id),
                        Arbitraries.of(ELECTION.parties()).map(Party::id).list().ofMaxSize(3),
                        optionalText.optional(0.5),
                        optionalText.optional(0.5),
                        Arbitraries.of(CountingGroup.class),
                        text().list().ofMaxSize(3))
                .flatAs((id, style, unit, parties, device, batch, group, images) -> contest().list().ofMaxSize(8)
                        .map(contests -> new CastVoteRecord(id, style, unit, parties, device, batch, group, images, contests)));
    }

    @Example
    void optionalFieldsAbsentRoundTrip() {
        CastVoteRecord bare = new CastVoteRecord("", ELECTION.ballotStyles().get(0).id(), ELECTION.gpUnits().get(0).id(),
                List.of(), Optional.empty(), Optional.empty(), CountingGroup.PROVISIONAL, List.of(), List.of());
        CvrCodec codec = new CvrCodec(DICTIONARY);
        assertThat(codec.decode(codec.encode(bare))).isEqualTo(bare);
    }
}
