package org.bulwark.device;

import static org.bulwark.report.PdfPages.BOLD;
import static org.bulwark.report.PdfPages.LEFT;
import static org.bulwark.report.PdfPages.MONO;
import static org.bulwark.report.PdfPages.REGULAR;
import static org.bulwark.report.PdfPages.RIGHT;
import static org.bulwark.report.PdfPages.SIZE;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CvrContest;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.Mark;
import org.bulwark.model.results.ResultLabels;
import org.bulwark.report.PdfPages;

/**
 * The paper record of one ballot as a PDF page people can read: every contest of the style with the
 * selections made, "no selection" where none was, write-in names as written, and the QR code that
 * holds the same in compact form (top right). Test ballots say so in large letters. No time is
 * printed and the PDF carries no dates, so paper cannot reveal the order of casting.
 */
final class PaperRecordPdf {
    /**
     * Side of one QR module, in points: 1/25 inch, so a whole number of pixels at the resolutions
     * scanners use (6 at 150 dpi, 8 at 200, 12 at 300, 24 at 600): modules of whole pixels read far
     * more reliably than fractions.
     */
    static final float MODULE = 72f / 25;

    private PaperRecordPdf() {}

    static byte[] write(ElectionIndex index, CastVoteRecord cvr, PaperRecord record, String deviceModel) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle("Paper record " + record.ballotId());
            BufferedImage code = QrCodes.draw(record.encode());
            float qrSize = code.getWidth() * MODULE;
            try (PdfPages p = new PdfPages(doc)) {
                p.newPage();
                float textRight = RIGHT - qrSize - 12;
                boolean test = record.mode() == Mode.TEST;
                p.line(BOLD, 16, LEFT, test ? "TEST BALLOT - NOT AN OFFICIAL VOTE" : "OFFICIAL BALLOT RECORD");
                p.line(BOLD, 11, LEFT, cut(p, index.election().title(), textRight));
                p.line(REGULAR, 9, LEFT, "Election date " + index.election().date() + "   Fingerprint "
                        + record.electionFingerprint().substring(0, 7));
                p.line(REGULAR, 9, LEFT, "Ballot style " + record.style().value() + "   Precinct "
                        + cut(p, ResultLabels.unit(index, record.precinct()), textRight - 150));
                p.line(REGULAR, 9, LEFT, "Device " + record.deviceSerial() + " (" + deviceModel + ")");
                p.line(MONO, 8, LEFT, "Ballot id " + record.ballotId());
                p.space(Math.max(0, qrSize - 84));
                p.rule();
                for (CvrContest c : cvr.contests()) {
                    contest(p, index, c);
                }
                p.footers((test ? "TEST - " : "") + "Paper record " + record.ballotId() + " - fingerprint "
                        + record.electionFingerprint().substring(0, 7));
            }
            PDImageXObject qr = LosslessFactory.createFromImage(doc, code);
            try (PDPageContentStream c = new PDPageContentStream(doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND, false)) {
                c.drawImage(qr, RIGHT - qrSize, SIZE.getHeight() - PdfPages.MARGIN - qrSize, qrSize, qrSize);
            }
            doc.save(out);
        }
        return out.toByteArray();
    }

    private static void contest(PdfPages p, ElectionIndex index, CvrContest c) throws IOException {
        Contest contest = index.contest(c.contest()).orElseThrow();
        boolean ranked = BallotRules.ranks(contest) > 0;
        p.need(40);
        p.space(3);
        p.paragraph(BOLD, 10, LEFT, contest.name());
        p.line(REGULAR, 8, LEFT, ranked ? "Rank up to " + BallotRules.ranks(contest) + " choices" : "Vote for " + contest.votesAllowed());
        if (c.recordedOvervotes().orElse(0) > 0) {
            p.line(BOLD, 10, LEFT + 12, "OVERVOTED: more selections than allowed; no vote counts in this contest");
        }
        if (c.marks().isEmpty()) {
            p.line(REGULAR, 10, LEFT + 12, "no selection");
        }
        List<Mark> marks = c.marks();
        for (Mark m : marks) {
            ContestSelection s = contest.selections().stream().filter(x -> x.id().equals(m.selection())).findFirst().orElseThrow();
            String label = s instanceof ContestSelection.WriteIn
                    ? "Write-in: " + m.writeInName().orElse("(no name written)")
                    : ResultLabels.selection(index, s);
            p.paragraph(REGULAR, 10, LEFT + 12, (ranked ? ordinal(m.rank()) + " choice: " : "[X] ") + label
                    + (m.generatedByRules() ? "   (by straight-party vote)" : ""));
        }
        if (contest instanceof Contest.PartyContest && c.marks().size() == 1) {
            p.line(REGULAR, 8, LEFT + 12, "(marks this party's candidates in every partisan contest not marked by hand)");
        }
        if (!ranked && c.recordedUndervotes().orElse(0) > 0 && !marks.isEmpty()) {
            p.line(REGULAR, 8, LEFT + 12, "(" + c.recordedUndervotes().getAsInt() + " fewer than allowed)");
        }
    }

    private static String cut(PdfPages p, String text, float width) throws IOException {
        String t = text;
        while (t.length() > 4 && p.width(REGULAR, 11, t) > width - LEFT) {
            t = t.substring(0, t.length() - 4) + "...";
        }
        return t;
    }

    static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
