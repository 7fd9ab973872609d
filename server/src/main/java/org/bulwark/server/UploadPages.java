package org.bulwark.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.GpUnitId;

/** Uploading a results package for an authority, and following its verification and import. */
final class UploadPages {
    private UploadPages() {}

    static List<Route> routes(PortalContext p) {
        Access uploaders = new Access.Roles(Routes.UPLOADERS, Access.Scope.OWN_AUTHORITY);
        return List.of(
                Route.get("/a/{authority}/upload", uploaders, ctx -> form(p, ctx, Optional.empty())),
                Route.post("/a/{authority}/upload", uploaders, ctx -> upload(p, ctx)),
                Route.get("/a/{authority}/upload/{job}", uploaders, ctx -> status(p, ctx)));
    }

    private static void form(PortalContext p, Context ctx, Optional<String> problem) {
        GpUnitId authority = new GpUnitId(ctx.pathParam("authority"));
        Html h = new Html();
        problem.ifPresent(m -> h.el("p", m, "class", "problem", "id", "problem"));
        List<PortalData.ElectionView> elections = p.data.snapshot().elections();
        if (elections.isEmpty()) {
            Pages.send(ctx, "Upload a results package", h.el("p", "No election has been imported yet: results need their election."));
            return;
        }
        h.el("p", "The package is verified before anything is read into the workspace: its signature, that the signer is "
                + "trusted for results of " + authority.value() + ", every file's hash, the CVRs against the Merkle roots the "
                + "device signed, the election, the mode, and that it was not imported before.");
        h.form("/a/" + authority.value() + "/upload", PortalContext.session(ctx).orElseThrow().csrf(),
                        "enctype", "multipart/form-data", "class", "card")
                .open("label", "for", "election").text("Election").close("label").open("select", "id", "election", "name", "election");
        for (PortalData.ElectionView e : elections) {
            h.el("option", e.stored().title() + " (" + e.fingerprint().substring(0, 7) + ")", "value",
                    String.valueOf(e.stored().ref().id()));
        }
        h.close("select").open("label", "for", "mode").text("Mode").close("label").open("select", "id", "mode", "name", "mode")
                .el("option", "official", "value", "official").el("option", "test", "value", "test").close("select")
                .open("label", "for", "group").text("Counting group").close("label").open("select", "id", "group", "name", "group");
        for (CountingGroup g : CountingGroup.values()) {
            h.el("option", g.nist(), "value", g.nist());
        }
        h.close("select").open("label", "for", "package").text("Results package (.zip)").close("label")
                .open("input", "type", "file", "id", "package", "name", "package", "accept", ".zip", "required", "required")
                .open("button", "type", "submit", "id", "upload").text("Verify and import").close("button").close("form");
        List<UploadJobs.Job> jobs = p.uploads.of(authority);
        if (!jobs.isEmpty()) {
            h.el("h2", "Uploads since the portal started");
            h.open("ul");
            for (UploadJobs.Job j : jobs) {
                h.open("li").a("/a/" + authority.value() + "/upload/" + j.id(), j.request().fileName())
                        .text(" by " + j.request().user().username() + ": " + summary(j.stage().get())).close("li");
            }
            h.close("ul");
        }
        Pages.send(ctx, "Upload a results package", h);
    }

    private static void upload(PortalContext p, Context ctx) throws java.io.IOException, jakarta.servlet.ServletException {
        GpUnitId authority = new GpUnitId(ctx.pathParam("authority"));
        Optional<PortalData.ElectionView> election = ResultsPages.parseRef(Optional.ofNullable(ctx.formParam("election")).orElse(""))
                .flatMap(p.data.snapshot()::election);
        Optional<Mode> mode = Mode.parse(Optional.ofNullable(ctx.formParam("mode")).orElse(""));
        Optional<CountingGroup> group = CountingGroup.fromNist(Optional.ofNullable(ctx.formParam("group")).orElse(""));
        UploadedFile file = ctx.uploadedFile("package");
        if (election.isEmpty() || mode.isEmpty() || group.isEmpty() || file == null || file.size() == 0) {
            ctx.status(400);
            form(p, ctx, Optional.of("Choose the election, the mode, the counting group and a package file, then try again."));
            return;
        }
        // Jetty keeps a large part in a temporary file: write() moves it rather than copying half a gigabyte.
        Path temp = Files.createTempDirectory(UploadJobs.TEMP_PREFIX).resolve("package.zip");
        ctx.req().getPart("package").write(temp.toString());
        String name = UploadJobs.clip(Optional.ofNullable(file.filename()).map(f -> Path.of(f).getFileName().toString())
                .orElse("package.zip"));
        UploadJobs.Job job = p.uploads.start(new UploadJobs.Request(PortalContext.requireUser(ctx), authority, election.get(),
                mode.get(), group.get(), name), temp);
        ctx.redirect("/a/" + authority.value() + "/upload/" + job.id(), HttpStatus.SEE_OTHER);
    }

    private static void status(PortalContext p, Context ctx) {
        GpUnitId authority = new GpUnitId(ctx.pathParam("authority"));
        Optional<UploadJobs.Job> job = p.uploads.job(ctx.pathParam("job")).filter(j -> j.request().authority().equals(authority));
        if (job.isEmpty()) {
            Pages.notFound(ctx, "There is no upload " + ctx.pathParam("job") + " for " + authority.value()
                    + " (uploads are listed only until the portal restarts).");
            return;
        }
        UploadJobs.Job j = job.get();
        UploadJobs.Stage stage = j.stage().get();
        Html h = new Html().el("p", j.request().fileName() + ", uploaded by " + j.request().user().username() + " at "
                + j.started() + " for " + j.request().election().stored().title() + " (" + j.request().mode().word() + ")");
        switch (stage) {
            case UploadJobs.Stage.Working w -> h.el("p", w.step() + (w.cvrs() > 0 ? " (" + String.format("%,d", w.cvrs()) + " CVRs)" : ""),
                    "class", "working", "id", "outcome").el("p", "This page refreshes itself until the work is done.", "class", "note");
            case UploadJobs.Stage.Imported i -> h.el("p", "Verified and imported: " + String.format("%,d", i.cvrs()) + " CVRs from "
                    + i.files() + (i.files() == 1 ? " file" : " files") + " (package " + i.packageId() + ").", "class", "ok", "id", "outcome");
            case UploadJobs.Stage.Refused r -> h.el("p", "Refused: " + r.failure().headline, "class", "problem", "id", "outcome")
                    .el("p", r.message(), "id", "detail")
                    .el("p", "Nothing from this package was imported unless listed above. The refusal is in the log.", "class", "note");
        }
        h.open("p").a("/a/" + authority.value() + "/upload", "Upload another package").close("p");
        Pages.send(ctx, "Results package upload", h, stage instanceof UploadJobs.Stage.Working);
    }

    private static String summary(UploadJobs.Stage s) {
        return switch (s) {
            case UploadJobs.Stage.Working w -> "working: " + w.step();
            case UploadJobs.Stage.Imported i -> "imported " + String.format("%,d", i.cvrs()) + " CVRs";
            case UploadJobs.Stage.Refused r -> "refused: " + r.failure().headline;
        };
    }
}
