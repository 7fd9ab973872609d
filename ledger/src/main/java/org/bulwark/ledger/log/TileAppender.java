package org.bulwark.ledger.log;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Appends entries to a tiled log, keeping only its right edge: for each tile level the hashes of
 * the tile not yet full, and the entry bundle not yet full. When a tile fills, its Merkle root (255
 * node hashes) becomes the next hash of the tile above, so appending costs one leaf hash plus about
 * one node hash per entry, amortised. {@link #drain()} hands over what to store.
 */
public final class TileAppender {
    /** Hashes of the incomplete tile at each level; a level is added when the one below first fills. */
    private final List<byte[]> edge = new ArrayList<>();
    private final List<Integer> edgeWidth = new ArrayList<>();
    private final ByteArrayOutputStream bundle = new ByteArrayOutputStream();
    private final List<LogWrite> completed = new ArrayList<>();
    private long size;
    private int bundleEntries;

    private TileAppender() {}

    public static TileAppender empty() {
        return new TileAppender();
    }

    /**
     * Continues the log of {@code size} entries stored in {@code reader}: reads its partial tiles and
     * partial bundle. Throws {@link IllegalStateException} naming the path when one is missing or
     * of the wrong size, because the store is then damaged.
     */
    public static TileAppender resume(long size, TileReader reader) {
        TileAppender a = new TileAppender();
        a.size = size;
        for (int level = 0; TileLayout.nodesAt(level, size) > 0; level++) {
            long nodes = TileLayout.nodesAt(level, size);
            int width = (int) (nodes % TileLayout.TILE_WIDTH);
            byte[] hashes = new byte[TileLayout.TILE_WIDTH * Hash.SIZE];
            if (width > 0) {
                TileId id = new TileId(level, nodes / TileLayout.TILE_WIDTH, width);
                byte[] stored = reader.readTile(id).orElseThrow(() -> new IllegalStateException("missing tile " + id.path()));
                if (stored.length != width * Hash.SIZE) {
                    throw new IllegalStateException("tile " + id.path() + " is " + stored.length + " bytes, not " + width * Hash.SIZE);
                }
                System.arraycopy(stored, 0, hashes, 0, stored.length);
            }
            a.edge.add(hashes);
            a.edgeWidth.add(width);
        }
        int entries = (int) (size % TileLayout.TILE_WIDTH);
        if (entries > 0) {
            BundleId id = new BundleId(size / TileLayout.TILE_WIDTH, entries);
            byte[] stored = reader.readEntryBundle(id).orElseThrow(() -> new IllegalStateException("missing entry bundle " + id.path()));
            a.bundle.writeBytes(stored);
            a.bundleEntries = entries;
        }
        return a;
    }

    public long size() {
        return size;
    }

    /** Appends one entry (at most {@value TileLayout#MAX_ENTRY_SIZE} bytes: its length is stored in 2 bytes). */
    public void append(byte[] entry) {
        if (entry.length > TileLayout.MAX_ENTRY_SIZE) {
            throw new IllegalArgumentException("a log entry is at most " + TileLayout.MAX_ENTRY_SIZE + " bytes, not " + entry.length);
        }
        bundle.write(entry.length >>> 8);
        bundle.write(entry.length & 0xFF);
        bundle.writeBytes(entry);
        bundleEntries++;
        if (bundleEntries == TileLayout.TILE_WIDTH) {
            completed.add(new LogWrite.BundleWrite(new BundleId(size / TileLayout.TILE_WIDTH, TileLayout.TILE_WIDTH), bundle.toByteArray()));
            bundle.reset();
            bundleEntries = 0;
        }
        addHash(0, Merkle.leafHash(entry));
        size++;
    }

    private void addHash(int level, Hash h) {
        if (level == edge.size()) {
            edge.add(new byte[TileLayout.TILE_WIDTH * Hash.SIZE]);
            edgeWidth.add(0);
        }
        byte[] hashes = edge.get(level);
        int width = edgeWidth.get(level);
        h.copyTo(hashes, width * Hash.SIZE);
        width++;
        if (width < TileLayout.TILE_WIDTH) {
            edgeWidth.set(level, width);
            return;
        }
        long index = (size >>> (TileLayout.TILE_HEIGHT * level)) / TileLayout.TILE_WIDTH;
        completed.add(new LogWrite.TileWrite(new TileId(level, index, TileLayout.TILE_WIDTH), hashes.clone()));
        edgeWidth.set(level, 0);
        addHash(level + 1, perfectRoot(hashes, 0, TileLayout.TILE_WIDTH));
    }

    /** Root of the perfect subtree over {@code count} (a power of two) hashes starting at hash {@code from}. */
    static Hash perfectRoot(byte[] hashes, int from, int count) {
        Hash[] level = new Hash[count];
        for (int i = 0; i < count; i++) {
            level[i] = Hash.slice(hashes, (from + i) * Hash.SIZE);
        }
        for (int n = count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                level[i] = Merkle.nodeHash(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }

    /** The tree head over everything appended so far: the right edge's perfect subtrees, folded from the right. */
    public Hash root() {
        if (size == 0) {
            return Merkle.emptyRoot();
        }
        List<Hash> subtrees = new ArrayList<>();
        for (int level = edge.size() - 1; level >= 0; level--) {
            int width = edgeWidth.get(level);
            int from = 0;
            for (int bit = TileLayout.TILE_HEIGHT - 1; bit >= 0; bit--) {
                if ((width & (1 << bit)) != 0) {
                    subtrees.add(perfectRoot(edge.get(level), from, 1 << bit));
                    from += 1 << bit;
                }
            }
        }
        Hash root = subtrees.getLast();
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = Merkle.nodeHash(subtrees.get(i), root);
        }
        return root;
    }

    /**
     * What to store now: the full tiles and bundles completed since the last drain, then the current
     * partial tile of every level and the partial bundle (which later drains supersede).
     */
    public List<LogWrite> drain() {
        List<LogWrite> out = new ArrayList<>(completed);
        completed.clear();
        for (int level = 0; level < edge.size(); level++) {
            int width = edgeWidth.get(level);
            if (width > 0) {
                long index = TileLayout.nodesAt(level, size) / TileLayout.TILE_WIDTH;
                out.add(new LogWrite.TileWrite(new TileId(level, index, width), Arrays.copyOf(edge.get(level), width * Hash.SIZE)));
            }
        }
        if (bundleEntries > 0) {
            out.add(new LogWrite.BundleWrite(new BundleId(size / TileLayout.TILE_WIDTH, bundleEntries), bundle.toByteArray()));
        }
        return out;
    }
}
