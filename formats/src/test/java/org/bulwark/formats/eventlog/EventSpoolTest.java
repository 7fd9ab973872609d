package org.bulwark.formats.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bulwark.model.BadInputException;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.DeviceId;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.junit.jupiter.api.Test;

/** A device's events beyond what is held in memory go to a temporary file and come back exactly. */
class EventSpoolTest {
    static DeviceEvent event(int i) {
        return new DeviceEvent("id-" + i, Integer.toString(i), "2026-11-03T07:00:0" + (i % 10) + "-05:00",
                Instant.ofEpochSecond(1_800_000_000L + i, i), "GSF-NCSM", Disposition.values()[i % Disposition.values().length],
                i % 2 == 0 ? Optional.empty() : Optional.of("other " + i), Optional.of("pollworker ü" + i), Optional.empty(),
                Optional.of("desc " + "x".repeat(i)), i % 3 == 0 ? Optional.empty() : Optional.of("{\"n\":" + i + "}"),
                Optional.of("h" + i));
    }

    private static long spoolFiles() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("bulwark-device-events")).count();
        }
    }

    @Test
    void eventsBeyondTheMemoryLimitComeBackExactlyAndInOrderEveryTime() throws IOException {
        long filesBefore = spoolFiles();
        List<DeviceEvent> written = new ArrayList<>();
        try (EventSpool spool = new EventSpool(3)) {
            for (int i = 0; i < 10; i++) {
                written.add(event(i));
                spool.add(event(i), "line " + i);
            }
            assertThat(spoolFiles()).isEqualTo(filesBefore + 1);
            for (int pass = 0; pass < 2; pass++) {
                List<DeviceEvent> read = new ArrayList<>();
                List<String> places = new ArrayList<>();
                spool.forEach((index, held) -> {
                    assertThat(index).isEqualTo(read.size());
                    read.add(held.event());
                    places.add(held.place());
                });
                assertThat(read).isEqualTo(written);
                assertThat(places).last().isEqualTo("line 9");
            }
            spool.clear();
            assertThat(spool.size()).isZero();
            assertThat(spoolFiles()).as("cleared for the next device").isEqualTo(filesBefore);
            spool.add(event(42), "line 42");
            spool.forEach((index, held) -> assertThat(held.event()).isEqualTo(event(42)));
        }
        assertThat(spoolFiles()).isEqualTo(filesBefore);
    }

    /** A log of more events than the reader keeps in memory: read whole, its chain checked across the spilled part. */
    @Test
    void aLongDeviceLogIsReadAndItsChainCheckedBeyondTheMemoryLimit() throws IOException {
        int n = EventSpool.IN_MEMORY + 600;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportHeader header = new ExportHeader("scanner-7", Optional.empty(), Instant.parse("2026-11-04T00:00:00Z"), "0.1.0");
        try (EventLogWriter w = EventLogWriter.open(EventLogFormat.JSON, header, out)) {
            for (int i = 0; i < n; i++) {
                EventHeader h = new EventHeader(Instant.parse("2026-11-03T07:00:00Z").plusSeconds(i), new Actor("pollworker"),
                        Optional.of(new DeviceId("scanner-7")), new Jurisdiction.Named("Precinct 4"), Disposition.SUCCESS);
                w.write(i, new LogEvent.DeviceEventImported(h, "VC-BALLOT", "GSF-NCSM", Integer.toString(i)));
            }
        }
        byte[] bytes = out.toByteArray();
        List<ImportedEvent> read = new ArrayList<>();
        ImportReport report = EventLogReader.read(new ByteArrayInputStream(bytes), "long.json", read::add);
        assertThat(read).hasSize(n);
        assertThat(report.eventCount()).isEqualTo(n);
        assertThat(report.devices().getFirst().chain()).isEqualTo(new ChainCheck.Verified(n));
        assertThat(read.getLast().event().sequence()).isEqualTo(Integer.toString(n - 1));

        // Alter an event held in the temporary file: the chain check still finds it.
        String text = new String(bytes, StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Sequence\"\\s*:\\s*\"" + (n - 10) + "\"").matcher(text);
        assertThat(m.find()).isTrue();
        byte[] altered = (text.substring(0, m.end() - 1) + "0" + text.substring(m.end() - 1)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventLogReader.read(new ByteArrayInputStream(altered), "long.json", e -> { }))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("sequence " + (n - 10) + "0: the Hash does not match the hash chain");
    }
}
