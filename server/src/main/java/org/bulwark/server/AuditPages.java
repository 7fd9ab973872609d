package org.bulwark.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.audit.AuditText;
import org.bulwark.audit.BallotManifest;
import org.bulwark.audit.BoardEntry;
import org.bulwark.audit.PaperReading;
import org.bulwark.audit.RiskLimitingAudit;
import org.bulwark.audit.Sampler;
import org.bulwark.auditing.AuditReports;
import org.bulwark.auditing.BallotEntries;
import org.bulwark.auditing.ResultsCertification;
import org.bulwark.auditing.RetrievalDocument;
import org.bulwark.auditing.WorkspaceAudit;
import org.bulwark.model.BadInputException;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.ResultLabels;
import org.bulwark.store.AuditRecords;
import org.bulwark.store.Workspace;

/**
 * Audits: the list (statewide and per authority), an audit's progress (rounds, sample sizes,
 * ballots drawn and entered, discrepancies, risk per contest against its limit, the risk plot), its
 * retrieval lists and report as downloads, and the audit board's entry form. An entry goes through
 * {@link BallotEntries#enter}, the code of {@code bulwark audit enter}, in a workspace opened under
 * the board member's name, so the log records who entered it. The public audit page shows the seed,
 * the samples and the risk, and no one's name (docs/web-portal.md, "Audits").
 */
final class AuditPages {
    /** Who sees an authority's audits: the state's roles and every role of the authority. */
    static final Set<Role> VIEWERS = EnumSet.complementOf(EnumSet.of(Role.PUBLIC));

    private AuditPages() {}

    static List<Route> routes(PortalContext p) {
        Access viewers = new Access.Roles(VIEWERS, Access.Scope.OWN_AUTHORITY);
        // Only the audit board reads paper and enters it: officials who run the count do not record its check.
        Access board = Access.roles(Access.Scope.OWN_AUTHORITY, Role.AUDIT_BOARD);
        String one = "/a/{authority}/audits/{audit}";
        return List.of(
                Route.get("/audits", Access.roles(Access.Scope.ANY, Role.STATE_ADMIN, Role.STATE_STAFF),
                        ctx -> Pages.send(ctx, "Audits", list(p, Optional.empty()))),
                Route.get("/a/{authority}/audits", viewers, ctx -> authorityList(p, ctx)),
                Route.get(one, viewers, ctx -> withAudit(p, ctx, a -> page(p, ctx, a))),
                Route.get(one + "/rounds/{round}/retrieval-list.csv", viewers, ctx -> withAudit(p, ctx, a -> retrievalList(ctx, a, false))),
                Route.get(one + "/rounds/{round}/retrieval-list.pdf", viewers, ctx -> withAudit(p, ctx, a -> retrievalList(ctx, a, true))),
                Route.get(one + "/audit-report.pdf", viewers, ctx -> withAudit(p, ctx, a -> report(ctx, a))),
                Route.get(one + "/enter", board, ctx -> withAudit(p, ctx, a -> entryForm(ctx, a, Optional.empty()))),
                Route.post(one + "/enter", board, ctx -> withAudit(p, ctx, a -> enter(p, ctx, a))),
                Route.get("/public/audits/{audit}", Access.ANYONE, ctx -> publicAudit(p, ctx)));
    }

    @FunctionalInterface
    private interface AuditHandler {
        void handle(WorkspaceAudit audit) throws IOException;
    }

    /** Runs the handler on the audit the path names, if it is an audit of the path's authority; 404 otherwise. */
    private static void withAudit(PortalContext p, Context ctx, AuditHandler handler) throws IOException {
        Optional<GpUnit> authority = p.data.snapshot().authority(new GpUnitId(ctx.pathParam("authority")));
        Optional<AuditRecords.StoredAudit> stored = p.workspace.audits().find(ctx.pathParam("audit"))
                .filter(s -> authority.isPresent() && names(authority.get(), s.authority()));
        if (stored.isEmpty()) {
            Pages.notFound(ctx, "There is no audit " + ctx.pathParam("audit") + " of " + ctx.pathParam("authority") + ".");
            return;
        }
        handler.handle(WorkspaceAudit.of(p.workspace, stored.get()));
    }

    /** Audit records name an authority by its GpUnit id or its name, as custody records do. */
    static boolean names(GpUnit authority, String name) {
        return name.equals(authority.id().value()) || name.equals(authority.name());
    }

