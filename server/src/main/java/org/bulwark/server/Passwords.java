package org.bulwark.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes as PHC strings. Parameters: the first of OWASP's Password Storage Cheat
 * Sheet recommendations for Argon2id, m=19456 KiB (19 MiB), t=2, p=1, with a 16-byte random salt and
 * a 32-byte hash. A stored hash carries its own parameters, so they can be raised later and old
 * hashes still verify.
 */
final class Passwords {
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Longer passwords are refused before hashing: no one types more, and it bounds the work per attempt. */
    static final int MAX_LENGTH = 256;
    static final int MIN_LENGTH = 12;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private Passwords() {}

    /** Why a new password is refused, if it is. */
    static Optional<String> weakness(String password) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("a password may have at most " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    static String hash(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** Whether the password matches the stored PHC string; false for a string this code did not write. */
    static boolean matches(String password, String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches() || password.length() > MAX_LENGTH) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        if (memory < 8 * parallelism || memory > 1 << 20 || iterations < 1 || parallelism < 1) {
            return false;
        }
        byte[] expected;
        byte[] salt;
        try {
            expected = B64D.decode(m.group(5));
            salt = B64D.decode(m.group(4));
        } catch (IllegalArgumentException e) {
            return false; // a damaged stored hash matches no password
        }
        if (expected.length < 16 || salt.length < 8) {
            return false;
        }
        byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism) {
        return derive(password, salt, memory, iterations, parallelism, HASH_BYTES);
    }

    private static byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
