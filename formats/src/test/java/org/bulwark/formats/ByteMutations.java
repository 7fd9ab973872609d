package org.bulwark.formats;

import java.util.Arrays;
import java.util.Random;

/**
 * The mutation fuzzers' one random change to a valid file: flip a bit, truncate, insert a token of
 * the format or random junk, duplicate a range, or delete a range. Each reader's fuzz test gives the
 * tokens that matter to its format.
 */
public final class ByteMutations {
    private ByteMutations() {}

    /** @param maxDuplicate the longest range a duplication copies */
    public static byte[] mutate(byte[] data, Random random, byte[][] tokens, int maxDuplicate) {
        if (data.length == 0) {
            return tokens[random.nextInt(tokens.length)].clone();
        }
        int at = random.nextInt(data.length);
        return switch (random.nextInt(6)) {
            case 0 -> {
                byte[] copy = data.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                yield copy;
            }
            case 1 -> Arrays.copyOf(data, at);
            case 2 -> splice(data, at, at, tokens[random.nextInt(tokens.length)]);
            case 3 -> {
                byte[] junk = new byte[1 + random.nextInt(8)];
                random.nextBytes(junk);
                yield splice(data, at, at, junk);
            }
            case 4 -> splice(data, at, at, Arrays.copyOfRange(data, at, Math.min(data.length, at + 1 + random.nextInt(maxDuplicate))));
            default -> splice(data, at, Math.min(data.length, at + 1 + random.nextInt(200)), new byte[0]);
        };
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        byte[] out = new byte[data.length - (to - from) + insert.length];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(data, to, out, from + insert.length, data.length - to);
        return out;
    }
}
