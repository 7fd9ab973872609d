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
import org.bulwark.tally.rcv.RankTable;

/** The device's printed reports besides the results report: the zero report and the L&A certificate. */
final class DeviceReports {
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.US);
    private static final float[] COUNT_COLUMNS = {LEFT + 12, -RIGHT};
    /** Rank columns that fit across a Letter page at 8 points; further ranks are in the results package. */
    private static final int MAX_RANK_COLUMNS = 10;

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
                    p.line(REGULAR, 8, LEFT + 12, "(ranked choice: the results report shows first choices and every rank;"
                            + " the rounds are counted centrally)");
                }
            }
            p.rule();
            p.paragraph(REGULAR, 10, LEFT, "We certify that this device showed zero ballots and zero votes in every contest"
                    + " before the polls opened, and that the seals listed above were intact.");
            signatures(p, List.of("Poll worker: " + request.pollWorker1(), "Poll worker: " + request.pollWorker2()));
        });
    }

    /**
     * The ranked-choice section of the results report: per ranked contest, the first choices of each
     * candidate and the candidate x rank table. The rounds are not the device's: without the contest's
     * rules (overvotes, skipped ranks) they belong to central count, and the tape says so.
     */
    static void rankedChoices(PdfPages p, ElectionIndex index, List<RankTable> tables) throws IOException {
        for (RankTable t : tables) {
            Contest contest = index.contest(t.contest()).orElseThrow();
            int shown = Math.min(t.ranks(), MAX_RANK_COLUMNS);
            float[] columns = new float[shown + 2];
            columns[0] = LEFT + 12;
            float step = (RIGHT - (LEFT + 190)) / (shown + 1);
            for (int i = 1; i < columns.length; i++) {
                columns[i] = -(LEFT + 190 + step * i);
            }
            p.need(80 + 14 * contest.selections().size());
            p.space(6);
            p.paragraph(BOLD, 12, LEFT, contest.name() + " (ranked choice)");
            p.paragraph(REGULAR, 9, LEFT, "Rank up to " + t.ranks() + "    Contest id " + contest.id() + "    Ballots: " + t.ballots()
                    + ". The ranked-choice tabulation (rounds, eliminations, winner) is done by central count, not by this device.");
            String[] head = new String[shown + 2];
            head[0] = "Candidate";
            head[1] = "1st choices";
            for (int r = 1; r <= shown; r++) {
                head[r + 1] = "Rank " + r;
            }
            p.row(BOLD, 8, columns, head);
            for (ContestSelection s : contest.selections()) {
                List<Long> counts = t.byRank().get(s.id());
                if (counts == null) {
                    continue;
                }
                String[] row = new String[shown + 2];
                row[0] = ResultLabels.selection(index, s);
                row[1] = Long.toString(t.firstChoices().get(s.id()));
                for (int r = 1; r <= shown; r++) {
                    row[r + 1] = Long.toString(counts.get(r - 1));
                }
                p.row(REGULAR, 8, columns, row);
            }
            p.row(REGULAR, 9, COUNT_COLUMNS, "Ballots with no first choice", Long.toString(t.noFirstChoice()));
            p.row(REGULAR, 9, COUNT_COLUMNS, "Ballots with several first choices (overvoted at rank 1)", Long.toString(t.firstRankOvervoted()));
            if (shown < t.ranks()) {
                p.line(REGULAR, 8, LEFT + 12, "Ranks " + (shown + 1) + " to " + t.ranks() + " are in ranked-choices.json of the results package.");
            }
            p.rule();
        }
    }

    /**
     * The device block of the results report: the software fingerprint in full (the title has it short)
     * and the log's size and chain head when the report was printed, so the log can be matched to the tape.
     */
    static void device(PdfPages p, DeviceIdentity device, int events, String logHead) throws IOException {
        p.need(60);
        p.space(6);
        p.line(BOLD, 11, LEFT, "Device " + device.serial() + " (" + device.model() + ", " + device.kind().word() + ")");
        p.line(REGULAR, 9, LEFT + 12, "Software: Bulwark " + device.softwareVersion() + ", fingerprint");
        p.line(MONO, 8, LEFT + 12, device.softwareFingerprint());
        p.line(REGULAR, 9, LEFT + 12, "Event log at printing: " + events + " events, chain head");
        p.line(MONO, 8, LEFT + 12, logHead);
        p.rule();
    }

    /** The same tables as ranked-choices.json in the results package ({"format":"bulwark-ranked-choices","version":1,...}). */
    static byte[] rankedChoicesJson(List<RankTable> tables) {
        return SmallJson.write(g -> {
            g.writeStringField("format", "bulwark-ranked-choices");
            g.writeNumberField("version", 1);
            g.writeStringField("note", "first choices and rankings only: the ranked-choice tabulation is done by central count");
            g.writeArrayFieldStart("contests");
            for (RankTable t : tables) {
                g.writeStartObject();
                g.writeStringField("contest", t.contest().value());
                g.writeNumberField("ranks", t.ranks());
                g.writeNumberField("ballots", t.ballots());
                g.writeNumberField("noFirstChoice", t.noFirstChoice());
                g.writeNumberField("firstRankOvervoted", t.firstRankOvervoted());
                g.writeArrayFieldStart("selections");
                for (var e : t.byRank().entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("selection", e.getKey().value());
                    g.writeNumberField("firstChoices", t.firstChoices().get(e.getKey()));
                    g.writeArrayFieldStart("byRank");
                    for (long n : e.getValue()) {
                        g.writeNumber(n);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
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
