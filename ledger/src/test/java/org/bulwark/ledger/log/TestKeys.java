package org.bulwark.ledger.log;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Deterministic Ed25519 signers for tests. */
final class TestKeys {
    private TestKeys() {}

    /** A signer whose key is derived from {@code seed}, so runs repeat. */
    static NoteSigner signer(String name, int seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, random);
            KeyPair pair = g.generateKeyPair();
            return new NoteSigner(name, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A private key from a signed-note private key string's base64 part (0x01 || 32-byte seed). */
    static PrivateKey fromNoteSeed(String base64) throws GeneralSecurityException {
        byte[] typed = Base64.getDecoder().decode(base64);
        byte[] seed = Arrays.copyOfRange(typed, 1, typed.length);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    }
}
