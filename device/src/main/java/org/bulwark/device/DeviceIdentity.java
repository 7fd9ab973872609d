package org.bulwark.device;

import java.util.Objects;

/**
 * Who a device is, as every report, package and paper record names it.
 *
 * @param softwareFingerprint "sha256:" and 64 hex digits: the SHA-256 of the device's own code,
 *     computed when the device starts ({@link SoftwareFingerprint})
 */
public record DeviceIdentity(String model, String serial, DeviceKind kind, String softwareVersion,
        String softwareFingerprint) {
    public DeviceIdentity {
        Objects.requireNonNull(kind, "kind");
        if (model == null || model.isBlank() || serial == null || !serial.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("a device needs a model and a serial of letters, digits, '.', '_' or '-', not '"
                    + serial + "'");
        }
        if (softwareFingerprint == null || !softwareFingerprint.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a software fingerprint is sha256: and 64 hex digits");
        }
    }

    /** "sha256:1a2b3c4": the fingerprint as people compare it on screens and reports. */
    public String shortFingerprint() {
        return softwareFingerprint.substring(0, "sha256:".length() + 7);
    }
}
