package org.bulwark.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A web portal account as stored. The role is stored as its word (the server's roles name them);
 * the password only as its Argon2id hash.
 *
 * @param authority the local election authority (GpUnit id) the account is limited to; empty for the state's roles
 * @param totpSecret the RFC 6238 shared secret, base32
 * @param totpLastStep the last TOTP time step accepted (a code is never accepted twice)
 * @param failedAttempts failed sign-in steps since the last success
 * @param lockedUntil no sign-in is tried before this time (growing delays after failures)
 */
public record PortalAccount(
        String username,
        String displayName,
        String role,
        Optional<String> authority,
        String passwordHash,
        String totpSecret,
        long totpLastStep,
        int failedAttempts,
        Instant lockedUntil) {}
