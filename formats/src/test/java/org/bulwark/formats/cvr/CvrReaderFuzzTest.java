package org.bulwark.formats.cvr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bulwark.formats.ByteMutations;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ElectionIndex;

/**
 * Both readers, fed mutated reports, either read them or throw BadInputException naming the file
 * and a place: never another exception, never a hang. The seeds (in CvrReaderFuzzTestInputs) are the
 * NIST test deck files trimmed to three CVRs and the small reports of the unit tests. Jazzer runs
 * the seeds under plain {@code mvn verify} and fuzzes with JAZZER_FUZZ=1; the jqwik property
 * mutates the seeds itself on every build.
 */
class CvrReaderFuzzTest {
    static final Path SEEDS = seeds();

    private static Path seeds() {
        try {
            return Path.of(CvrReaderFuzzTest.class.getResource("CvrReaderFuzzTestInputs/readersEitherSucceedOrSayWhy").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The election each seed belongs to, so that mutants get past the check against the election. */
    static final Map<String, ElectionIndex> ELECTIONS = Map.of(
            "small", TestElection.INDEX,
            "cvr-gen-01", NistTestDeckTest.election("gen-01"),
            "cvr-prim-01", NistTestDeckTest.election("prim-01"));

    @FuzzTest
    void readersEitherSucceedOrSayWhy(byte[] data) {
        for (ElectionIndex election : ELECTIONS.values()) {
            readBothModes(data, election);
        }
    }

    @Property(tries = 400)
    void mutatedSeedsFailOnlyWithBadInput(@ForAll("seedFiles") Map.Entry<String, byte[]> seed, @ForAll Random random) {
        byte[] data = seed.getValue();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            data = ByteMutations.mutate(data, random, TOKENS, 2000);
        }
        String stem = seed.getKey().replaceFirst("(-3)?\\.(json|xml)$", "");
        readBothModes(data, ELECTIONS.get(stem));
    }

    private static void readBothModes(byte[] data, ElectionIndex election) {
        for (CvrReadOptions options : List.of(CvrReadOptions.strict(), CvrReadOptions.lenient())) {
            try {
                CvrFiles.read(new ByteArrayInputStream(data), "fuzz", election, options, c -> {});
            } catch (BadInputException e) {
                assertThat(e.file()).isEqualTo("fuzz");
                assertThat(e.place()).isNotBlank();
                assertThat(e.problem()).isNotBlank();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final byte[][] TOKENS = {
        "{".getBytes(), "}".getBytes(), "[".getBytes(), "]".getBytes(), "\"".getBytes(), ",".getBytes(), ":".getBytes(),
        "<".getBytes(), ">".getBytes(), "</".getBytes(), "&amp;".getBytes(), "&x;".getBytes(), "<!DOCTYPE x>".getBytes(),
        "-1".getBytes(), "99999999999999999999".getBytes(), "null".getBytes(), "\"@type\"".getBytes(), "\"CVR.CVR\"".getBytes(),
        {(byte) 0xC3}, {(byte) 0xFF}, {0}, "\\u0000".getBytes(), "\"CVR\": [".getBytes(),
    };



    @Provide
    Arbitrary<Map.Entry<String, byte[]>> seedFiles() {
        try (Stream<Path> files = Files.list(SEEDS)) {
            List<Map.Entry<String, byte[]>> seeds = files.sorted().map(f -> {
                try {
                    return Map.entry(f.getFileName().toString(), Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            return Arbitraries.of(seeds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
