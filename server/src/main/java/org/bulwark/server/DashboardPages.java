package org.bulwark.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;

/**
 * The statewide readiness page (authorities x checks, coloured, with counts per check) and an
 * authority's dashboard. The checks that need devices, seals and L&A records are listed as not yet
 * tracked until the custody and device modules feed them.
 */
final class DashboardPages {
    /** A readiness check: its column heading and whether this session's data can answer it yet. */
    enum Check {
        DEFINED("Election defined"),
        RESULTS("Results in"),
        DEVICES("Devices certified"),
        SEALS("Seals intact"),
        LOGIC_AND_ACCURACY("L&A done");

        final String heading;

        Check(String heading) {
            this.heading = heading;
        }
    }

    enum Status { DONE, OPEN, NOT_TRACKED }

    private DashboardPages() {}

    /** The statewide table as last rendered, with the snapshot it shows: the same for every reader until the data changes. */
    private record Rendered(PortalData.Snapshot snapshot, Html table) {}

    static List<Route> routes(PortalContext p) {
        java.util.concurrent.atomic.AtomicReference<Rendered> cache = new java.util.concurrent.atomic.AtomicReference<>();
        return List.of(
                Route.get("/state", Access.roles(Access.Scope.ANY, Role.STATE_ADMIN, Role.STATE_STAFF), ctx -> {
                    PortalData.Snapshot now = p.data.snapshot();
                    Rendered r = cache.get();
                    if (r == null || r.snapshot() != now) {
                        r = new Rendered(now, statewide(now));
                        cache.set(r);
                    }
                    Pages.send(ctx, "Statewide readiness", r.table());
                }),
                Route.get("/a/{authority}", Access.roles(Access.Scope.OWN_AUTHORITY, Role.STATE_ADMIN, Role.STATE_STAFF,
                        Role.AUTHORITY_ADMIN, Role.AUTHORITY_STAFF, Role.AUDIT_BOARD, Role.BIPARTISAN_TEAM),
                        ctx -> authority(p, ctx)));
    }

    static Status status(PortalData.Snapshot s, GpUnit authority, Check check) {
        return switch (check) {
            case DEFINED -> Status.DONE;
            case RESULTS -> s.elections().stream().anyMatch(e -> e.ballotsByAuthority().getOrDefault(authority.id(), 0L) > 0)
                    ? Status.DONE : Status.OPEN;
            case DEVICES, SEALS, LOGIC_AND_ACCURACY -> Status.NOT_TRACKED;
        };
    }

    private static Html statewide(PortalData.Snapshot s) {
        List<GpUnit> authorities = s.authorities();
        Html h = new Html();
        if (authorities.isEmpty()) {
            return h.el("p", "No election with local election authorities has been imported yet.");
        }
        h.open("table", "class", "readiness", "id", "readiness").open("tr").el("th", "Authority");
        for (Check c : Check.values()) {
            h.el("th", c.heading);
        }
        h.close("tr").open("tr", "class", "counts").el("th", authorities.size() + " authorities");
        for (Check c : Check.values()) {
            long done = authorities.stream().filter(a -> status(s, a, c) == Status.DONE).count();
            boolean tracked = authorities.stream().noneMatch(a -> status(s, a, c) == Status.NOT_TRACKED);
            h.el("th", tracked ? done + " of " + authorities.size() : "not tracked yet");
        }
        h.close("tr");
        for (GpUnit a : authorities) {
            h.open("tr").open("td").a("/a/" + a.id().value(), a.name()).close("td");
            for (Check c : Check.values()) {
                Status st = status(s, a, c);
                h.el("td", switch (st) {
                    case DONE -> "yes";
                    case OPEN -> "not yet";
                    case NOT_TRACKED -> "-";
                }, "class", st.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            }
            h.close("tr");
        }
        return h.close("table");
    }

    private static void authority(PortalContext p, Context ctx) {
        PortalData.Snapshot s = p.data.snapshot();
        Optional<GpUnit> found = s.authority(new GpUnitId(ctx.pathParam("authority")));
        if (found.isEmpty()) {
            Pages.notFound(ctx, "No imported election has an authority " + ctx.pathParam("authority") + ".");
            return;
        }
        GpUnit a = found.get();
        User u = PortalContext.requireUser(ctx);
        Html h = new Html();
        h.open("ul", "class", "checks");
        for (Check c : Check.values()) {
            Status st = status(s, a, c);
            h.el("li", c.heading + ": " + switch (st) {
                case DONE -> "yes";
                case OPEN -> "not yet";
                case NOT_TRACKED -> "not tracked yet";
            }, "class", st.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        h.close("ul");
        h.el("h2", "Ballots counted");
        h.open("table").open("tr").el("th", "Election").el("th", "Ballots from " + a.name()).close("tr");
        for (PortalData.ElectionView e : s.elections()) {
            h.open("tr").el("td", e.stored().title())
                    .el("td", String.format("%,d", e.ballotsByAuthority().getOrDefault(a.id(), 0L)), "class", "num").close("tr");
        }
        h.close("table");
        if (Routes.UPLOADERS.contains(u.role())) {
            h.open("p").a("/a/" + a.id().value() + "/upload", "Upload a results package", "class", "button").close("p");
        }
        h.el("h2", "Devices, seals, custody, incidents, L&A");
        h.el("p", "These records arrive with the custody and device modules; their pages will appear here.");
        Pages.send(ctx, a.name(), h);
    }
}
