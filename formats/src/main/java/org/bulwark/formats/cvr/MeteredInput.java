package org.bulwark.formats.cvr;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Counts every byte read and tells a progress listener every mebibyte. It does not hash: the callers
 * that need a file's SHA-256 (import, packages) compute it themselves, once, off the reading thread.
 */
final class MeteredInput extends FilterInputStream {
    private static final long PROGRESS_STEP = 1 << 20;

    private final Optional<LongConsumer> progress;
    private long bytes;
    private long nextReport = PROGRESS_STEP;

    MeteredInput(InputStream in, Optional<LongConsumer> progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) {
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
}
