package org.bulwark.server;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bulwark.model.ElectionIndex;
import org.bulwark.store.PortalAccount;
import org.bulwark.store.PortalAccounts;
import org.bulwark.store.StoredElection;
import org.bulwark.store.Workspace;

/**
 * Creating portal accounts: by an administrator on the accounts page, and the first one by
 * {@code bulwark user add}. The password is hashed with Argon2id; a TOTP secret is made for every
 * account and shown once, as text and as an otpauth URI for an authenticator app.
 */
public final class PortalUsers {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final String ISSUER = "Bulwark";

    /**
     * @param authority the GpUnit id of the local election authority, for the roles bound to one
     */
    public record NewUser(String username, String displayName, Role role, Optional<String> authority, String password) {}

    public sealed interface Creation {
        /** Created; the secret is shown this once and never again. */
        record Created(PortalAccount account, String totpSecret, String otpauthUri) implements Creation {}

        /** Not created, and why, in words for the person who asked. */
        record Refused(String problem) implements Creation {}
    }

    private PortalUsers() {}

    /** Creates the account if every rule holds, logging it as done by {@code createdBy}. */
    public static Creation create(Workspace workspace, NewUser user, String createdBy, SecureRandom random) {
        Optional<String> problem = problem(workspace, user);
        if (problem.isPresent()) {
            return new Creation.Refused(problem.get());
        }
        String secret = Totp.newSecret(random);
        Optional<PortalAccount> created = workspace.portalAccounts().create(new PortalAccounts.NewAccount(user.username(),
                user.displayName().strip(), user.role().word(), user.authority(), Passwords.hash(user.password(), random), secret),
                createdBy);
        return created.<Creation>map(a -> new Creation.Created(a, secret, Totp.uri(ISSUER, a.username(), secret)))
                .orElseGet(() -> new Creation.Refused("the username \"" + user.username() + "\" is taken"));
    }

    private static Optional<String> problem(Workspace workspace, NewUser user) {
        if (!USERNAME.matcher(user.username()).matches()) {
            return Optional.of("the username \"" + user.username() + "\" is not allowed: use 2 to 64 lower-case letters, digits, "
                    + "dots, dashes or underscores, starting with a letter or digit");
        }
        String name = user.displayName().strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("the full name must be 1 to 100 characters without control characters");
        }
        if (user.role() == Role.PUBLIC) {
            return Optional.of("no account has the public role: the public pages need no account");
        }
        if (user.role().needsAuthority() != user.authority().isPresent()) {
            return Optional.of(user.role().needsAuthority()
                    ? user.role().aRole() + " belongs to one local election authority: name it"
                    : user.role().aRole() + " works for the whole state: name no authority");
        }
        if (user.authority().isPresent() && !isAuthority(workspace, user.authority().get())) {
            return Optional.of("\"" + user.authority().get() + "\" is not a local election authority of any election "
                    + "in the workspace (use the GpUnit id, e.g. from the statewide page)");
        }
        return Passwords.weakness(user.password());
    }

    private static boolean isAuthority(Workspace workspace, String id) {
        for (StoredElection e : workspace.listElections()) {
            ElectionIndex index = ElectionIndex.of(workspace.loadElection(e.ref()));
            if (index.election().gpUnits().stream().anyMatch(u -> u.authority() && u.id().value().equals(id))) {
                return true;
            }
        }
        return false;
    }
}
