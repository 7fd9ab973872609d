package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.pkg.Verification;
import org.bulwark.ledger.trust.TrustFolder;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.events.EventEncoding;
import org.bulwark.model.events.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecinctDeviceTest {
    @TempDir(factory = MemoryCards.class)
    Path dir;

    static Ballot presidentAnd(String president, String assessor1, String assessor2) {
        return new Ballot(new BallotStyleId("Precinct 1"), new GpUnitId("cp-1-4-5-6"), List.of(
                new Ballot.ContestVote(new ContestId("cc-president"), List.of(Ballot.Pick.of(new SelectionId(president)))),
                new Ballot.ContestVote(new ContestId("cc-county-assessor"), List.of(
                        Ballot.Pick.of(new SelectionId(assessor1)), Ballot.Pick.of(new SelectionId(assessor2))))));
    }

    @Test
    void aWholeDayFromLoadingToASignedResultsPackage() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.newDevice();
        assertThat(d.state()).isEqualTo(new DeviceState.Unconfigured());
        assertThat(d.identity().softwareFingerprint()).isEqualTo(SoftwareFingerprint.ofRunningDevice()).startsWith("sha256:");

        assertThat(d.loadElection(f.usb, "clerk").orThrow()).isEqualTo(d.electionFingerprint().orElseThrow());
        assertThat(d.state()).isEqualTo(new DeviceState.Configured(Mode.TEST));
        d.enterOfficialMode(Fixture.CHIEF).orThrow();
        f.readiness("SN-0001", d.electionFingerprint().orElseThrow(), true, f.authority);
        Path zero = d.openPolls(Fixture.opening(Optional.of(f.usb))).orThrow();
        assertThat(zero).exists();
        assertThat(PdfText.of(zero)).contains("Zero Report", "S-1001", "S-1002", "Ann Poll", "Bob Worker",
                d.electionFingerprint().orElseThrow(), d.identity().softwareFingerprint(), "Ballots counted: 0");

        Outcome<PrecinctDevice.Cast> cast = d.cast(presidentAnd("cs-president-hb", "cs-county-assessor-db", "cs-county-assessor-me"));
        assertThat(cast).isInstanceOf(Outcome.Done.class);
        PrecinctDevice.Cast c = cast.orThrow();
        assertThat(c.paperRecord()).exists();
        assertThat(PdfText.of(c.paperRecord())).contains("OFFICIAL BALLOT RECORD", "no selection", c.ballotId());
        assertThat(((Outcome.Done<PrecinctDevice.Cast>) cast).warnings()).anyMatch(w -> w.startsWith("Fewer selections"));
        d.cast(presidentAnd("cs-president-gb", "cs-county-assessor-rs", "cs-county-assessor-eb")).orThrow();
        d.cast(presidentAnd("cs-president-gb", "cs-county-assessor-rs", "cs-county-assessor-am")).orThrow();
        assertThat(d.ballotsCast()).isEqualTo(3);

        Path tape = d.closePolls("Ann Poll").orThrow();
        assertThat(PdfText.of(tape)).contains("device SN-0001", "Ballots counted: 3", d.identity().shortFingerprint(),
                d.identity().softwareFingerprint(), "Event log at printing: " + (d.events().size() - 1) + " events, chain head");
        assertThat(d.results().contest(new ContestId("cc-president")).orElseThrow().counts().total()
                .votesFor(new SelectionId("cs-president-gb"))).isEqualTo(2);

        Path out = dir.resolve("usb-out");
        Path pkg = d.exportResults(out, f.deviceKey, "Ann Poll").orThrow();
        assertThat(d.state()).isEqualTo(new DeviceState.ResultsExported(Mode.OFFICIAL));
        Files.copy(f.root.resolve("keys").resolve("SN-0001.pub"), f.trust.resolve("SN-0001.pub"));
        Map<String, String> read = new HashMap<>();
        Verification v = Packages.verify(pkg, TrustFolder.read(f.trust), Packages.Expectations.none(), (ok, files) -> {
            for (var file : ok.manifest().files()) {
                if (file.name().endsWith(".json")) {
                    read.put(file.name(), new String(files.readAll(file, 1 << 20), StandardCharsets.UTF_8));
                }
            }
        });
        assertThat(v).isInstanceOf(Verification.Valid.class);
        Verification.Valid valid = (Verification.Valid) v;
        assertThat(valid.manifest().mode()).isEqualTo(Mode.OFFICIAL);
        assertThat(valid.manifest().files()).extracting(e -> e.name())
                .containsExactly("cvrs.json", "results.json", "event-log.json", "results-report.pdf");
        assertThat(valid.manifest().files().get(0).cvrs().orElseThrow().count()).isEqualTo(3);
        String cvrs = read.get("cvrs.json");
        // Stored and exported in ballot id order, which is random, not in the order of casting.
        List<String> ids = d.cvrs().stream().map(CastVoteRecord::ballotId).toList();
        assertThat(ids).isSorted();
        assertThat(cvrs).contains(ids.get(0));
        assertThat(read.get("event-log.json"))
                .contains("BW-DEVICE-BALLOT-CAST", "BW-DEVICE-TRANSITION");
    }

    @Test
    void logEventsHoldNoBallotIdsOrSelectionsAndBallotFilesNoTimes() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.officialOpen();
        Ballot b = new Ballot(new BallotStyleId("Precinct 1"), new GpUnitId("cp-1-4-5-6"), List.of(new Ballot.ContestVote(
                new ContestId("cc-dog-catcher"), List.of(new Ballot.Pick(new SelectionId("cs-dog-catcher-wi"), 0, Optional.of("Rex Barker"))))));
        PrecinctDevice.Cast c = d.cast(b).orThrow();
        assertThat(c.cvr().contests().stream().flatMap(x -> x.marks().stream()).filter(m -> m.writeInName().isPresent()))
                .singleElement().satisfies(m -> assertThat(m.writeInName()).contains("Rex Barker"));
        assertThat(PdfText.of(c.paperRecord())).contains("Write-in: Rex Barker");
        String log = Files.readString(d.card().resolve(Card.EVENTS));
        for (LogEvent e : d.events()) {
            String encoded = new String(EventEncoding.encode(e), StandardCharsets.ISO_8859_1);
            assertThat(encoded).doesNotContain(c.ballotId()).doesNotContain("Rex").doesNotContain("cs-dog-catcher-wi");
        }
        assertThat(log).doesNotContain(c.ballotId());
        assertThat(Files.getLastModifiedTime(c.paperRecord())).isEqualTo(Card.NO_TIME);
        assertThat(Files.getLastModifiedTime(d.card().resolve(Card.CVRS).resolve(c.ballotId() + Card.CVR_SUFFIX)))
                .isEqualTo(Card.NO_TIME);
    }

    @Test
    void theDeviceComesBackInTheStateItWasIn() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.officialOpen();
        d.cast(presidentAnd("cs-president-hb", "cs-county-assessor-db", "cs-county-assessor-me")).orThrow();
        d.pausePolls("Ann Poll").orThrow();
        PrecinctDevice again = f.reopen();
        assertThat(again.state()).isEqualTo(new DeviceState.PollsPaused(Mode.OFFICIAL));
        assertThat(again.ballotsCast()).isEqualTo(1);
        assertThat(again.electionFingerprint()).isEqualTo(d.electionFingerprint());
        assertThat(again.logHead()).isEqualTo(d.logHead());
    }
}
