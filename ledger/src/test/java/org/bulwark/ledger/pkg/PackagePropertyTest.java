package org.bulwark.ledger.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.bulwark.ledger.pkg.Verification.Check;

/**
 * Any single change to a package is caught, and by the right check: a flipped byte in a file's
 * content by its hash, in the manifest or signature by the signature, anywhere else by the
 * archive's form; a removed or added file by the file set; a file swapped in from another package
 * by its hash.
 */
class PackagePropertyTest {
    static final Path DIR = tempDir();
    static final Path A = create("a");
    static final Path B = create("b");
    static final byte[] A_BYTES = read(A);

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("bulwark-pkg-property");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path create(String name) {
        try {
            return Fixture.resultsPackage(DIR, name, "salt-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Verification verifyBytes(byte[] bytes) throws IOException {
        Path p = Files.createTempFile(DIR, "changed", ".zip");
        try {
            Files.write(p, bytes);
            return Fixture.verify(p);
        } finally {
            Files.delete(p);
        }
    }

    /** Which check a change at this byte must trip. */
    private static Check expectedCheck(int offset) throws Exception {
        try (SafeZip zip = SafeZip.open(A, ZipLimits.DEFAULT, ZipLayout.STANDARD)) {
            for (SafeZip.Entry e : zip.entries()) {
                if (offset >= e.dataOffset() && offset < e.dataOffset() + e.size()) {
                    return e.name().startsWith("manifest.") ? Check.SIGNATURE : Check.FILE_HASH;
                }
            }
        }
        return Check.ARCHIVE;
    }

    @Property(tries = 300)
    void flippingAnyByteIsDetected(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where, @ForAll @IntRange(min = 0, max = 7) int bit)
            throws Exception {
        int offset = where % A_BYTES.length;
        byte[] changed = A_BYTES.clone();
        changed[offset] ^= (byte) (1 << bit);
        Verification v = verifyBytes(changed);
        assertThat(v).isInstanceOf(Verification.Failed.class);
        assertThat(((Verification.Failed) v).check()).as("byte %d: %s", offset, v).isEqualTo(expectedCheck(offset));
    }

    @Property(tries = 20)
    void removingAnyFileIsDetected(@ForAll @IntRange(min = 0, max = 4) int which) throws Exception {
        RawZip z = RawZip.from(A);
        String name = z.entries.remove(which).name;
        Verification.Failed f = (Verification.Failed) verifyBytes(z.bytes());
        if (name.startsWith("manifest.")) {
            assertThat(f.check()).isEqualTo(Check.SIGNATURE);
        } else {
            assertThat(f.check()).isEqualTo(Check.FILE_SET);
            assertThat(f.message()).endsWith("'" + name + "' is listed in the manifest but missing from the package");
        }
    }

    @Property(tries = 30)
    void addingAnyFileIsDetected(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String name, @ForAll byte[] content,
            @ForAll @IntRange(min = 0, max = 5) int at) throws Exception {
        RawZip z = RawZip.from(A);
        String added = "extra-" + name;
        z.entries.add(at, new RawZip.E(added, content));
        Verification.Failed f = (Verification.Failed) verifyBytes(z.bytes());
        assertThat(f.check()).isEqualTo(Check.FILE_SET);
        assertThat(f.message()).endsWith("'" + added + "' is in the package but not in the manifest");
    }

    @Property(tries = 20)
    void swappingInAFileFromAnotherPackageIsDetected(@ForAll @IntRange(min = 0, max = 4) int which) throws Exception {
        RawZip a = RawZip.from(A);
        Map<String, byte[]> b = RawZip.from(B).contents();
        RawZip.E target = a.entries.get(which);
        target.data = b.get(target.name);
        target.stored = target.data;
        Verification.Failed f = (Verification.Failed) verifyBytes(a.bytes());
        assertThat(f.check()).isEqualTo(target.name.startsWith("manifest.") ? Check.SIGNATURE : Check.FILE_HASH);
    }

    @Property(tries = 5)
    void swappingManifestAndSignatureTogetherIsCaughtByTheHashes() throws Exception {
        RawZip a = RawZip.from(A);
        Map<String, byte[]> b = RawZip.from(B).contents();
        for (RawZip.E e : a.entries) {
            if (List.of("manifest.json", "manifest.sig").contains(e.name)) {
                e.data = b.get(e.name);
                e.stored = e.data;
            }
        }
        assertThat(((Verification.Failed) verifyBytes(a.bytes())).check()).isEqualTo(Check.FILE_HASH);
    }
}
