package org.bulwark.formats.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.bulwark.model.BadInputException;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.DeviceId;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.EventKind;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.model.events.VvsgCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventLogTest {
    static final Path EEL = Path.of("..", "testdata", "nist-cdf", "gen-01", "eel_v1");
    static final Path SCHEMAS = Path.of("..", "testdata", "nist-cdf", "schemas");
    static final Sha256 A = new Sha256("a".repeat(64));

    static List<LogEvent> sampleLog() {
        EventHeader h = new EventHeader(Instant.parse("2026-11-03T19:30:00Z"), new Actor("clerk <1> & co"),
                Optional.empty(), new Jurisdiction.Unit(new GpUnitId("county-1")), Disposition.SUCCESS);
        EventHeader device = new EventHeader(Instant.parse("2026-11-03T07:00:00Z"), new Actor("pollworker"),
                Optional.of(new DeviceId("scanner-7")), new Jurisdiction.Named("Precinct 4"), Disposition.SUCCESS);
        return List.of(
                new LogEvent.ElectionDefinitionImported(h, "gen-01", A, "bd.json"),
                new LogEvent.CvrFileImported(h, A, A, "cvr.json", "election-day", 12),
                new LogEvent.DeviceEventImported(device, "VC-EE-PO", "GSF-NCSM", "2"),
                new LogEvent.PackageRefused(new EventHeader(h.time(), h.actor(), Optional.empty(), h.jurisdiction(),
                        Disposition.FAILURE), "results.zip", "the signature does not verify"));
    }

    static byte[] export(EventLogFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportHeader header = new ExportHeader("county-1.example/log", Optional.of("gen-01"),
                Instant.parse("2026-11-04T00:00:00Z"), "0.1.0");
        try (EventLogWriter w = EventLogWriter.open(format, header, out)) {
            long index = 0;
            for (LogEvent e : sampleLog()) {
                w.write(index++, e);
            }
        }
        return out.toByteArray();
    }

    static ImportReport read(byte[] bytes, List<ImportedEvent> into) throws IOException {
        return EventLogReader.read(new ByteArrayInputStream(bytes), "log", into::add);
    }

    @Test
    void exportedXmlAndDocumentationValidateAgainstTheNistSchema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(SCHEMAS.resolve("NIST_V1_election_event_logging.xsd").toFile());
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(export(EventLogFormat.XML))));
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        EventLogWriter.writeDocumentation(EventLogFormat.XML, "0.1.0", LocalDate.of(2026, 11, 4), doc);
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(doc.toByteArray())));
    }

    @ParameterizedTest
    @EnumSource(EventLogFormat.class)
    void exportReadsBackWithItsChainVerified(EventLogFormat format) throws IOException {
        List<ImportedEvent> events = new ArrayList<>();
        ImportReport report = read(export(format), events);
        assertThat(report.chainSummary())
                .isEqualTo("1 device: county-1.example/log hash chain verified (4 events, sha-256)");
        assertThat(events).extracting(e -> e.event().id()).containsExactly("BW-ELECTION-IMPORTED", "BW-CVR-IMPORTED",
                "BW-DEVICE-EVENT", "BW-PACKAGE-REFUSED");
        assertThat(events.get(2).event().details().orElseThrow()).startsWith("device=scanner-7; jurisdiction=Precinct 4; eventId=VC-EE-PO");
        assertThat(events.get(3).event().disposition()).isEqualTo(Disposition.FAILURE);
        assertThat(events.get(0).event().type()).isEqualTo(EventKind.ELECTION_DEFINITION_IMPORTED.category().code());
        assertThat(events.get(0).event().userId()).contains("clerk <1> & co");
    }

    @ParameterizedTest
    @EnumSource(EventLogFormat.class)
    void anAlteredEventBreaksTheChainAtThatEvent(EventLogFormat format) {
        String text = new String(export(format), StandardCharsets.UTF_8).replace("cvrCount=12", "cvrCount=13");
        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("device county-1.example/log, sequence 1: the Hash does not match the hash chain (expected ")
                .hasMessageContaining("Event[1]");
    }

    @Test
    void removingAnEventBreaksTheChainAtTheNext() throws IOException {
        List<ImportedEvent> events = new ArrayList<>();
        String json = new String(export(EventLogFormat.JSON), StandardCharsets.UTF_8);
        read(json.getBytes(StandardCharsets.UTF_8), events);
        int second = json.indexOf("{", json.indexOf("\"BW-ELECTION-IMPORTED\""));
        int third = json.indexOf("{", second + 1);
        String removed = json.substring(0, second) + json.substring(third);
        assertThatThrownBy(() -> read(removed.getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
                .hasMessageContaining("sequence 2: the Hash does not match");
    }

    @ParameterizedTest
    @EnumSource(EventLogFormat.class)
    void nistSampleHasNoChainToVerify(EventLogFormat format) throws IOException {
        Path file = EEL.resolve("eel-gen-01." + format.name().toLowerCase());
        List<ImportedEvent> events = new ArrayList<>();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = EventLogReader.read(in, file.toString(), events::add);
        }
        assertThat(report.electionId()).contains("GEN-01");
        assertThat(report.devices()).hasSize(2);
        assertThat(report.devices()).allSatisfy(d -> assertThat(d.chain().describe()).isEqualTo("no hash chain to verify"));
        assertThat(report.eventCount()).isEqualTo(events.size()).isGreaterThan(10);
        ImportedEvent first = events.getFirst();
        assertThat(first.event().id()).isEqualTo("VC-SM-E");
        assertThat(first.event().time()).isEqualTo(Instant.parse("2000-11-07T12:00:00Z"));
        assertThat(first.event().userId()).contains("CEARNSHAW");
        assertThat(first.device().model()).isPresent();
    }

    @Test
    void bothEncodingsOfTheNistSampleReadTheSame() throws IOException {
        List<ImportedEvent> json = new ArrayList<>();
        List<ImportedEvent> xml = new ArrayList<>();
        try (InputStream a = Files.newInputStream(EEL.resolve("eel-gen-01.json"));
                InputStream b = Files.newInputStream(EEL.resolve("eel-gen-01.xml"))) {
            EventLogReader.read(a, "json", json::add);
            EventLogReader.read(b, "xml", xml::add);
        }
        assertThat(json).isEqualTo(xml);
    }

    @ParameterizedTest
    @EnumSource(EventLogFormat.class)
    void readsTheNistDocumentation(EventLogFormat format) throws IOException {
        Path file = EEL.resolve("eel-documentation-gen-01." + format.name().toLowerCase());
        EventLogDocumentation doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = EventLogReader.readDocumentation(in, file.toString());
        }
        assertThat(doc.manufacturer()).isEqualTo("Acme Voting");
        assertThat(doc.eventIds()).containsEntry("VC-EE-PO", "Polls opened");
        assertThat(doc.eventTypes()).containsEntry("AAC-ARE", "Authentication related events");
    }

    @Test
    void ourDocumentationDescribesEveryKindAndReadsBack() throws IOException {
        for (EventLogFormat format : EventLogFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EventLogWriter.writeDocumentation(format, "0.1.0", LocalDate.of(2026, 11, 4), out);
            EventLogDocumentation doc = EventLogReader.readDocumentation(new ByteArrayInputStream(out.toByteArray()), "doc");
            assertThat(doc.eventIds()).hasSize(EventKind.values().length);
            assertThat(doc.eventIds().get("BW-KEY-REVOKED"))
                    .endsWith("(VVSG category CRY-CKC: Cryptographic events: changes to cryptographic keys)");
            assertThat(doc.eventTypes()).hasSize(VvsgCategory.values().length)
                    .containsEntry("VE-BDM", "Voting events: ballot definition and modification");
        }
    }

    @Test
    void badInputNamesFilePlaceAndProblem() {
        String missingTime = """
                {"Device": [{"Event": [{"Disposition": "success", "Id": "X", "Sequence": "1", "Type": "T"}],
                  "Id": "d1"}], "GeneratedTime": "2001-12-17T09:30:47Z"}""";
        assertThatThrownBy(() -> read(missingTime.getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("log");
                    assertThat(e.place()).contains("line 1").contains("Device[0].Event[0]");
                    assertThat(e.problem()).isEqualTo("this Event has no TimeStamp (required)");
                });
        String unknown = "<ElectionEventLog xmlns=\"http://itl.nist.gov/ns/voting/1500-101/v1\"><Colour>red</Colour>"
                + "</ElectionEventLog>";
        assertThatThrownBy(() -> read(unknown.getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
                .hasMessageContaining("\"Colour\" is not a field here");
        String partial = new String(export(EventLogFormat.JSON), StandardCharsets.UTF_8)
                .replaceFirst("\"Hash\" : \"[0-9a-f]+\",", "");
        assertThatThrownBy(() -> read(partial.getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
                .hasMessageContaining("sequence 0: this Event has no Hash but 3 other events of the device do");
    }
}
