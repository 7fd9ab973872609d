package org.bulwark.store;

import java.util.Optional;

/**
 * An election definition file as imported: kept byte for byte, so the workspace can always show and
 * re-read exactly what was given.
 *
 * @param sourceName the file as the user named it
 * @param format the detected format, e.g. "NIST SP 1500-100 JSON" or "Bulwark JSON"
 * @param fileBytes the file's bytes, as read
 * @param bulwarkJson the election in Bulwark's canonical JSON, when the caller could write it
 * @param fingerprint the election fingerprint (SHA-256 of the canonical form, lower-case hex)
 */
public record ElectionSource(
        String sourceName, String format, byte[] fileBytes, Optional<byte[]> bulwarkJson, String fingerprint) {
    public ElectionSource {
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an election fingerprint is 64 lower-case hex digits, not \"" + fingerprint + "\"");
        }
        fileBytes = fileBytes.clone();
        bulwarkJson = bulwarkJson.map(byte[]::clone);
    }

    @Override
    public byte[] fileBytes() {
        return fileBytes.clone();
    }

    @Override
    public Optional<byte[]> bulwarkJson() {
        return bulwarkJson.map(byte[]::clone);
    }
}
