package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.pkg.Verification;
import org.bulwark.ledger.trust.TrustFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollingPlaceSimulationTest {
    @TempDir(factory = MemoryCards.class)
    Path dir;

    @Test
    void aRehearsedDayLeavesEveryReportPaperRecordAndSignedPackage() throws Exception {
        Fixture f = Fixture.create(dir.resolve("f"), DeviceKind.SCANNER);
        Path out = dir.resolve("day");
        PollingPlaceSimulation.Summary s = PollingPlaceSimulation.run(Fixture.small(f.election), out, new PollingPlaceSimulation.Settings(20, 2, 11, "test"));
        assertThat(s.ballotsCast()).isEqualTo(20);
        assertThat(s.latRecords()).hasSize(2).allSatisfy(r -> assertThat(r.passed()).isTrue());
        try (Stream<Path> paper = Files.list(out.resolve("paper"))) {
            assertThat(paper.filter(p -> p.toString().endsWith(".pdf")).count()).isEqualTo(20);
        }
        try (Stream<Path> reports = Files.list(out.resolve("reports"))) {
            assertThat(reports.map(p -> p.getFileName().toString()).toList()).contains("PP-001-official-zero-report.pdf",
                    "PP-001-official-results-report.pdf", "PP-002-official-zero-report.pdf", "PP-002-lat-pre-election-lat-certificate.pdf",
                    "PP-002-lat-test-results-report.pdf");
        }
        assertThat(out.resolve("lat").resolve("PP-001").resolve(LatRecord.FILE)).exists();
        assertThat(out.resolve("deck").resolve("deck-cvrs.json")).exists();
        try (Stream<Path> keys = Files.list(out.resolve("keys"))) {
            for (Path pub : keys.filter(p -> p.toString().endsWith(".pub") && p.getFileName().toString().startsWith("PP-")).toList()) {
                Files.copy(pub, out.resolve("trust").resolve(pub.getFileName()));
            }
        }
        for (Path pkg : s.resultsPackages()) {
            assertThat(Packages.verify(pkg, TrustFolder.read(out.resolve("trust")), Packages.Expectations.none()))
                    .isInstanceOf(Verification.Valid.class);
        }
        assertThat(s.resultsPackages()).extracting(p -> p.getFileName().toString())
                .isEqualTo(List.of("results-PP-001-official.zip", "results-PP-002-official.zip"));
    }
}
