package org.bulwark.ledger.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulwark.model.BadInputException;

/**
 * Publishes a log as static files any web server can serve (C2SP tlog-tiles): {@code checkpoint},
 * {@code tile/<L>/<N>[.p/<W>]}, {@code tile/entries/<N>[.p/<W>]}, plus Bulwark's index of every
 * checkpoint published so far, {@code checkpoints/<tree size>}, so that a verifier can check each
 * against the tree. Every file is written atomically; the checkpoint goes last, so a reader never
 * sees a checkpoint whose tiles are missing. Superseded partial tiles are removed afterwards.
 */
public final class LogPublisher {
    /** Folder of every checkpoint published, each named by its tree size. */
    public static final String CHECKPOINT_INDEX = "checkpoints";
    /**
     * Checkpoint extension line naming the tree size of the checkpoint published before it (a
     * C2SP checkpoint extension line; other verifiers ignore it).
     */
    public static final String PREVIOUS = "bulwark-previous ";

    private LogPublisher() {}

    /** Signs a new checkpoint: the log's own signature and, if wanted, cosignatures. */
    @FunctionalInterface
    public interface CheckpointSigning {
        String sign(Checkpoint checkpoint);
    }

    /** Path of the copy of the checkpoint of tree size {@code size} in the index. */
    public static String indexedCheckpointPath(long size) {
        return CHECKPOINT_INDEX + "/" + size;
    }

    /**
     * Appends {@code entries} to the log published in {@code dir} (an empty or missing folder starts
     * a new log), then writes the checkpoint that {@code signing} makes for the new tree. The
     * existing log is continued from its own tiles, which must match its checkpoint.
     *
     * @return the new checkpoint
     */
    public static Checkpoint publish(Path dir, String origin, List<byte[]> entries, CheckpointSigning signing) throws IOException {
        Optional<Checkpoint> existing = existing(dir, origin);
        long size = existing.map(Checkpoint::size).orElse(0L);
        TileAppender appender = size == 0 ? TileAppender.empty() : TileAppender.resume(size, new DirectoryTiles(dir));
        Set<String> oldPartials = new HashSet<>();
        for (LogWrite w : appender.drain()) {
            oldPartials.add(w.path());
        }
        int done = 0;
        for (byte[] e : entries) {
            appender.append(e);
            // Write full tiles as they complete, so memory stays bounded for any number of entries;
            // the partial ones of this moment would be superseded at once, so they are not written.
            if (++done % (TileLayout.TILE_WIDTH * TileLayout.TILE_WIDTH) == 0) {
                write(dir, appender.drain(), false);
            }
        }
        Set<String> current = write(dir, appender.drain(), true);
        // Each checkpoint names the one before it, so that removing any from the index is noticed.
        List<String> extensions = existing.map(e -> e.size() == appender.size() ? e.extensions()
                : List.of(PREVIOUS + e.size())).orElse(List.of());
        Checkpoint checkpoint = new Checkpoint(origin, appender.size(), appender.root(), extensions);
        byte[] note = signing.sign(checkpoint).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(indexedCheckpointPath(checkpoint.size())), note);
        AtomicFiles.write(dir.resolve(TileLayout.CHECKPOINT), note);
        for (String stale : oldPartials) {
            if (!current.contains(stale)) {
                Files.deleteIfExists(dir.resolve(stale));
            }
        }
        return checkpoint;
    }

    /** Writes full tiles and bundles, and the partial ones if asked; returns the partial paths written. */
    private static Set<String> write(Path dir, List<LogWrite> writes, boolean withPartials) throws IOException {
        Set<String> partials = new HashSet<>();
        for (LogWrite w : writes) {
            boolean partial = switch (w) {
                case LogWrite.TileWrite t -> t.id().width() < TileLayout.TILE_WIDTH;
                case LogWrite.BundleWrite b -> b.id().width() < TileLayout.TILE_WIDTH;
            };
            if (partial && !withPartials) {
                continue;
            }
            AtomicFiles.write(dir.resolve(w.path()), w.content());
            if (partial) {
                partials.add(w.path());
            }
        }
        return partials;
    }

    /**
     * Size of the log already published in {@code dir} (0 when there is none), so that a caller
     * passes only the entries after it. Read from the checkpoint, our own file, whose root is
     * checked against the tiles; a folder of another log or a damaged one is a BadInputException.
     */
    public static long publishedSize(Path dir, String origin) throws IOException {
        return existing(dir, origin).map(Checkpoint::size).orElse(0L);
    }

    private static Optional<Checkpoint> existing(Path dir, String origin) throws IOException {
        Path file = dir.resolve(TileLayout.CHECKPOINT);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        SignedNotes.Split split = switch (SignedNotes.split(bytes)) {
            case SignedNotes.SplitResult.Ok ok -> ok.split();
            case SignedNotes.SplitResult.Malformed m -> throw new BadInputException(file.toString(), "checkpoint", m.problem());
        };
        Checkpoint existing = switch (Checkpoint.parseBody(split.text())) {
            case Checkpoint.Parsed.Valid v -> v.checkpoint();
            case Checkpoint.Parsed.Invalid i -> throw new BadInputException(file.toString(), "checkpoint", i.problem());
        };
        if (!existing.origin().equals(origin)) {
            throw new BadInputException(file.toString(), "line 1", "the folder holds the log '" + existing.origin() + "', not '" + origin + "'");
        }
        Hash root = Merkle.root(existing.size(), new TileHashSource(existing.size(), new DirectoryTiles(dir)));
        if (!root.equals(existing.root())) {
            throw new BadInputException(file.toString(), "line 3", "the published tiles give root " + root.hex()
                    + ", not the checkpoint's " + existing.root().hex() + ": the published folder is damaged; run bulwark ledger verify on it");
        }
        return Optional.of(existing);
    }

    /** The tree size of the previous checkpoint, if this checkpoint has one ({@value #PREVIOUS} and a number). */
    static Optional<Long> previousSize(Checkpoint c) {
        for (String e : c.extensions()) {
            if (e.startsWith(PREVIOUS) && e.substring(PREVIOUS.length()).matches("0|[1-9][0-9]{0,17}")) {
                return Optional.of(Long.parseLong(e.substring(PREVIOUS.length())));
            }
        }
        return Optional.empty();
    }
}
