package org.bulwark.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bulwark.custody.Asset;
import org.bulwark.custody.AssetHistory;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.CustodyEvent;
import org.bulwark.custody.Incident;
import org.bulwark.custody.ReadinessCheck;
import org.bulwark.custody.ReadinessMatrix;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.report.SignedListReport.Column;
import org.bulwark.report.SignedListReport.Entry;

/**
 * The custody reports, each as a PDF with signature lines and as CSV with the same entries: the seal
 * log sheet of a device, the custody log of an asset, the readiness report, the incident report.
 * The command line writes them to files and the portal serves them: both print the same report.
 */
public final class CustodyReports {
    private static final List<String> BIPARTISAN = List.of("election judge or official (first major party)",
            "election judge or official (second major party)");

    private CustodyReports() {}

    /** A report in both forms: the PDF's spec and the CSV's rows (header first). */
    public record Report(SignedListReport.Spec pdf, List<List<String>> csv) {
        public Report {
            csv = List.copyOf(csv);
        }

        /** Writes the PDF with signature lines to {@code out}, which is flushed and left open. */
        public void writePdf(Clock clock, OutputStream out) throws IOException {
            SignedListReport.write(pdf, clock, out);
        }

        /** Writes the entries as CSV (RFC 4180, UTF-8) to {@code out}, which is flushed and left open. */
        public void writeCsv(OutputStream out) throws IOException {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
            for (List<String> row : csv) {
                p.printRecord(row);
            }
            p.flush();
        }
    }

    /** Whether an entry belongs on the seal log sheet: a seal applied, verified or broken (a replacement is a break and an apply). */
    public static boolean sealEntry(CustodyEvent e) {
        return e instanceof CustodyEvent.SealApplied || e instanceof CustodyEvent.SealVerified || e instanceof CustodyEvent.SealBroken;
    }

    public static Report sealSheet(AssetHistory h) {
        return timeline(h, "Seal log sheet", CustodyReports::sealEntry, "We certify that the seals listed were applied, verified and broken as recorded, "
                + "in our presence.");
    }

    public static Report custodyLog(AssetHistory h) {
        return timeline(h, "Custody log", e -> true, "We certify that this log is a true account of the custody of this item.");
    }

    private static Report timeline(AssetHistory h, String title, Predicate<CustodyEvent> include, String statement) {
        Asset a = h.current();
        List<Entry> entries = new ArrayList<>();
        List<List<String>> csv = new ArrayList<>();
        csv.add(List.of("asset", "time", "entry", "details"));
        for (CustodyEvent e : h.timeline()) {
            if (include.test(e)) {
                String what = kind(e);
                entries.add(new Entry(List.of(e.at().toString(), what), Optional.of(e.describe())));
                csv.add(List.of(a.tag().value(), e.at().toString(), what, e.describe()));
            }
        }
        String name = a.kind().word() + " " + a.tag() + " (" + a.model() + a.version().map(v -> " " + v).orElse("") + ", serial " + a.serial() + ")";
        var spec = new SignedListReport.Spec(title + ": " + a.tag(), List.of(name, "Owned by " + a.authority() + "; now at " + a.location()
                + " with " + a.custodian() + "; status " + a.status().word()), List.of(new Column("Time (UTC)", 0.35f), new Column("Entry", 0.65f)),
                entries, statement, BIPARTISAN, "Bulwark " + title.toLowerCase(java.util.Locale.ROOT) + " - " + a.tag());
        return new Report(spec, csv);
    }

    /** An entry's short name, as the reports' "Entry" column and the portal's timeline show it. */
    public static String kind(CustodyEvent e) {
        return switch (e) {
            case CustodyEvent.SealApplied s -> "seal " + s.number() + " applied (" + s.point() + ")";
            case CustodyEvent.SealVerified v -> "seal verified (" + v.point() + ")" + (v.good() ? "" : " DISCREPANCY");
            case CustodyEvent.SealBroken b -> "seal " + b.number() + " broken (" + b.point() + ")";
            case CustodyEvent.Transferred t -> "transfer #" + t.transferId();
            case CustodyEvent.MemoryAccessed m -> "memory " + m.action();
            case CustodyEvent.LatRecorded l -> "L&A " + l.record().kind().word();
            case CustodyEvent.RecordChanged r -> "record";
        };
    }

