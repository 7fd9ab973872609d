package org.bulwark.ledger.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Tiles and bundles read from a published log folder, at the paths {@link TileLayout} gives. */
public final class DirectoryTiles implements TileReader {
    private final Path root;

    public DirectoryTiles(Path root) {
        this.root = root;
    }

    @Override
    public Optional<byte[]> readTile(TileId id) {
        return read(id.path());
    }

    @Override
    public Optional<byte[]> readEntryBundle(BundleId id) {
        return read(id.path());
    }

    private Optional<byte[]> read(String relative) {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(relative)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(relative), e);
        }
    }
}
