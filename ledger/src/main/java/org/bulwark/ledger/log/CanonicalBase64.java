package org.bulwark.ledger.log;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Standard base64 that accepts only the one encoding of each byte string. The JDK's decoder
 * ignores the unused low bits of the last character, so two texts could decode to the same bytes;
 * in a published file that would be a byte that could change without any check noticing.
 */
final class CanonicalBase64 {
    private CanonicalBase64() {}

    static Optional<byte[]> decode(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Arrays.equals(Base64.getEncoder().encode(bytes), text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                    ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
