package org.bulwark.formats.election;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.bulwark.model.BadInputException;
import org.bulwark.model.Election;

/**
 * Every election reader, fed damaged files, either reads them or throws a BadInputException naming
 * the file and a place: never another exception. An election read with no error is written as
 * Bulwark JSON and reads back equal. Jazzer replays its seeds (a valid file of each format, in
 * ElectionReaderFuzzTestInputs) under plain {@code mvn verify} and fuzzes with JAZZER_FUZZ=1; the
 * jqwik property mutates valid files itself on every build (byte flips, truncations, insertions of
 * random or structural bytes, duplicated and deleted slices).
 */
class ElectionReaderFuzzTest {
    record Seed(String name, byte[] content) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed(BulwarkJsonTest.EXAMPLE, BulwarkJsonTest.resource(BulwarkJsonTest.EXAMPLE)),
            nist("gen-01", "pe-err-gen-01.json"),
            nist("gen-01", "pe-err-gen-01.xml"),
            nist("gen-01", "bd-gen-01.json"),
            nist("gen-01", "bd-gen-01.xml"),
            nist("prim-01", "pe-err-prim-01.xml"),
            nist("prim-01", "bd-prim-01.json"));

    private static Seed nist(String election, String file) {
        try {
            return new Seed(file, Files.readAllBytes(NistImportTest.nist(election, file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One edit at a fraction of the file's length; {@code kind} picks what it does. */
    record Mutation(int kind, double at, double length, byte[] bytes) {
        byte[] apply(byte[] in) {
            int pos = (int) (at * in.length);
            int len = Math.max(1, (int) (length * Math.min(in.length - pos, 4096)));
            return switch (kind) {
                case 0 -> { // flip bits of one byte
                    byte[] out = in.clone();
                    if (pos < out.length) {
                        out[pos] ^= bytes.length == 0 ? 0x55 : (bytes[0] == 0 ? 1 : bytes[0]);
                    }
                    yield out;
                }
                case 1 -> Arrays.copyOf(in, pos); // truncate
                case 2 -> concat(Arrays.copyOf(in, pos), bytes, Arrays.copyOfRange(in, pos, in.length)); // insert
                case 3 -> concat(Arrays.copyOf(in, Math.min(in.length, pos + len)), // duplicate a slice
                        Arrays.copyOfRange(in, pos, Math.min(in.length, pos + len)),
                        Arrays.copyOfRange(in, Math.min(in.length, pos + len), in.length));
                default -> concat(Arrays.copyOf(in, pos), new byte[0], // delete a slice
                        Arrays.copyOfRange(in, Math.min(in.length, pos + len), in.length));
            };
        }

        private static byte[] concat(byte[] a, byte[] b, byte[] c) {
            byte[] out = Arrays.copyOf(a, a.length + b.length + c.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            System.arraycopy(c, 0, out, a.length + b.length, c.length);
            return out;
        }
    }

    @Provide
    Arbitrary<Seed> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<byte[]> structural = Arbitraries.of("{", "}", "[", "]", "\"", ",", ":", "<", ">", "/", "&", "\\",
                "\"@id\":", "null", "1e999", "-0", "\u00e9", "<![CDATA[", "<!--", "\"\\ud800\"", "<x>", "</Contest>")
                .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8);
        Arbitrary<Mutation> one = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.oneOf(structural, random))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /** What happened to one file: refused, or read with or without errors. */
    private static String readOrRefuse(byte[] data, String name) {
        LoadedElection loaded;
        try {
            loaded = ElectionFiles.read(data, name);
        } catch (BadInputException refused) {
            assertThat(refused.file()).isEqualTo(name);
            assertThat(refused.place()).isNotBlank();
            assertThat(refused.problem()).isNotBlank();
            return "refused";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ElectionFiles.writeBulwarkJson(loaded.election(), out);
        if (loaded.hasErrors()) {
            return "read, with errors";
        }
        Election back = ElectionFiles.read(out.toByteArray(), "written").election();
        assertThat(back).isEqualTo(loaded.election());
        return "read, no error";
    }

    @FuzzTest
    void electionFilesEitherReadOrSayWhy(byte[] data) {
        readOrRefuse(data, "fuzz");
    }

    @Property(tries = 2000)
    void mutatedFilesReadOrAreRefusedWithBadInput(@ForAll("seeds") Seed seed, @ForAll("mutations") List<Mutation> edits) {
        byte[] data = seed.content();
        for (Mutation m : edits) {
            data = m.apply(data);
        }
        Statistics.collect(readOrRefuse(data, seed.name()));
        // Every outcome must be reached, or the mutations test too little.
        Statistics.coverage(c -> {
            c.check("refused").count((Integer n, Integer all) -> all < 200 || n > 0);
            c.check("read, with errors").count((Integer n, Integer all) -> all < 200 || n > 0);
            c.check("read, no error").count((Integer n, Integer all) -> all < 200 || n > 0);
        });
    }
}
