package org.bulwark.server;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;

/** What every page handler works with: the workspace, time, randomness, sessions, the shared data, running uploads. */
final class PortalContext {
    private static final String SESSION = "bulwark.session";

    final Workspace workspace;
    final WorkspaceLocation location;
    final Clock clock;
    final SecureRandom random;
    final Sessions sessions;
    final PortalData data;
    final UploadJobs uploads;
    final boolean https;

    PortalContext(Workspace workspace, WorkspaceLocation location, Clock clock, SecureRandom random, boolean https) {
        this.workspace = workspace;
        this.location = location;
        this.clock = clock;
        this.random = random;
        this.https = https;
        this.sessions = new Sessions(clock, random,
                user -> workspace.portalAccounts().recordSignOut(user.username(), "idle for 30 minutes"));
        this.data = new PortalData(workspace, clock);
        this.uploads = new UploadJobs(this);
    }

    /** The request's live session, if it has one (set by the guard before any handler runs). */
    static Optional<Sessions.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    static Optional<User> user(Context ctx) {
        return session(ctx).flatMap(Sessions.Session::user);
    }

    /** The signed-in user of a route whose access demands one. */
    static User requireUser(Context ctx) {
        return user(ctx).orElseThrow(() -> new IllegalStateException("the guard lets no one unsigned reach " + ctx.path()));
    }

    static void setSession(Context ctx, Sessions.Session s) {
        ctx.attribute(SESSION, s);
    }

    /** Sends the session cookie: HttpOnly, SameSite=Strict, Secure under HTTPS. */
    void sendCookie(Context ctx, Sessions.Session s) {
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : ""));
        setSession(ctx, s);
    }

    /** The request's session, or a new anonymous one (so a public form has a CSRF token). */
    Sessions.Session ensureSession(Context ctx) {
        Optional<Sessions.Session> s = session(ctx);
        if (s.isPresent()) {
            return s.get();
        }
        Sessions.Session fresh = sessions.start(new Sessions.State.Anonymous());
        sendCookie(ctx, fresh);
        return fresh;
    }

    void clearCookie(Context ctx) {
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : ""));
    }
}
