package org.bulwark.server;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may use a route: anyone (the public pages, sign-in), or signed-in people of some roles, and
 * for routes under {@code /a/{authority}} only those who reach that authority (the state's roles
 * reach every authority; the others only their own).
 */
sealed interface Access {
    record Anyone() implements Access {}

    record Roles(Set<Role> roles, Scope scope) implements Access {
        public Roles {
            roles = Set.copyOf(roles);
            if (roles.contains(Role.PUBLIC)) {
                throw new IllegalArgumentException("the public role is Anyone(), not a signed-in role");
            }
        }
    }

    enum Scope {
        /** Not about one authority. */
        ANY,
        /** The path parameter {@code authority} must be one the user reaches. */
        OWN_AUTHORITY
    }

    Access ANYONE = new Anyone();

    static Access roles(Scope scope, Role first, Role... rest) {
        return new Roles(EnumSet.of(first, rest), scope);
    }

    /** Every signed-in role. */
    static Access signedIn() {
        return new Roles(EnumSet.complementOf(EnumSet.of(Role.PUBLIC)), Scope.ANY);
    }
}
