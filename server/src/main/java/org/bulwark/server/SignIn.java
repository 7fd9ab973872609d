package org.bulwark.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;
import org.bulwark.model.GpUnitId;
import org.bulwark.store.PortalAccount;
import org.bulwark.store.PortalAccounts;

/**
 * The sign-in rules: a password checked against its Argon2id hash, then for administrators a TOTP
 * code. After {@link #FREE_FAILURES} failed steps in a row an account waits before the next try,
 * the wait doubling with each further failure from 30 seconds up to an hour; a success clears it.
 * Every step is stored and logged, accepted or refused. An unknown username gets the same answer
 * and the same hashing work as a wrong password, so the page does not tell which accounts exist.
 */
final class SignIn {
    static final int FREE_FAILURES = 3;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration LONGEST_DELAY = Duration.ofHours(1);
    static final String WRONG = "The username or password is wrong.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** Hashed once, so an unknown username costs the same Argon2id work as a known one. */
    private static final String DUMMY = Passwords.hash("no account has this password", new SecureRandom());

    sealed interface Outcome {
        record SignedIn(User user) implements Outcome {}

        record SecondFactorNeeded(String username) implements Outcome {}

        record Refused(String message) implements Outcome {}
    }

    private final PortalAccounts accounts;
    private final Clock clock;

    SignIn(PortalAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The wait after {@code failures} failed steps in a row. */
    static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : d;
    }

    Outcome password(String username, String password) {
        Optional<PortalAccount> found = username == null || username.isBlank() ? Optional.empty() : accounts.find(username.strip());
        if (found.isEmpty()) {
            Passwords.matches(password == null ? "" : password, DUMMY);
            return new Outcome.Refused(WRONG);
        }
        PortalAccount account = found.get();
        Optional<Outcome> locked = locked(account, "password");
        if (locked.isPresent()) {
            return locked.get();
        }
        if (password == null || !Passwords.matches(password, account.passwordHash())) {
            return failed(account, "password", "wrong password", WRONG);
        }
        Optional<Role> role = Role.ofAccount(account.role());
        if (role.isEmpty()) {
            return failed(account, "password", "the account's role \"" + account.role() + "\" is unknown",
                    "This account's role is not one the portal knows; ask the state administrator.");
        }
        if (role.get().administrator()) {
            accounts.recordSignIn(new PortalAccounts.SignInStep(account.username(), "password", true,
                    "password accepted; second factor owed", account.failedAttempts(), account.lockedUntil(), Optional.empty()));
            return new Outcome.SecondFactorNeeded(account.username());
        }
        accounts.recordSignIn(new PortalAccounts.SignInStep(account.username(), "password", true, "signed in", 0,
                Instant.EPOCH, Optional.empty()));
        return new Outcome.SignedIn(user(account, role.get()));
    }

    Outcome secondFactor(String username, String code) {
        PortalAccount account = accounts.find(username).orElseThrow(
                () -> new IllegalStateException("an account past its password step was removed: " + username));
        Optional<Outcome> locked = locked(account, "totp");
        if (locked.isPresent()) {
            return locked.get();
        }
        OptionalLong step = Totp.accept(account.totpSecret(), code == null ? "" : code, clock.instant(), account.totpLastStep());
        if (step.isEmpty()) {
            return failed(account, "totp", "wrong or reused code",
                    "That code is wrong, too old, or was used already. Wait for the next code and try again.");
        }
        accounts.recordSignIn(new PortalAccounts.SignInStep(account.username(), "totp", true, "signed in", 0,
                Instant.EPOCH, Optional.of(step.getAsLong())));
        return new Outcome.SignedIn(user(account, Role.ofAccount(account.role()).orElseThrow()));
    }

    private Optional<Outcome> locked(PortalAccount account, String factor) {
        Instant now = clock.instant();
        if (now.isBefore(account.lockedUntil())) {
            accounts.recordSignIn(new PortalAccounts.SignInStep(account.username(), factor, false,
                    "refused: locked until " + account.lockedUntil(), account.failedAttempts(), account.lockedUntil(),
                    Optional.empty()));
            return Optional.of(new Outcome.Refused("Too many failed attempts: this account can be tried again at "
                    + TIME.format(account.lockedUntil()) + "."));
        }
        return Optional.empty();
    }

    private Outcome failed(PortalAccount account, String factor, String logged, String shown) {
        int failures = account.failedAttempts() + 1;
        Instant until = clock.instant().plus(delayAfter(failures));
        accounts.recordSignIn(new PortalAccounts.SignInStep(account.username(), factor, false, logged, failures,
                until, Optional.empty()));
        return new Outcome.Refused(shown);
    }

    private static User user(PortalAccount a, Role role) {
        return new User(a.username(), a.displayName(), role, a.authority().map(GpUnitId::new));
    }
}
