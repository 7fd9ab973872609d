package org.bulwark.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.Incident;
import org.bulwark.custody.Outcome;
import org.bulwark.model.GpUnit;

/**
 * Custody incidents: per authority and statewide, open ones first; an incident's page; assigning and
 * resolving it with a note. The authority's administrators and staff act on their own authority's
 * incidents, the state's roles on all (an unresolved incident blocks certification, so the state
 * may have to see one through). Each action is recorded by the same {@code CustodyRecords} the
 * command line's {@code bulwark incident assign|resolve} uses, logged under the person's name.
 */
final class IncidentPages {
    /** Who may assign and resolve an authority's incidents. */
    static final Set<Role> HANDLERS = EnumSet.of(Role.STATE_ADMIN, Role.STATE_STAFF, Role.AUTHORITY_ADMIN, Role.AUTHORITY_STAFF);

    private IncidentPages() {}

    static List<Route> routes(PortalContext p) {
        Access viewers = new Access.Roles(EquipmentPages.VIEWERS, Access.Scope.OWN_AUTHORITY);
        Access handlers = new Access.Roles(HANDLERS, Access.Scope.OWN_AUTHORITY);
        return List.of(
                Route.get("/incidents", Access.roles(Access.Scope.ANY, Role.STATE_ADMIN, Role.STATE_STAFF), ctx -> statewide(p, ctx)),
                Route.get("/a/{authority}/incidents", viewers, ctx -> EquipmentPages.authority(p, ctx).ifPresent(a -> list(p, ctx, a))),
                Route.get("/a/{authority}/incidents/{id}", viewers, ctx -> withIncident(p, ctx, (a, i) -> page(ctx, a, i, new Html()))),
                Route.post("/a/{authority}/incidents/{id}/assign", handlers, ctx -> withIncident(p, ctx, (a, i) -> act(p, ctx, a, i, true))),
                Route.post("/a/{authority}/incidents/{id}/resolve", handlers, ctx -> withIncident(p, ctx, (a, i) -> act(p, ctx, a, i, false))));
    }

    /** The authority's incidents (custody records name it by GpUnit id or name), open ones first, then by number. */
    static List<Incident> of(PortalContext p, GpUnit authority) {
        List<Incident> all = new ArrayList<>();
        for (String name : PortalData.Snapshot.custodyNames(authority)) {
            all.addAll(p.workspace.custody().incidents(Optional.of(new AuthorityId(name)), false));
        }
        return openFirst(all);
    }

    private static List<Incident> openFirst(List<Incident> incidents) {
        return incidents.stream().sorted(Comparator.comparing((Incident i) -> !i.open()).thenComparingLong(Incident::id)).toList();
    }

    static String path(GpUnit authority, Incident i) {
        return "/a/" + authority.id().value() + "/incidents/" + i.id();
    }

    /** The incidents of one authority as a table, each linked to its page. */
    static void table(Html h, GpUnit authority, List<Incident> incidents, String none) {
        if (incidents.isEmpty()) {
            h.el("p", none);
            return;
        }
        h.open("table", "id", "incidents").open("tr").el("th", "Incident").el("th", "Status").el("th", "Kind").el("th", "Asset")
                .el("th", "Opened (UTC)").el("th", "Description").close("tr");
        for (Incident i : incidents) {
            h.open("tr").open("td").a(path(authority, i), "#" + i.id()).close("td").el("td", i.status(), "class", i.open() ? "open" : "done")
                    .el("td", i.kind().word()).el("td", i.asset().map(Object::toString).orElse("-")).el("td", i.opened().toString())
                    .el("td", i.description()).close("tr");
        }
        h.close("table");
    }

    private static void list(PortalContext p, Context ctx, GpUnit a) {
        List<Incident> incidents = of(p, a);
        long open = incidents.stream().filter(Incident::open).count();
        Html h = new Html().el("p", incidents.size() + " incidents, " + open + " not resolved. An unresolved incident blocks "
                + "certification of " + a.name() + "'s results.", "id", "count");
        table(h, a, incidents, "No incident has been recorded for " + a.name() + ".");
        Pages.send(ctx, "Incidents of " + a.name(), h);
    }

