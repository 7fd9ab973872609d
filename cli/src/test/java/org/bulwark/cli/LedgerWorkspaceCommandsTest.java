package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.formats.eventlog.EventLogReader;
import org.bulwark.formats.eventlog.ImportReport;
import org.bulwark.formats.eventlog.ImportedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerWorkspaceCommandsTest {
    static final Path EEL = Path.of("..", "testdata", "nist-cdf", "gen-01", "eel_v1");

    @TempDir
    Path tmp;

    private String ws() {
        return tmp.resolve("county.db").toString();
    }

    @Test
    void workspaceActionsAndDeviceLogsExportWithAVerifiableChain() throws IOException {
        assertThat(Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_XML.toString()).exitCode()).isZero();
        assertThat(Run.of("import", "cvr", "--workspace", ws(), "--election", "1",
                TabulateCommandTest.GEN01_CVR.toString()).exitCode()).isZero();

        Run eel = Run.of("ledger", "import-eel", "--workspace", ws(), "--jurisdiction", "Gadsden County",
                EEL.resolve("eel-gen-01.xml").toString());
        assertThat(eel.exitCode()).as(eel.err()).isZero();
        assertThat(eel.out()).contains("Imported 16 device events from ", "into the log at entries 2..18",
                "2 devices: ", "no hash chain to verify");

        for (String format : List.of("json", "xml")) {
            Path out = tmp.resolve("log." + format);
            Path doc = tmp.resolve("doc." + format);
            Run export = Run.of("ledger", "export", "--workspace", ws(), "--format", format, "--out", out.toString(),
                    "--documentation", doc.toString(), "--origin", "gadsden.example/log");
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(export.out()).startsWith("Exported 19 log events to " + out);
            List<ImportedEvent> events = new ArrayList<>();
            ImportReport report;
            try (InputStream in = Files.newInputStream(out)) {
                report = EventLogReader.read(in, out.toString(), events::add);
            }
            assertThat(report.chainSummary()).isEqualTo("1 device: gadsden.example/log hash chain verified (19 events, sha-256)");
            assertThat(events).extracting(e -> e.event().id()).startsWith("BW-ELECTION-IMPORTED", "BW-CVR-IMPORTED",
                    "BW-DEVICE-EVENT").endsWith("BW-DEVICE-LOG-IMPORTED");
            assertThat(events.get(2).event().details().orElseThrow()).startsWith("device=");
            assertThat(Files.readString(doc)).contains("BW-KEY-REVOKED");
        }

        // A Bulwark export is itself a device log with a chain: importing it verifies that chain.
        Run again = Run.of("ledger", "import-eel", "--workspace", ws(), tmp.resolve("log.json").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("gadsden.example/log hash chain verified (19 events, sha-256)");
    }

    @Test
    void aBrokenChainIsBadInputAndNothingIsLogged() throws IOException {
        Path out = tmp.resolve("log.json");
        Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_XML.toString());
        Run.of("ledger", "export", "--workspace", ws(), "--format", "json", "--out", out.toString());
        String json = Files.readString(out).replace("GEN-01", "GEN-02");
        Path forged = tmp.resolve("forged.json");
        Files.writeString(forged, json, StandardCharsets.UTF_8);
        Run bad = Run.of("ledger", "import-eel", "--workspace", ws(), forged.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("bulwark: " + forged + ": ")
                .contains("device bulwark-workspace, sequence 0: the Hash does not match the hash chain (expected ");
        Path after = tmp.resolve("after.json");
        assertThat(Run.of("ledger", "export", "--workspace", ws(), "--format", "json", "--out", after.toString()).out())
                .startsWith("Exported 1 log events");
    }

    @Test
    void missingFileAndBadFormatAreExit2() {
        Run missing = Run.of("ledger", "import-eel", "--workspace", ws(), tmp.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("the file does not exist");
        Run format = Run.of("ledger", "export", "--workspace", ws(), "--format", "csv", "--out", tmp.resolve("x").toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format takes json or xml, not \"csv\"");
    }
}
