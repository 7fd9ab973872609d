package org.bulwark.ledger.keys;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Optional;
import org.bulwark.model.BadInputException;

/**
 * Key files: generate a key pair into DIR/ID.key (encrypted) and DIR/ID.pub, load either back.
 * Formats in docs/packages-and-keys.md.
 */
public final class Keys {
    public static final String PRIVATE_SUFFIX = ".key";
    public static final String PUBLIC_SUFFIX = ".pub";

    private Keys() {}

    /** What to generate: the owner and the validity of the key. */
    public record Request(KeyRole role, String id, Optional<String> jurisdiction, Validity validity) {
        public Request {
            KeyIds.check("id", id);
            jurisdiction.ifPresent(j -> KeyIds.check("jurisdiction", j));
            if (role != KeyRole.STATE && jurisdiction.isEmpty()) {
                throw new IllegalArgumentException(role.aKey() + " needs a jurisdiction");
            }
        }
    }

    /** The two files written and the public half. */
    public record Generated(Path privateFile, Path publicFile, PublicKeyInfo info) {}

    public static Generated generate(Request request, Path dir, char[] passphrase, SecureRandom random) throws IOException {
        return generate(request, dir, passphrase, random, PrivateKeyFile.DEFAULT_ITERATIONS);
    }

    /**
     * Writes DIR/ID.key and DIR/ID.pub; refuses (BadInputException) when either exists, and writes
     * neither then.
     *
     * @param iterations PBKDF2 iterations; tests use fewer to stay fast
     */
    public static Generated generate(Request request, Path dir, char[] passphrase, SecureRandom random, int iterations) throws IOException {
        if (passphrase.length == 0) {
            throw new BadInputException("passphrase", "line 1", "the passphrase is empty: a private key must be protected by a passphrase");
        }
        Path privateFile = dir.resolve(request.id() + PRIVATE_SUFFIX);
        Path publicFile = dir.resolve(request.id() + PUBLIC_SUFFIX);
        for (Path p : new Path[] {privateFile, publicFile}) {
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException(p.toString(), "file", "already exists: Bulwark never overwrites a key file; choose another id or folder");
            }
        }
        KeyPair pair = Ed25519.generate(random);
        PublicKeyInfo info = new PublicKeyInfo(request.role(), request.id(), request.jurisdiction(), request.validity(), pair.getPublic());
        byte[] privateBytes = PrivateKeyFile.write(new PrivateKeyFile.Owner(request.role(), request.id(), request.jurisdiction(), pair.getPublic()),
                pair.getPrivate(), passphrase, iterations, random);
        Files.createDirectories(dir);
        try {
            // CREATE_NEW: a file that appeared since the check above is still never overwritten.
            Files.write(privateFile, privateBytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(privateFile.toString(), "file", "already exists: Bulwark never overwrites a key file");
        }
        try {
            Files.writeString(publicFile, PublicKeyFile.write(info), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException e) {
            Files.delete(privateFile);
            throw new BadInputException(publicFile.toString(), "file", "already exists: Bulwark never overwrites a key file");
        }
        return new Generated(privateFile, publicFile, info);
    }

    public static LoadedPrivateKey loadPrivate(Path file, char[] passphrase) throws IOException {
        return PrivateKeyFile.read(readAll(file), file.toString(), passphrase);
    }

    public static PublicKeyInfo loadPublic(Path file) throws IOException {
        return PublicKeyFile.read(readAll(file), file.toString());
    }

    /** The .pub text for a key, e.g. to publish it. */
    public static String publicKeyText(PublicKeyInfo info) {
        return PublicKeyFile.write(info);
    }

    /** Reads a .pub file's bytes (for stores that keep the text). */
    public static PublicKeyInfo parsePublic(byte[] bytes, String name) {
        return PublicKeyFile.read(bytes, name);
    }

    private static byte[] readAll(Path file) throws IOException {
        try {
            if (Files.size(file) > 65_536) {
                throw new BadInputException(file.toString(), "file", "too large to be a key file (" + Files.size(file) + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "file", "no such file");
        }
    }
}
