package org.bulwark.formats.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bulwark.formats.ByteMutations;
import org.bulwark.model.BadInputException;

/**
 * The event log reader, fed mutated logs (the NIST gen-01 sample and a Bulwark export with its hash
 * chain, JSON and XML), either reads them or throws BadInputException naming the file and a place.
 * Jazzer runs the seeds under plain {@code mvn verify}; the jqwik property mutates them every build.
 */
class EventLogFuzzTest {
    @FuzzTest
    void readerEitherSucceedsOrSaysWhy(byte[] data) {
        readBoth(data);
    }

    @Property(tries = 400)
    void mutatedLogsFailOnlyWithBadInput(@ForAll("seeds") byte[] seed, @ForAll Random random) {
        byte[] data = seed;
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            data = ByteMutations.mutate(data, random, TOKENS, 600);
        }
        readBoth(data);
    }

    private static void readBoth(byte[] data) {
        try {
            EventLogReader.read(new ByteArrayInputStream(data), "fuzz", e -> {});
        } catch (BadInputException e) {
            assertThat(e.file()).isEqualTo("fuzz");
            assertThat(e.place()).isNotBlank();
            assertThat(e.problem()).isNotBlank();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            EventLogReader.readDocumentation(new ByteArrayInputStream(data), "fuzz");
        } catch (BadInputException e) {
            assertThat(e.place()).isNotBlank();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final byte[][] TOKENS = {
        "{".getBytes(), "}".getBytes(), "[".getBytes(), "]".getBytes(), "\"".getBytes(), ",".getBytes(),
        "<".getBytes(), "</Event>".getBytes(), "<Event>".getBytes(), "&amp;".getBytes(), "<!DOCTYPE x>".getBytes(),
        "null".getBytes(), "\"Hash\": \"00\",".getBytes(), "\"Event\": [".getBytes(), "<Hash>ab</Hash>".getBytes(),
        "2000-13-45T99:00:00".getBytes(), {(byte) 0xC3}, {(byte) 0xFF}, {0},
    };



    @Provide
    Arbitrary<byte[]> seeds() {
        try (Stream<Path> files = Files.list(Path.of(EventLogFuzzTest.class
                .getResource("EventLogFuzzTestInputs/readerEitherSucceedsOrSaysWhy").toURI()))) {
            List<byte[]> seeds = files.sorted().map(f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
            // Bulwark's own exports carry a hash chain, so mutants also exercise the chain check.
            seeds.add(EventLogTest.export(EventLogFormat.JSON));
            seeds.add(EventLogTest.export(EventLogFormat.XML));
            return Arbitraries.of(seeds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
