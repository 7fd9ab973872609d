package org.bulwark.device;

import java.util.List;

/**
 * What a device did when a person asked it to: done (with warnings for the person to see, such as
 * an undervote), or refused with a message saying why and what is allowed. Refusals are what people
 * cause, so they are values; exceptions are left for bad files and bugs.
 */
public sealed interface Outcome<T> {
    record Done<T>(T value, List<String> warnings) implements Outcome<T> {
        public Done {
            warnings = List.copyOf(warnings);
        }
    }

    record Refused<T>(String reason) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value, List.of());
    }

    /** The value, or IllegalStateException with the refusal: for callers that have checked, and for tests. */
    default T orThrow() {
        return switch (this) {
            case Done<T> d -> d.value();
            case Refused<T> r -> throw new IllegalStateException(r.reason());
        };
    }
}
