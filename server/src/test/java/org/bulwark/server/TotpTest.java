package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    // RFC 6238 appendix B: the seeds are the ASCII digits 1234567890 repeated to the hash's key length.
    static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "RFC 6238 at {0}")
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"})
    void theRfcTestVectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_KEY, step, Totp.Algorithm.SHA1, 8)).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_KEY, step, Totp.Algorithm.SHA256, 8)).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_KEY, step, Totp.Algorithm.SHA512, 8)).isEqualTo(sha512);
    }

    @Test
    void base32IsRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.decodeBase32("MZXW6YTBOI")).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("foobar"));
        assertThat(Totp.decodeBase32("not base32!")).isEmpty();
    }

    @Property
    void base32RoundTrips(@ForAll byte[] bytes) {
        if (bytes.length > 0) {
            assertThat(Totp.decodeBase32(Totp.base32(bytes))).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        }
    }

    @Test
    void aCodeIsAcceptedInItsStepOrOneEitherSideAndNeverTwice() {
        String secret = Totp.newSecret(new SecureRandom());
        Instant now = Instant.parse("2028-11-08T02:00:10Z");
        String code = Totp.code(secret, now);
        long step = Totp.step(now);

        assertThat(Totp.accept(secret, code, now, 0)).hasValue(step);
        assertThat(Totp.accept(secret, code.substring(0, 3) + " " + code.substring(3), now.plusSeconds(30), 0)).hasValue(step);
        assertThat(Totp.accept(secret, code, now.minusSeconds(30), 0)).hasValue(step);
        assertThat(Totp.accept(secret, code, now.plusSeconds(61), 0)).isEmpty();
        assertThat(Totp.accept(secret, code, now, step)).as("already used").isEmpty();
        assertThat(Totp.accept(secret, "12345", now, 0)).isEmpty();
        assertThat(Totp.accept(secret, "abcdef", now, 0)).isEmpty();
    }

    @Test
    void theUriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.uri("Bulwark", "pat clerk", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/Bulwark:pat%20clerk?secret=JBSWY3DPEHPK3PXP&issuer=Bulwark&algorithm=SHA1&digits=6&period=30");
    }
}
