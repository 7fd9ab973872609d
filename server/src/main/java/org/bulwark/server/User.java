package org.bulwark.server;

import java.util.Optional;
import org.bulwark.model.GpUnitId;

/** A signed-in person: who, in which role, bound to which authority (empty for the state's roles). */
record User(String username, String displayName, Role role, Optional<GpUnitId> authority) {
    /** Whether this person may see and change what belongs to the authority. */
    boolean reaches(GpUnitId unit) {
        return switch (role.reach()) {
            case STATE -> true;
            case AUTHORITY -> authority.map(unit::equals).orElse(false);
            case NONE -> false;
        };
    }

    /** The name the log records this person's actions under. */
    String actor() {
        return username + " (web)";
    }
}
