package org.bulwark.ledger.pkg;

import java.util.Optional;

/** Test material never mixes with official material: every package says which it is. */
public enum Mode {
    TEST("test"),
    OFFICIAL("official");

    private final String word;

    Mode(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<Mode> parse(String word) {
        for (Mode m : values()) {
            if (m.word.equals(word)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
