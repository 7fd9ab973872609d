package org.bulwark.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/** Sign-in (password, then the second factor for administrators) and sign-out. */
final class SignInPages {
    private SignInPages() {}

    static List<Route> routes(PortalContext p) {
        SignIn signIn = new SignIn(p.workspace.portalAccounts(), p.clock);
        return List.of(
                Route.get("/signin", Access.ANYONE, ctx -> passwordForm(p, ctx, Optional.empty(), 200)),
                Route.post("/signin", Access.ANYONE, ctx -> handle(p, ctx,
                        signIn.password(ctx.formParam("username"), ctx.formParam("password")), false)),
                Route.get("/signin/code", Access.ANYONE, ctx -> codeForm(p, ctx, Optional.empty(), 200)),
                Route.post("/signin/code", Access.ANYONE, ctx -> {
                    Sessions.Session s = PortalContext.session(ctx).orElseThrow();
                    if (!(s.state() instanceof Sessions.State.AwaitingSecondFactor owed)) {
                        ctx.redirect("/signin", HttpStatus.SEE_OTHER);
                        return;
                    }
                    handle(p, ctx, signIn.secondFactor(owed.username(), ctx.formParam("code")), true);
                }),
                Route.post("/signout", Access.signedIn(), ctx -> {
                    Sessions.Session s = PortalContext.session(ctx).orElseThrow();
                    p.sessions.end(s);
                    p.workspace.portalAccounts().recordSignOut(PortalContext.requireUser(ctx).username(), "signed out");
                    p.clearCookie(ctx);
                    ctx.redirect("/public", HttpStatus.SEE_OTHER);
                }));
    }

    private static void handle(PortalContext p, Context ctx, SignIn.Outcome outcome, boolean atCode) {
        Sessions.Session current = PortalContext.session(ctx).orElseThrow();
        switch (outcome) {
            case SignIn.Outcome.Refused r -> {
                if (atCode) {
                    codeForm(p, ctx, Optional.of(r.message()), 401);
                } else {
                    passwordForm(p, ctx, Optional.of(r.message()), 401);
                }
            }
            case SignIn.Outcome.SecondFactorNeeded n -> {
                p.sendCookie(ctx, p.sessions.replace(current, new Sessions.State.AwaitingSecondFactor(n.username())));
                ctx.redirect("/signin/code", HttpStatus.SEE_OTHER);
            }
            case SignIn.Outcome.SignedIn in -> {
                p.sendCookie(ctx, p.sessions.replace(current, new Sessions.State.SignedIn(in.user())));
                ctx.redirect("/", HttpStatus.SEE_OTHER);
            }
        }
    }

    private static void passwordForm(PortalContext p, Context ctx, Optional<String> problem, int status) {
        Sessions.Session s = p.ensureSession(ctx);
        Html h = new Html();
        problem.ifPresent(m -> h.el("p", m, "class", "problem", "id", "problem"));
        h.form("/signin", s.csrf(), "class", "card")
                .open("label", "for", "username").text("Username").close("label")
                .open("input", "id", "username", "name", "username", "autocomplete", "username", "required", "required")
                .open("label", "for", "password").text("Password").close("label")
                .open("input", "id", "password", "name", "password", "type", "password", "autocomplete", "current-password",
                        "required", "required")
                .open("button", "type", "submit", "id", "sign-in").text("Sign in").close("button").close("form");
        h.el("p", "Administrators are then asked for the six-digit code from their authenticator app. "
                + "Sessions end after 30 minutes without activity.", "class", "note");
        ctx.status(status);
        Pages.send(ctx, "Sign in", h);
    }

    private static void codeForm(PortalContext p, Context ctx, Optional<String> problem, int status) {
        Optional<Sessions.Session> s = PortalContext.session(ctx);
        if (s.isEmpty() || !(s.get().state() instanceof Sessions.State.AwaitingSecondFactor)) {
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            return;
        }
        Html h = new Html();
        problem.ifPresent(m -> h.el("p", m, "class", "problem", "id", "problem"));
        h.form("/signin/code", s.get().csrf(), "class", "card")
                .open("label", "for", "code").text("Six-digit code from your authenticator app").close("label")
                .open("input", "id", "code", "name", "code", "inputmode", "numeric", "autocomplete", "one-time-code",
                        "pattern", "[0-9 ]{6,7}", "required", "required")
                .open("button", "type", "submit", "id", "verify-code").text("Verify").close("button").close("form");
        ctx.status(status);
        Pages.send(ctx, "Second factor", h);
    }
}
