package org.bulwark.ledger.pkg;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.trust.PackageType;

/**
 * manifest.sig: four lines of text, exactly
 * <pre>
 * bulwark-package-signature/1
 * type: results
 * key: BASE64 (the signer's raw 32-byte Ed25519 public key)
 * signature: BASE64 (64 bytes, Ed25519 over type.domain() followed by the manifest.json bytes)
 * </pre>
 * The key travels with the signature so that the signature can be checked before the trust
 * registry is asked who the signer is.
 */
record SignatureFile(PackageType type, PublicKey key, byte[] signature) {
    static final String FORMAT = "bulwark-package-signature/1";
    static final int MAX_BYTES = 512;

    byte[] bytes() {
        Base64.Encoder b64 = Base64.getEncoder();
        return (FORMAT + "\ntype: " + type.word() + "\nkey: " + b64.encodeToString(Ed25519.raw(key))
                + "\nsignature: " + b64.encodeToString(signature) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] signedMessage(PackageType type, byte[] manifest) {
        byte[] domain = type.domain();
        byte[] message = new byte[domain.length + manifest.length];
        System.arraycopy(domain, 0, message, 0, domain.length);
        System.arraycopy(manifest, 0, message, domain.length, manifest.length);
        return message;
    }

    /** Parsed strictly; anything else is a message saying what is wrong. */
    static SignatureFile parse(byte[] bytes) throws ManifestJson.Problem {
        if (bytes.length > MAX_BYTES) {
            throw new ManifestJson.Problem("manifest.sig", "is " + bytes.length + " bytes; a signature file is at most " + MAX_BYTES);
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String[] lines = text.split("\n", -1);
        if (lines.length != 5 || !lines[4].isEmpty() || !lines[0].equals(FORMAT)) {
            throw new ManifestJson.Problem("manifest.sig", "is not a Bulwark signature file (" + FORMAT + " and three lines: type, key, signature)");
        }
        String typeWord = field(lines[1], "type");
        PackageType type = PackageType.parse(typeWord)
                .orElseThrow(() -> new ManifestJson.Problem("manifest.sig, line 2", "'" + typeWord + "' is not a package type"));
        byte[] raw = base64(field(lines[2], "key"), "line 3");
        PublicKey key = Ed25519.fromRaw(raw).orElseThrow(() -> new ManifestJson.Problem("manifest.sig, line 3", "not an Ed25519 public key"));
        byte[] signature = base64(field(lines[3], "signature"), "line 4");
        if (signature.length != Ed25519.SIGNATURE_BYTES) {
            throw new ManifestJson.Problem("manifest.sig, line 4", "a signature is 64 bytes, not " + signature.length);
        }
        return new SignatureFile(type, key, signature);
    }

    private static String field(String line, String name) throws ManifestJson.Problem {
        if (!line.startsWith(name + ": ")) {
            throw new ManifestJson.Problem("manifest.sig", "expected the line '" + name + ": ...'");
        }
        return line.substring(name.length() + 2);
    }

    private static byte[] base64(String text, String line) throws ManifestJson.Problem {
        try {
            byte[] raw = Base64.getDecoder().decode(text);
            // One spelling only: the unused low bits of the last digit must be zero.
            if (!Base64.getEncoder().encodeToString(raw).equals(text)) {
                throw new ManifestJson.Problem("manifest.sig, " + line, "not canonical base64");
            }
            return raw;
        } catch (IllegalArgumentException e) {
            throw new ManifestJson.Problem("manifest.sig, " + line, "not base64");
        }
    }
}
