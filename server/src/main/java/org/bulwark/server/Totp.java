package org.bulwark.server;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 (HOTP of RFC 4226 over 30-second steps since 1970), six
 * digits, HMAC-SHA1 as every authenticator app uses by default. A code is accepted in its own step
 * or one step either side (clock drift), and only for a step later than the last one accepted, so a
 * code seen over someone's shoulder cannot be used again.
 */
final class Totp {
    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    private static final int SECRET_BYTES = 20;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        final String mac;

        Algorithm(String mac) {
            this.mac = mac;
        }
    }

    private Totp() {}

    static String newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return base32(secret);
    }

    /** The otpauth URI an authenticator app reads (as a QR code or typed in). */
    static String uri(String issuer, String account, String secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer) + "&algorithm=SHA1&digits="
                + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for a time step, {@code digits} long (RFC 4226 dynamic truncation). */
    static String code(byte[] key, long step, Algorithm algorithm, int digits) {
        try {
            Mac mac = Mac.getInstance(algorithm.mac);
            mac.init(new SecretKeySpec(key, algorithm.mac));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0F;
            int binary = ((h[offset] & 0x7F) << 24) | ((h[offset + 1] & 0xFF) << 16) | ((h[offset + 2] & 0xFF) << 8)
                    | (h[offset + 3] & 0xFF);
            long modulus = (long) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + algorithm.mac, e);
        }
    }

    static String code(String base32Secret, Instant time) {
        return code(decodeBase32(base32Secret).orElseThrow(), step(time), Algorithm.SHA1, DIGITS);
    }

    /**
     * The step the code was made for, if it is valid at {@code now} (its step or one either side)
     * and later than {@code lastAccepted}.
     */
    static OptionalLong accept(String base32Secret, String code, Instant now, long lastAccepted) {
        Optional<byte[]> key = decodeBase32(base32Secret);
        String typed = code.replace(" ", "");
        if (key.isEmpty() || !typed.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            boolean same = MessageDigest.isEqual(code(key.get(), s, Algorithm.SHA1, DIGITS).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII));
            if (same && s > lastAccepted) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 0x1F));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 0x1F));
        }
        return out.toString();
    }

    static Optional<byte[]> decodeBase32(String text) {
        String s = text.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return Optional.of(out.toByteArray());
    }
}
