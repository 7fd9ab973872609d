package org.bulwark.ledger.log;

/**
 * The C2SP tlog-tiles layout as pure functions (no I/O): where each tile, entry bundle and the
 * checkpoint live, relative to the log's root folder or URL prefix, and how wide each tile is for
 * a given tree size.
 *
 * <p>A tile at level L and index N holds up to {@value #TILE_WIDTH} consecutive hashes of tree
 * level 8·L, starting at hash N·256: level 0 tiles hold leaf hashes, and each full tile's Merkle
 * root is one hash in the tile above. A tile that is not yet full is "partial" and its path says
 * its width. Entry bundles hold the entries themselves, 256 to a full bundle.
 */
public final class TileLayout {
    /** Tree levels per tile (tlog-tiles: 8). */
    public static final int TILE_HEIGHT = 8;
    /** Hashes in a full tile and entries in a full bundle (2^TILE_HEIGHT). */
    public static final int TILE_WIDTH = 1 << TILE_HEIGHT;
    /** The latest signed checkpoint. */
    public static final String CHECKPOINT = "checkpoint";
    /** Entry bundles live in this folder, in place of a tile level. */
    static final String ENTRIES = "entries";
    /** Digits per path element of a tile index ("x001/x234/067"). */
    private static final int INDEX_GROUP_DIGITS = 3;
    /** An entry in a bundle is prefixed by its length as 2 bytes, big-endian, so at most this long. */
    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    private TileLayout() {}

    /** {@code tile/<L>/<N>} or, for a partial tile, {@code tile/<L>/<N>.p/<W>}. */
    public static String tilePath(int level, long index, int width) {
        return "tile/" + level + "/" + encodeIndex(index) + partialSuffix(width);
    }

    /** {@code tile/entries/<N>} or, for a partial bundle, {@code tile/entries/<N>.p/<W>}. */
    public static String entryBundlePath(long index, int width) {
        return "tile/" + ENTRIES + "/" + encodeIndex(index) + partialSuffix(width);
    }

    private static String partialSuffix(int width) {
        if (width < 1 || width > TILE_WIDTH) {
            throw new IllegalArgumentException("a tile holds 1 to " + TILE_WIDTH + " hashes, not " + width);
        }
        return width == TILE_WIDTH ? "" : ".p/" + width;
    }

    /** 1234067 becomes {@code x001/x234/067}: groups of three digits, every group but the last prefixed by x. */
    static String encodeIndex(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative tile index " + index);
        }
        String digits = Long.toString(index);
        int pad = (INDEX_GROUP_DIGITS - digits.length() % INDEX_GROUP_DIGITS) % INDEX_GROUP_DIGITS;
        digits = "0".repeat(pad) + digits;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i += INDEX_GROUP_DIGITS) {
            boolean last = i + INDEX_GROUP_DIGITS == digits.length();
            out.append(last ? "" : "x").append(digits, i, i + INDEX_GROUP_DIGITS).append(last ? "" : "/");
        }
        return out.toString();
    }

    /** Nodes at tree level 8·level that are complete in a tree of {@code treeSize} leaves. */
    static long nodesAt(int level, long treeSize) {
        return treeSize >>> (TILE_HEIGHT * level);
    }

    /** Width of tile (level, index) in a tree of {@code treeSize}, or 0 when it does not exist yet. */
    public static int tileWidth(int level, long index, long treeSize) {
        long remaining = nodesAt(level, treeSize) - index * TILE_WIDTH;
        return (int) Math.max(0, Math.min(TILE_WIDTH, remaining));
    }

    /** Width of entry bundle {@code index} in a log of {@code treeSize} entries, 0 when it does not exist. */
    public static int bundleWidth(long index, long treeSize) {
        return tileWidth(0, index, treeSize);
    }
}
