package org.bulwark.device;

import static org.bulwark.report.PdfPages.BOLD;
import static org.bulwark.report.PdfPages.LEFT;
import static org.bulwark.report.PdfPages.MONO;
import static org.bulwark.report.PdfPages.REGULAR;
import static org.bulwark.report.PdfPages.RIGHT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.ResultLabels;
import org.bulwark.report.PdfPages;

/** The device's printed reports besides the results report: the zero report and the L&A certificate. */
final class DeviceReports {
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.US);
    private static final float[] COUNT_COLUMNS = {LEFT + 12, -RIGHT};

    private DeviceReports() {}

    /**
     * The zero report printed when polls open (RSMo 115.233): the device, the election and software
     * fingerprints, every contest with every selection at the count the device holds (zero), the seal
     * numbers the poll workers entered, their names and signature lines.
     */
    static byte[] zeroReport(ElectionIndex index, ElectionResults zero, DeviceIdentity device, String fingerprint, Mode mode,
            PrecinctDevice.OpenPolls request, Clock clock) throws IOException {
        return pdf(mode, "Zero report - device " + device.serial(), p -> {
            header(p, index, device, fingerprint, mode, "Zero Report (polls opening)", clock);
            p.line(BOLD, 11, LEFT, "Ballots counted: " + zero.ballots().total().counted());
            p.line(REGULAR, 10, LEFT, "Seals checked intact: " + String.join(", ", request.seals()));
            p.rule();
            for (Contest contest : index.election().contests()) {
                p.paragraph(BOLD, 10, LEFT, contest.name());
                ContestCounts counts = zero.contest(contest.id()).map(ContestResult::counts).map(b -> b.total()).orElse(null);
                for (ContestSelection s : contest.selections()) {
                    long votes = counts == null ? 0 : counts.votesFor(s.id());
                    p.row(REGULAR, 9, COUNT_COLUMNS, ResultLabels.selection(index, s), Long.toString(votes));
                }
                if (counts == null) {
                    p.line(REGULAR, 8, LEFT + 12, "(counted by ranked-choice tabulation: no first-round tally on the device)");
                }
            }
            p.rule();
            p.paragraph(REGULAR, 10, LEFT, "We certify that this device showed zero ballots and zero votes in every contest"
                    + " before the polls opened, and that the seals listed above were intact.");
            signatures(p, List.of("Poll worker: " + request.pollWorker1(), "Poll worker: " + request.pollWorker2()));
        });
    }

    /** The L&A certificate (RSMo 115.233, 115.479; 15 CSR 30-10.140). */
    static byte[] latCertificate(ElectionIndex index, LatRecord record, LatSession.Notice notice, List<String> warnings,
            DeviceIdentity device, int deckSize, long refused, Clock clock) throws IOException {
        return pdf(Mode.TEST, "L&A certificate - device " + device.serial(), p -> {
            header(p, index, device, record.electionFingerprint().hex(), Mode.TEST,
                    "Logic and Accuracy Test Certificate (" + record.kind().word() + ")", clock);
            p.line(BOLD, 12, LEFT, "Result: " + (record.passed() ? "PASSED - the count was errorless" : "FAILED"));
            p.line(REGULAR, 10, LEFT, "Test date: " + record.date() + "    Public notice given: " + notice.noticeGiven());
            p.line(REGULAR, 10, LEFT, "Test deck: " + deckSize + " ballots, of which " + refused + " returned by the device");
            for (String w : warnings) {
                p.paragraph(BOLD, 10, LEFT, "Warning: " + w);
            }
            p.rule();
            p.line(BOLD, 11, LEFT, "Observers");
            for (LatSession.Observer o : notice.observers()) {
                p.row(REGULAR, 10, new float[] {LEFT + 12, LEFT + 260}, o.name(), o.party());
            }
            p.rule();
            if (record.passed()) {
                p.paragraph(REGULAR, 10, LEFT, "Errorless count: the results report of this device matched the expected"
                        + " results of the test deck exactly, for every selection of every contest, including overvotes and"
                        + " undervotes.");
            } else {
                p.line(BOLD, 11, LEFT, "Errors found (" + record.mismatches().size() + ")");
                for (LatRecord.Mismatch m : record.mismatches()) {
                    p.paragraph(REGULAR, 9, LEFT + 12, m.contest() + " / " + m.selection() + ": expected " + m.expected()
                            + ", found " + m.found());
                }
                p.paragraph(REGULAR, 10, LEFT, "Corrections made (to be filled in by the test board), then the test is run again:");
                p.space(40);
            }
            p.rule();
            signatures(p, notice.observers().stream().map(o -> "Observer (" + o.party() + "): " + o.name()).toList());
        });
    }

    private static void header(PdfPages p, ElectionIndex index, DeviceIdentity device, String fingerprint, Mode mode,
            String title, Clock clock) throws IOException {
        if (mode == Mode.TEST) {
            p.line(BOLD, 13, LEFT, "TEST MODE");
        }
        p.paragraph(BOLD, 16, LEFT, title);
        p.paragraph(BOLD, 12, LEFT, index.election().title() + " (" + index.election().date() + ")");
        p.line(REGULAR, 10, LEFT, "Device: " + device.model() + ", serial " + device.serial() + ", " + device.kind().word());
        p.line(BOLD, 10, LEFT, "Election fingerprint: " + fingerprint.substring(0, 7));
        p.line(MONO, 8, LEFT + 12, fingerprint);
        p.line(BOLD, 10, LEFT, "Software: Bulwark " + device.softwareVersion() + ", fingerprint " + device.shortFingerprint());
        p.line(MONO, 8, LEFT + 12, device.softwareFingerprint());
        p.line(REGULAR, 10, LEFT, "Printed: " + ZonedDateTime.now(clock).withNano(0).format(PRINTED));
        p.rule();
    }

    private static void signatures(PdfPages p, List<String> who) throws IOException {
        for (String w : who) {
            p.need(50);
            p.space(30);
            p.signatureLine(LEFT, 250);
            p.signatureLine(LEFT + 300, 150);
            p.row(REGULAR, 8, new float[] {LEFT, LEFT + 300}, "Signature - " + w, "Date and time");
        }
    }

    @FunctionalInterface
    private interface Content {
        void write(PdfPages pages) throws IOException;
    }

    private static byte[] pdf(Mode mode, String title, Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle(title);
            try (PdfPages p = new PdfPages(doc)) {
                p.newPage();
                content.write(p);
                p.footers((mode == Mode.TEST ? "TEST MODE - " : "") + title);
            }
            doc.save(out);
        }
        return out.toByteArray();
    }
}
