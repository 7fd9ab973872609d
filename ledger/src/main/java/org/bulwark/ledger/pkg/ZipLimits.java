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
    /**
     * 10,000 files, 64 GiB per file and 256 GiB in all (more than a removable drive carries; files are
     * stored, never inflated, so a package cannot claim more than it holds), and a generous manifest.
     */
    public static final ZipLimits DEFAULT = new ZipLimits(10_000, 64L << 30, 256L << 30, 16 << 20);

    public ZipLimits {
        if (maxEntries < 2 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxManifestBytes < 1) {
            throw new IllegalArgumentException("limits must allow at least a manifest and its signature");
        }
    }
}
