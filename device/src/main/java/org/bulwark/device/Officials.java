package org.bulwark.device;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The people the election authority lets take official-only steps on its devices (officials.json in
 * the election package, so covered by the authority's signature): each with their role and a salted,
 * slow hash of their PIN (PBKDF2-HMAC-SHA256). The device checks the role, not a typed name: a poll
 * worker, an unknown name or a wrong PIN is refused (docs/device.md, "Who may take official-only steps").
 */
public record Officials(List<Official> officials) {
    static final String FILE = "officials.json";
    static final String FORMAT = "bulwark-officials";
    /** Fewer iterations would make PINs cheap to guess from a copy of the election package. */
    public static final int MIN_ITERATIONS = 100_000;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256, used when the authority adds an official. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MIN_PIN_LENGTH = 8;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    public Officials {
        officials = List.copyOf(officials);
        Set<String> names = new HashSet<>();
        for (Official o : officials) {
            if (!names.add(key(o.name()))) {
                throw new IllegalArgumentException("'" + o.name() + "' is listed twice");
            }
        }
    }

    /** What a person may do on the device. */
    public enum Role {
        ELECTION_OFFICIAL("election-official"),
        POLL_WORKER("poll-worker");

        private final String word;

        Role(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Optional<Role> parse(String word) {
            return Arrays.stream(values()).filter(r -> r.word.equals(word)).findFirst();
        }
    }

    /** A PIN's hash: PBKDF2-HMAC-SHA256 with its own salt. */
    public record PinHash(int iterations, byte[] salt, byte[] hash) {
        public PinHash {
            salt = salt.clone();
            hash = hash.clone();
        }

        boolean matches(char[] pin) {
            return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
        }
    }

    /** One person on the list. */
    public record Official(String name, Role role, PinHash pin) {
        public Official {
            if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("an official's name must be 1 to 100 printable characters");
            }
        }
    }

    /** A new entry: the PIN (at least {@link #MIN_PIN_LENGTH} characters) hashed with a fresh salt. */
    public static Official official(String name, Role role, char[] pin, int iterations, RandomGenerator random) {
        if (pin.length < MIN_PIN_LENGTH) {
            throw new IllegalArgumentException("a PIN must have at least " + MIN_PIN_LENGTH + " characters");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations are needed");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new Official(name.strip(), role, new PinHash(iterations, salt, derive(pin, salt, iterations)));
    }

    /** This list with {@code official} added (or replacing the entry of the same name). */
    public Officials with(Official official) {
        List<Official> list = new ArrayList<>(officials.stream().filter(o -> !key(o.name()).equals(key(official.name()))).toList());
        list.add(official);
        return new Officials(list);
    }

    /**
     * Why {@code credential} may not take a step reserved to election officials, or empty when it may:
     * the name must be listed, with the election-official role, and the PIN must match.
     */
    Optional<String> refusal(Credential credential) {
        Optional<Official> found = officials.stream().filter(o -> key(o.name()).equals(key(credential.name()))).findFirst();
        if (found.isEmpty()) {
            return Optional.of("'" + credential.name().strip() + "' is not on the election package's list of officials");
        }
        if (found.get().role() != Role.ELECTION_OFFICIAL) {
            return Optional.of(found.get().name() + " is listed as a " + found.get().role().word() + ", not an election official");
        }
        char[] pin = credential.pin();
        try {
            return found.get().pin().matches(pin) ? Optional.empty() : Optional.of("the PIN of " + found.get().name() + " is wrong");
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** Reads officials.json; BadInputException names the file, the place and the problem. */
    public static Officials read(byte[] bytes, String file) {
        SmallJson.Obj o = SmallJson.read(bytes, file).expect(FORMAT, 1);
        List<Official> list = new ArrayList<>();
        for (SmallJson.Obj x : o.objects("officials")) {
            Role role = Role.parse(x.text("role")).orElseThrow(() -> x.problem("role", "must be election-official or poll-worker"));
            SmallJson.Obj pin = x.object("pin");
            if (!pin.text("kdf").equals("PBKDF2-HMAC-SHA256")) {
                throw pin.problem("kdf", "must be PBKDF2-HMAC-SHA256");
            }
            long iterations = pin.number("iterations");
            if (iterations < MIN_ITERATIONS || iterations > 10_000_000) {
                throw pin.problem("iterations", "must be " + MIN_ITERATIONS + " to 10000000, not " + iterations);
            }
            byte[] salt = base64(pin, "salt", SALT_BYTES);
            byte[] hash = base64(pin, "hash", HASH_BYTES);
            Official official;
            try {
                official = new Official(x.text("name"), role, new PinHash((int) iterations, salt, hash));
            } catch (IllegalArgumentException e) {
                throw x.problem("name", e.getMessage());
            }
            list.add(official);
        }
        try {
            return new Officials(list);
        } catch (IllegalArgumentException e) {
            throw o.problem("officials", e.getMessage());
        }
    }

    private static byte[] base64(SmallJson.Obj o, String field, int length) {
        byte[] b;
        try {
            b = Base64.getDecoder().decode(o.text(field));
        } catch (IllegalArgumentException e) {
            throw o.problem(field, "is not base64");
        }
        if (b.length != length) {
            throw o.problem(field, "must be " + length + " bytes, not " + b.length);
        }
        return b;
    }

    /** The file's bytes, for the authority that builds the election package. */
    public byte[] bytes() {
        return SmallJson.write(g -> {
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("officials");
            for (Official o : officials) {
                g.writeStartObject();
                g.writeStringField("name", o.name());
                g.writeStringField("role", o.role().word());
                g.writeObjectFieldStart("pin");
                g.writeStringField("kdf", "PBKDF2-HMAC-SHA256");
                g.writeNumberField("iterations", o.pin().iterations());
                g.writeStringField("salt", Base64.getEncoder().encodeToString(o.pin().salt()));
                g.writeStringField("hash", Base64.getEncoder().encodeToString(o.pin().hash()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** The file name the device looks for in the election package. */
    public static String fileName() {
        return FILE;
    }

    /** Names compare without case and surrounding spaces, as people type them. */
    private static String key(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("every Java runtime provides PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
