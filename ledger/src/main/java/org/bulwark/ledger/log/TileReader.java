package org.bulwark.ledger.log;

import java.util.Optional;

/**
 * Read access to stored tiles and entry bundles, the one thing proof generation and appending need
 * from storage. Implementations: {@link MemoryTiles}, {@link DirectoryTiles} (the published
 * layout), and the workspace's database tables.
 *
 * <p>Contract: return exactly the bytes stored for that id (a tile of width W is W·32 bytes), or
 * empty when nothing is stored under it. A partial tile is asked for with its width; an
 * implementation that keeps only the latest version of a partial tile may answer a request for a
 * narrower width with the first width·32 bytes of what it has, because hashes never change once
 * written. Unreadable storage is reported by throwing, not by returning empty.
 */
public interface TileReader {
    Optional<byte[]> readTile(TileId id);

    Optional<byte[]> readEntryBundle(BundleId id);
}
