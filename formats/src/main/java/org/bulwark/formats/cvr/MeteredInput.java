package org.bulwark.formats.cvr;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Counts every byte read, tells a progress listener every mebibyte and, when asked, hashes every byte
 * read: import records the SHA-256 of exactly the bytes its CVRs were parsed from, reading the file once.
 * Tabulation does not ask (SHA-256 costs about a tenth of a one-thread read).
 */
final class MeteredInput extends FilterInputStream {
    private static final long PROGRESS_STEP = 1 << 20;

    private final Optional<LongConsumer> progress;
    private final Optional<MessageDigest> sha256;
    private long bytes;
    private long nextReport = PROGRESS_STEP;

    MeteredInput(InputStream in, Optional<LongConsumer> progress, boolean hash) {
        super(in);
        this.progress = progress;
        this.sha256 = hash ? Optional.of(newSha256()) : Optional.empty();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            sha256.ifPresent(d -> d.update((byte) b));
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) {
            if (sha256.isPresent()) {
                sha256.get().update(buf, off, n);
            }
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must still be counted: read them.
        byte[] buf = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Does nothing: the stream is the caller's to close, and {@link #finish()} still has to read its end. */
    @Override
    public void close() {
        // see above
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(int n) {
        bytes += n;
        if (bytes >= nextReport && progress.isPresent()) {
            nextReport = bytes + PROGRESS_STEP;
            progress.get().accept(bytes);
        }
    }

    /** Reads what is left (white space after the report), so that the count is the file's length, and reports it. */
    void finish() throws IOException {
        byte[] buf = new byte[8192];
        while (read(buf, 0, buf.length) >= 0) {
            // counting happens in read
        }
        progress.ifPresent(p -> p.accept(bytes));
    }

    long bytes() {
        return bytes;
    }

    /** The hex SHA-256 of every byte read, if asked for; call once, after {@link #finish()} (it ends the digest). */
    Optional<String> sha256() {
        return sha256.map(d -> HexFormat.of().formatHex(d.digest()));
    }
}
