package org.bulwark.report;

import static org.bulwark.report.PdfPages.BOLD;
import static org.bulwark.report.PdfPages.LEFT;
import static org.bulwark.report.PdfPages.REGULAR;
import static org.bulwark.report.PdfPages.WIDTH;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A printable log or register with signature lines: a title, facts about what it covers, a table of
 * entries (short cells on one line, then an optional wrapped detail under them), a closing
 * statement, and a line for each person who signs it. Seal log sheets, custody logs, readiness and
 * incident reports are such lists.
 */
public final class SignedListReport {
    /** One entry: its cells under the columns, and an optional longer text printed under them. */
    public record Entry(List<String> cells, Optional<String> detail) {
        public Entry {
            cells = List.copyOf(cells);
        }
    }

    /** A column: its heading and its share of the page width (the shares of all columns add up to at most 1). */
    public record Column(String heading, float share) {}

    /**
     * @param facts lines under the title: who, what, which period
     * @param statement what the signers attest, printed above the signature lines
     * @param signers who signs, e.g. "Election judge (Democratic)"; each gets a line for signature, printed name and date
     */
    public record Spec(String title, List<String> facts, List<Column> columns, List<Entry> entries, String statement,
            List<String> signers, String footer) {
        public Spec {
            Objects.requireNonNull(title, "title");
            facts = List.copyOf(facts);
            columns = List.copyOf(columns);
            entries = List.copyOf(entries);
            Objects.requireNonNull(statement, "statement");
            signers = List.copyOf(signers);
            Objects.requireNonNull(footer, "footer");
            for (Entry e : entries) {
                if (e.cells().size() != columns.size()) {
                    throw new IllegalArgumentException("an entry has " + e.cells().size() + " cells for " + columns.size() + " columns");
                }
            }
        }
    }

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private SignedListReport() {}

    /** Writes the report as a PDF to {@code out}, which is flushed and left open. */
    public static void write(Spec spec, Clock clock, OutputStream out) throws IOException {
        ZonedDateTime printed = ZonedDateTime.now(clock).withNano(0);
        float[] xs = new float[spec.columns().size()];
        float x = LEFT;
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x;
            x += spec.columns().get(i).share() * WIDTH;
        }
        try (PDDocument document = new PDDocument(); PdfPages p = new PdfPages(document)) {
            document.getDocumentInformation().setTitle(spec.title());
            document.getDocumentInformation().setCreator("Bulwark");
            document.getDocumentInformation().setCreationDate(GregorianCalendar.from(printed));
            p.newPage();
            p.paragraph(BOLD, 16, LEFT, spec.title());
            p.space(4);
            for (String fact : spec.facts()) {
                p.paragraph(REGULAR, 10, LEFT, fact);
            }
            p.line(REGULAR, 10, LEFT, "Printed: " + printed.format(PRINTED));
            p.rule();
            p.row(BOLD, 8.5f, xs, spec.columns().stream().map(Column::heading).toArray(String[]::new));
            if (spec.entries().isEmpty()) {
                p.line(REGULAR, 9, LEFT, "(no entries)");
            }
            for (Entry e : spec.entries()) {
                p.row(REGULAR, 8.5f, xs, e.cells().toArray(String[]::new));
                if (e.detail().isPresent()) {
                    p.paragraph(REGULAR, 8, LEFT + 14, e.detail().get());
                }
                p.space(2);
            }
            p.rule();
            p.need(60 + 40 * spec.signers().size());
            p.space(8);
            p.paragraph(REGULAR, 10, LEFT, spec.statement());
            for (String signer : spec.signers()) {
                p.space(34);
                p.signatureLine(LEFT, 230);
                p.signatureLine(LEFT + 250, 130);
                p.signatureLine(LEFT + 400, 104);
                p.row(REGULAR, 8, new float[] {LEFT, LEFT + 250, LEFT + 400}, "Signature, " + signer, "Printed name and party", "Date");
            }
            p.footers(spec.footer());
            document.save(out);
        }
        out.flush();
    }
}
