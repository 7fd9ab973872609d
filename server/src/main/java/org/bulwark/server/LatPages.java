package org.bulwark.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.custody.Person;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.model.GpUnit;
import org.bulwark.report.CustodyReports;
import org.bulwark.store.EquipmentRecords;
import org.bulwark.store.EquipmentRecords.Certificate;
import org.bulwark.store.EquipmentRecords.LatEntry;

/**
 * An authority's logic and accuracy records (the devices' lat-record.json files recorded with
 * {@code bulwark readiness lat}): the list by test date, a record's page with every mismatch, and its
 * certificate. The record file names no observers, so the authority's staff attach the certificate
 * the device printed at the test with the observers (and their parties) and the warnings it shows;
 * until then the certificate offered is one printed from the record, with lines for them to sign.
 */
final class LatPages {
    private LatPages() {}

    static List<Route> routes(PortalContext p) {
        Access viewers = new Access.Roles(EquipmentPages.VIEWERS, Access.Scope.OWN_AUTHORITY);
        return List.of(
                Route.get("/a/{authority}/lat", viewers, ctx -> EquipmentPages.authority(p, ctx).ifPresent(a -> list(p, ctx, a))),
                Route.get("/a/{authority}/lat/{id}", viewers, ctx -> withRecord(p, ctx, (a, e) -> page(ctx, a, e, new Html()))),
                Route.get("/a/{authority}/lat/{id}/certificate.pdf", viewers, ctx -> withRecord(p, ctx, (a, e) -> certificate(p, ctx, a, e))),
                Route.post("/a/{authority}/lat/{id}/certificate", new Access.Roles(IncidentPages.HANDLERS, Access.Scope.OWN_AUTHORITY),
                        ctx -> withRecord(p, ctx, (a, e) -> attach(p, ctx, a, e))));
    }

    /** The observers as typed, one "Name: Party" a line, or every problem with its line. */
    record Observers(List<Person> people, List<String> problems) {
        static final int MAX = 50;

        static Observers parse(String text) {
            List<Person> people = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            String[] lines = text.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                int colon = line.lastIndexOf(':');
                if (colon < 0) {
                    problems.add("observers, line " + (i + 1) + ": write the name, a colon and the party (Pat Doe: Republican)");
                    continue;
                }
                try {
                    people.add(new Person(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
                } catch (IllegalArgumentException e) {
                    problems.add("observers, line " + (i + 1) + ": " + e.getMessage());
                }
            }
            if (people.size() > MAX) {
                problems.add("observers: " + people.size() + " are named; at most " + MAX + " are kept");
            }
            return new Observers(List.copyOf(people), List.copyOf(problems));
        }
    }

    private static List<LatEntry> of(PortalContext p, GpUnit authority) {
        return p.workspace.equipmentRecords().latRecords(PortalData.Snapshot.custodyNames(authority));
    }

    private static String path(GpUnit a, LatEntry e) {
        return "/a/" + a.id().value() + "/lat/" + e.id();
    }

    private static void list(PortalContext p, Context ctx, GpUnit a) {
        List<LatEntry> records = of(p, a);
        long failed = records.stream().filter(e -> !e.record().passed()).count();
        Html h = new Html().el("p", records.size() + " L&A records, " + failed + " failed. Each is the record file a device wrote "
                + "during its public test; its certificate can be printed for the test board and observers to sign.", "id", "count");
        if (!records.isEmpty()) {
            h.open("table", "id", "lat").open("tr").el("th", "Record").el("th", "Test date").el("th", "Kind").el("th", "Device")
                    .el("th", "Serial").el("th", "Result").el("th", "Mismatches").el("th", "Election").el("th", "Observers")
                    .el("th", "Warnings").el("th", "Certificate").close("tr");
            for (LatEntry e : records) {
                LatRecord r = e.record();
                h.open("tr").open("td").a(path(a, e), "#" + e.id()).close("td").el("td", r.date()).el("td", r.kind().word())
                        .open("td").a(EquipmentPages.devicePath(a, e.device()), e.device().value()).close("td").el("td", r.deviceSerial())
                        .el("td", r.passed() ? "passed" : "FAILED", "class", r.passed() ? "done" : "open")
                        .el("td", r.mismatches().size(), "class", "num").open("td").add(Pages.fingerprint(r.electionFingerprint().hex()))
                        .close("td").el("td", e.certificate().map(c -> observersText(c.observers())).orElse("not attached"))
                        .el("td", e.certificate().map(c -> c.warnings().isEmpty() ? "none" : String.join("; ", c.warnings())).orElse("-"),
                                "class", e.certificate().filter(c -> !c.warnings().isEmpty()).isPresent() ? "open" : "entry")
                        .open("td").a(path(a, e) + "/certificate.pdf", e.certificate().isPresent() ? "device's PDF" : "printable PDF")
                        .close("td").close("tr");
            }
            h.close("table");
        }
        Pages.send(ctx, "L&A records of " + a.name(), h);
    }