    private static void statewide(PortalContext p, Context ctx) {
        List<Incident> all = openFirst(p.workspace.custody().incidents(Optional.empty(), false));
        Html h = new Html().el("p", all.size() + " incidents, " + all.stream().filter(Incident::open).count() + " not resolved.", "id", "count");
        if (!all.isEmpty()) {
            h.open("table", "id", "incidents").open("tr").el("th", "Incident").el("th", "Authority").el("th", "Status").el("th", "Kind")
                    .el("th", "Asset").el("th", "Opened (UTC)").el("th", "Description").close("tr");
            for (Incident i : all) {
                Optional<GpUnit> home = p.data.snapshot().authorityNamed(i.authority().value());
                h.open("tr").open("td");
                if (home.isPresent()) {
                    h.a(path(home.get(), i), "#" + i.id());
                } else {
                    h.text("#" + i.id()); // an authority no imported election has: nothing to link to
                }
                h.close("td").el("td", i.authority().value()).el("td", i.status(), "class", i.open() ? "open" : "done").el("td", i.kind().word())
                        .el("td", i.asset().map(Object::toString).orElse("-")).el("td", i.opened().toString()).el("td", i.description()).close("tr");
            }
            h.close("table");
        }
        Pages.send(ctx, "Incidents statewide", h);
    }

    private static void withIncident(PortalContext p, Context ctx, EquipmentPages.ItemWork<Incident> work) throws Exception {
        EquipmentPages.withItem(p, ctx, "incident", a -> of(p, a), Incident::id, work);
    }

    private static void page(Context ctx, GpUnit a, Incident i, Html top) {
        User u = PortalContext.requireUser(ctx);
        Html h = new Html().add(top);
        h.open("table", "id", "incident").open("tr").el("th", "Status").el("td", i.status(), "class", i.open() ? "open" : "done").close("tr")
                .open("tr").el("th", "Kind").el("td", i.kind().word() + ": " + i.kind().meaning()).close("tr")
                .open("tr").el("th", "Authority").open("td").a("/a/" + a.id().value(), a.name()).close("td").close("tr")
                .open("tr").el("th", "Asset").open("td");
        i.asset().ifPresentOrElse(t -> h.a(EquipmentPages.devicePath(a, t), t.value()), () -> h.text("-"));
        h.close("td").close("tr").open("tr").el("th", "Opened (UTC)").el("td", i.opened().toString()).close("tr")
                .open("tr").el("th", "Description").el("td", i.description()).close("tr")
                .open("tr").el("th", "Assigned to").el("td", i.assignedTo().orElse("nobody yet"), "id", "assigned").close("tr");
        i.resolution().ifPresent(r -> h.open("tr").el("th", "Resolved").el("td", r.at() + " by " + r.by() + ": " + r.note(), "id", "resolution")
                .close("tr"));
        h.close("table");
        if (i.open() && HANDLERS.contains(u.role())) {
            String csrf = PortalContext.session(ctx).orElseThrow().csrf();
            h.el("h2", "Assign");
            h.form(path(a, i) + "/assign", csrf, "class", "card", "id", "assign-form")
                    .open("label", "for", "assignee").text("Who looks into it").close("label")
                    .open("input", "id", "assignee", "name", "assignee", "required", "required", "maxlength", "200", "value",
                            i.assignedTo().orElse(u.displayName()))
                    .open("button", "type", "submit", "id", "assign").text("Assign").close("button").close("form");
            h.el("h2", "Resolve");
            h.form(path(a, i) + "/resolve", csrf, "class", "card", "id", "resolve-form")
                    .open("label", "for", "note").text("What was found and done (recorded in the tamper-evident log)").close("label")
                    .open("textarea", "id", "note", "name", "note", "rows", "4", "required", "required", "maxlength", "1000").close("textarea")
                    .open("button", "type", "submit", "id", "resolve").text("Resolve").close("button").close("form");
        }
        Pages.send(ctx, "Incident #" + i.id(), h);
    }

    private static void act(PortalContext p, Context ctx, GpUnit a, Incident i, boolean assign) {
        User u = PortalContext.requireUser(ctx);
        CustodyAction action;
        try {
            String field = Optional.ofNullable(ctx.formParam(assign ? "assignee" : "note")).orElse("").strip();
            if (field.length() > 1_000) {
                throw new IllegalArgumentException("the note is " + field.length() + " characters long; at most 1000 are kept");
            }
            action = assign ? new CustodyAction.AssignIncident(i.id(), field)
                    : new CustodyAction.ResolveIncident(i.id(), u.displayName() + " (" + u.username() + ")", field);
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            page(ctx, a, i, new Html().el("p", "Nothing was recorded: " + e.getMessage() + ".", "class", "problem", "id", "problem"));
            return;
        }
        // The same records the command line writes, with the log entry under this person's name.
        switch (p.workspace.custody().recordedBy(u.actor()).record(action)) {
            case Outcome.Done d -> ctx.redirect(path(a, i), io.javalin.http.HttpStatus.SEE_OTHER);
            case Outcome.Refused r -> {
                ctx.status(409);
                Incident now = of(p, a).stream().filter(x -> x.id() == i.id()).findFirst().orElse(i);
                page(ctx, a, now, new Html().el("p", "Not recorded: " + r.reason() + ".", "class", "problem", "id", "problem"));
            }
        }
    }
}
