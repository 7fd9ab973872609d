package org.bulwark.model.events;

/**
 * The one rule for every string an event holds: non-empty, bounded, no control characters. The
 * bound keeps a log entry small and leaves no room to smuggle a document (a ballot image, a list
 * of voters) into a text field.
 */
final class Text {
    static final int SHORT = 256;
    static final int LONG = 1_024;

    private Text() {}

    static String check(String what, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters long; at most " + max
                    + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " holds a control character at position " + (i + 1));
            }
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(what + " must not start or end with spaces");
        }
        return value;
    }
}
