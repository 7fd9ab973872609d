package org.bulwark.ledger.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.ledger.trust.PackageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zip64 records, exercised on small files by a layout whose threshold is 100 bytes instead of
 * 4 GiB (writing a real 4 GiB package takes too long for a unit test): every file of 100 bytes or
 * more gets the zip64 extra field, every entry past byte 100 its zip64 offset, and the central
 * directory the zip64 end record and locator.
 */
class Zip64Test {
    static final ZipLayout SMALL = new ZipLayout(100);

    @TempDir
    Path dir;

    private Path create(ZipLayout layout, String name) throws Exception {
        Path files = Files.createDirectories(dir.resolve(name + "-files"));
        Path big = Files.writeString(files.resolve("cvrs.json"), "{\"CVR\": [" + "\"x\",".repeat(100) + "\"y\"]}");
        Path tiny = Files.writeString(files.resolve("note.txt"), "small");
        Packages.Request request = new Packages.Request(new PackageType.Results(), Optional.of(Fixture.ELECTION), Mode.OFFICIAL,
                List.of(PackageFile.of(big), PackageFile.of(tiny)));
        Path pkg = dir.resolve(name + ".zip");
        Packages.create(request, Fixture.SCANNER.key(), pkg, Fixture.CLOCK, layout);
        return pkg;
    }

    private static Verification verify(Path pkg, ZipLayout layout) throws Exception {
        return Packages.verify(pkg, Fixture.registry(), new Packages.Expectations(Optional.of(Fixture.ELECTION), Optional.of(Mode.OFFICIAL),
                Optional.empty(), Optional.empty(), ZipLimits.DEFAULT), (valid, files) -> { }, layout);
    }

    @Test
    void aZip64PackageIsWrittenWithTheZip64RecordsAndVerifies() throws Exception {
        Path pkg = create(SMALL, "zip64");
        byte[] bytes = Files.readAllBytes(pkg);
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(le.getInt(bytes.length - 22)).as("end record").isEqualTo(ZipLayout.END_SIG);
        assertThat(le.getInt(bytes.length - 22 - 20)).as("zip64 locator").isEqualTo(ZipLayout.ZIP64_LOCATOR_SIG);
        assertThat(le.getInt(bytes.length - 22 - 20 - 56)).as("zip64 end record").isEqualTo(ZipLayout.ZIP64_END_SIG);
        assertThat(le.getInt(bytes.length - 22 + 12)).as("central directory size marked zip64").isEqualTo(-1);
        assertThat(le.getInt(18)).as("the first file's local sizes are in its zip64 extra field").isEqualTo(-1);

        assertThat(verify(pkg, SMALL)).isInstanceOf(Verification.Valid.class);
        // java.util.zip reads the same files from it: the records follow APPNOTE.
        Map<String, byte[]> contents = RawZip.from(pkg).contents();
        assertThat(contents).containsOnlyKeys("cvrs.json", "note.txt", "manifest.json", "manifest.sig");
        assertThat(new String(contents.get("note.txt"), StandardCharsets.UTF_8)).isEqualTo("small");
        assertThat(contents.get("cvrs.json")).isEqualTo(Files.readAllBytes(dir.resolve("zip64-files/cvrs.json")));
    }

    @Test
    void zip64IsAcceptedOnlyWhereItIsNeeded() throws Exception {
        Verification standardReadsSmall = verify(create(SMALL, "forced"), ZipLayout.STANDARD);
        assertThat(standardReadsSmall).isInstanceOfSatisfying(Verification.Failed.class, f -> {
            assertThat(f.check()).isEqualTo(Verification.Check.ARCHIVE);
            assertThat(f.message()).contains("forced.zip: archive: ");
        });
        Verification smallReadsStandard = verify(create(ZipLayout.STANDARD, "plain"), SMALL);
        assertThat(smallReadsStandard).isInstanceOfSatisfying(Verification.Failed.class,
                f -> assertThat(f.check()).isEqualTo(Verification.Check.ARCHIVE));
    }

    @Test
    void everyHeaderByteChangeOfAZip64PackageIsDetected() throws Exception {
        Path pkg = create(SMALL, "zip64");
        byte[] bytes = Files.readAllBytes(pkg);
        Path altered = dir.resolve("altered.zip");
        // Every header byte, and every 16th content byte (content is covered by SHA-256; each check there costs a signature check).
        boolean[] content = new boolean[bytes.length];
        try (SafeZip zip = SafeZip.open(pkg, ZipLimits.DEFAULT, SMALL)) {
            for (SafeZip.Entry e : zip.entries()) {
                for (long i = e.dataOffset(); i < e.dataOffset() + e.size(); i++) {
                    content[(int) i] = true;
                }
            }
        }
        List<Integer> undetected = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (content[i] && i % 16 != 0) {
                continue;
            }
            byte[] copy = bytes.clone();
            copy[i] ^= 0x01;
            Files.write(altered, copy);
            if (!(verify(altered, SMALL) instanceof Verification.Failed)) {
                undetected.add(i);
            }
        }
        assertThat(undetected).as("bytes whose change went unnoticed").isEmpty();
    }
}
