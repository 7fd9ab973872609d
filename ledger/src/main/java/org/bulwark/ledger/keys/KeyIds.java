package org.bulwark.ledger.keys;

import java.util.regex.Pattern;

/** Ids and jurisdictions name files (ID.key, ID.pub) and lines of text: a safe alphabet only. */
final class KeyIds {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private KeyIds() {}

    static boolean valid(String value) {
        return value != null && SAFE.matcher(value).matches();
    }

    static void check(String what, String value) {
        if (!valid(value)) {
            throw new IllegalArgumentException(what + " '" + value + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }
}
