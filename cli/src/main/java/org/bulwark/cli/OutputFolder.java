package org.bulwark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bulwark.model.BadInputException;

/**
 * An output folder that receives its files only when the whole job succeeded: files are written to
 * a hidden staging folder beside it and moved into place by {@link #commit()}. If the job fails,
 * {@link #close()} deletes the staging folder and the target is as it was (absent, or with its old
 * files).
 */
final class OutputFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    /** Removes the staging folder if the user stops the command (Ctrl-C) before it is done. */
    private final Thread cleanupOnExit;
    private boolean committed;

    private OutputFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
        this.cleanupOnExit = new Thread(this::deleteStaging, "remove " + staging);
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /** Stages output for {@code target}, which may not exist yet, nor its parents. */
    static OutputFolder create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new BadInputException(target.toString(), "output folder", "this is a file, not a folder");
        }
        // Stage on the same file system as the target, so the final moves are renames.
        Path anchor = absolute.getParent();
        while (anchor != null && !Files.isDirectory(anchor)) {
            anchor = anchor.getParent();
        }
        if (anchor == null) {
            throw new IOException("no existing folder above " + target);
        }
        return new OutputFolder(absolute, Files.createTempDirectory(anchor, ".bulwark-staging-"));
    }

    Path target() {
        return target;
    }

    /** The staging folder, for jobs that write several files of their own naming. */
    Path staging() {
        return staging;
    }

    /** Where the job writes its file called {@code name}. */
    Path file(String name) {
        return staging.resolve(name);
    }

    /** Moves the staged files into the target folder, replacing files of the same names. */
    synchronized void commit() throws IOException {
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
                return;
            } catch (AtomicMoveNotSupportedException e) {
                Files.createDirectories(target);
            }
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> staged = Files.newDirectoryStream(staging)) {
            staged.forEach(files::add);
        }
        files.sort(Comparator.naturalOrder());
        for (Path f : files) {
            Files.move(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
        Files.delete(staging);
    }

    /** Deletes whatever was staged if the job did not commit. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs (or ran) the same clean-up.
        }
        deleteStaging();
    }

    private synchronized void deleteStaging() {
        if (committed || !Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the staging folder " + staging, e);
        }
    }
}
