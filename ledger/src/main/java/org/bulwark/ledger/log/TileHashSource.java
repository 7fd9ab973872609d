package org.bulwark.ledger.log;

import java.util.HashMap;
import java.util.Map;

/**
 * Complete-subtree hashes of a tree of {@code treeSize} entries, read from tiles: a node at tree
 * level 8·L is a stored hash; a node between tile levels is the root of 2..128 consecutive hashes
 * of one tile. Each tile is read at most once (they are kept for the life of this source), so a
 * proof reads at most two tiles per tile level: O(log n) reads. Not thread-safe.
 */
public final class TileHashSource implements HashSource {
    private final long treeSize;
    private final TileReader reader;
    private final Map<TileId, byte[]> read = new HashMap<>();

    public TileHashSource(long treeSize, TileReader reader) {
        this.treeSize = treeSize;
        this.reader = reader;
    }

    /** How many tiles this source has read so far. */
    public int tilesRead() {
        return read.size();
    }

    /** Throws {@link IllegalStateException} naming the tile when it is missing or short: the store is damaged. */
    @Override
    public Hash node(int level, long index) {
        int tileLevel = level / TileLayout.TILE_HEIGHT;
        int within = level % TileLayout.TILE_HEIGHT;
        long first = index << within;
        long tileIndex = first / TileLayout.TILE_WIDTH;
        int offset = (int) (first % TileLayout.TILE_WIDTH);
        int width = TileLayout.tileWidth(tileLevel, tileIndex, treeSize);
        if (offset + (1 << within) > width) {
            throw new IllegalArgumentException("node " + level + "/" + index + " is not complete in a tree of " + treeSize);
        }
        TileId id = new TileId(tileLevel, tileIndex, width);
        byte[] tile = read.computeIfAbsent(id, this::load);
        return within == 0 ? Hash.slice(tile, offset * Hash.SIZE) : TileAppender.perfectRoot(tile, offset, 1 << within);
    }

    private byte[] load(TileId id) {
        byte[] tile = reader.readTile(id).orElseThrow(() -> new IllegalStateException("missing tile " + id.path()));
        if (tile.length != id.width() * Hash.SIZE) {
            throw new IllegalStateException("tile " + id.path() + " is " + tile.length + " bytes, not " + id.width() * Hash.SIZE);
        }
        return tile;
    }
}
