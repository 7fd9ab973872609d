package org.bulwark.ledger.exchange;

import java.util.Optional;
import java.util.regex.Pattern;

/** A SHA-256 fingerprint as written in registry entries and L&A records: {@code sha256:} and 64 lowercase hex digits. */
public record Fingerprint(String value) {
    private static final Pattern FORM = Pattern.compile("sha256:[0-9a-f]{64}");

    public Fingerprint {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a fingerprint: write sha256: and 64 lowercase hex digits");
        }
    }

    public static Optional<Fingerprint> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new Fingerprint(text)) : Optional.empty();
    }

    /** The 64 hex digits alone. */
    public String hex() {
        return value.substring("sha256:".length());
    }

    /** The first 7 hex digits, as every screen and report shows a fingerprint. */
    public String shortForm() {
        return hex().substring(0, 7);
    }

    @Override
    public String toString() {
        return value;
    }
}
