package org.bulwark.ledger.pkg;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.keys.KeyFingerprint;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.trust.PackageType;

/**
 * What a package says about itself (manifest.json, docs/packages-and-keys.md). Only trusted after
 * its signature has been checked.
 *
 * @param election the SHA-256 fingerprint of the election definition the package belongs to
 * @param producerJurisdiction the signer's jurisdiction as its key file states it
 */
public record Manifest(
        PackageType type,
        int formatVersion,
        Optional<String> election,
        String producerId,
        KeyRole producerRole,
        Optional<String> producerJurisdiction,
        KeyFingerprint producerKey,
        Instant created,
        Mode mode,
        List<FileEntry> files) {
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        files = List.copyOf(files);
    }

    /** One file of the package: its name in the archive, size and SHA-256, and for CVR files their Merkle root. */
    public record FileEntry(String name, long size, String sha256, Optional<CvrSummary> cvrs) {}

    /**
     * The CVRs in a file: how many and the RFC 9162 Merkle root over their per-CVR hashes
     * ({@link CvrMerkle}), in file order.
     */
    public record CvrSummary(long count, String merkleRoot) {}
}
