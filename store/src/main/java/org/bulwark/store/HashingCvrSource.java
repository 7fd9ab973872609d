package org.bulwark.store;

import java.io.IOException;
import java.util.function.Consumer;
import org.bulwark.model.CastVoteRecord;

/**
 * Pushes the CVRs of one file into a sink while hashing the bytes it parses, and says at the end what
 * the file was: so the SHA-256 recorded for an import is that of exactly the bytes imported, and the
 * file is read once. An exception thrown here undoes the whole import.
 */
@FunctionalInterface
public interface HashingCvrSource {
    /** What the source found the file to be, once it has pushed every CVR. */
    record ReadFile(byte[] sha256, String format) {
        public ReadFile {
            if (sha256.length != 32) {
                throw new IllegalArgumentException("a SHA-256 has 32 bytes, not " + sha256.length);
            }
            sha256 = sha256.clone();
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }
    }

    ReadFile pushTo(Consumer<CastVoteRecord> sink) throws IOException;
}