    /**
     * The certificate of an L&A test as the workspace recorded it (from the device's lat-record.json):
     * the device, the fingerprints, the date, the result and every mismatch, with lines for the test
     * board and the observers to sign. The record file names no observers, so they sign here by hand.
     */
    public static Report latCertificate(LatRecord r, AssetTag device, String authority) {
        List<Entry> entries = new ArrayList<>();
        List<List<String>> csv = new ArrayList<>();
        csv.add(List.of("device", "serial", "date", "kind", "passed", "contest", "selection", "expected", "found"));
        for (LatRecord.Mismatch m : r.mismatches()) {
            List<String> cells = List.of(m.contest(), m.selection(), Long.toString(m.expected()), Long.toString(m.found()));
            entries.add(new Entry(cells, Optional.empty()));
            List<String> row = new ArrayList<>(List.of(device.value(), r.deviceSerial(), r.date().toString(), r.kind().word(), Boolean.toString(r.passed())));
            row.addAll(cells);
            csv.add(row);
        }
        if (r.mismatches().isEmpty()) {
            csv.add(List.of(device.value(), r.deviceSerial(), r.date().toString(), r.kind().word(), Boolean.toString(r.passed()), "", "", "", ""));
        }
        var spec = new SignedListReport.Spec("Logic and accuracy test certificate: " + device, List.of(
                "Voting device " + device + " of " + authority + ": " + r.deviceModel() + ", serial " + r.deviceSerial() + ".",
                r.kind().word() + " test on " + r.date() + ": " + (r.passed() ? "PASSED, every count matched the test deck."
                        : "FAILED, " + r.mismatches().size() + " counts differed from the test deck (listed below)."),
                "Software fingerprint " + r.softwareFingerprint().value(), "Election fingerprint " + r.electionFingerprint().value()),
                List.of(new Column("Contest", 0.4f), new Column("Selection", 0.3f), new Column("Expected", 0.15f), new Column("Found", 0.15f)),
                entries, "We certify that this logic and accuracy test was conducted in public as recorded (RSMo 115.233, 15 CSR 30-10.140).",
                List.of("test board member (first major party)", "test board member (second major party)", "observer", "observer"),
                "Bulwark L&A certificate - " + device);
        return new Report(spec, csv);
    }

    public static Report readiness(ReadinessMatrix m, String scope) {
        List<Column> columns = new ArrayList<>(List.of(new Column("Authority", 0.22f), new Column("Devices", 0.1f), new Column("Ready", 0.1f)));
        float share = 0.58f / m.checks().size();
        m.checks().forEach(c -> columns.add(new Column(c.heading(), share)));
        List<Entry> entries = new ArrayList<>();
        for (ReadinessMatrix.Row r : m.rows()) {
            List<String> failing = m.failing().stream().filter(f -> f.authority().value().equals(r.name()))
                    .map(f -> f.device() + " (" + f.failed().stream().map(ReadinessCheck::word).reduce((x, y) -> x + ", " + y).orElse("") + ")")
                    .toList();
            entries.add(new Entry(m.csvRows().get(entries.size() + 1), failing.isEmpty() ? Optional.empty()
                    : Optional.of("Not ready: " + String.join("; ", failing))));
        }
        entries.add(new Entry(m.csvRows().getLast(), Optional.empty()));
        List<List<String>> csv = new ArrayList<>();
        csv.add(List.of("authority", "device", "serial", "failed checks"));
        for (ReadinessMatrix.FailingDevice f : m.failing()) {
            csv.add(List.of(f.authority().value(), f.device().value(), f.serial(), String.join(" ", f.failed().stream().map(ReadinessCheck::word).toList())));
        }
        var spec = new SignedListReport.Spec("Readiness report: " + scope, List.of("Voting devices in service, by election authority: how many "
                + "are ready and how many fail each check (counts), with the devices that are not ready.",
                "Ready: " + m.statewide().ready() + " of " + m.statewide().devices() + " devices."), columns, entries,
                "We certify that the devices listed as not ready will not open their polls without a logged override.",
                List.of("election authority", "state election director"), "Bulwark readiness report - " + scope);
        return new Report(spec, matrixPlusFailing(m, csv));
    }

    /** The CSV of the readiness report: the matrix, a blank line, then the failing devices. */
    private static List<List<String>> matrixPlusFailing(ReadinessMatrix m, List<List<String>> failing) {
        List<List<String>> all = new ArrayList<>(m.csvRows());
        all.add(List.of());
        all.addAll(failing);
        return all;
    }

    public static Report incidents(List<Incident> incidents, String scope) {
        List<Entry> entries = new ArrayList<>();
        List<List<String>> csv = new ArrayList<>();
        csv.add(List.of("id", "authority", "asset", "kind", "status", "opened", "assigned to", "description", "resolution"));
        for (Incident i : incidents) {
            String resolution = i.resolution().map(r -> r.at() + " by " + r.by() + ": " + r.note()).orElse("");
            entries.add(new Entry(List.of("#" + i.id(), i.authority().value(), i.asset().map(Object::toString).orElse("-"), i.kind().word(), i.status()),
                    Optional.of(i.opened() + ": " + i.kind().meaning() + ". " + i.description() + i.assignedTo().map(p -> " Assigned to " + p + ".").orElse("")
                            + (resolution.isEmpty() ? "" : " Resolved " + resolution))));
            csv.add(List.of(Long.toString(i.id()), i.authority().value(), i.asset().map(Object::toString).orElse(""), i.kind().word(), i.status(),
                    i.opened().toString(), i.assignedTo().orElse(""), i.description(), resolution));
        }
        long open = incidents.stream().filter(Incident::open).count();
        var spec = new SignedListReport.Spec("Incident report: " + scope, List.of(incidents.size() + " incidents, " + open + " not resolved. "
                + "An unresolved incident blocks certification of its authority's results."),
                List.of(new Column("Incident", 0.1f), new Column("Authority", 0.2f), new Column("Asset", 0.2f), new Column("Kind", 0.3f),
                        new Column("Status", 0.2f)), entries, "We certify that this report lists every custody incident recorded.",
                List.of("election authority"), "Bulwark incident report - " + scope);
        return new Report(spec, csv);
    }
}
