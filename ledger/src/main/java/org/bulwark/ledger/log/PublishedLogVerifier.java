package org.bulwark.ledger.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Verifies a published log with nothing but its files and the keys to trust: every checkpoint's
 * signatures (before its body is read), the whole tree recomputed from the entry bundles, every
 * tile compared hash by hash with the recomputed one, every checkpoint's root compared with the
 * tree at its size (which proves consistency with each of them, and with {@code --since}, more
 * strongly than a consistency proof), and no file that the layout does not explain. Stops at the
 * first failure and names the file, the place and the problem.
 */
public final class PublishedLogVerifier {
    private PublishedLogVerifier() {}

    /** A verified checkpoint, where it came from. */
    private record Known(String source, Checkpoint checkpoint) {}

    /** Thrown inside to stop at the first failure; never escapes {@link #verify}. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient LogVerification.Failed failure;

        Stop(String file, String place, String problem) {
            super(null, null, false, false);
            this.failure = new LogVerification.Failed(file, place, problem);
        }
    }

    public static LogVerification verify(Path dir, List<NoteVerifierKey> trusted, Optional<Path> since) {
        try {
            return run(dir, trusted, since);
        } catch (Stop s) {
            return s.failure;
        }
    }

    private static LogVerification run(Path dir, List<NoteVerifierKey> trusted, Optional<Path> since) {
        if (!Files.isDirectory(dir)) {
            throw new Stop(dir.toString(), "folder", "no such folder: --from names the folder of a published log");
        }
        CheckpointCheck.Verified latestCheck = checkpoint(dir.resolve(TileLayout.CHECKPOINT), TileLayout.CHECKPOINT, trusted);
        Checkpoint latest = latestCheck.checkpoint();
        // Every checkpoint to compare with the tree, by size; two at one size must agree (else a split view).
        Map<Long, Known> bySize = new TreeMap<>();
        add(bySize, latest, new Known(TileLayout.CHECKPOINT, latest));
        List<String> index = indexNames(dir);
        List<Known> published = new ArrayList<>(List.of(new Known(TileLayout.CHECKPOINT, latest)));
        for (String name : index) {
            String source = LogPublisher.CHECKPOINT_INDEX + "/" + name;
            Checkpoint c = checkpoint(dir.resolve(source), source, trusted).checkpoint();
            if (!name.equals(Long.toString(c.size()))) {
                throw new Stop(source, "line 2", "the file is named for tree size " + name + " but holds the checkpoint of size " + c.size());
            }
            add(bySize, latest, new Known(source, c));
            published.add(new Known(source, c));
        }
        // The index holds the latest checkpoint and, through each one's "previous" line, every earlier one.
        if (!index.contains(Long.toString(latest.size()))) {
            throw new Stop(LogPublisher.indexedCheckpointPath(latest.size()), "file",
                    "missing: the index of checkpoints has no copy of the latest checkpoint");
        }
        for (Known k : published) {
            Optional<Long> previous = LogPublisher.previousSize(k.checkpoint());
            if (previous.isPresent() && !index.contains(Long.toString(previous.get()))) {
                throw new Stop(LogPublisher.indexedCheckpointPath(previous.get()), "file", "missing: " + k.source()
                        + " names the checkpoint of tree size " + previous.get() + " as the one before it, but it is not in the index");
            }
        }
        if (since.isPresent()) {
            String source = since.get().toString();
            Checkpoint c = checkpoint(since.get(), source, trusted).checkpoint();
            if (c.size() > latest.size()) {
                throw new Stop(source, "line 2", "this checkpoint is of tree size " + c.size() + " but the published log has only "
                        + latest.size() + " entries: the published log was rolled back or truncated");
            }
            add(bySize, latest, new Known(source, c));
        }
        Set<String> expected = recompute(dir, latest.size(), bySize);
        unexpectedFiles(dir, expected);
        int checked = published.size() + (since.isPresent() ? 1 : 0);
        return new LogVerification.Verified(latest, checked, latestCheck.cosigners());
    }

    /** Adds a checkpoint to compare with the tree: of the same log, no larger than the latest, agreeing with any of its size. */
    private static void add(Map<Long, Known> bySize, Checkpoint latest, Known k) {
        if (!k.checkpoint().origin().equals(latest.origin())) {
            throw new Stop(k.source(), "line 1", "the checkpoint is of the log '" + k.checkpoint().origin()
                    + "', not of the published log '" + latest.origin() + "'");
        }
        if (k.checkpoint().size() > latest.size()) {
            throw new Stop(k.source(), "line 2", "tree size " + k.checkpoint().size() + " is beyond the latest checkpoint's " + latest.size());
        }
        Known other = bySize.putIfAbsent(k.checkpoint().size(), k);
        if (other != null) {
            SplitView.sameSize(other.source(), other.checkpoint(), k.source(), k.checkpoint()).ifPresent(f -> {
                throw new Stop(k.source(), "line 3", f.message());
            });
        }
    }

