package org.bulwark.ledger.exchange;

/**
 * The one rule for the short texts custody records and the files exchanged with devices hold (names,
 * places, tags, serials): non-blank, bounded, printable. Public because the custody module checks its
 * own records by the same rule.
 */
public final class Names {
    public static final int MAX = 200;

    private Names() {}

    public static String check(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.length() > MAX) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters long; at most " + MAX + " are allowed");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " \"" + value.strip() + "\" holds a control character");
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(what + " \"" + value + "\" must not start or end with spaces");
        }
        return value;
    }
}