    static String path(GpUnit authority, String audit) {
        return "/a/" + authority.id().value() + "/audits/" + segment(audit);
    }

    /** An audit's name as one path segment (names are free text). */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void authorityList(PortalContext p, Context ctx) {
        Optional<GpUnit> a = p.data.snapshot().authority(new GpUnitId(ctx.pathParam("authority")));
        if (a.isEmpty()) {
            Pages.notFound(ctx, "No imported election has an authority " + ctx.pathParam("authority") + ".");
            return;
        }
        Html h = list(p, a);
        h.open("p").a("/a/" + a.get().id().value() + "/certification", "Certification of " + a.get().name() + "'s results").close("p");
        Pages.send(ctx, "Audits of " + a.get().name(), h);
    }

    /** The audits (of one authority, or all), each with its kind, rounds and where it stands. */
    private static Html list(PortalContext p, Optional<GpUnit> only) {
        List<GpUnit> authorities = p.data.snapshot().authorities();
        Html h = new Html().open("table", "id", "audits").open("tr").el("th", "Audit").el("th", "Authority").el("th", "Kind")
                .el("th", "Rounds").el("th", "Open discrepancies").el("th", "Where it stands").close("tr");
        int rows = 0;
        for (AuditRecords.StoredAudit s : p.workspace.audits().list()) {
            Optional<GpUnit> a = authorities.stream().filter(u -> names(u, s.authority())).findFirst();
            if (only.isPresent() && !a.equals(only)) {
                continue;
            }
            WorkspaceAudit audit = WorkspaceAudit.of(p.workspace, s);
            ResultsCertification.Progress progress = ResultsCertification.progress(audit);
            long open = audit.records().discrepancies(s).stream().filter(d -> d.resolution().isEmpty()).count();
            h.open("tr").open("td");
            if (a.isPresent()) {
                h.a(path(a.get(), s.name()), s.name());
            } else {
                h.text(s.name());
            }
            h.close("td").el("td", a.map(GpUnit::name).orElse(s.authority())).el("td", kind(audit))
                    .el("td", audit.records().rounds(s).size(), "class", "num").el("td", open, "class", open > 0 ? "num open" : "num")
                    .el("td", progress.words(), "class", progress.finished() ? "done" : "open").close("tr");
            rows++;
        }
        h.close("table");
        return rows == 0 ? new Html().el("p", "No audit has been set up" + only.map(a -> " for " + a.name()).orElse("")
                + " yet (bulwark audit create).") : h;
    }

    private static String kind(WorkspaceAudit audit) {
        return audit.missouri() ? "Missouri 5% hand count" : audit.batchAudit() ? "risk-limiting, batch comparison" : "risk-limiting";
    }

    /** What one audit's rounds show: draws in each, cumulative draws and distinct ballots, and how many of those are entered. */
    record RoundRow(int round, int draws, long cumulativeDraws, long ballots, long entered, String outcome) {}

    static List<RoundRow> roundRows(WorkspaceAudit audit) {
        List<List<Sampler.Draw>> rounds = audit.rounds();
        List<AuditRecords.ClosedRound> closed = audit.records().closedRounds(audit.audit());
        Set<String> entered = audit.records().entries(audit.audit(), "ballot").keySet();
        Set<Long> ballots = new LinkedHashSet<>();
        List<RoundRow> rows = new ArrayList<>();
        long draws = 0;
        for (int r = 0; r < rounds.size(); r++) {
            draws += rounds.get(r).size();
            rounds.get(r).forEach(d -> ballots.add(d.pick()));
            long done = ballots.stream().filter(b -> entered.contains("ballot " + b)).count();
            rows.add(new RoundRow(r + 1, rounds.get(r).size(), draws, ballots.size(), done,
                    r < closed.size() ? closed.get(r).outcome() : "open"));
        }
        return rows;
    }

