package org.bulwark.ledger.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedFilesTest {
    @TempDir
    Path dir;

    private static Packages.Expectations expect() {
        return new Packages.Expectations(Optional.of(Fixture.ELECTION), Optional.of(Mode.OFFICIAL), Optional.empty(), Optional.empty(),
                ZipLimits.DEFAULT);
    }

    @Test
    void theFilesOfAValidPackageReadAsVerified() throws Exception {
        Path pkg = Fixture.resultsPackage(dir, "results", "one");
        List<String> read = new ArrayList<>();
        Verification v = Packages.verify(pkg, Fixture.registry(), expect(), (valid, files) -> {
            for (Manifest.FileEntry f : valid.manifest().files()) {
                try (InputStream in = files.open(f)) {
                    in.skip(1);
                    read.add(f.name() + ":" + (1 + in.readAllBytes().length));
                }
            }
        });
        assertThat(v).isInstanceOf(Verification.Valid.class);
        assertThat(read).containsExactly("cvrs.json:" + Files.size(dir.resolve("results-files/cvrs.json")),
                "tally.csv:" + Files.size(dir.resolve("results-files/tally.csv")), "events.log:5");
    }

    @Test
    void aFileChangedOnTheMediumAfterVerificationFailsAtItsEndEveryTime() throws Exception {
        Path pkg = Fixture.resultsPackage(dir, "results", "one");
        byte[] bytes = Files.readAllBytes(pkg);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("mayor,alice");
        Verification v = Packages.verify(pkg, Fixture.registry(), expect(), (valid, files) -> {
            // Someone swaps a byte on the USB drive between verification and import.
            try (RandomAccessFile raf = new RandomAccessFile(pkg.toFile(), "rw")) {
                raf.seek(at);
                raf.write('M');
            }
            Manifest.FileEntry tally = valid.manifest().files().get(1);
            InputStream in = files.open(tally);
            assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(VerifiedFiles.Changed.class)
                    .hasMessageStartingWith("results.zip!tally.csv: changed since the package was verified: its bytes now have SHA-256 ")
                    .hasMessageContaining("the signed manifest says " + tally.sha256().substring(0, 16));
            assertThatThrownBy(in::read).as("a reader that swallowed the first failure").isInstanceOf(VerifiedFiles.Changed.class);
        });
        assertThat(v).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void onlyFilesOfTheManifestOpen() throws Exception {
        Path pkg = Fixture.resultsPackage(dir, "results", "one");
        Packages.verify(pkg, Fixture.registry(), expect(), (valid, files) -> assertThatThrownBy(
                () -> files.open(new Manifest.FileEntry("manifest.json", 1, "0".repeat(64), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void anInvalidPackageIsNeverHandedOver() throws Exception {
        Path pkg = Fixture.create(dir, "stranger", new org.bulwark.ledger.trust.PackageType.Results(), Fixture.STRANGER, "x");
        boolean[] used = {false};
        Verification v = Packages.verify(pkg, Fixture.registry(), expect(), (valid, files) -> used[0] = true);
        assertThat(v).isInstanceOf(Verification.Failed.class);
        assertThat(used[0]).isFalse();
    }
}
