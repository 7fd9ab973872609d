package org.bulwark.custody;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The word each enum of custody records is written as (in CSV, the database, the command line), and back. */
final class Words {
    private Words() {}

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, Function<E, String> word, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> word.apply(e).equals(text)).findFirst();
    }

    static <E extends Enum<E>> String list(Class<E> type, Function<E, String> word) {
        return Arrays.stream(type.getEnumConstants()).map(word).collect(Collectors.joining(", "));
    }
}
