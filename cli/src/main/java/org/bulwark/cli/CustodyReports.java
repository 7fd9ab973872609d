package org.bulwark.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.bulwark.custody.Asset;
import org.bulwark.custody.AssetHistory;
import org.bulwark.custody.CustodyEvent;
import org.bulwark.custody.Incident;
import org.bulwark.custody.ReadinessCheck;
import org.bulwark.custody.ReadinessMatrix;
import org.bulwark.report.SignedListReport;
import org.bulwark.report.SignedListReport.Column;
import org.bulwark.report.SignedListReport.Entry;

/**
 * The custody reports, each as a PDF with signature lines and as CSV with the same entries: the seal
 * log sheet of a device, the custody log of an asset, the readiness report, the incident report.
 */
final class CustodyReports {
    private static final List<String> BIPARTISAN = List.of("election judge or official (first major party)",
            "election judge or official (second major party)");

    private CustodyReports() {}

    /** A report in both forms: the PDF's spec and the CSV's rows (header first). */
    record Report(SignedListReport.Spec pdf, List<List<String>> csv) {
        void write(Optional<Path> pdfFile, Optional<Path> csvFile, Io io) {
            pdfFile.ifPresent(f -> {
                CustodyCli.writePdf(f, pdf, io);
                io.out().println("Wrote " + f);
            });
            csvFile.ifPresent(f -> {
                CustodyCli.writeCsv(f, csv);
                io.out().println("Wrote " + f);
            });
        }
    }

    static Report sealSheet(AssetHistory h) {
        return timeline(h, "Seal log sheet", e -> e instanceof CustodyEvent.SealApplied || e instanceof CustodyEvent.SealVerified
                || e instanceof CustodyEvent.SealBroken, "We certify that the seals listed were applied, verified and broken as recorded, "
                + "in our presence.");
    }

    static Report custodyLog(AssetHistory h) {
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

    private static String kind(CustodyEvent e) {
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

    static Report readiness(ReadinessMatrix m, String scope) {
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

    static Report incidents(List<Incident> incidents, String scope) {
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