    private static CheckpointCheck.Verified checkpoint(Path file, String source, List<NoteVerifierKey> trusted) {
        byte[] bytes;
        try {
            if (Files.size(file) > SignedNotes.MAX_NOTE_BYTES) {
                throw new Stop(source, "file", "a checkpoint is at most " + SignedNotes.MAX_NOTE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Stop(source, "file", "missing: a published log has its checkpoint here");
        } catch (IOException e) {
            throw new Stop(source, "file", "cannot be read: " + e.getMessage());
        }
        return switch (Checkpoints.verify(bytes, source, trusted)) {
            case CheckpointCheck.Verified v -> v;
            case CheckpointCheck.Refused r -> throw new Stop(source, "signature", r.problem());
        };
    }

    private static List<String> indexNames(Path dir) {
        Path index = dir.resolve(LogPublisher.CHECKPOINT_INDEX);
        if (!Files.isDirectory(index)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(index)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebuilds the tree from the bundles, checking tiles and checkpoint roots; returns every path the log should have. */
    private static Set<String> recompute(Path dir, long size, Map<Long, Known> bySize) {
        Set<String> expected = new HashSet<>();
        expected.add(TileLayout.CHECKPOINT);
        TileAppender appender = TileAppender.empty();
        DirectoryTiles files = new DirectoryTiles(dir);
        checkRoot(appender, bySize).ifPresent(stop -> {
            throw stop;
        });
        long bundles = (size + TileLayout.TILE_WIDTH - 1) / TileLayout.TILE_WIDTH;
        for (long b = 0; b < bundles; b++) {
            BundleId id = new BundleId(b, TileLayout.bundleWidth(b, size));
            // A hostile folder could hold a huge file: refuse it before reading it into memory.
            checkSize(dir, id.path(), (long) id.width() * (2 + TileLayout.MAX_ENTRY_SIZE), id.width() + " entries");
            byte[] bundle = files.readEntryBundle(id).orElseThrow(() -> new Stop(id.path(), "file",
                    "missing: it should hold entries " + first(id) + " to " + (first(id) + id.width() - 1)));
            List<byte[]> entries = switch (EntryBundles.parse(bundle, id.width())) {
                case EntryBundles.Result.Entries e -> e.entries();
                case EntryBundles.Result.Bad bad -> throw new Stop(id.path(), bad.malformed().place(), bad.malformed().problem());
            };
            expected.add(id.path());
            // A wrong root is reported after this bundle's tiles are compared: a tile names the entry precisely.
            Optional<Stop> wrongRoot = Optional.empty();
            for (byte[] e : entries) {
                appender.append(e);
                if (wrongRoot.isEmpty()) {
                    wrongRoot = checkRoot(appender, bySize);
                }
            }
            List<LogWrite> writes = appender.drain();
            boolean last = b == bundles - 1;
            for (LogWrite w : writes) {
                if (w instanceof LogWrite.TileWrite t && (last || t.id().width() == TileLayout.TILE_WIDTH)) {
                    compareTile(dir, files, t);
                    expected.add(t.path());
                }
            }
            wrongRoot.ifPresent(stop -> {
                throw stop;
            });
        }
        return expected;
    }

    private static long first(BundleId id) {
        return id.index() * TileLayout.TILE_WIDTH;
    }

    private static Optional<Stop> checkRoot(TileAppender appender, Map<Long, Known> bySize) {
        Known k = bySize.get(appender.size());
        if (k == null || appender.root().equals(k.checkpoint().root())) {
            return Optional.empty();
        }
        return Optional.of(new Stop(k.source(), "line 3", "the checkpoint's root for tree size " + k.checkpoint().size() + " is "
                + k.checkpoint().root().hex() + " but the published entries 0 to " + (appender.size() - 1) + " give "
                + appender.root().hex() + ": entries were changed, removed, added or reordered after it was signed"));
    }

    private static void checkSize(Path dir, String path, long max, String what) {
        try {
            long size = Files.size(dir.resolve(path));
            if (size > max) {
                throw new Stop(path, "file", "is " + size + " bytes, more than " + what + " can take (" + max + ")");
            }
        } catch (NoSuchFileException e) {
            // Reported as missing where it is read.
        } catch (IOException e) {
            throw new Stop(path, "file", "cannot be read: " + e.getMessage());
        }
    }

    private static void compareTile(Path dir, DirectoryTiles files, LogWrite.TileWrite computed) {
        TileId id = computed.id();
        checkSize(dir, id.path(), (long) id.width() * Hash.SIZE, id.width() + " hashes");
        byte[] published = files.readTile(id).orElseThrow(() -> new Stop(id.path(), "file", "missing: it should hold "
                + id.width() + " hashes of tree level " + id.level() * TileLayout.TILE_HEIGHT));
        byte[] want = computed.hashes();
        if (published.length != want.length) {
            throw new Stop(id.path(), "file", "is " + published.length + " bytes where " + id.width() + " hashes make " + want.length);
        }
        for (int i = 0; i < id.width(); i++) {
            if (!java.util.Arrays.equals(published, i * Hash.SIZE, (i + 1) * Hash.SIZE, want, i * Hash.SIZE, (i + 1) * Hash.SIZE)) {
                long node = id.index() * TileLayout.TILE_WIDTH + i;
                long span = 1L << (TileLayout.TILE_HEIGHT * id.level());
                String what = id.level() == 0 ? "the leaf hash of entry " + node
                        : "the hash of entries " + node * span + " to " + ((node + 1) * span - 1);
                throw new Stop(id.path(), "hash " + i, what + " differs from the one computed from the entry bundles");
            }
        }
    }

    private static void unexpectedFiles(Path dir, Set<String> expected) {
        Path tiles = dir.resolve("tile");
        if (!Files.isDirectory(tiles)) {
            return;
        }
        List<String> extra = new ArrayList<>();
        try (Stream<Path> all = Files.walk(tiles)) {
            all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !expected.contains(p)).sorted().limit(1).forEach(extra::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!extra.isEmpty()) {
            throw new Stop(extra.getFirst(), "file", "unexpected: no entry or tile of the log at its checkpoint's size belongs here"
                    + " (entries or tiles beyond the checkpoint, or a stray file)");
        }
    }
}
