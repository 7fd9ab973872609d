package org.bulwark.ledger.pkg;

/**
 * A package's identity for replay protection: the SHA-256 of its manifest bytes, which hold the
 * producer, the creation time and every file's hash, so two packages share an id only if they are
 * the same package.
 */
public record PackageId(String sha256) {
    public PackageId {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a package id is 64 lower-case hex digits, not '" + sha256 + "'");
        }
    }

    /** The id of a package made by {@link Packages#create}, whose manifest bytes are written from the manifest alone. */
    public static PackageId of(Manifest manifest) {
        return new PackageId(java.util.HexFormat.of().formatHex(CvrMerkle.sha256().digest(ManifestJson.write(manifest))));
    }

    public String shortForm() {
        return sha256.substring(0, 16);
    }
}
