package org.bulwark.custody;

import java.util.Optional;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.Names;

/** One component of a certified voting-system version and the fingerprint of its approved software or firmware. */
public record Component(String name, Kind kind, Fingerprint fingerprint) {
    public enum Kind {
        SOFTWARE("software"),
        FIRMWARE("firmware");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Optional<Kind> parse(String text) {
            return Words.parse(Kind.class, Kind::word, text);
        }
    }

    public Component {
        Names.check("component name", name);
    }

    /** Reads {@code NAME=KIND:sha256:HEX}, the form the command line takes; empty if it is not that form. */
    public static Optional<Component> parse(String text) {
        int eq = text.indexOf('=');
        int colon = text.indexOf(':', eq + 1);
        if (eq <= 0 || colon < 0) {
            return Optional.empty();
        }
        Optional<Kind> kind = Kind.parse(text.substring(eq + 1, colon));
        Optional<Fingerprint> fp = Fingerprint.parse(text.substring(colon + 1));
        String name = text.substring(0, eq);
        if (kind.isEmpty() || fp.isEmpty() || name.isBlank() || !name.equals(name.strip())) {
            return Optional.empty();
        }
        return Optional.of(new Component(name, kind.get(), fp.get()));
    }

    @Override
    public String toString() {
        return name + "=" + kind.word() + ":" + fingerprint;
    }
}
