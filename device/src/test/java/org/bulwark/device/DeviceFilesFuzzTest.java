package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bulwark.formats.ByteMutations;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.ReadinessClearance;
import org.bulwark.model.BadInputException;

/**
 * Mutation fuzzing of every file the device reads (jqwik, since the files are small and the readers
 * fast): each mutated valid file is read or refused with BadInputException, never anything else.
 */
class DeviceFilesFuzzTest {
    private static final byte[][] JSON_TOKENS = tokens("{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e999",
            "99999999999999999999", "\\u0000", "\"format\"", "\"version\"");

    private static byte[][] tokens(String... t) {
        return java.util.Arrays.stream(t).map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    private static void fuzz(byte[] seed, long randomSeed, BiConsumer<byte[], String> reader) {
        Random random = new Random(randomSeed);
        byte[] data = seed;
        for (int round = 0; round < 1 + random.nextInt(3); round++) {
            data = ByteMutations.mutate(data, random, JSON_TOKENS, 64);
        }
        try {
            reader.accept(data, "fuzzed.json");
        } catch (BadInputException expected) {
            assertThat(expected.file()).isEqualTo("fuzzed.json");
            assertThat(expected.problem()).isNotBlank();
        }
    }

    @Property(tries = 600)
    void certifiedSoftware(@ForAll long seed) {
        fuzz(new CertifiedSoftware(List.of("sha256:" + "ab".repeat(32))).bytes(), seed, CertifiedSoftware::read);
    }

    @Property(tries = 600)
    void deviceSettings(@ForAll long seed) {
        fuzz(new DeviceSettings(DeviceSettings.ScannerOvervotes.ACCEPT).bytes(), seed, DeviceSettings::read);
    }

    @Property(tries = 600)
    void readinessClearance(@ForAll long seed) {
        fuzz(new ReadinessClearance("SN-1", new Fingerprint("sha256:" + "cd".repeat(32)), false, List.of("seal-check"),
                Instant.parse("2026-11-02T18:00:00Z")).bytes(), seed, ReadinessClearance::read);
    }

    @Property(tries = 300)
    void officials(@ForAll long seed) {
        fuzz(Fixture.OFFICIALS.bytes(), seed, Officials::read);
    }

    @Property(tries = 60)
    void eventLogOnTheCard(@ForAll long seed) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : System.getProperty("java.io.tmpdir")),
                "fuzz-log");
        try {
            Path log = dir.resolve("events.log");
            Files.write(log, EventLogSeed.BYTES);
            Random random = new Random(seed);
            Files.write(log, ByteMutations.mutate(EventLogSeed.BYTES, random, tokens("\n", " ", "=", "A", "0"), 200));
            try {
                EventJournal.open(log);
            } catch (BadInputException expected) {
                assertThat(expected.file()).isEqualTo(log.toString());
            }
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A real device log: three events written by the journal itself. */
    static final class EventLogSeed {
        static final byte[] BYTES = make();

        private static byte[] make() {
            try {
                Path dir = Files.createTempDirectory("seed-log");
                Path log = dir.resolve("events.log");
                EventJournal j = EventJournal.open(log);
                var h = new org.bulwark.model.events.EventHeader(Instant.parse("2026-11-03T12:00:00Z"),
                        new org.bulwark.model.events.Actor("Ann"), java.util.Optional.of(new org.bulwark.model.events.DeviceId("SN-1")),
                        new org.bulwark.model.events.Jurisdiction.Named("boone"), org.bulwark.model.events.Disposition.SUCCESS);
                j.append(new org.bulwark.model.events.LogEvent.DeviceTransition(h, "load-election", "unconfigured", "configured (test)"));
                j.append(new org.bulwark.model.events.LogEvent.DeviceBallotCast(h, "test", 1));
                j.append(new org.bulwark.model.events.LogEvent.DeviceBallotCast(h, "test", 2));
                byte[] bytes = Files.readAllBytes(log);
                Files.delete(log);
                Files.delete(dir);
                return bytes;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
