package org.bulwark.server;

import io.javalin.http.Context;
import java.util.Optional;
import org.bulwark.model.GpUnitId;

/** The frame every page shares: title, navigation for the visitor's role, the page's content. */
final class Pages {
    private Pages() {}

    static void send(Context ctx, String title, Html content) {
        send(ctx, title, content, false);
    }

    /** @param refresh ask the browser to reload the page every 2 seconds (progress of long work, without script) */
    static void send(Context ctx, String title, Html content, boolean refresh) {
        Html page = new Html();
        page.open("html", "lang", "en").open("head").open("meta", "charset", "utf-8")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        if (refresh) {
            page.open("meta", "http-equiv", "refresh", "content", "2");
        }
        page.el("title", title + " - Bulwark").open("link", "rel", "stylesheet", "href", "/assets/portal.css").close("head");
        page.open("body").add(nav(ctx)).open("main").el("h1", title).add(content).close("main");
        page.open("footer").text("Bulwark election integrity portal. Every action here is written to the tamper-evident log.")
                .close("footer").close("body").close("html");
        ctx.header("Cache-Control", "no-store");
        ctx.html("<!DOCTYPE html>" + page);
    }

    static void error(Context ctx, int status, String title, String explanation) {
        ctx.status(status);
        send(ctx, title, new Html().el("p", explanation, "class", "problem"));
    }

    static void notFound(Context ctx, String what) {
        error(ctx, 404, "Not found", what);
    }

    private static Html nav(Context ctx) {
        Html nav = new Html().open("nav").a("/", "Bulwark", "class", "brand");
        Optional<User> user = PortalContext.user(ctx);
        if (user.isEmpty()) {
            nav.a("/public", "Public results and log").a("/signin", "Sign in");
            return nav.close("nav");
        }
        User u = user.get();
        switch (u.role().reach()) {
            case STATE -> nav.a("/state", "Statewide").a("/audits", "Audits");
            case AUTHORITY -> {
                String a = u.authority().map(GpUnitId::value).orElse("");
                nav.a("/a/" + a, "My authority");
                if (Routes.UPLOADERS.contains(u.role())) {
                    nav.a("/a/" + a + "/upload", "Upload results");
                }
                nav.a("/a/" + a + "/audits", "Audits");
            }
            case NONE -> { }
        }
        nav.a("/results", "Results").a("/log", "Log");
        if (u.role().administrator()) {
            nav.a("/users", "Accounts");
        }
        nav.a("/public", "Public page");
        nav.open("span", "class", "who").text(u.displayName() + " (" + u.role().word()
                + u.authority().map(a -> ", " + a.value()).orElse("") + ")").close("span");
        nav.form("/signout", PortalContext.session(ctx).orElseThrow().csrf(), "class", "inline")
                .open("button", "type", "submit").text("Sign out").close("button").close("form");
        return nav.close("nav");
    }

    /** A fingerprint as shown on every screen: its first 7 hex digits, the whole in a tooltip. */
    static Html fingerprint(String sha256) {
        return new Html().el("code", sha256.substring(0, 7), "title", sha256, "class", "fingerprint");
    }
}
