package org.bulwark.custody;

import java.util.Arrays;
import java.util.Random;

/** Random damage to a valid file: bit flips, truncations, inserted junk, duplicated and removed runs. */
final class Mutations {
    private static final byte[] JUNK = {'\n', ',', '"', '{', '}', '[', ']', ':', ' ', (byte) 0xFF, '9', '-', 't', 'n'};

    private Mutations() {}

    static byte[] mutate(byte[] data, Random random) {
        byte[] out = data;
        for (int m = 1 + random.nextInt(3); m > 0; m--) {
            int at = random.nextInt(Math.max(1, out.length));
            switch (random.nextInt(5)) {
                case 0 -> {
                    out = out.clone();
                    if (out.length > 0) {
                        out[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> out = Arrays.copyOf(out, at);
                case 2 -> out = splice(out, at, at, new byte[] {JUNK[random.nextInt(JUNK.length)]});
                case 3 -> {
                    int end = Math.min(out.length, at + 1 + random.nextInt(40));
                    out = splice(out, at, at, Arrays.copyOfRange(out, at, end));
                }
                default -> out = splice(out, at, Math.min(out.length, at + 1 + random.nextInt(40)), new byte[0]);
            }
        }
        return out;
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        byte[] out = new byte[data.length - (to - from) + insert.length];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(data, to, out, from + insert.length, data.length - to);
        return out;
    }
}
