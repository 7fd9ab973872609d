package org.bulwark.server;

import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.bulwark.store.StoredResults;

/** What anyone may see without signing in: the public transparency page, its results pages, /healthz, the stylesheet. */
final class PublicPages {
    private static final byte[] CSS = resource("assets/portal.css");

    private PublicPages() {}

    static List<Route> routes(PortalContext p) {
        return List.of(
                Route.get("/healthz", Access.ANYONE, ctx -> ctx.contentType("text/plain").result("ok")),
                Route.get("/assets/portal.css", Access.ANYONE, ctx -> ctx.contentType("text/css").header("Cache-Control", "max-age=3600")
                        .result(CSS)),
                Route.get("/", Access.ANYONE, ctx -> ctx.redirect(PortalContext.user(ctx).map(PublicPages::home).orElse("/public"),
                        HttpStatus.SEE_OTHER)),
                Route.get("/public", Access.ANYONE, ctx -> Pages.send(ctx, "Public results and log", page(p, ctx))),
                Route.get("/public/results/{election}", Access.ANYONE, ctx -> ResultsPages.election(p, ctx, "/public/results/")),
                Route.get("/public/results/{election}/results.json", Access.ANYONE, ctx -> ResultsPages.savedFile(p, ctx)),
                Route.post("/public/receipt", Access.ANYONE, ctx -> LogPages.receipt(p, ctx, "/public/receipt")));
    }

    /** Where a signed-in person starts. */
    static String home(User u) {
        return switch (u.role().reach()) {
            case STATE -> "/state";
            case AUTHORITY -> "/a/" + u.authority().orElseThrow().value();
            case NONE -> "/public";
        };
    }

    private static Html page(PortalContext p, io.javalin.http.Context ctx) {
        Html h = new Html();
        h.el("p", "Everything on this page can be checked by anyone, with nothing but the published files and the "
                + "free Bulwark tools. No sign-in is needed.");
        h.el("h2", "Results");
        h.add(ResultsPages.list(p, "/public/results/"));
        for (PortalData.ElectionView e : p.data.snapshot().elections()) {
            for (StoredResults r : p.workspace.latestResults(e.stored().ref()).stream().toList()) {
                h.open("p").text(e.stored().title() + ": saved results file SHA-256 ")
                        .el("code", ResultsPages.sha256(r.errJson()), "class", "fingerprint-full").close("p");
            }
        }
        h.add(LogPages.checkpoint(p));
        h.el("h2", "How to verify");
        h.open("ol")
                .el("li", "Download the log's tiles and checkpoint as published (bulwark ledger publish) and run "
                        + "'bulwark ledger verify DIR --key LOG.pub': it recomputes the Merkle root from every entry and checks the signature.")
                .el("li", "Compare the checkpoint above with the one you verified: the same size must give the same root. "
                        + "A later checkpoint must extend an earlier one (consistency proof).")
                .el("li", "Download a results file and compare its SHA-256 with the one shown here and in the log "
                        + "(event BW-RESULTS-TABULATED).")
                .el("li", "Check a receipt (an inclusion proof) below, or offline with 'bulwark ledger verify-proof FILE --key LOG.pub'.")
                .close("ol");
        h.el("h2", "Verify a receipt");
        h.add(LogPages.receiptForm(p, ctx, "/public/receipt", ""));
        h.el("h2", "Audits");
        h.add(AuditPages.publicList(p));
        return h;
    }

    private static byte[] resource(String name) {
        try (InputStream in = PublicPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the jar's " + name + " cannot be read", e);
        }
    }
}