    private static void page(PortalContext p, Context ctx, WorkspaceAudit audit) {
        User user = PortalContext.requireUser(ctx);
        AuditRecords.StoredAudit s = audit.audit();
        GpUnit authority = p.data.snapshot().authority(new GpUnitId(ctx.pathParam("authority"))).orElseThrow();
        String base = path(authority, s.name());
        ResultsCertification.Progress progress = ResultsCertification.progress(audit);
        Html h = new Html();
        h.el("p", kind(audit) + " of " + audit.election().title() + " for " + authority.name() + ".", "id", "audit-kind");
        h.el("p", "Status: " + progress.words(), "class", progress.finished() ? "ok" : "working", "id", "audit-status");
        h.add(settings(audit));
        List<RoundRow> rows = roundRows(audit);
        h.el("h2", "Rounds");
        if (rows.isEmpty()) {
            h.el("p", "No sample has been drawn yet (bulwark audit draw, after the seed is entered).");
        } else {
            h.open("table", "id", "rounds").open("tr").el("th", "Round").el("th", "Draws").el("th", "Draws so far")
                    .el("th", audit.missouri() ? "Precincts drawn" : "Ballots drawn").el("th", "Entered").el("th", "Outcome")
                    .el("th", "Retrieval list").close("tr");
            for (RoundRow r : rows) {
                String list = base + "/rounds/" + r.round() + "/retrieval-list";
                h.open("tr").el("td", r.round(), "class", "num").el("td", r.draws(), "class", "num").el("td", r.cumulativeDraws(), "class", "num")
                        .el("td", r.ballots(), "class", "num")
                        .el("td", audit.missouri() || audit.batchAudit() ? "hand counts" : r.entered() + " of " + r.ballots(), "class", "num")
                        .el("td", r.outcome()).open("td").a(list + ".csv", "CSV").text(" ").a(list + ".pdf", "PDF").close("td").close("tr");
            }
            h.close("table");
        }
        h.add(risks(audit));
        h.add(discrepancies(audit, true));
        h.el("h2", "Report");
        h.open("p").a(base + "/audit-report.pdf", "Audit report (PDF, with signature lines)", "id", "report").close("p");
        if (user.role() == Role.AUDIT_BOARD && !audit.missouri() && !audit.batchAudit() && !rows.isEmpty()) {
            h.open("p").a(base + "/enter", "Enter a sampled ballot", "class", "button", "id", "enter").close("p");
        }
        Pages.send(ctx, "Audit " + s.name(), h);
    }

    /** The settings anyone may check: election fingerprint, seed, manifest and its SHA-256. */
    private static Html settings(WorkspaceAudit audit) {
        AuditRecords.StoredAudit s = audit.audit();
        Html h = new Html().open("ul", "class", "facts");
        h.open("li").text("Election fingerprint ").add(Pages.fingerprint(org.bulwark.model.ElectionFingerprint.of(audit.election()).sha256()))
                .close("li");
        h.el("li", "Seed (rolled at the public ceremony): " + audit.records().seed(s).orElse("not entered yet"), "id", "seed");
        audit.records().manifest(s).ifPresent(m -> h.el("li", "Ballot manifest " + m.sourceName() + ": " + String.format("%,d", m.ballots())
                + " ballots, SHA-256 " + m.sha256().hex(), "id", "manifest"));
        return h.close("ul");
    }

    /** Each contest's method, limit and the risk the last closed round measured. */
    private static Html risks(WorkspaceAudit audit) {
        List<AuditText.ContestSetting> settings = AuditText.parseSettings(audit.audit().settings());
        Html h = new Html();
        if (settings.isEmpty()) {
            return h;
        }
        List<AuditRecords.ClosedRound> closed = audit.records().closedRounds(audit.audit());
        Map<ContestId, RiskLimitingAudit.ContestRisk> measured = new LinkedHashMap<>();
        if (!closed.isEmpty()) {
            AuditText.parseRisks(closed.getLast().risks()).forEach(r -> measured.put(r.contest(), r));
        }
        h.el("h2", "Risk per contest");
        h.open("table", "id", "risks").open("tr").el("th", "Contest").el("th", "Method").el("th", "Risk limit").el("th", "Measured risk")
                .el("th", "o1/o2/u1/u2").el("th", "Limit met").close("tr");
        for (AuditText.ContestSetting c : settings) {
            Optional<RiskLimitingAudit.ContestRisk> r = Optional.ofNullable(measured.get(c.contest()));
            h.open("tr").el("td", audit.index().contest(c.contest()).map(Contest::name).orElse(c.contest().value()))
                    .el("td", c.method().label()).el("td", c.riskLimit(), "class", "num")
                    .el("td", r.map(x -> String.format("%.4g", x.risk())).orElse("not measured yet"), "class", "num")
                    .el("td", r.map(x -> x.discrepancies().o1() + "/" + x.discrepancies().o2() + "/" + x.discrepancies().u1() + "/"
                            + x.discrepancies().u2()).orElse("-"))
                    .el("td", r.map(x -> x.met() ? "yes" : "no").orElse("-"), "class", r.map(x -> x.met() ? "done" : "open").orElse("open"))
                    .close("tr");
        }
        h.close("table");
        if (!closed.isEmpty()) {
            h.open("figure", "id", "risk-plot").add(SafeSvg.inline(AuditReports.of(audit).svgPlot()))
                    .el("figcaption", "Risk (log scale) against ballots audited, a point per closed round; dashed: each contest's limit.")
                    .close("figure");
        }
        return h;
    }

