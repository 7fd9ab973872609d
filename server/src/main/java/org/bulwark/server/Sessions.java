package org.bulwark.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Server-side sessions, held in memory: the cookie carries only a random id. A session expires
 * after {@link #IDLE} without a request; signing in replaces the session (a new id and CSRF token),
 * so an id planted before sign-in is worth nothing after it. A restart signs everyone out.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final String COOKIE = "bulwark_session";
    /** Past this many sessions, expired ones are dropped before a new one starts (public visitors make sessions too). */
    private static final int SWEEP_ABOVE = 10_000;

    /** Where a visitor stands: not signed in, past the password and owing the second factor, or signed in. */
    sealed interface State {
        record Anonymous() implements State {}

        record AwaitingSecondFactor(String username) implements State {}

        record SignedIn(User user) implements State {}
    }

    record Session(String id, String csrf, State state, Instant lastSeen) {
        Optional<User> user() {
            return state instanceof State.SignedIn s ? Optional.of(s.user()) : Optional.empty();
        }
    }

    private final ConcurrentHashMap<String, Session> live = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SecureRandom random;
    private final Consumer<User> onExpiry;

    /** @param onExpiry told of each signed-in session that expired (to log it) */
    Sessions(Clock clock, SecureRandom random, Consumer<User> onExpiry) {
        this.clock = clock;
        this.random = random;
        this.onExpiry = onExpiry;
    }

    /** The live session with this id, its idle time restarted; empty (and forgotten) when unknown or expired. */
    Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = live.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(s.lastSeen().plus(IDLE))) {
            if (live.remove(id, s)) {
                s.user().ifPresent(onExpiry);
            }
            return Optional.empty();
        }
        Session fresh = new Session(s.id(), s.csrf(), s.state(), now);
        live.put(id, fresh);
        return Optional.of(fresh);
    }

    Session start(State state) {
        if (live.size() > SWEEP_ABOVE) {
            sweep();
        }
        Session s = new Session(token(), token(), state, clock.instant());
        live.put(s.id(), s);
        return s;
    }

    /** Ends the old session and starts a new one in the new state (new id, new token). */
    Session replace(Session old, State state) {
        live.remove(old.id());
        return start(state);
    }

    private void sweep() {
        Instant now = clock.instant();
        live.values().removeIf(s -> !now.isBefore(s.lastSeen().plus(IDLE)) && s.user().isEmpty());
    }

    void end(Session s) {
        live.remove(s.id());
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
