package org.bulwark.ledger.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * A decrypted private key, its public half and whose it is. Sign with {@link Ed25519#sign} or
 * java.security directly.
 */
public record LoadedPrivateKey(KeyRole role, String id, Optional<String> jurisdiction, PrivateKey key, PublicKey publicKey) {}
