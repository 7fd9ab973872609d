package org.bulwark.ledger.pkg;

/**
 * Caps on what a package reader will take on, checked before reading content and again while
 * counting the bytes actually read.
 *
 * @param maxEntries files in the archive, manifest and signature included
 * @param maxEntryBytes the size of one file
 * @param maxTotalBytes all files together
 * @param maxManifestBytes manifest.json
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxManifestBytes) {
    /** The zip format's own limits without zip64 (Bulwark does not write zip64), and a generous manifest. */
    public static final ZipLimits DEFAULT = new ZipLimits(10_000, ZipLayout.MAX_32 - 1, ZipLayout.MAX_32 - 1, 16 << 20);

    public ZipLimits {
        if (maxEntries < 2 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxManifestBytes < 1) {
            throw new IllegalArgumentException("limits must allow at least a manifest and its signature");
        }
    }
}
