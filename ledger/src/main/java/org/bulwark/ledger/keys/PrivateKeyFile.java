package org.bulwark.ledger.keys;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bulwark.model.BadInputException;

/**
 * The encrypted private key file (docs/packages-and-keys.md): JSON with the format and version,
 * the owner (role, id, jurisdiction), the KDF (PBKDF2-HMAC-SHA256, iterations, 16-byte salt), the
 * cipher (AES-256-GCM, 12-byte nonce) and the ciphertext of the PKCS#8 private key. The owner
 * fields and the public key are the GCM associated data, so they cannot be edited without the file failing to open.
 */
final class PrivateKeyFile {
    static final String FORMAT = "bulwark-private-key";
    static final int VERSION = 1;
    static final String KDF = "PBKDF2-HMAC-SHA256";
    static final String CIPHER = "AES-256-GCM";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;
    /** Bounds on what a file may ask for: too few is no protection, too many would hang the reader. */
    static final int MIN_ITERATIONS = 1_000;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_BYTES = 16_384;
    private static final JsonFactory JSON = new JsonFactory();

    private PrivateKeyFile() {}

    record Owner(KeyRole role, String id, Optional<String> jurisdiction, PublicKey publicKey) {
        byte[] associatedData() {
            return (FORMAT + "/" + VERSION + "\n" + role.text() + "\n" + id + "\n" + jurisdiction.orElse("") + "\n"
                    + Base64.getEncoder().encodeToString(Ed25519.raw(publicKey))).getBytes(StandardCharsets.UTF_8);
        }
    }

    static byte[] write(Owner owner, PrivateKey key, char[] passphrase, int iterations, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, passphrase, salt, iterations, nonce, owner.associatedData(), key.getEncoded())
                .orElseThrow(() -> new IllegalStateException("encryption has no tag to fail"));
        Base64.Encoder b64 = Base64.getEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("role", owner.role().text());
            g.writeStringField("id", owner.id());
            if (owner.jurisdiction().isPresent()) {
                g.writeStringField("jurisdiction", owner.jurisdiction().get());
            }
            g.writeStringField("publicKey", b64.encodeToString(Ed25519.raw(owner.publicKey())));
            g.writeStringField("kdf", KDF);
            g.writeNumberField("iterations", iterations);
            g.writeStringField("salt", b64.encodeToString(salt));
            g.writeStringField("cipher", CIPHER);
            g.writeStringField("nonce", b64.encodeToString(nonce));
            g.writeStringField("ciphertext", b64.encodeToString(ciphertext));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    static LoadedPrivateKey read(byte[] bytes, String file, char[] passphrase) {
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(file, "byte " + MAX_BYTES, "a private key file is at most " + MAX_BYTES + " bytes; this one is " + bytes.length);
        }
        Map<String, String> fields = fields(bytes, file);
        expect(fields, "format", FORMAT, file);
        expect(fields, "version", Integer.toString(VERSION), file);
        expect(fields, "kdf", KDF, file);
        expect(fields, "cipher", CIPHER, file);
        KeyRole role = KeyRole.parse(required(fields, "role", file))
                .orElseThrow(() -> new BadInputException(file, "role", "'" + PublicKeyFile.abbreviate(fields.get("role")) + "' is not a role: use state, authority or device"));
        String id = required(fields, "id", file);
        if (!KeyIds.valid(id)) {
            throw new BadInputException(file, "id", "'" + PublicKeyFile.abbreviate(id) + "' is not a valid key id");
        }
        Optional<String> jurisdiction = Optional.ofNullable(fields.get("jurisdiction"));
        if (jurisdiction.isPresent() && !KeyIds.valid(jurisdiction.get())) {
            throw new BadInputException(file, "jurisdiction", "'" + PublicKeyFile.abbreviate(jurisdiction.get()) + "' is not a valid jurisdiction");
        }
        PublicKey publicKey = Ed25519.fromRaw(PublicKeyFile.strictBase64(required(fields, "publicKey", file), file, "publicKey"))
                .orElseThrow(() -> new BadInputException(file, "publicKey", "not an Ed25519 public key"));
        int iterations;
        try {
            iterations = Integer.parseInt(required(fields, "iterations", file));
        } catch (NumberFormatException e) {
            throw new BadInputException(file, "iterations", "not a whole number");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new BadInputException(file, "iterations", iterations + " is outside " + MIN_ITERATIONS + " to " + MAX_ITERATIONS);
        }
        byte[] salt = PublicKeyFile.strictBase64(required(fields, "salt", file), file, "salt");
        byte[] nonce = PublicKeyFile.strictBase64(required(fields, "nonce", file), file, "nonce");
        byte[] ciphertext = PublicKeyFile.strictBase64(required(fields, "ciphertext", file), file, "ciphertext");
        if (salt.length != SALT_BYTES || nonce.length != NONCE_BYTES) {
            throw new BadInputException(file, salt.length != SALT_BYTES ? "salt" : "nonce", "has the wrong length");
        }
        Owner owner = new Owner(role, id, jurisdiction, publicKey);
        byte[] pkcs8 = crypt(Cipher.DECRYPT_MODE, passphrase, salt, iterations, nonce, owner.associatedData(), ciphertext)
                .orElseThrow(() -> new BadInputException(file, "ciphertext", "the passphrase does not open " + file
                        + " (or the file was altered: its role, id and jurisdiction are sealed with the key)"));
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] probe = "bulwark key pair check".getBytes(StandardCharsets.US_ASCII);
            if (!Ed25519.verify(publicKey, probe, Ed25519.sign(key, probe))) {
                throw new BadInputException(file, "publicKey", "does not belong to the private key in this file");
            }
            return new LoadedPrivateKey(role, id, jurisdiction, key, publicKey);
        } catch (GeneralSecurityException e) {
            throw new BadInputException(file, "ciphertext", "the decrypted key is not an Ed25519 private key");
        }
    }

    /** Empty when GCM's tag fails: a wrong passphrase or an altered file, which cannot be told apart, by design. */
    private static Optional<byte[]> crypt(int mode, char[] passphrase, byte[] salt, int iterations, byte[] nonce, byte[] aad, byte[] input) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
            byte[] keyBytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(keyBytes, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            return Optional.of(c.doFinal(input));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides PBKDF2WithHmacSHA256 and AES/GCM", e);
        }
    }

    private static Map<String, String> fields(byte[] bytes, String file) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInputException(file, "line 1", "expected a JSON object: this is not a Bulwark private key file");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NUMBER_INT) {
                    throw new BadInputException(file, name, "expected a string or a whole number");
                }
                if (fields.put(name, p.getText()) != null) {
                    throw new BadInputException(file, name, "the field appears twice");
                }
            }
            if (p.nextToken() != null) {
                throw new BadInputException(file, "after the object", "unexpected content after the key");
            }
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    private static void expect(Map<String, String> fields, String name, String value, String file) {
        String v = required(fields, name, file);
        if (!v.equals(value)) {
            throw new BadInputException(file, name, "'" + PublicKeyFile.abbreviate(v) + "' is not supported: expected '" + value + "'");
        }
    }

    private static String required(Map<String, String> fields, String name, String file) {
        String v = fields.get(name);
        if (v == null) {
            throw new BadInputException(file, name, "the field '" + name + "' is missing");
        }
        return v;
    }
}
