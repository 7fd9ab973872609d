package org.bulwark.ledger.log;

/** An entry bundle: its index (entries index·256 onwards) and how many entries it holds (256 when full). */
public record BundleId(long index, int width) {
    public BundleId {
        if (index < 0 || width < 1 || width > TileLayout.TILE_WIDTH) {
            throw new IllegalArgumentException("no entry bundle at index " + index + ", width " + width);
        }
    }

    public String path() {
        return TileLayout.entryBundlePath(index, width);
    }
}
