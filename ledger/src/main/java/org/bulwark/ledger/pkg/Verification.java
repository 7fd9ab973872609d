package org.bulwark.ledger.pkg;

import org.bulwark.ledger.trust.TrustEntry;

/** The outcome of verifying a package: valid, or the first check that failed and why. */
public sealed interface Verification {
    /**
     * Every check passed.
     *
     * @param cvrRootsChecked false when no CVR reader was given, so CVR Merkle roots were not recomputed
     * @param replayChecked false when no workspace was at hand to say whether it was imported before
     */
    record Valid(PackageId id, Manifest manifest, TrustEntry signer, boolean cvrRootsChecked, boolean replayChecked) implements Verification {}

    /** The first check that failed, with a message naming the file and the problem. */
    record Failed(Check check, String message) implements Verification {}

    /** The checks, in the order they run (docs/packages-and-keys.md, "Verifying a package"). */
    enum Check {
        /** The archive is a zip in the one safe form packages use. */
        ARCHIVE("archive"),
        /** manifest.sig is a valid Ed25519 signature over the manifest, for the kind it names. */
        SIGNATURE("signature"),
        /** The signed manifest can be read. */
        MANIFEST("manifest"),
        /** The signer is in the trust registry, may sign this kind, is not revoked and is within validity. */
        SIGNER("signer"),
        /** Every listed file has the size and SHA-256 the manifest says. */
        FILE_HASH("file hash"),
        /** No listed file is missing and no unlisted file is present. */
        FILE_SET("file set"),
        /** Each CVR file's count and Merkle root match its CVRs (when a CVR reader is given). */
        CVR_ROOT("CVR Merkle root"),
        /** The package belongs to the expected election. */
        ELECTION("election"),
        /** The package is in the expected mode (test or official). */
        MODE("mode"),
        /** The package was not imported before. */
        REPLAY("replay");

        private final String words;

        Check(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
