package org.bulwark.cli;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.server.PortalUsers;
import org.bulwark.server.Role;
import org.bulwark.store.Workspace;

/**
 * The demo's portal accounts, made as {@code bulwark user add} makes them: a state administrator,
 * the first authority's administrator and an audit board member of that authority. Their passwords
 * are drawn at random for each demo and, with the two-factor secrets, shown to whoever runs it.
 */
final class DemoAccounts {
    private DemoAccounts() {}

    /** Creates the accounts; returns the sign-in details as lines to print (and keep for the next run). */
    static List<String> create(Workspace ws, String authority, String authorityName) {
        SecureRandom random = new SecureRandom();
        List<String> lines = new ArrayList<>();
        add(ws, lines, random, new PortalUsers.NewUser("sos-admin", "Demo State Administrator", Role.STATE_ADMIN, Optional.empty(),
                password(random)), "state administrator");
        add(ws, lines, random, new PortalUsers.NewUser(authority + "-admin", "Demo Clerk of " + authorityName, Role.AUTHORITY_ADMIN,
                Optional.of(authority), password(random)), "authority administrator of " + authorityName + " (" + authority + ")");
        add(ws, lines, random, new PortalUsers.NewUser(authority + "-audit", "Demo Audit Board Member", Role.AUDIT_BOARD, Optional.of(authority),
                password(random)), "audit board member of " + authorityName + " (" + authority + ")");
        return lines;
    }

    private static void add(Workspace ws, List<String> lines, SecureRandom random, PortalUsers.NewUser user, String who) {
        switch (PortalUsers.create(ws, user, "bulwark demo", random)) {
            case PortalUsers.Creation.Refused r -> throw new IllegalStateException("the demo's account " + user.username() + " was refused: "
                    + r.problem());
            case PortalUsers.Creation.Created c -> {
                lines.add("  " + who + ":");
                lines.add("    user name " + user.username() + ", password " + user.password());
                if (user.role().administrator()) {
                    lines.add("    two-factor secret " + c.totpSecret() + " (add it to an authenticator app, or open this URI on a phone:)");
                    lines.add("    " + c.otpauthUri());
                } else {
                    lines.add("    (signs in with the password alone; administrators also give a six-digit code)");
                }
            }
        }
    }

    /** Four groups of four lower-case letters: about 75 bits, and easy to type from the screen. */
    private static String password(SecureRandom random) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 19; i++) {
            p.append(i % 5 == 4 ? '-' : (char) ('a' + random.nextInt(26)));
        }
        return p.toString();
    }
}
