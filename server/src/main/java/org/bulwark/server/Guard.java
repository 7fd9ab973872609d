package org.bulwark.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Optional;
import org.bulwark.model.GpUnitId;

/**
 * Runs before every route's handler: finds the session, checks the CSRF token of a POST, then the
 * route's {@link Access}: not signed in goes to the sign-in page (303), a role or authority the
 * route does not allow gets 403. Handlers therefore never check access themselves.
 */
final class Guard {
    private Guard() {}

    static Handler wrap(Route route, PortalContext portal) {
        return ctx -> {
            Optional<Sessions.Session> session = portal.sessions.touch(ctx.cookie(Sessions.COOKIE));
            session.ifPresent(s -> PortalContext.setSession(ctx, s));
            if (route.method() == HandlerType.POST
                    && (session.isEmpty() || !Csrf.matches(session.get().csrf(), ctx.formParam(Csrf.FIELD)))) {
                Pages.error(ctx, 403, "This form has expired or did not come from this portal",
                        "Nothing was changed. Go back, reload the page and try again.");
                return;
            }
            switch (route.access()) {
                case Access.Anyone a -> route.handler().handle(ctx);
                case Access.Roles r -> {
                    Optional<User> user = session.flatMap(Sessions.Session::user);
                    if (user.isEmpty()) {
                        ctx.redirect("/signin", io.javalin.http.HttpStatus.SEE_OTHER);
                        return;
                    }
                    if (!r.roles().contains(user.get().role())) {
                        Pages.error(ctx, 403, "Not for your role",
                                "Your role (" + user.get().role().word() + ") may not use this page.");
                        return;
                    }
                    if (r.scope() == Access.Scope.OWN_AUTHORITY && !user.get().reaches(new GpUnitId(ctx.pathParam("authority")))) {
                        Pages.error(ctx, 403, "Not your authority",
                                "Your account may see and change only " + user.get().authority().map(GpUnitId::value).orElse("-") + ".");
                        return;
                    }
                    route.handler().handle(ctx);
                }
            }
        };
    }
}
