package org.bulwark.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hashes CVR files one after another on a background thread, in the order they will be imported,
 * so the SHA-256 pass over file n+1 (a full read of a file of hundreds of megabytes) overlaps the
 * import of file n instead of following it. Only the 32-byte digests are kept.
 */
final class DigestsAhead implements AutoCloseable {
    private final ExecutorService hasher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("bulwark-hasher").daemon().factory());
    private final List<Path> files;
    private final List<CompletableFuture<InputFiles.Digest>> digests;

    DigestsAhead(List<Path> files) {
        this.files = List.copyOf(files);
        digests = files.stream().map(f -> CompletableFuture.supplyAsync(() -> {
            try {
                return InputFiles.digest(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, hasher)).toList();
    }

    /** The digest of the i-th file, waiting for it if need be; its I/O error comes out as it was thrown. */
    InputFiles.Digest digest(int i) throws IOException {
        try {
            return digests.get(i).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing " + files.get(i));
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case UncheckedIOException u -> throw u.getCause();
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Stops hashing files that will not be imported (an earlier one failed). */
    @Override
    public void close() {
        hasher.shutdownNow();
    }
}
