package org.bulwark.ledger.log;

/** A tile of hashes: its level, its index along the level and how many hashes it holds (256 when full). */
public record TileId(int level, long index, int width) {
    public TileId {
        if (level < 0 || index < 0 || width < 1 || width > TileLayout.TILE_WIDTH) {
            throw new IllegalArgumentException("no tile at level " + level + ", index " + index + ", width " + width);
        }
    }

    public String path() {
        return TileLayout.tilePath(level, index, width);
    }
}
