package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.model.BadInputException;

/** A private key given on the command line, with the public key it proved to hold. */
record KeyHolder(LoadedPrivateKey key, PublicKeyInfo publicKey) {
    /**
     * Loads a private key and finds its public key among {@code candidates} by signing a fresh
     * challenge: the id in a key file is only a claim, the signature is the proof.
     */
    static KeyHolder prove(Path keyFile, Optional<Path> passphraseFile, Function<String, String> environment,
            List<PublicKeyInfo> candidates) throws IOException {
        char[] passphrase = Passphrases.read(passphraseFile, environment);
        LoadedPrivateKey key;
        try {
            key = Keys.loadPrivate(keyFile, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        byte[] signature = Ed25519.sign(key.key(), challenge);
        return candidates.stream()
                .filter(c -> c.role() == key.role() && c.id().equals(key.id()))
                .filter(c -> Ed25519.verify(c.key(), challenge, signature))
                .findFirst()
                .map(c -> new KeyHolder(key, c))
                .orElseThrow(() -> new BadInputException(keyFile.toString(), "key", "the " + key.role().text() + " key \""
                        + key.id() + "\" is not in the workspace's trust registry and has no matching .pub file beside it"));
    }

    /** The registry's keys plus the .pub file written beside the key file by 'bulwark keys generate', if any. */
    static List<PublicKeyInfo> withSibling(Path keyFile, List<PublicKeyInfo> registry) throws IOException {
        List<PublicKeyInfo> all = new ArrayList<>(registry);
        String name = keyFile.getFileName().toString();
        Path pub = keyFile.resolveSibling(name.endsWith(".key") ? name.substring(0, name.length() - 4) + ".pub" : name + ".pub");
        if (Files.isRegularFile(pub)) {
            all.add(Keys.loadPublic(pub));
        }
        return all;
    }
}
