package org.bulwark.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.bulwark.custody.ReadinessCheck;
import org.bulwark.custody.ReadinessMatrix;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;

/**
 * The statewide readiness page (authorities x checks, coloured, with counts per check) and an
 * authority's dashboard. Devices, seals and L&A come from the custody records' readiness matrix
 * (docs/custody.md, "Readiness"): a check is done for an authority when it has voting devices in
 * service and every one of them passes the check's readiness bits.
 */
final class DashboardPages {
    /** A readiness check: its column heading and, for the device checks, the custody readiness bits it needs. */
    enum Check {
        DEFINED("Election defined", List.of()),
        RESULTS("Results in", List.of()),
        DEVICES("Devices certified", List.of(ReadinessCheck.APPROVED_VERSION, ReadinessCheck.SOFTWARE_FINGERPRINT)),
        SEALS("Seals intact", List.of(ReadinessCheck.SEALED_AFTER_LAT, ReadinessCheck.SEALS_VERIFIED)),
        LOGIC_AND_ACCURACY("L&A done", List.of(ReadinessCheck.LAT_PASSED, ReadinessCheck.ELECTION_FINGERPRINT));

        final String heading;
        final List<ReadinessCheck> deviceChecks;

        Check(String heading, List<ReadinessCheck> deviceChecks) {
            this.heading = heading;
            this.deviceChecks = deviceChecks;
        }
    }

    enum Status { DONE, OPEN }

    /** What a cell shows: done or not, and in words (for the device checks, how many devices pass). */
    record Cell(Status status, String text) {}

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

    static Cell cell(PortalData.Snapshot s, GpUnit authority, Check check) {
        return switch (check) {
            case DEFINED -> yesOrNo(true);
            case RESULTS -> yesOrNo(s.elections().stream().anyMatch(e -> e.ballotsByAuthority().getOrDefault(authority.id(), 0L) > 0));
            case DEVICES, SEALS, LOGIC_AND_ACCURACY -> {
                long devices = s.devices(authority);
                long passing = devices - s.failing(authority, check.deviceChecks).size();
                // No device recorded is not ready: an authority must have its equipment in the inventory.
                yield devices == 0 ? new Cell(Status.OPEN, "no devices recorded")
                        : new Cell(passing == devices ? Status.DONE : Status.OPEN, passing + " of " + devices + " devices");
            }
        };
    }

    private static Cell yesOrNo(boolean done) {
        return done ? new Cell(Status.DONE, "yes") : new Cell(Status.OPEN, "not yet");
    }

    private static String cssClass(Status status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Html statewide(PortalData.Snapshot s) {
        List<GpUnit> authorities = s.authorities();
        Html h = new Html();
        if (authorities.isEmpty()) {
            return h.el("p", "No election with local election authorities has been imported yet.");
        }
        h.open("p", "id", "equipment").a("/devices", "All devices").text(" ").a("/incidents", "All incidents").close("p");
        h.open("table", "class", "readiness", "id", "readiness").open("tr").el("th", "Authority");
        for (Check c : Check.values()) {
            h.el("th", c.heading);
        }
        h.close("tr").open("tr", "class", "counts").el("th", authorities.size() + " authorities");
        for (Check c : Check.values()) {
            long done = authorities.stream().filter(a -> cell(s, a, c).status() == Status.DONE).count();
            h.el("th", done + " of " + authorities.size());
        }
        h.close("tr");
        for (GpUnit a : authorities) {
            h.open("tr").open("td").a("/a/" + a.id().value(), a.name()).close("td");
            for (Check c : Check.values()) {
                Cell cell = cell(s, a, c);
                if (cell.status() == Status.OPEN && !c.deviceChecks.isEmpty() && s.devices(a) > 0) {
                    // Links to the devices that fail this check, on the authority's devices page (which judges
                    // devices whatever the election: a test of another election shows on the dashboard's list).
                    h.open("td", "class", cssClass(cell.status())).a("/a/" + a.id().value() + "/devices?fails="
                            + EquipmentPages.failingQuery(c.deviceChecks.stream().filter(ReadinessCheck.MATRIX::contains).toList()),
                            cell.text()).close("td");
                } else {
                    h.el("td", cell.text(), "class", cssClass(cell.status()));
                }
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
            Cell cell = cell(s, a, c);
            h.el("li", c.heading + ": " + cell.text(), "class", cssClass(cell.status()));
        }
        h.close("ul");
        if (EquipmentPages.VIEWERS.contains(u.role())) {
            String base = "/a/" + a.id().value();
            h.open("p", "id", "equipment").a(base + "/devices", "Devices").text(" ").a(base + "/incidents", "Incidents").text(" ")
                    .a(base + "/lat", "L&A records").close("p");
        }
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
        h.el("h2", "Devices not ready");
        List<ReadinessMatrix.FailingDevice> failing = s.failing(a, ReadinessCheck.MATRIX);
        if (failing.isEmpty()) {
            h.el("p", "None." + (s.devices(a) == 0 ? " No voting device of " + a.name() + " is in the custody records yet." : ""));
        } else {
            h.open("table", "id", "not-ready").open("tr").el("th", "Asset tag").el("th", "Serial").el("th", "Fails").close("tr");
            for (ReadinessMatrix.FailingDevice d : failing) {
                h.open("tr").open("td");
                if (EquipmentPages.VIEWERS.contains(u.role())) {
                    h.a(EquipmentPages.devicePath(a, d.device()), d.device().value());
                } else {
                    h.text(d.device().value());
                }
                h.close("td").el("td", d.serial())
                        .el("td", String.join(", ", d.failed().stream().map(ReadinessCheck::heading).toList())).close("tr");
            }
            h.close("table");
        }
        Pages.send(ctx, a.name(), h);
    }
}
