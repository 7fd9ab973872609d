package org.bulwark.ledger.pkg;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bulwark.model.BadInputException;

/**
 * The files of a package that has passed verification, readable only while its archive is open
 * (inside {@link Packages#verify(java.nio.file.Path, org.bulwark.ledger.trust.TrustRegistry,
 * Packages.Expectations, Packages.VerifiedUse)}). Each stream hashes what it hands out and, at its
 * end, compares the hash with the signed manifest: a removable medium can change between the
 * verification and the read, and what was not verified must not be kept.
 */
public final class VerifiedFiles {
    private final SafeZip zip;
    private final Manifest manifest;
    private final String packageName;

    VerifiedFiles(SafeZip zip, Manifest manifest, String packageName) {
        this.zip = zip;
        this.manifest = manifest;
        this.packageName = packageName;
    }

    /**
     * The bytes of a file the manifest lists. Reading to the end throws {@link Changed} (naming the
     * package, the file and the two hashes) when they are not the bytes verified, and again at every
     * later read, so a reader that swallowed the first cannot make it pass.
     */
    public InputStream open(Manifest.FileEntry file) {
        if (!manifest.files().contains(file)) {
            throw new IllegalArgumentException("'" + file.name() + "' is not a file of " + packageName);
        }
        SafeZip.Entry entry = zip.entry(file.name()).orElseThrow(
                () -> new IllegalStateException("verification passed without '" + file.name() + "' in the archive"));
        return new Rehashing(zip.open(entry), file, packageName);
    }

    /**
     * A small file whole, as {@link #open} reads it (so a change since verification throws {@link Changed});
     * a file the manifest says is over {@code maxBytes} is refused before a byte is read.
     */
    public byte[] readAll(Manifest.FileEntry file, int maxBytes) throws IOException {
        if (file.size() > maxBytes) {
            throw new BadInputException(packageName, file.name(), "is " + file.size() + " bytes; at most " + maxBytes + " are accepted");
        }
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        }
    }

    /** The bytes read are not the bytes verified: the package changed on its medium in between. */
    public static final class Changed extends IOException {
        private static final long serialVersionUID = 1L;

        Changed(String message) {
            super(message);
        }
    }

    private static final class Rehashing extends FilterInputStream {
        private final MessageDigest sha = CvrMerkle.sha256();
        private final Manifest.FileEntry file;
        private final String packageName;
        private String actual;

        Rehashing(InputStream in, Manifest.FileEntry file, String packageName) {
            super(in);
            this.file = file;
            this.packageName = packageName;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                checkAtEnd();
            } else {
                sha.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                checkAtEnd();
            } else {
                sha.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes are read all the same, so that they are hashed too.
            byte[] buffer = new byte[(int) Math.max(1, Math.min(n, 8_192))];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void checkAtEnd() throws Changed {
            if (actual == null) {
                actual = HexFormat.of().formatHex(sha.digest());
            }
            if (!actual.equals(file.sha256())) {
                throw new Changed(packageName + "!" + file.name() + ": changed since the package was verified: its bytes now have "
                        + "SHA-256 " + actual.substring(0, 16) + "..., the signed manifest says " + file.sha256().substring(0, 16)
                        + "...; nothing of it is kept");
            }
        }
    }
}
