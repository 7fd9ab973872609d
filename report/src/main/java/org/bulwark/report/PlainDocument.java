package org.bulwark.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A printable document made of headings, paragraphs, tables and signature lines, for the reports
 * that are lists rather than results (audit retrieval lists, audit reports). Same pages, fonts and
 * footer as the results report.
 */
public final class PlainDocument {
    private PlainDocument() {}

    /** A part of the document, top to bottom. */
    public sealed interface Block {
        record Heading(String text) implements Block {}

        record Paragraph(String text) implements Block {}

        /**
         * A table; {@code columns} are the left edges as fractions of the text width (0 for the first).
         */
        record Table(List<String> header, List<List<String>> rows, float[] columns) implements Block {
            public Table {
                header = List.copyOf(header);
                rows = rows.stream().map(List::copyOf).toList();
                columns = columns.clone();
                if (columns.length != header.size()) {
                    throw new IllegalArgumentException(header.size() + " columns but " + columns.length + " positions");
                }
            }
        }

        /** Lines for people to sign, each with the role printed under it. */
        record Signatures(List<String> roles) implements Block {
            public Signatures {
                roles = List.copyOf(roles);
            }
        }
    }

    /** Writes the blocks as a PDF with {@code footer} and page numbers on every page. */
    public static void write(String title, List<Block> blocks, String footer, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(); PdfPages pages = new PdfPages(document)) {
            pages.newPage();
            pages.paragraph(PdfPages.BOLD, 16, PdfPages.LEFT, title);
            pages.space(6);
            for (Block block : blocks) {
                switch (block) {
                    case Block.Heading h -> {
                        pages.space(8);
                        pages.need(40);
                        pages.paragraph(PdfPages.BOLD, 12, PdfPages.LEFT, h.text());
                        pages.rule();
                    }
                    case Block.Paragraph p -> pages.paragraph(PdfPages.REGULAR, 10, PdfPages.LEFT, p.text());
                    case Block.Table t -> {
                        float[] xs = new float[t.columns().length];
                        for (int i = 0; i < xs.length; i++) {
                            xs[i] = PdfPages.LEFT + t.columns()[i] * PdfPages.WIDTH;
                        }
                        pages.row(PdfPages.BOLD, 9, xs, t.header().toArray(String[]::new));
                        for (List<String> row : t.rows()) {
                            pages.row(PdfPages.REGULAR, 9, xs, row.toArray(String[]::new));
                        }
                        pages.space(4);
                    }
                    case Block.Signatures s -> {
                        for (String role : s.roles()) {
                            pages.need(48);
                            pages.space(30);
                            pages.signatureLine(PdfPages.LEFT, 220);
                            pages.line(PdfPages.REGULAR, 9, PdfPages.LEFT, role);
                        }
                    }
                }
            }
            pages.footers(footer);
            document.save(out);
        }
    }
}
