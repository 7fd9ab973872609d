package org.bulwark.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.log.InclusionProofs;
import org.bulwark.ledger.log.NoteVerifierKey;
import org.bulwark.ledger.trust.TrustEntry;
import org.bulwark.model.BadInputException;
import org.bulwark.store.LoggedEntry;
import org.bulwark.store.StoredCheckpoint;

/**
 * The tamper-evident log: its size, the latest signed checkpoint, the latest entries, and checking a
 * receipt (an inclusion proof file from {@code bulwark ledger prove}) against the keys the workspace
 * trusts. The public page offers the same receipt check.
 */
final class LogPages {
    static final int RECENT = 50;
    static final int MAX_RECEIPT_CHARS = 200_000;

    private LogPages() {}

    static List<Route> routes(PortalContext p) {
        return List.of(
                Route.get("/log", Access.signedIn(), ctx -> Pages.send(ctx, "Tamper-evident log", page(p, ctx, "/log/receipt"))),
                Route.post("/log/receipt", Access.signedIn(), ctx -> receipt(p, ctx, "/log/receipt")));
    }

    static Html page(PortalContext p, Context ctx, String receiptAction) {
        Html h = new Html();
        long size = p.workspace.logSize();
        h.el("p", "The log holds " + String.format("%,d", size) + " entries. Each is covered by the Merkle tree (RFC 9162) "
                + "whose root a signed checkpoint fixes; an entry changed, removed or reordered no longer matches it.", "id", "log-size");
        h.add(checkpoint(p));
        h.el("h2", "Verify a receipt");
        h.el("p", "Paste a receipt: an inclusion proof file made by 'bulwark ledger prove --index N'. It is checked against the "
                + "checkpoint it carries, signed by a key in this workspace's trust registry.");
        h.add(receiptForm(p, ctx, receiptAction, ""));
        if (PortalContext.user(ctx).isPresent()) {
            h.el("h2", "Latest entries");
            h.open("table").open("tr").el("th", "#").el("th", "Time").el("th", "Event").el("th", "Who").el("th", "Where")
                    .el("th", "Outcome").close("tr");
            List<LoggedEntry> recent = new ArrayList<>();
            p.workspace.forEachLogEntry(Math.max(0, size - RECENT), recent::add);
            for (LoggedEntry e : recent.reversed()) {
                h.open("tr").el("td", e.index(), "class", "num").el("td", e.event().header().time())
                        .el("td", e.event().kind().description()).el("td", e.event().header().actor())
                        .el("td", e.event().header().jurisdiction().value())
                        .el("td", e.event().header().disposition().nist()).close("tr");
            }
            h.close("table");
        }
        return h;
    }

    static Html checkpoint(PortalContext p) {
        Html h = new Html().el("h2", "Latest signed checkpoint");
        Optional<StoredCheckpoint> cp = p.workspace.latestCheckpoint();
        if (cp.isEmpty()) {
            return h.el("p", "No checkpoint has been signed yet (bulwark ledger checkpoint --key KEYFILE signs one).");
        }
        return h.el("p", "Covers the first " + String.format("%,d", cp.get().treeSize()) + " entries; root hash "
                + cp.get().root().hex() + ".").el("pre", cp.get().note(), "id", "checkpoint");
    }

    static Html receiptForm(PortalContext p, Context ctx, String action, String text) {
        return new Html().form(action, p.ensureSession(ctx).csrf(), "class", "card")
                .open("label", "for", "receipt").text("Receipt (inclusion proof file)").close("label")
                .el("textarea", text, "id", "receipt", "name", "receipt", "rows", "8", "required", "required")
                .open("button", "type", "submit", "id", "verify-receipt").text("Verify").close("button").close("form");
    }

    static void receipt(PortalContext p, Context ctx, String action) {
        String text = Optional.ofNullable(ctx.formParam("receipt")).orElse("");
        Html h = new Html();
        if (text.length() > MAX_RECEIPT_CHARS) {
            h.el("p", "The receipt is " + text.length() + " characters long; a receipt has at most " + MAX_RECEIPT_CHARS
                    + ". Was the right file pasted?", "class", "problem", "id", "verdict");
        } else {
            h.add(verdict(p, text));
        }
        h.add(receiptForm(p, ctx, action, text.length() > MAX_RECEIPT_CHARS ? "" : text));
        Pages.send(ctx, "Receipt check", h);
    }

    /**
     * Checks the receipt against each key of the trust registry that may sign a log (state and
     * authority keys, not revoked) in turn: a checkpoint is the log's, signed by its one key, and the
     * ledger's check asks every key it is given to have signed.
     */
    private static Html verdict(PortalContext p, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String problem = "no key of this workspace's trust registry signed its checkpoint";
        try {
            for (TrustEntry e : p.workspace.trustRegistry().entries()) {
                if (e.revocation().isPresent() || e.key().role() == KeyRole.DEVICE) {
                    continue;
                }
                switch (InclusionProofs.verify(bytes, "the receipt", List.of(new NoteVerifierKey(e.key().id(), e.key().key())))) {
                    case InclusionProofs.Outcome.Included in -> {
                        return new Html().el("p", "Verified: entry " + in.leafIndex() + " is in the log of " + in.checkpoint().origin()
                                + " at tree size " + in.checkpoint().size() + ", checkpoint signed by " + String.join(", ", in.signers())
                                + ".", "class", "ok", "id", "verdict");
                    }
                    case InclusionProofs.Outcome.NotIncluded no -> {
                        if (!no.place().equals("checkpoint")) {
                            problem = no.message(); // signed by this key, but the proof does not hold
                        }
                    }
                }
            }
        } catch (BadInputException e) {
            problem = e.getMessage();
        }
        return new Html().el("p", "NOT verified: " + problem, "class", "problem", "id", "verdict");
    }
}
