package org.bulwark.ledger.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The entry bundle format: each entry as its length (2 bytes, big-endian) followed by its bytes. */
final class EntryBundles {
    private static final int LENGTH_PREFIX = 2;

    private EntryBundles() {}

    /** Where a bundle is malformed, in words with the byte offset. */
    record Malformed(String place, String problem) {}

    /** The entries of a bundle that must hold exactly {@code expected}, or what is wrong with it. */
    static Result parse(byte[] bundle, int expected) {
        List<byte[]> entries = new ArrayList<>(expected);
        int at = 0;
        while (at < bundle.length) {
            if (entries.size() == expected) {
                return new Result.Bad(new Malformed("byte " + at, (bundle.length - at) + " bytes after the last of the " + expected + " entries"));
            }
            if (at + LENGTH_PREFIX > bundle.length) {
                return new Result.Bad(new Malformed("byte " + at, "entry " + entries.size() + " of the bundle is cut off inside its length"));
            }
            int length = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
            int start = at + LENGTH_PREFIX;
            if (start + length > bundle.length) {
                return new Result.Bad(new Malformed("byte " + at, "entry " + entries.size() + " of the bundle says it is " + length
                        + " bytes long but only " + (bundle.length - start) + " remain"));
            }
            entries.add(Arrays.copyOfRange(bundle, start, start + length));
            at = start + length;
        }
        if (entries.size() != expected) {
            return new Result.Bad(new Malformed("end of file", "the bundle holds " + entries.size() + " entries where " + expected + " are expected"));
        }
        return new Result.Entries(entries);
    }

    sealed interface Result {
        record Entries(List<byte[]> entries) implements Result {}

        record Bad(Malformed malformed) implements Result {}
    }

    /** Byte length of the first {@code count} entries of a well-formed bundle, if it has that many. */
    static Optional<Integer> prefix(byte[] bundle, int count) {
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at + LENGTH_PREFIX > bundle.length) {
                return Optional.empty();
            }
            at += LENGTH_PREFIX + (((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF));
        }
        return at <= bundle.length ? Optional.of(at) : Optional.empty();
    }
}
