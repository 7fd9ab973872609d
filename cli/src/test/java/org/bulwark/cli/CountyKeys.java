package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.Validity;

/** The keys of a small chain of trust for command tests: state, county-1 and its scanner-7, with a passphrase file. */
record CountyKeys(Path keys, Path passphrase) {
    static final String PASSPHRASE = "correct horse battery staple";

    /** Generates the three key pairs (few PBKDF2 iterations, to keep tests fast) under {@code dir}. */
    static CountyKeys generate(Path dir) throws IOException {
        Path keys = dir.resolve("keys");
        Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), PASSPHRASE + "\n");
        SecureRandom random = new SecureRandom();
        char[] secret = PASSPHRASE.toCharArray();
        Keys.generate(new Keys.Request(KeyRole.STATE, "state", Optional.empty(), Validity.ALWAYS), keys, secret, random, 1_000);
        Keys.generate(new Keys.Request(KeyRole.AUTHORITY, "county-1", Optional.of("county-1"), Validity.ALWAYS), keys, secret,
                random, 1_000);
        Keys.generate(new Keys.Request(KeyRole.DEVICE, "scanner-7", Optional.of("county-1"), Validity.ALWAYS), keys, secret,
                random, 1_000);
        return new CountyKeys(keys, passphrase);
    }

    String key(String name) {
        return keys.resolve(name).toString();
    }
}
