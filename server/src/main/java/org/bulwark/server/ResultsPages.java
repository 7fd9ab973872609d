package org.bulwark.server;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.GpUnit;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.ResultLabels;
import org.bulwark.store.StoredResults;

/**
 * Results per contest with their charts, for officials ({@code /results}) and the public
 * ({@code /public/results}): the same page, counted live from the CVRs in the workspace, with the
 * fingerprint of the election and of the latest saved results file.
 */
final class ResultsPages {
    private ResultsPages() {}

    static List<Route> routes(PortalContext p) {
        return List.of(
                Route.get("/results", Access.signedIn(), ctx -> Pages.send(ctx, "Results", list(p, "/results/"))),
                Route.get("/results/{election}", Access.signedIn(), ctx -> election(p, ctx, "/results/")),
                Route.get("/results/{election}/results.json", Access.signedIn(), ctx -> savedFile(p, ctx)));
    }

    static Html list(PortalContext p, String base) {
        Html h = new Html();
        List<PortalData.ElectionView> elections = p.data.snapshot().elections();
        if (elections.isEmpty()) {
            return h.el("p", "No election has been imported into this workspace yet.");
        }
        h.open("table").open("tr").el("th", "Election").el("th", "Date").el("th", "Fingerprint").el("th", "Ballots counted")
                .el("th", "CVR files").close("tr");
        for (PortalData.ElectionView e : elections) {
            h.open("tr").open("td").a(base + e.stored().ref().id(), e.stored().title()).close("td")
                    .el("td", e.stored().date()).open("td").add(Pages.fingerprint(e.fingerprint())).close("td")
                    .el("td", String.format("%,d", e.ballots()), "class", "num").el("td", e.files().size(), "class", "num")
                    .close("tr");
        }
        return h.close("table");
    }

    /** One election's results page, or 404 for an election that is not there. */
    static void election(PortalContext p, Context ctx, String base) {
        Optional<PortalData.ElectionView> view = parseRef(ctx.pathParam("election")).flatMap(p.data.snapshot()::election);
        if (view.isEmpty()) {
            Pages.notFound(ctx, "There is no election " + ctx.pathParam("election") + " in this workspace.");
            return;
        }
        PortalData.ElectionView e = view.get();
        Html h = new Html();
        h.open("p").text("Election fingerprint ").add(Pages.fingerprint(e.fingerprint())).text(" (full: " + e.fingerprint() + ")").close("p");
        Optional<StoredResults> saved = p.workspace.latestResults(e.stored().ref());
        saved.ifPresent(r -> h.open("p").text("Latest saved results file (NIST SP 1500-100, " + r.savedAt() + "): SHA-256 ")
                .add(Pages.fingerprint(sha256(r.errJson()))).text(" ").a(base + e.stored().ref().id() + "/results.json", "download")
                .close("p"));
        if (e.results().isEmpty()) {
            Pages.send(ctx, e.stored().title(), h.el("p", "No cast vote records have been imported for this election yet."));
            return;
        }
        ElectionResults r = e.results().get();
        h.el("p", "Unofficial results counted from " + String.format("%,d", r.ballots().total().counted()) + " ballots in "
                + e.files().size() + " CVR files.", "id", "ballots-counted");
        h.el("h2", "Turnout by authority");
        List<Charts.Bar> turnout = new ArrayList<>();
        for (GpUnit a : e.authorities()) {
            turnout.add(new Charts.Bar(a.name(), e.ballotsByAuthority().getOrDefault(a.id(), 0L)));
        }
        h.add(Charts.horizontalBars("Ballots counted by authority", turnout));
        for (ContestResult c : r.contests()) {
            Contest contest = e.index().contest(c.contest()).orElseThrow();
            ContestCounts counts = c.counts().total();
            h.open("section", "class", "contest").el("h2", contest.name());
            List<Charts.Bar> bars = new ArrayList<>();
            h.open("table").open("tr").el("th", "Choice").el("th", "Votes").close("tr");
            for (ContestSelection s : contest.selections()) {
                long votes = counts.votesFor(s.id());
                String label = ResultLabels.selection(e.index(), s);
                bars.add(new Charts.Bar(label, votes));
                h.open("tr").el("td", label).el("td", String.format("%,d", votes), "class", "num").close("tr");
            }
            h.open("tr").el("td", "Overvotes").el("td", String.format("%,d", counts.overvotes()), "class", "num").close("tr");
            h.open("tr").el("td", "Undervotes").el("td", String.format("%,d", counts.undervotes()), "class", "num").close("tr");
            h.close("table").add(Charts.horizontalBars(contest.name() + ": votes", bars)).close("section");
        }
        Pages.send(ctx, e.stored().title(), h);
    }

    /** The saved results file itself, so anyone can check its fingerprint. */
    static void savedFile(PortalContext p, Context ctx) {
        Optional<PortalData.ElectionView> view = parseRef(ctx.pathParam("election")).flatMap(p.data.snapshot()::election);
        Optional<StoredResults> saved = view.flatMap(e -> p.workspace.latestResults(e.stored().ref()));
        if (saved.isEmpty()) {
            Pages.notFound(ctx, "No results have been saved for election " + ctx.pathParam("election") + ".");
            return;
        }
        ctx.contentType("application/json").header("Content-Disposition", "attachment; filename=\"results.json\"")
                .result(saved.get().errJson());
    }

    static Optional<Long> parseRef(String text) {
        return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
