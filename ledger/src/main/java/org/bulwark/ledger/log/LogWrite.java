package org.bulwark.ledger.log;

/** A file of the published log to store: a tile or an entry bundle, with its path and its bytes. */
public sealed interface LogWrite permits LogWrite.TileWrite, LogWrite.BundleWrite {
    String path();

    /** The bytes to store (a copy: the caller may keep it). */
    byte[] content();

    /** {@code hashes}: the tile's hashes, 32 bytes each, concatenated. */
    record TileWrite(TileId id, byte[] hashes) implements LogWrite {
        public String path() {
            return id.path();
        }

        public byte[] content() {
            return hashes.clone();
        }
    }

    /** {@code bundle}: each entry as a 2-byte big-endian length followed by the entry. */
    record BundleWrite(BundleId id, byte[] bundle) implements LogWrite {
        public String path() {
            return id.path();
        }

        public byte[] content() {
            return bundle.clone();
        }
    }
}
