package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.events.LogEvent;
import org.bulwark.store.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results-package uploads: each kind of refusal, named, logged and changing nothing; and a good one imported. */
class UploadTest {
    @TempDir
    static Path dir;
    static PortalFixture f;
    Workspace ws;
    PortalContext portal;
    User clerk;

    @org.junit.jupiter.api.BeforeAll
    static void fixture() throws IOException {
        f = new PortalFixture(dir);
    }

    @BeforeEach
    void open(org.junit.jupiter.api.TestInfo test) throws IOException {
        var location = f.copy(test.getTestMethod().orElseThrow().getName());
        ws = Workspace.open(location, f.clock, "test");
        portal = new PortalContext(ws, location, f.clock, new SecureRandom(), false);
        clerk = new User("authority-staff", "Pat", Role.AUTHORITY_STAFF, Optional.of(f.authorityA));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private UploadJobs.Stage upload(Path pkg, Mode mode) throws IOException {
        Path copy = Files.copy(pkg, dir.resolve("upload-" + System.nanoTime() + ".zip"));
        UploadJobs.Request request = new UploadJobs.Request(clerk, f.authorityA,
                portal.data.snapshot().election(f.stored.ref().id()).orElseThrow(), mode, CountingGroup.ELECTION_DAY,
                pkg.getFileName().toString());
        UploadJobs.Job job = new UploadJobs.Job("t", request, f.clock.instant(),
                new AtomicReference<>(new UploadJobs.Stage.Working("start", 0)));
        return portal.uploads.run(job, copy);
    }

    private void refusedAs(UploadJobs.Stage stage, UploadJobs.Failure failure, String messagePart) {
        assertThat(stage).isInstanceOfSatisfying(UploadJobs.Stage.Refused.class, r -> {
            assertThat(r.failure()).isEqualTo(failure);
            assertThat(r.message()).contains(messagePart);
        });
        assertThat(ws.importedFiles(f.stored.ref())).isEmpty();
        LogEvent last = ws.logEntry(ws.logSize() - 1).orElseThrow().event();
        assertThat(last).isInstanceOfSatisfying(LogEvent.PackageRefused.class, e -> {
            assertThat(e.header().actor().value()).isEqualTo("authority-staff (web)");
            assertThat(e.failedCheck()).startsWith(failure.name().toLowerCase(java.util.Locale.ROOT));
        });
    }

    @Test
    void aGoodPackageIsVerifiedThenImportedUnderTheUploadersName() throws IOException {
        Path pkg = f.goodPackage("good");
        long ballots = f.ballotsOf(f.authorityA).size();

        assertThat(upload(pkg, Mode.OFFICIAL)).isInstanceOfSatisfying(UploadJobs.Stage.Imported.class, i -> {
            assertThat(i.cvrs()).isEqualTo(ballots);
            assertThat(i.files()).isEqualTo(1);
        });
        assertThat(ws.importedFiles(f.stored.ref())).singleElement()
                .satisfies(file -> assertThat(file.importedBy()).isEqualTo("authority-staff (web)"));
        List<String> kinds = new ArrayList<>();
        ws.forEachLogEntry(0, e -> kinds.add(e.event().kind().id() + " " + e.event().header().actor()));
        assertThat(kinds).containsSubsequence("BW-CVR-IMPORTED authority-staff (web)", "BW-PACKAGE-IMPORTED authority-staff (web)");
        assertThat(portal.data.snapshot().elections().getFirst().ballotsByAuthority().get(f.authorityA)).isEqualTo(ballots);

        f.clock.advance(Duration.ofMinutes(1));
        assertThat(upload(pkg, Mode.OFFICIAL)).isInstanceOfSatisfying(UploadJobs.Stage.Refused.class, r -> {
            assertThat(r.failure()).isEqualTo(UploadJobs.Failure.REPLAY);
            assertThat(r.message()).contains("was already imported");
        });
        assertThat(ws.importedFiles(f.stored.ref())).hasSize(1);
    }

    @Test
    void aTruncatedZipIsAnArchiveFailure() throws IOException {
        Path pkg = f.goodPackage("cut");
        byte[] bytes = Files.readAllBytes(pkg);
        Files.write(pkg, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        refusedAs(upload(pkg, Mode.OFFICIAL), UploadJobs.Failure.ARCHIVE, "cut.zip: archive:");
    }

    @Test
    void anUnknownSignerIsRefused() throws IOException {
        PortalFixture.Signer stranger = PortalFixture.signer(KeyRole.DEVICE, "scanner-x", f.authorityA.value(), 99);
        Path pkg = f.resultsPackage("stranger", f.ballotsOf(f.authorityA), stranger, new PackageType.Results(), Mode.OFFICIAL, f.fingerprint);
        refusedAs(upload(pkg, Mode.OFFICIAL), UploadJobs.Failure.SIGNER, "stranger.zip: signer:");
    }

    @Test
    void aRoleThatMayNotSignResultsIsRefused() throws IOException {
        Path pkg = f.resultsPackage("by-state", f.ballotsOf(f.authorityA), f.state, new PackageType.Results(), Mode.OFFICIAL, f.fingerprint);
        refusedAs(upload(pkg, Mode.OFFICIAL), UploadJobs.Failure.SIGNER, "by-state.zip: signer:");
    }

    @Test
    void anotherElectionsPackageIsRefused() throws IOException {
        Path pkg = f.resultsPackage("other", f.ballotsOf(f.authorityA), f.scannerA, new PackageType.Results(), Mode.OFFICIAL, "b".repeat(64));
        refusedAs(upload(pkg, Mode.OFFICIAL), UploadJobs.Failure.ELECTION, "the package is for election bbbbbbb");
    }

    @Test
    void testMaterialIsNotOfficialResults() throws IOException {
        Path pkg = f.resultsPackage("test-deck", f.ballotsOf(f.authorityA), f.scannerA, new PackageType.Results(), Mode.TEST, f.fingerprint);
        refusedAs(upload(pkg, Mode.OFFICIAL), UploadJobs.Failure.MODE, "the package is test material, not official");
    }

    @Test
    void anotherAuthoritysPackageIsRefused() throws IOException {
        Path pkg = f.resultsPackage("from-b", f.ballotsOf(f.authorityB), f.clerkB, new PackageType.Results(), Mode.OFFICIAL, f.fingerprint);
        refusedAs(upload(pkg, Mode.OFFICIAL), UploadJobs.Failure.JURISDICTION, "of " + f.authorityB.value() + ", not of " + f.authorityA.value());
    }

    @Test
    void aCustodyPackageIsNotResults() throws IOException {
        Path pkg = f.resultsPackage("custody", f.ballotsOf(f.authorityA), f.clerkA, new PackageType.Custody(), Mode.OFFICIAL, f.fingerprint);
        refusedAs(upload(pkg, Mode.OFFICIAL), UploadJobs.Failure.NOT_RESULTS, "this is a custody package");
    }

    @Test
    void cvrsThatDoNotGiveTheSignedMerkleRootAreNotImported() throws IOException {
        List<org.bulwark.model.CastVoteRecord> ballots = f.ballotsOf(f.authorityA);
        var wrong = new org.bulwark.ledger.pkg.Manifest.CvrSummary(ballots.size(), "0".repeat(64));
        Path pkg = f.resultsPackage("bad-root", ballots, f.scannerA, new PackageType.Results(), Mode.OFFICIAL, f.fingerprint,
                Optional.of(wrong));
        refusedAs(upload(pkg, Mode.OFFICIAL), UploadJobs.Failure.CVR_ROOT, "bad-root.zip: CVR Merkle root: 'cvrs.json' holds "
                + ballots.size() + " CVRs with Merkle root");
    }

    @Test
    void aBrokenSignatureIsRefused() throws IOException {
        Path good = f.goodPackage("forged");
        Path forged = dir.resolve("forged-sig.zip");
        // Changes one character of the signature (manifest.sig is stored uncompressed): same length, different bytes.
        byte[] bytes = Files.readAllBytes(good);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\nsignature: ") + "\nsignature: ".length() + 5;
        assertThat(at).isGreaterThan(20);
        bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
        Files.write(forged, bytes);
        refusedAs(upload(forged, Mode.OFFICIAL), UploadJobs.Failure.SIGNATURE, "forged-sig.zip: signature:");
    }

    @Test
    void throughTheWebAnUploadShowsItsProgressPageAndOutcome() throws Exception {
        try (Portal running = f.start(f.copy("web-portal"))) {
            WebClient c = new WebClient(running.url());
            c.signIn("authority-staff", PortalFixture.PASSWORD, "", f.clock.instant());
            c.get("/a/" + f.authorityA.value() + "/upload");
            var r = c.postMultipart("/a/" + f.authorityA.value() + "/upload", Map.of("election", String.valueOf(f.stored.ref().id()),
                    "mode", "official", "group", "election-day"), Optional.of(f.goodPackage("web")));
            assertThat(r.statusCode()).isEqualTo(303);
            String page = r.headers().firstValue("Location").orElseThrow();
            String body = "";
            for (int i = 0; i < 200 && !body.contains("Verified and imported") && !body.contains("Refused"); i++) {
                Thread.sleep(50); // the upload runs on its own thread; the page is what a person would reload
                body = c.get(page).body();
            }
            assertThat(body).contains("Verified and imported: " + String.format("%,d", f.ballotsOf(f.authorityA).size()) + " CVRs");
            String results = c.get("/results/" + f.stored.ref().id()).body();
            assertThat(results).as(results).contains("<svg").contains("Turnout by authority");
        }
    }
}
