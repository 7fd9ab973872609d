package org.bulwark.model.events;

/**
 * One named, typed detail of an event. There is deliberately no map or document type: an event's
 * details are exactly the fields its record declares, each a bounded text, a count or a digest, so
 * no code path can put a ballot's selections or a voter's identity into the log.
 */
public sealed interface Detail {
    String name();

    /** Rendered for people and for NIST exports. */
    String valueText();

    record TextValue(String name, String value) implements Detail {
        public TextValue {
            Text.check("detail name", name, Text.SHORT);
            Text.check(name, value, Text.LONG);
        }

        @Override
        public String valueText() {
            return value;
        }
    }

    record Count(String name, long value) implements Detail {
        public Count {
            Text.check("detail name", name, Text.SHORT);
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative, not " + value);
            }
        }

        @Override
        public String valueText() {
            return Long.toString(value);
        }
    }

    record Digest(String name, Sha256 value) implements Detail {
        public Digest {
            Text.check("detail name", name, Text.SHORT);
        }

        @Override
        public String valueText() {
            return value.hex();
        }
    }
}
