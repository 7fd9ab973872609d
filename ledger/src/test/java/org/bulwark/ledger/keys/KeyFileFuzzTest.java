package org.bulwark.ledger.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bulwark.model.BadInputException;

/**
 * The .pub and .key readers, fed mutated key files, either read them or throw BadInputException
 * naming the file and a place: never another exception.
 */
class KeyFileFuzzTest {
    static final char[] PASS = "pass".toCharArray();
    static final PublicKeyInfo INFO;
    static final byte[] PUB;
    static final byte[] KEY;

    static {
        var pair = Ed25519.generate(new SecureRandom());
        INFO = new PublicKeyInfo(KeyRole.DEVICE, "scanner-1", Optional.of("boone"), Validity.ALWAYS, pair.getPublic());
        PUB = PublicKeyFile.write(INFO).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        KEY = PrivateKeyFile.write(new PrivateKeyFile.Owner(KeyRole.DEVICE, "scanner-1", Optional.of("boone"), pair.getPublic()),
                pair.getPrivate(), PASS, PrivateKeyFile.MIN_ITERATIONS, new SecureRandom());
    }

    @Property(tries = 300)
    void mutatedPublicKeyFilesFailOnlyWithBadInput(@ForAll Random random) {
        byte[] data = mutate(PUB, random);
        try {
            PublicKeyInfo read = PublicKeyFile.read(data, "fuzz.pub");
            assertThat(read.fingerprint()).isEqualTo(INFO.fingerprint());
        } catch (BadInputException e) {
            assertThat(e.file()).isEqualTo("fuzz.pub");
            assertThat(e.place()).isNotBlank();
        }
    }

    @Property(tries = 150)
    void mutatedPrivateKeyFilesFailOnlyWithBadInput(@ForAll Random random) {
        byte[] data = mutate(KEY, random);
        try {
            LoadedPrivateKey read = PrivateKeyFile.read(data, "fuzz.key", PASS);
            assertThat(Ed25519.fingerprint(read.publicKey())).isEqualTo(INFO.fingerprint());
        } catch (BadInputException e) {
            assertThat(e.file()).isEqualTo("fuzz.key");
            assertThat(e.place()).isNotBlank();
        }
    }

    static byte[] mutate(byte[] data, Random random) {
        byte[] out = data;
        for (int m = 1 + random.nextInt(3); m > 0; m--) {
            int at = random.nextInt(Math.max(1, out.length));
            switch (random.nextInt(4)) {
                case 0 -> {
                    out = out.clone();
                    if (out.length > 0) {
                        out[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> out = Arrays.copyOf(out, at);
                case 2 -> {
                    byte[] junk = {'\n', ':', ' ', '"', '{', '}', (byte) 0xFF, '9', '=', '-'};
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = junk[random.nextInt(junk.length)];
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
                default -> {
                    int end = Math.min(out.length, at + 1 + random.nextInt(40));
                    byte[] shorter = new byte[out.length - (end - at)];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, end, shorter, at, out.length - end);
                    out = shorter;
                }
            }
        }
        return out;
    }
}
