package org.bulwark.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.bulwark.custody.LatRecord;
import org.bulwark.model.GpUnit;
import org.bulwark.report.CustodyReports;
import org.bulwark.store.EquipmentListings.LatEntry;

/**
 * An authority's logic and accuracy records (the devices' lat-record.json files recorded with
 * {@code bulwark readiness lat}): the list by test date, a record's page with every mismatch, and its
 * certificate as a PDF with lines for the test board and the observers to sign.
 */
final class LatPages {
    private LatPages() {}

    static List<Route> routes(PortalContext p) {
        Access viewers = new Access.Roles(EquipmentPages.VIEWERS, Access.Scope.OWN_AUTHORITY);
        return List.of(
                Route.get("/a/{authority}/lat", viewers, ctx -> EquipmentPages.authority(p, ctx).ifPresent(a -> list(p, ctx, a))),
                Route.get("/a/{authority}/lat/{id}", viewers, ctx -> withRecord(p, ctx, (a, e) -> page(ctx, a, e))),
                Route.get("/a/{authority}/lat/{id}/certificate.pdf", viewers, ctx -> withRecord(p, ctx, (a, e) -> certificate(p, ctx, a, e))));
    }

    private static List<LatEntry> of(PortalContext p, GpUnit authority) {
        return p.workspace.equipmentListings().latRecords(PortalData.Snapshot.custodyNames(authority));
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
                    .el("th", "Serial").el("th", "Result").el("th", "Mismatches").el("th", "Election").el("th", "Certificate").close("tr");
            for (LatEntry e : records) {
                LatRecord r = e.record();
                h.open("tr").open("td").a(path(a, e), "#" + e.id()).close("td").el("td", r.date()).el("td", r.kind().word())
                        .open("td").a(EquipmentPages.devicePath(a, e.device()), e.device().value()).close("td").el("td", r.deviceSerial())
                        .el("td", r.passed() ? "passed" : "FAILED", "class", r.passed() ? "done" : "open")
                        .el("td", r.mismatches().size(), "class", "num").open("td").add(Pages.fingerprint(r.electionFingerprint().hex()))
                        .close("td").open("td").a(path(a, e) + "/certificate.pdf", "PDF").close("td").close("tr");
            }
            h.close("table");
        }
        Pages.send(ctx, "L&A records of " + a.name(), h);
    }

    private static void withRecord(PortalContext p, Context ctx, EquipmentPages.ItemWork<LatEntry> work) throws Exception {
        EquipmentPages.withItem(p, ctx, "L&A record", a -> of(p, a), LatEntry::id, work);
    }

    private static void page(Context ctx, GpUnit a, LatEntry e) {
        LatRecord r = e.record();
        Html h = new Html();
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
        h.open("p").a(path(a, e) + "/certificate.pdf", "Certificate (PDF, for the test board and observers to sign)", "id", "certificate")
                .close("p");
        h.el("p", "The record file names no observers and carries no warnings: the observers sign the printed certificate, "
                + "and the device's own certificate, printed at the test, lists the observers and any warning.", "class", "note");
        Pages.send(ctx, "L&A record #" + e.id(), h);
    }

    private static void certificate(PortalContext p, Context ctx, GpUnit a, LatEntry e) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CustodyReports.latCertificate(e.record(), e.device(), a.name()).writePdf(p.clock, bytes);
        EquipmentPages.sendFile(ctx, true, "lat-certificate-" + e.device().value() + "-" + e.id() + ".pdf", bytes.toByteArray());
    }
}
