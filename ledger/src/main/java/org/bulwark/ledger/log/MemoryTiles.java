package org.bulwark.ledger.log;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tiles and bundles held in memory, keyed by (level, index) with the latest width kept: a narrower
 * partial read is served from the wider version, as {@link TileReader} allows. Not thread-safe.
 */
public final class MemoryTiles implements TileReader {
    private record Key(int level, long index) {}

    private static final int BUNDLE_LEVEL = -1;

    private final Map<Key, byte[]> stored = new HashMap<>();

    public void store(List<LogWrite> writes) {
        for (LogWrite w : writes) {
            switch (w) {
                case LogWrite.TileWrite t -> stored.put(new Key(t.id().level(), t.id().index()), t.content());
                case LogWrite.BundleWrite b -> stored.put(new Key(BUNDLE_LEVEL, b.id().index()), b.content());
            }
        }
    }

    @Override
    public Optional<byte[]> readTile(TileId id) {
        byte[] content = stored.get(new Key(id.level(), id.index()));
        if (content == null || content.length < id.width() * Hash.SIZE) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOf(content, id.width() * Hash.SIZE));
    }

    @Override
    public Optional<byte[]> readEntryBundle(BundleId id) {
        byte[] content = stored.get(new Key(BUNDLE_LEVEL, id.index()));
        if (content == null) {
            return Optional.empty();
        }
        // Bundles are variable length: serve the first width entries of the wider version.
        return EntryBundles.prefix(content, id.width()).map(n -> Arrays.copyOf(content, n));
    }
}
