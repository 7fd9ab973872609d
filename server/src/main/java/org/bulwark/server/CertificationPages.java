package org.bulwark.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.bulwark.auditing.ResultsCertification;
import org.bulwark.custody.Incident;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.store.AuditRecords;
import org.bulwark.store.Certifications;
import org.bulwark.store.Workspace;

/**
 * Certification of an authority's results, per election: certified (by whom, when, which log
 * entry), or what blocks it, each blocker listed (open custody incidents, unresolved audit
 * discrepancies, audits not finished), and the certify action for the authority's administrator
 * and the state administrator. The action is {@link ResultsCertification#certify}, the code of
 * {@code bulwark results certify}, in a workspace opened under the administrator's name.
 */
final class CertificationPages {
    private CertificationPages() {}

    static List<Route> routes(PortalContext p) {
        return List.of(
                Route.get("/a/{authority}/certification", new Access.Roles(AuditPages.VIEWERS, Access.Scope.OWN_AUTHORITY),
                        ctx -> page(p, ctx, new Html())),
                Route.post("/a/{authority}/certification", Access.roles(Access.Scope.OWN_AUTHORITY, Role.STATE_ADMIN, Role.AUTHORITY_ADMIN),
                        ctx -> certify(p, ctx)));
    }

    private static boolean mayCertify(User u) {
        return u.role() == Role.STATE_ADMIN || u.role() == Role.AUTHORITY_ADMIN;
    }

    private static void page(PortalContext p, Context ctx, Html top) {
        Optional<GpUnit> found = p.data.snapshot().authority(new GpUnitId(ctx.pathParam("authority")));
        if (found.isEmpty()) {
            Pages.notFound(ctx, "No imported election has an authority " + ctx.pathParam("authority") + ".");
            return;
        }
        GpUnit a = found.get();
        User user = PortalContext.requireUser(ctx);
        Html h = new Html().add(top);
        for (PortalData.ElectionView e : p.data.snapshot().elections()) {
            if (e.authorities().stream().noneMatch(u -> u.id().equals(a.id()))) {
                continue;
            }
            h.open("section", "class", "election").el("h2", e.stored().title());
            Optional<Certifications.Certification> done = p.workspace.certifications().list(e.stored().ref()).stream()
                    .filter(c -> c.authority().equals(a.id())).findFirst();
            if (done.isPresent()) {
                Certifications.Certification c = done.get();
                h.el("p", "Certified by " + c.certifiedBy() + " at " + c.certifiedAt() + " (log entry #" + c.logIndex() + ").",
                        "class", "ok", "id", "certified");
                h.close("section");
                continue;
            }
            ResultsCertification.Blockers b = ResultsCertification.blockers(p.workspace, e.stored().ref(), a);
            boolean audited = p.workspace.audits().list().stream()
                    .anyMatch(s -> s.election().equals(e.stored().ref()) && AuditPages.names(a, s.authority()));
            if (b.none()) {
                h.el("p", "Nothing blocks certification of " + a.name() + "'s results.", "class", "ok", "id", "status");
            } else {
                h.el("p", "Certification is blocked by " + b.count() + (b.count() == 1 ? " item:" : " items:"), "class", "problem", "id", "status");
                h.open("ul", "id", "blockers");
                for (Incident i : b.openIncidents()) {
                    h.el("li", "Custody incident #" + i.id() + " (" + i.kind().word() + "): " + i.description() + " - open");
                }
                for (AuditRecords.OpenDiscrepancy d : b.openDiscrepancies()) {
                    h.open("li").text("Audit ").a(AuditPages.path(a, d.audit()), d.audit()).text(": discrepancy not resolved: " + d.description())
                            .close("li");
                }
                for (ResultsCertification.UnfinishedAudit u : b.unfinishedAudits()) {
                    h.open("li").text("Audit ").a(AuditPages.path(a, u.audit()), u.audit()).text(" is not finished: " + u.reason()).close("li");
                }
                h.close("ul");
            }
            if (!audited) {
                h.el("p", "No audit of these results has been set up (Missouri requires the manual audit before certification; "
                        + "bulwark audit create).", "class", "note", "id", "no-audit");
            }
            if (mayCertify(user) && b.none()) {
                h.form("/a/" + a.id().value() + "/certification", PortalContext.session(ctx).orElseThrow().csrf(), "class", "card")
                        .open("input", "type", "hidden", "name", "election", "value", String.valueOf(e.stored().ref().id()))
                        .el("p", "Certifying records, under your name, that these results of " + a.name() + " are final. It is logged and "
                                + "cannot be undone here.")
                        .open("button", "type", "submit", "id", "certify").text("Certify " + a.name() + "'s results").close("button")
                        .close("form");
            }
            h.close("section");
        }
        Pages.send(ctx, "Certification: " + a.name(), h);
    }

    private static void certify(PortalContext p, Context ctx) {
        GpUnitId authority = new GpUnitId(ctx.pathParam("authority"));
        Optional<PortalData.ElectionView> election = ResultsPages.parseRef(Optional.ofNullable(ctx.formParam("election")).orElse(""))
                .flatMap(p.data.snapshot()::election);
        if (election.isEmpty()) {
            ctx.status(400);
            page(p, ctx, new Html().el("p", "Not certified: choose the election whose results you certify.", "class", "problem", "id", "problem"));
            return;
        }
        User user = PortalContext.requireUser(ctx);
        ResultsCertification.Outcome outcome;
        // Opened under the administrator's name, so the log's entry names the person who certified.
        try (Workspace as = Workspace.open(p.location, p.clock, user.actor())) {
            outcome = ResultsCertification.certify(as, election.get().stored().ref(), authority, user.displayName());
        }
        String problem = switch (outcome) {
            case ResultsCertification.Outcome.AuditsUnfinished u -> "an audit of these results is not finished";
            case ResultsCertification.Outcome.Recorded r -> switch (r.outcome()) {
                case Certifications.Outcome.Certified c -> "";
                case Certifications.Outcome.AlreadyCertified a -> "these results were certified already, by " + a.earlier().certifiedBy();
                case Certifications.Outcome.Blocked b -> "open incidents or discrepancies block it";
                case Certifications.Outcome.NotAnAuthority n -> authority.value() + " is not an election authority of this election";
            };
        };
        if (problem.isEmpty()) {
            page(p, ctx, new Html().el("p", "Certified. The certification is in the tamper-evident log.", "class", "ok", "id", "outcome"));
        } else {
            ctx.status(409);
            page(p, ctx, new Html().el("p", "Not certified: " + problem + ". Nothing was recorded.", "class", "problem", "id", "outcome"));
        }
    }
}
