package org.bulwark.ledger.keys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.BadInputException;

/**
 * The .pub text format (docs/packages-and-keys.md): a first line naming the format, then
 * "name: value" lines in a fixed order; the key is the raw 32 bytes in standard base64 and the
 * fingerprint is repeated so that a damaged file is caught.
 */
final class PublicKeyFile {
    static final String FORMAT = "bulwark-public-key/1";
    private static final List<String> FIELDS = List.of("role", "id", "jurisdiction", "not-before", "not-after", "ed25519", "fingerprint");
    private static final int MAX_BYTES = 4096;

    private PublicKeyFile() {}

    static String write(PublicKeyInfo info) {
        StringBuilder s = new StringBuilder(FORMAT).append('\n');
        s.append("role: ").append(info.role().text()).append('\n');
        s.append("id: ").append(info.id()).append('\n');
        info.jurisdiction().ifPresent(j -> s.append("jurisdiction: ").append(j).append('\n'));
        info.validity().notBefore().ifPresent(t -> s.append("not-before: ").append(t).append('\n'));
        info.validity().notAfter().ifPresent(t -> s.append("not-after: ").append(t).append('\n'));
        s.append("ed25519: ").append(Base64.getEncoder().encodeToString(Ed25519.raw(info.key()))).append('\n');
        s.append("fingerprint: ").append(info.fingerprint()).append('\n');
        return s.toString();
    }

    static PublicKeyInfo read(byte[] bytes, String file) {
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(file, "byte " + MAX_BYTES, "a public key file is at most " + MAX_BYTES + " bytes; this one is " + bytes.length);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(FORMAT)) {
            throw new BadInputException(file, "line 1", "expected '" + FORMAT + "', found '" + abbreviate(lines[0]) + "': this is not a Bulwark public key file");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int lastField = -1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            String place = "line " + (i + 1);
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new BadInputException(file, place, "expected 'name: value', found '" + abbreviate(line) + "'");
            }
            String name = line.substring(0, colon);
            int order = FIELDS.indexOf(name);
            if (order < 0) {
                throw new BadInputException(file, place, "unknown field '" + abbreviate(name) + "': expected one of " + FIELDS);
            }
            if (order <= lastField) {
                throw new BadInputException(file, place, "field '" + name + "' is repeated or out of order: the order is " + FIELDS);
            }
            lastField = order;
            fields.put(name, line.substring(colon + 2));
        }
        KeyRole role = KeyRole.parse(required(fields, "role", file))
                .orElseThrow(() -> new BadInputException(file, "role", "'" + abbreviate(fields.get("role")) + "' is not a role: use state, authority or device"));
        String id = required(fields, "id", file);
        if (!KeyIds.valid(id)) {
            throw new BadInputException(file, "id", "'" + abbreviate(id) + "' is not a valid key id (letters, digits, '.', '_', '-')");
        }
        Optional<String> jurisdiction = Optional.ofNullable(fields.get("jurisdiction"));
        if (jurisdiction.isPresent() && !KeyIds.valid(jurisdiction.get())) {
            throw new BadInputException(file, "jurisdiction", "'" + abbreviate(jurisdiction.get()) + "' is not a valid jurisdiction (letters, digits, '.', '_', '-')");
        }
        if (role != KeyRole.STATE && jurisdiction.isEmpty()) {
            throw new BadInputException(file, "jurisdiction", role.aKey() + " needs a jurisdiction");
        }
        Optional<Instant> notBefore = time(fields, "not-before", file);
        Optional<Instant> notAfter = time(fields, "not-after", file);
        if (notBefore.isPresent() && notAfter.isPresent() && notAfter.get().isBefore(notBefore.get())) {
            throw new BadInputException(file, "not-after", notAfter.get() + " is before not-before " + notBefore.get());
        }
        String encoded = required(fields, "ed25519", file);
        byte[] raw = strictBase64(encoded, file, "ed25519");
        var key = Ed25519.fromRaw(raw).orElseThrow(() -> new BadInputException(file, "ed25519", "not a 32-byte Ed25519 public key"));
        PublicKeyInfo info = new PublicKeyInfo(role, id, jurisdiction, new Validity(notBefore, notAfter), key);
        String fingerprint = required(fields, "fingerprint", file);
        if (!fingerprint.equals(info.fingerprint().toString())) {
            throw new BadInputException(file, "fingerprint", "'" + abbreviate(fingerprint) + "' is not the fingerprint of the key in this file ("
                    + info.fingerprint() + "): the file is damaged or was edited");
        }
        return info;
    }

    /** Standard base64 in its one canonical spelling, so that no two texts carry the same bytes. */
    static byte[] strictBase64(String encoded, String file, String place) {
        try {
            byte[] raw = Base64.getDecoder().decode(encoded);
            if (!Base64.getEncoder().encodeToString(raw).equals(encoded)) {
                throw new BadInputException(file, place, "not in canonical base64");
            }
            return raw;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, place, "not valid base64: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> fields, String name, String file) {
        String v = fields.get(name);
        if (v == null) {
            throw new BadInputException(file, name, "the field '" + name + "' is missing");
        }
        return v;
    }

    private static Optional<Instant> time(Map<String, String> fields, String name, String file) {
        String v = fields.get(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(v));
        } catch (DateTimeParseException e) {
            throw new BadInputException(file, name, "'" + abbreviate(v) + "' is not a UTC time like 2026-01-01T00:00:00Z");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