    private static void withRecord(PortalContext p, Context ctx, EquipmentPages.ItemWork<LatEntry> work) throws Exception {
        EquipmentPages.withItem(p, ctx, "L&A record", a -> of(p, a), LatEntry::id, work);
    }

    private static void page(Context ctx, GpUnit a, LatEntry e, Html top) {
        User u = PortalContext.requireUser(ctx);
        LatRecord r = e.record();
        Html h = new Html().add(top);
        h.el("p", r.passed() ? "Passed: every count matched the test deck." : "FAILED: " + r.mismatches().size()
                + " counts differed from the test deck.", "class", r.passed() ? "ok" : "problem", "id", "result");
        h.open("table", "id", "record").open("tr").el("th", "Device").open("td").a(EquipmentPages.devicePath(a, e.device()), e.device().value())
                .close("td").close("tr")
                .open("tr").el("th", "Model and serial").el("td", r.deviceModel() + ", serial " + r.deviceSerial()).close("tr")
                .open("tr").el("th", "Test").el("td", r.kind().word() + " on " + r.date()).close("tr")
                .open("tr").el("th", "Software fingerprint").el("td", r.softwareFingerprint().value()).close("tr")
                .open("tr").el("th", "Election fingerprint").el("td", r.electionFingerprint().value()).close("tr")
                .open("tr").el("th", "Recorded (UTC)").el("td", e.recordedAt().toString()).close("tr")
                .open("tr").el("th", "Record file SHA-256").el("td", e.fileSha256()).close("tr").close("table");
        if (!r.mismatches().isEmpty()) {
            h.el("h2", "Mismatches").open("table", "id", "mismatches").open("tr").el("th", "Contest").el("th", "Selection")
                    .el("th", "Expected").el("th", "Found").close("tr");
            for (LatRecord.Mismatch m : r.mismatches()) {
                h.open("tr").el("td", m.contest()).el("td", m.selection()).el("td", m.expected(), "class", "num")
                        .el("td", m.found(), "class", "num").close("tr");
            }
            h.close("table");
        }
        h.el("h2", "Certificate");
        if (e.certificate().isPresent()) {
            Certificate c = e.certificate().get();
            h.open("p").a(path(a, e) + "/certificate.pdf", "The device's certificate (PDF)", "id", "certificate").close("p");
            h.el("p", "Attached " + c.attachedAt() + " by " + c.attachedBy() + "; SHA-256 " + c.pdfSha256() + ".", "class", "note");
            h.el("h3", "Observers").open("ul", "id", "observers");
            c.observers().forEach(o -> h.el("li", o.toString()));
            h.close("ul").el("h3", "Warnings");
            if (c.warnings().isEmpty()) {
                h.el("p", "None.", "id", "warnings");
            } else {
                h.open("ul", "id", "warnings");
                c.warnings().forEach(w -> h.el("li", w, "class", "open"));
                h.close("ul");
            }
        } else {
            h.open("p").a(path(a, e) + "/certificate.pdf", "Printable certificate (PDF, for the test board and observers to sign)",
                    "id", "certificate").close("p");
            h.el("p", "The record file names no observers and carries no warnings. Attach the certificate the device printed at "
                    + "the test, with the observers and warnings it shows.", "class", "note");
        }
        if (IncidentPages.HANDLERS.contains(u.role())) {
            attachForm(ctx, h, path(a, e));
        }
        Pages.send(ctx, "L&A record #" + e.id(), h);
    }

