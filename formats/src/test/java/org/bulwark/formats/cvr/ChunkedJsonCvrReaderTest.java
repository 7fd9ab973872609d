package org.bulwark.formats.cvr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.ElectionIndex;
import org.junit.jupiter.api.Test;

/**
 * A strict JSON report read on several threads, in pieces, gives what a plain read gives: the same
 * CVRs in the same order and the same header, or, for a damaged file, the same error.
 */
class ChunkedJsonCvrReaderTest {
    private static final ElectionIndex INDEX = TestElection.INDEX;
    private static final CountingGroup GROUP = CountingGroup.ABSENTEE;

    /** What a read gave: the CVRs and header, or the error. */
    private record Outcome(List<CastVoteRecord> cvrs, Optional<ReportHeader> header, Optional<String> error) {}

    @Property(tries = 80)
    void piecesGiveWhatAPlainReadGives(@ForAll("reports") List<CastVoteRecord> cvrs, @ForAll @IntRange(min = 1, max = 3000) int pieceSize)
            throws IOException {
        byte[] report = CvrRoundTripTest.write(CvrFormat.JSON, INDEX.election(), cvrs);
        Outcome plain = plain(report);

        assertThat(plain.cvrs()).isEqualTo(cvrs);
        assertThat(chunked(report, pieceSize)).isEqualTo(plain);
    }

    /** Truncated, a byte overwritten, or a piece of a CVR repeated: the error is the plain read's, word for word. */
    @Property(tries = 300)
    void aDamagedReportGetsThePlainReadsError(@ForAll("reports") List<CastVoteRecord> cvrs, @ForAll("damage") Damage damage,
            @ForAll @IntRange(min = 1, max = 2000) int pieceSize) throws IOException {
        byte[] report = damage.apply(CvrRoundTripTest.write(CvrFormat.JSON, INDEX.election(), cvrs));
        Outcome plain = plain(report);
        Outcome chunked = chunked(report, pieceSize);

        assertThat(chunked.error()).isEqualTo(plain.error());
        if (plain.error().isEmpty()) {
            assertThat(chunked).isEqualTo(plain);
        }
    }

    @Test
    void aReportWrittenOtherwiseIsReadOnOneThreadAlike() throws IOException {
        List<CastVoteRecord> cvrs = CvrRoundTripTest.cvrs(INDEX.election(), GROUP).list().ofSize(30).sample();
        String compact = new String(CvrRoundTripTest.write(CvrFormat.JSON, INDEX.election(), cvrs), StandardCharsets.UTF_8);
        byte[] spaced = compact.replace("\"CVR\":[", "\"CVR\" : [ ").replace(",{\"@type\":\"CVR.CVR\"", ", {\"@type\":\"CVR.CVR\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(chunked(spaced, 10)).isEqualTo(plain(spaced));
        assertThat(plain(spaced).cvrs()).isEqualTo(cvrs);
    }

    @Test
    void whatTheSinkThrowsComesOutUnchanged() throws IOException {
        List<CastVoteRecord> cvrs = CvrRoundTripTest.cvrs(INDEX.election(), GROUP).list().ofSize(40).sample();
        byte[] report = CvrRoundTripTest.write(CvrFormat.JSON, INDEX.election(), cvrs);
        IllegalStateException stop = new IllegalStateException("the tally stops here");
        List<CastVoteRecord> seen = new ArrayList<>();

        assertThatThrownBy(() -> ChunkedJsonCvrReader.read(new ByteArrayInputStream(report), "written", GROUP, INDEX,
                new ElectionIds(INDEX.election()), 3, 200, cvr -> {
                    if (seen.size() == 25) {
                        throw stop;
                    }
                    seen.add(cvr);
                }, () -> {
                    throw new AssertionError("a failing sink is not a reason to read the file again");
                })).isSameAs(stop);
        assertThat(seen).isEqualTo(cvrs.subList(0, 25));
    }

    @Provide
    Arbitrary<List<CastVoteRecord>> reports() {
        return CvrRoundTripTest.cvrs(INDEX.election(), GROUP).list().ofMinSize(1).ofMaxSize(40);
    }

    /** A change to a report's bytes at a fraction of its length. */
    record Damage(String kind, double at, byte value) {
        byte[] apply(byte[] report) {
            int i = (int) (at * (report.length - 1));
            return switch (kind) {
                case "truncate" -> Arrays.copyOf(report, i);
                case "overwrite" -> {
                    byte[] b = report.clone();
                    b[i] = value;
                    yield b;
                }
                default -> { // repeat the 40 bytes before i
                    int from = Math.max(0, i - 40);
                    byte[] b = new byte[report.length + (i - from)];
                    System.arraycopy(report, 0, b, 0, i);
                    System.arraycopy(report, from, b, i, i - from);
                    System.arraycopy(report, i, b, i + (i - from), report.length - i);
                    yield b;
                }
            };
        }
    }

    @Provide
    Arbitrary<Damage> damage() {
        return net.jqwik.api.Combinators.combine(
                Arbitraries.of("truncate", "overwrite", "repeat"),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of((byte) '"', (byte) '}', (byte) '{', (byte) ',', (byte) ']', (byte) '[', (byte) 'x', (byte) '1',
                        (byte) ' ', (byte) 0xC3, (byte) 0xFF, (byte) '\\'))
                .as(Damage::new);
    }

    private static Outcome plain(byte[] report) throws IOException {
        List<CastVoteRecord> cvrs = new ArrayList<>();
        try {
            CvrEmitter emitter = new CvrEmitter("written", INDEX, cvrs::add);
            ReportHeader header = JsonCvrReader.read(new ByteArrayInputStream(report), "written", true, GROUP,
                    new ElectionIds(INDEX.election()), emitter);
            return new Outcome(cvrs, Optional.of(header), Optional.empty());
        } catch (BadInputException e) {
            return new Outcome(List.of(), Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private static Outcome chunked(byte[] report, int pieceSize) throws IOException {
        List<CastVoteRecord> cvrs = new ArrayList<>();
        try {
            ChunkedJsonCvrReader.Result read = ChunkedJsonCvrReader.read(new ByteArrayInputStream(report), "written", GROUP, INDEX,
                    new ElectionIds(INDEX.election()), 3, pieceSize, cvrs::add,
                    () -> JsonCvrReader.read(new ByteArrayInputStream(report), "written", true, GROUP, new ElectionIds(INDEX.election()),
                            new CvrEmitter("written", INDEX, cvr -> {})));
            assertThat(read.cvrs()).isEqualTo(cvrs.size());
            return new Outcome(cvrs, Optional.of(read.header()), Optional.empty());
        } catch (BadInputException e) {
            return new Outcome(List.of(), Optional.empty(), Optional.of(e.getMessage()));
        }
    }
}
