package org.bulwark.ledger.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.ledger.pkg.Fixture.BOONE;
import static org.bulwark.ledger.pkg.Fixture.SCANNER;
import static org.bulwark.ledger.pkg.Fixture.STATE;
import static org.bulwark.ledger.pkg.Fixture.STRANGER;
import static org.bulwark.ledger.pkg.Fixture.T;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.pkg.Verification.Check;
import org.bulwark.ledger.pkg.Verification.Failed;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.ledger.trust.TrustRegistry;
import org.bulwark.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageTest {
    @TempDir
    Path dir;

    static Failed failed(Verification v, Check check) {
        assertThat(v).isInstanceOf(Failed.class);
        Failed f = (Failed) v;
        assertThat(f.check()).as(f.message()).isEqualTo(check);
        return f;
    }

    @Test
    void aFreshPackageVerifies() throws Exception {
        Path pkg = Fixture.resultsPackage(dir, "results", "one");
        Verification v = Fixture.verify(pkg);
        assertThat(v).isInstanceOf(Verification.Valid.class);
        Verification.Valid valid = (Verification.Valid) v;
        assertThat(valid.replayChecked()).isTrue();
        assertThat(valid.signer().key().id()).isEqualTo("scanner-1");
        Manifest m = valid.manifest();
        assertThat(m.type()).isEqualTo(new PackageType.Results());
        assertThat(m.created()).isEqualTo(T);
        assertThat(m.producerId()).isEqualTo("scanner-1");
        assertThat(m.files()).extracting(Manifest.FileEntry::name).containsExactly("cvrs.json", "tally.csv", "events.log");
        assertThat(m.files().get(0).cvrs()).isPresent();
        assertThat(m.files().get(2).size()).isEqualTo(5);
    }

    @Test
    void javaUtilZipReadsThePackageToo() throws Exception {
        Path pkg = Fixture.resultsPackage(dir, "results", "one");
        Map<String, byte[]> contents = RawZip.from(pkg).contents();
        assertThat(contents).containsOnlyKeys("cvrs.json", "tally.csv", "events.log", "manifest.json", "manifest.sig");
        assertThat(new String(contents.get("manifest.sig"), StandardCharsets.US_ASCII)).startsWith("bulwark-package-signature/1\ntype: results\nkey: ");
        // Rebuilt by the test's own writer in the canonical form, the bytes are the same.
        assertThat(new RawZip().add("x", new byte[0]).bytes()).isNotEmpty();
        RawZip again = RawZip.from(pkg);
        assertThat(again.bytes()).isEqualTo(Files.readAllBytes(pkg));
    }

    @Test
    void replayedPackageIsRefused() throws Exception {
        Path pkg = Fixture.resultsPackage(dir, "results", "one");
        Verification.Valid first = (Verification.Valid) Fixture.verify(pkg);
        Verification again = Packages.verify(pkg, Fixture.registry(), new Packages.Expectations(Optional.empty(), Optional.empty(),
                Optional.of(id -> id.equals(first.id())), Optional.empty(), ZipLimits.DEFAULT));
        assertThat(failed(again, Check.REPLAY).message()).isEqualTo("results.zip: replay: this package (" + first.id().shortForm() + ") was already imported");
    }

    @Test
    void withoutAWorkspaceReplayIsNotChecked() throws Exception {
        Path pkg = Fixture.resultsPackage(dir, "results", "one");
        Verification v = Packages.verify(pkg, Fixture.registry(), Packages.Expectations.none());
        assertThat(((Verification.Valid) v).replayChecked()).isFalse();
    }

    @Test
    void wrongElectionAndWrongMode() throws Exception {
        Path pkg = Fixture.resultsPackage(dir, "results", "one");
        Verification e = Packages.verify(pkg, Fixture.registry(), new Packages.Expectations(Optional.of("b".repeat(64)),
                Optional.of(Mode.TEST), Optional.empty(), Optional.empty(), ZipLimits.DEFAULT));
        assertThat(failed(e, Check.ELECTION).message()).isEqualTo("results.zip: election: the package is for election aaaaaaa, not bbbbbbb");
        Verification m = Packages.verify(pkg, Fixture.registry(), new Packages.Expectations(Optional.of(Fixture.ELECTION),
                Optional.of(Mode.TEST), Optional.empty(), Optional.empty(), ZipLimits.DEFAULT));
        assertThat(failed(m, Check.MODE).message()).isEqualTo("results.zip: mode: the package is official material, not test");
    }

    @Test
    void unknownSignerIsRefused() throws Exception {
        Path pkg = Fixture.create(dir, "stranger", new PackageType.Results(), STRANGER, "x");
        assertThat(failed(Fixture.verify(pkg), Check.SIGNER).message()).contains("signer: the signing key", "is not in the trust registry");
    }

    @Test
    void roleNotAllowedIsRefused() throws Exception {
        Path pkg = Fixture.create(dir, "election", new PackageType.Election(), SCANNER, "x");
        assertThat(failed(Fixture.verify(pkg), Check.SIGNER).message())
                .contains("may not sign an election package: only state or authority keys may");
        Path custody = Fixture.create(dir, "custody", new PackageType.Custody(), STATE, "x");
        failed(Fixture.verify(custody), Check.SIGNER);
        Path audit = Fixture.create(dir, "audit", new PackageType.Audit(), BOONE, "x");
        assertThat(Fixture.verify(audit)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void revokedKeyIsRefused() throws Exception {
        Path pkg = Fixture.resultsPackage(dir, "results", "one");
        TrustRegistry revoked = Fixture.done(Fixture.registry().revoke(SCANNER.info().fingerprint(), BOONE.info().fingerprint(),
                T.plusSeconds(3600), "stolen"));
        Verification v = Packages.verify(pkg, revoked, Packages.Expectations.none());
        assertThat(failed(v, Check.SIGNER).message()).contains("was revoked at 2028-11-08T03:00:00Z (stolen)");
    }

    @Test
    void expiredKeyIsRefused() throws Exception {
        Fixture.Signer old = Fixture.signer(KeyRole.DEVICE, "scanner-old", "boone", 9,
                new Validity(Optional.empty(), Optional.of(Instant.parse("2027-12-31T00:00:00Z"))));
        TrustRegistry r = Fixture.done(Fixture.registry().admit(old.info(), BOONE.info().fingerprint(), Instant.parse("2027-01-01T00:00:00Z")));
        Path pkg = Fixture.create(dir, "old", new PackageType.Results(), old, "x");
        Verification v = Packages.verify(pkg, r, Packages.Expectations.none());
        assertThat(failed(v, Check.SIGNER).message()).contains("is not valid at 2028-11-08T02:00:00Z: it is valid from any time to 2027-12-31T00:00:00Z");
    }

    @Test
    void aSignatureForOneKindDoesNotPassForAnother() throws Exception {
        Path pkg = Fixture.create(dir, "audit", new PackageType.Audit(), BOONE, "x");
        RawZip z = RawZip.from(pkg);
        for (RawZip.E e : z.entries) {
            if (e.name.equals("manifest.sig")) {
                e.data = new String(e.data, StandardCharsets.US_ASCII).replace("type: audit", "type: custody").getBytes(StandardCharsets.US_ASCII);
                e.stored = e.data;
            }
        }
        Path changed = Files.write(dir.resolve("relabelled.zip"), z.bytes());
        assertThat(failed(Fixture.verify(changed), Check.SIGNATURE).message()).contains("was signed as another kind");
    }

    @Test
    void createRefusesToOverwriteAndCollidingNames() throws Exception {
        Path pkg = Fixture.resultsPackage(dir, "results", "one");
        byte[] before = Files.readAllBytes(pkg);
        assertThatThrownBy(() -> Fixture.resultsPackage(dir, "results", "two")).isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
        assertThat(Files.readAllBytes(pkg)).isEqualTo(before);
        Path a = Files.writeString(dir.resolve("manifest.json"), "x");
        assertThatThrownBy(() -> Packages.create(new Packages.Request(new PackageType.Audit(), Optional.empty(), Mode.TEST,
                java.util.List.of(PackageFile.of(a))), BOONE.key(), dir.resolve("p.zip"), Fixture.CLOCK))
                .hasMessageContaining("'manifest.json' is already in the package");
        assertThat(dir.resolve("p.zip")).doesNotExist();
        assertThat(dir.resolve("p.zip.partial")).doesNotExist();
    }

    @Test
    void inspectReadsWithoutVerifying() throws Exception {
        Path pkg = Fixture.create(dir, "stranger", new PackageType.Results(), STRANGER, "x");
        Packages.Inspection i = Packages.inspect(pkg);
        assertThat(i).isInstanceOf(Packages.Inspection.Read.class);
        assertThat(((Packages.Inspection.Read) i).manifest().producerId()).isEqualTo("scanner-x");
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip at all, just text");
        assertThat(Packages.inspect(junk)).isEqualTo(new Packages.Inspection.Unreadable(
                "junk.zip: archive: the file does not end with a zip end record (it is not a zip archive, is truncated, has a comment or trailing bytes)"));
    }
}