    private static String observersText(List<Person> observers) {
        return String.join("; ", observers.stream().map(Person::toString).toList());
    }

    private static void attachForm(Context ctx, Html h, String path) {
        h.el("h2", "Attach the device's certificate");
        h.form(path + "/certificate", PortalContext.session(ctx).orElseThrow().csrf(), "enctype", "multipart/form-data", "class", "card",
                        "id", "attach-form")
                .open("label", "for", "pdf").text("Certificate (PDF, as the device printed it)").close("label")
                .open("input", "id", "pdf", "name", "certificate", "type", "file", "accept", "application/pdf", "required", "required")
                .open("label", "for", "observers").text("Observers who attended, one a line: name, colon, party (Pat Doe: Republican)")
                .close("label").open("textarea", "id", "observers", "name", "observers", "rows", "4", "required", "required").close("textarea")
                .open("label", "for", "warnings").text("Warnings printed on the certificate, one a line (none: leave empty)").close("label")
                .open("textarea", "id", "warnings", "name", "warnings", "rows", "3").close("textarea")
                .open("button", "type", "submit", "id", "attach").text("Attach").close("button").close("form");
    }

    private static void attach(PortalContext p, Context ctx, GpUnit a, LatEntry e) throws IOException {
        User u = PortalContext.requireUser(ctx);
        Observers observers = Observers.parse(Optional.ofNullable(ctx.formParam("observers")).orElse(""));
        List<String> warnings = Optional.ofNullable(ctx.formParam("warnings")).orElse("").lines().map(String::strip)
                .filter(w -> !w.isEmpty()).toList();
        UploadedFile file = ctx.uploadedFile("certificate");
        List<String> problems = new ArrayList<>(observers.problems());
        if (file == null || file.size() == 0) {
            problems.add("certificate: choose the PDF file the device printed");
        } else if (file.size() > EquipmentRecords.MAX_CERTIFICATE) {
            problems.add("certificate: " + file.filename() + " is " + file.size() + " bytes; at most " + EquipmentRecords.MAX_CERTIFICATE
                    + " are kept");
        }
        if (problems.isEmpty()) {
            byte[] pdf;
            try (var in = file.content()) {
                pdf = in.readAllBytes();
            }
            switch (p.workspace.equipmentRecords().attachCertificate(e.id(), observers.people(), warnings, pdf, u.actor())) {
                case EquipmentRecords.Attachment.Attached done -> {
                    ctx.redirect(path(a, e), io.javalin.http.HttpStatus.SEE_OTHER);
                    return;
                }
                case EquipmentRecords.Attachment.Refused no -> problems.add((file.filename() == null ? "certificate" : file.filename())
                        + ": " + no.reason());
            }
        }
        ctx.status(400);
        page(ctx, a, e, new Html().el("p", "Nothing was attached: " + String.join("; ", problems) + ".", "class", "problem", "id", "problem"));
    }

    /** The device's certificate when one is attached, else one printed from the record. */
    private static void certificate(PortalContext p, Context ctx, GpUnit a, LatEntry e) throws IOException {
        Optional<byte[]> attached = e.certificate().isPresent() ? p.workspace.equipmentRecords().certificatePdf(e.id()) : Optional.empty();
        byte[] pdf;
        if (attached.isPresent()) {
            pdf = attached.get();
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CustodyReports.latCertificate(e.record(), e.device(), a.name()).writePdf(p.clock, bytes);
            pdf = bytes.toByteArray();
        }
        EquipmentPages.sendFile(ctx, true, "lat-certificate-" + e.device().value() + "-" + e.id() + ".pdf", pdf);
    }
}
