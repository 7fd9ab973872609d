package org.bulwark.model;

/** Checks shared by every typed id: an id is what files and reports use to refer to a thing. */
final class Ids {
    private Ids() {}

    static String check(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