    /** @param details with each one's description and resolution (officials); the public sees what and whether resolved */
    private static Html discrepancies(WorkspaceAudit audit, boolean details) {
        List<AuditRecords.Discrepancy> all = audit.records().discrepancies(audit.audit());
        Html h = new Html().el("h2", "Discrepancies");
        if (all.isEmpty()) {
            return h.el("p", "None found so far.", "id", "discrepancies");
        }
        h.open("table", "id", "discrepancies").open("tr").el("th", "Discrepancy").el("th", "Resolution").close("tr");
        for (AuditRecords.Discrepancy d : all) {
            h.open("tr").el("td", d.description())
                    .el("td", d.resolution().map(r -> details ? r : "resolved").orElse("OPEN"), "class", d.resolution().isPresent() ? "done" : "open")
                    .close("tr");
        }
        return h.close("table");
    }

    private static void retrievalList(Context ctx, WorkspaceAudit audit, boolean pdf) throws IOException {
        Optional<Long> round = ResultsPages.parseRef(ctx.pathParam("round"));
        int rounds = audit.rounds().size();
        if (round.isEmpty() || round.get() < 1 || round.get() > rounds) {
            Pages.notFound(ctx, "Audit " + audit.audit().name() + " has " + rounds + (rounds == 1 ? " round" : " rounds") + ", not "
                    + ctx.pathParam("round") + ".");
            return;
        }
        RetrievalDocument list = audit.retrievalList(round.get().intValue());
        String file = "retrieval-list-" + segment(audit.audit().name()) + "-round-" + round.get();
        if (pdf) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            list.writePdf(out);
            download(ctx, "application/pdf", file + ".pdf", out.toByteArray());
        } else {
            download(ctx, "text/csv; charset=utf-8", file + ".csv", list.csv().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void report(Context ctx, WorkspaceAudit audit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditReports.pdf(AuditReports.of(audit), out);
        download(ctx, "application/pdf", "audit-report-" + segment(audit.audit().name()) + ".pdf", out.toByteArray());
    }

    static void download(Context ctx, String type, String file, byte[] bytes) {
        ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + file.replace("\"", "") + "\"").result(bytes);
    }

    /** The drawn ballots in order of first draw, each once. */
    private static List<Long> drawnBallots(WorkspaceAudit audit) {
        return List.copyOf(audit.allDraws().stream().map(Sampler.Draw::pick).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Without a ballot: the drawn ballots to pick from. With one: the form for what its paper shows. */
    private static void entryForm(Context ctx, WorkspaceAudit audit, Optional<String> problem) {
        if (audit.missouri() || audit.batchAudit()) {
            Pages.error(ctx, 409, "Counted by hand", "Audit " + audit.audit().name() + " counts " + (audit.missouri() ? "precincts" : "batches")
                    + " by hand; its teams enter counts with bulwark audit hand-count.");
            return;
        }
        List<Long> drawn = drawnBallots(audit);
        if (drawn.isEmpty()) {
            Pages.error(ctx, 409, "Nothing drawn yet", "Audit " + audit.audit().name() + " has drawn no sample yet.");
            return;
        }
        Set<String> entered = audit.records().entries(audit.audit(), "ballot").keySet();
        BallotManifest manifest = audit.manifest();
        Optional<Long> ballot = Optional.ofNullable(ctx.queryParam("ballot")).or(() -> Optional.ofNullable(ctx.formParam("ballot")))
                .flatMap(ResultsPages::parseRef).filter(drawn::contains);
        Html h = new Html();
        problem.ifPresent(m -> h.el("p", m, "class", "problem", "id", "problem"));
        if (ballot.isEmpty()) {
            long left = drawn.stream().filter(b -> !entered.contains("ballot " + b)).count();
            h.el("p", left + " of " + drawn.size() + " drawn ballots are still to be entered. Pick the ballot in your hands.", "id", "left");
            h.open("table", "id", "drawn").open("tr").el("th", "Ballot").el("th", "Where").el("th", "Entered").close("tr");
            String base = ctx.path();
            for (long b : drawn) {
                boolean done = entered.contains("ballot " + b);
                h.open("tr").open("td").a(base + "?ballot=" + b, "Ballot " + b, "id", "ballot-" + b).close("td")
                        .el("td", BallotEntries.place(manifest, b)).el("td", done ? "yes (a new entry replaces it)" : "not yet",
                                "class", done ? "done" : "open").close("tr");
            }
            Pages.send(ctx, "Enter a sampled ballot: " + audit.audit().name(), h.close("table"));
            return;
        }
        long b = ballot.get();
        User user = PortalContext.requireUser(ctx);
        h.el("p", "Ballot " + b + ": " + BallotEntries.place(manifest, b) + ". Enter what the paper shows, contest by contest: tick each "
                + "choice marked; tick nothing for a blank contest; tick every marked choice of an overvoted contest (it then counts no vote).",
                "id", "where");
        h.form(ctx.path(), PortalContext.session(ctx).orElseThrow().csrf(), "class", "card", "id", "entry", "enctype", "multipart/form-data")
                .open("input", "type", "hidden", "name", "ballot", "value", String.valueOf(b))
                .open("label", "for", "board").text("Audit board").close("label")
                .open("input", "id", "board", "name", "board", "required", "required", "value", user.displayName())
                .open("label", "for", "member1").text("First member (full name)").close("label")
                .open("input", "id", "member1", "name", "member1", "required", "required")
                .open("label", "for", "member2").text("Second member (full name, of the other party)").close("label")
                .open("input", "id", "member2", "name", "member2", "required", "required");
        List<AuditText.ContestSetting> settings = AuditText.parseSettings(audit.audit().settings());
        for (int i = 0; i < settings.size(); i++) {
            Contest contest = audit.index().contest(settings.get(i).contest()).orElseThrow();
            h.open("fieldset", "class", "contest").el("legend", contest.name() + " (vote for " + contest.votesAllowed() + ")");
            for (ContestSelection s : contest.selections()) {
                String id = "c" + i + "-" + s.id().value();
                h.open("label", "class", "choice").open("input", "type", "checkbox", "name", "c" + i, "value", s.id().value(), "id", id)
                        .text(" " + ResultLabels.selection(audit.index(), s)).close("label");
            }
            h.close("fieldset");
        }
        h.open("fieldset", "class", "contest").el("legend", "Ballot not found")
                .open("label", "class", "choice").open("input", "type", "checkbox", "name", "not-found", "value", "yes", "id", "not-found")
                .text(" The ballot is not at this place").close("label")
                .open("label", "for", "note").text("What the board saw instead").close("label").open("input", "id", "note", "name", "note")
                .close("fieldset")
                .open("fieldset", "class", "contest").el("legend", "Or: the ballot-marking device's paper record")
                .open("label", "for", "paper").text("A scan (PNG) or the PDF of the paper record; its QR code is read instead of the boxes above")
                .close("label").open("input", "type", "file", "id", "paper", "name", "paper", "accept", ".png,.pdf,image/png,application/pdf")
                .close("fieldset");
        h.open("button", "type", "submit", "id", "submit-entry").text("Record this entry").close("button").close("form");
        h.open("p").a(ctx.path(), "Back to the drawn ballots").close("p");
        Pages.send(ctx, "Enter ballot " + b + ": " + audit.audit().name(), h);
    }

    private static void enter(PortalContext p, Context ctx, WorkspaceAudit shown) {
        List<Long> drawn = drawnBallots(shown);
        Optional<Long> ballot = ResultsPages.parseRef(Optional.ofNullable(ctx.formParam("ballot")).orElse("")).filter(drawn::contains);
        if (shown.missouri() || shown.batchAudit() || ballot.isEmpty()) {
            ctx.status(shown.missouri() || shown.batchAudit() ? 409 : 400);
            entryForm(ctx, shown, Optional.of("Not entered: choose one of the drawn ballots."));
            return;
        }
        PaperReading reading;
        BoardEntry entry;
        try {
            reading = paperRecord(ctx, shown).orElseGet(() -> reading(ctx, shown));
            entry = new BoardEntry(ballot.get(), text(ctx, "board"), text(ctx, "member1"), text(ctx, "member2"), reading);
        } catch (IllegalArgumentException | BadInputException e) {
            ctx.status(400);
            entryForm(ctx, shown, Optional.of("Not entered: " + e.getMessage() + "."));
            return;
        }
        User user = PortalContext.requireUser(ctx);
        BallotEntries.Outcome outcome;
        // Opened under the member's name: the log's entry says who entered it (the board's members are in the entry itself).
        try (Workspace as = Workspace.open(p.location, p.clock, user.actor())) {
            outcome = BallotEntries.enter(WorkspaceAudit.open(as, shown.audit().name()), entry);
        }
        switch (outcome) {
            case BallotEntries.Outcome.Refused r -> {
                ctx.status(409);
                entryForm(ctx, shown, Optional.of("Not entered: " + r.reason() + "."));
            }
            case BallotEntries.Outcome.Entered e -> {
                Html h = new Html();
                if (e.discrepancies().isEmpty()) {
                    h.el("p", "Ballot " + ballot.get() + " entered: it agrees with its cast vote record in every audited contest.", "class", "ok",
                            "id", "entered");
                } else {
                    h.el("p", "Ballot " + ballot.get() + " entered. It differs from its cast vote record:", "class", "problem", "id", "entered");
                    h.open("ul", "id", "found");
                    e.discrepancies().forEach(d -> h.el("li", d));
                    h.close("ul").el("p", "Each difference is recorded as a discrepancy; the authority investigates and resolves it "
                            + "before certification.");
                }
                Set<String> entered = shown.records().entries(shown.audit(), "ballot").keySet();
                Optional<Long> next = drawn.stream().filter(b -> !entered.contains("ballot " + b)).findFirst();
                h.open("p");
                next.ifPresent(n -> h.a(ctx.path() + "?ballot=" + n, "Next ballot to enter: " + n, "id", "next").text(" "));
                h.a(ctx.path(), "All drawn ballots").close("p");
                Pages.send(ctx, "Ballot " + ballot.get() + " entered", h);
            }
        }
    }

    /** Larger than any scan of one paper record; refused before it is written to disk. */
    static final long MAX_PAPER_BYTES = 50L << 20;

    /**
     * The paper record uploaded with the form, read from its QR code as {@code audit enter --paper}
     * reads it (a test-mode record or another election's is refused); empty when no file was sent.
     */
    private static Optional<PaperReading> paperRecord(Context ctx, WorkspaceAudit audit) {
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("paper") : null;
        if (file == null || file.size() == 0) {
            return Optional.empty();
        }
        String name = UploadJobs.clip(Optional.ofNullable(file.filename()).map(f -> Path.of(f).getFileName().toString()).orElse("paper record"));
        if (file.size() > MAX_PAPER_BYTES) {
            throw new BadInputException(name, "file", "is " + file.size() + " bytes; a paper record is at most " + MAX_PAPER_BYTES);
        }
        try {
            Path temp = Files.createTempFile("bulwark-paper-", ".upload");
            try {
                try (InputStream in = file.content()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                return Optional.of(BallotEntries.paper(audit, temp, name));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new BadInputException(name, "file", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The paper as the form gives it: not found, or the choices ticked per audited contest (each must be a choice of that contest). */
    private static PaperReading reading(Context ctx, WorkspaceAudit audit) {
        if ("yes".equals(ctx.formParam("not-found"))) {
            String note = text(ctx, "note").strip();
            return new PaperReading.NotFound(note.isEmpty() ? "not at its place" : note);
        }
        Map<ContestId, Set<SelectionId>> marked = new LinkedHashMap<>();
        List<AuditText.ContestSetting> settings = AuditText.parseSettings(audit.audit().settings());
        for (int i = 0; i < settings.size(); i++) {
            Contest contest = audit.index().contest(settings.get(i).contest()).orElseThrow();
            Set<SelectionId> chosen = new LinkedHashSet<>();
            for (String value : ctx.formParams("c" + i)) {
                SelectionId id = new SelectionId(value);
                if (contest.selections().stream().noneMatch(s -> s.id().equals(id))) {
                    throw new IllegalArgumentException(contest.name() + " has no choice " + value);
                }
                chosen.add(id);
            }
            if (!chosen.isEmpty()) {
                marked.put(contest.id(), chosen);
            }
        }
        return new PaperReading.Marks(marked);
    }

    private static String text(Context ctx, String field) {
        return Optional.ofNullable(ctx.formParam(field)).orElse("");
    }

    /** For the public page: each audit with its seed, draws and latest risk, linking to its public page. */
    static Html publicList(PortalContext p) {
        List<AuditRecords.StoredAudit> audits = p.workspace.audits().list();
        Html h = new Html();
        if (audits.isEmpty()) {
            return h.el("p", "No audit has been set up yet. Each audit's seed, samples and measured risk appear here as it goes.");
        }
        h.open("table", "id", "public-audits").open("tr").el("th", "Audit").el("th", "Authority").el("th", "Seed").el("th", "Rounds")
                .el("th", "Draws").el("th", "Last round's outcome").close("tr");
        // Read from the records alone (no count of the CVRs), so that a busy public page costs little.
        AuditRecords records = p.workspace.audits();
        for (AuditRecords.StoredAudit s : audits) {
            List<List<String>> rounds = records.rounds(s);
            List<AuditRecords.ClosedRound> closed = records.closedRounds(s);
            h.open("tr").open("td").a("/public/audits/" + segment(s.name()), s.name()).close("td").el("td", s.authority())
                    .el("td", records.seed(s).orElse("not entered yet")).el("td", rounds.size(), "class", "num")
                    .el("td", rounds.stream().mapToInt(List::size).sum(), "class", "num")
                    .el("td", rounds.isEmpty() ? "no sample drawn yet" : closed.size() < rounds.size() ? "round " + rounds.size() + " open"
                            : closed.getLast().outcome()).close("tr");
        }
        return h.close("table");
    }

    /**
     * An audit as anyone may check it: settings, seed, manifest SHA-256, every draw with its ticket
     * and place (so the drawing can be repeated with Rivest's sampler), risk per contest and the plot,
     * and whether each discrepancy is resolved. No board member's name and no entry's content: who
     * read a ballot is not public, and the sample must not become a way to see how one ballot voted.
     */
    private static void publicAudit(PortalContext p, Context ctx) {
        Optional<AuditRecords.StoredAudit> stored = p.workspace.audits().find(ctx.pathParam("audit"));
        if (stored.isEmpty()) {
            Pages.notFound(ctx, "There is no audit " + ctx.pathParam("audit") + ".");
            return;
        }
        WorkspaceAudit audit = WorkspaceAudit.of(p.workspace, stored.get());
        Html h = new Html().el("p", kind(audit) + " of " + audit.election().title() + " for " + stored.get().authority() + ". Status: "
                + ResultsCertification.progress(audit).words() + ".", "id", "audit-status");
        h.add(settings(audit)).add(risks(audit)).add(discrepancies(audit, false));
        h.el("h2", "Samples");
        h.el("p", "Draw k picks ballot a + (SHA-256(seed + \",\" + k) mod (b - a + 1)): anyone can repeat it with "
                + "'bulwark audit sample --seed SEED --from 1 --to N --count K' or Rivest's sampler.");
        Optional<BallotManifest.Locator> locator = audit.missouri() ? Optional.empty()
                : audit.records().manifest(stored.get()).map(m -> audit.manifest().locator());
        List<GpUnitId> precincts = audit.missouri() && !audit.rounds().isEmpty() ? audit.precincts() : List.of();
        h.open("table", "id", "samples").open("tr").el("th", "Round").el("th", "Ticket").el("th", "Drawn").el("th", "Place").close("tr");
        List<List<Sampler.Draw>> rounds = audit.rounds();
        for (int r = 0; r < rounds.size(); r++) {
            for (Sampler.Draw d : rounds.get(r)) {
                String place = audit.missouri() ? "precinct " + precincts.get((int) d.pick() - 1).value()
                        : locator.map(l -> l.locate(d.pick()).batch().describe() + ", position " + l.locate(d.pick()).position()).orElse("");
                h.open("tr").el("td", r + 1, "class", "num").el("td", d.ticket(), "class", "num").el("td", d.pick(), "class", "num")
                        .el("td", place).close("tr");
            }
        }
        Pages.send(ctx, "Audit " + stored.get().name(), h.close("table"));
    }
}
