package org.bulwark.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes text top to bottom over as many Letter pages as it takes: a cursor, page breaks, wrapping
 * and a footer on every page once the page count is known. Standard 14 fonts only, so the PDF
 * needs nothing installed to open; characters they cannot show are printed as '?'.
 */
public final class PdfPages implements AutoCloseable {
    public static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    public static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    public static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

    public static final float MARGIN = 54;
    public static final float FOOTER = 36;
    public static final PDRectangle SIZE = PDRectangle.LETTER;
    public static final float LEFT = MARGIN;
    public static final float RIGHT = SIZE.getWidth() - MARGIN;
    public static final float WIDTH = RIGHT - LEFT;

    private final PDDocument document;
    private final List<PDPage> pages = new ArrayList<>();
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    public PdfPages(PDDocument document) {
        this.document = document;
    }

    /** Starts a new page if fewer than {@code height} points are left on this one. */
    public void need(float height) throws IOException {
        if (content == null || y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    public void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
    }

    public void space(float points) {
        y -= points;
    }

    /** One line of text at {@code x}, moving the cursor down by the line height. */
    public void line(PDType1Font font, float size, float x, String text) throws IOException {
        need(size * 1.35f);
        y -= size * 1.35f;
        show(font, size, x, y, text);
    }

    /** Text wrapped to the width between {@code x} and the right margin. */
    public void paragraph(PDType1Font font, float size, float x, String text) throws IOException {
        for (String l : wrap(font, size, safe(font, text), RIGHT - x)) {
            line(font, size, x, l);
        }
    }

    /** The height {@link #paragraph} will take for this text. */
    public float paragraphHeight(PDType1Font font, float size, float x, String text) throws IOException {
        return wrap(font, size, safe(font, text), RIGHT - x).size() * size * 1.35f;
    }

    /**
     * Cells on one row: texts at the given x positions; a negative x right-aligns the cell at -x. A
     * first cell too long for its column wraps onto lines of its own above the row.
     */
    public void row(PDType1Font font, float size, float[] xs, String... cells) throws IOException {
        float lineHeight = size * 1.35f;
        List<String> label = List.of(safe(font, cells[0]));
        if (cells.length > 1) {
            // Right-aligned numbers need about 70 points; leave that and a gap to the label.
            float nextColumn = xs[1] >= 0 ? xs[1] : -xs[1] - 70;
            label = wrap(font, size, safe(font, cells[0]), nextColumn - xs[0] - 6);
        }
        need(lineHeight * label.size());
        for (int i = 0; i < label.size() - 1; i++) {
            y -= lineHeight;
            show(font, size, xs[0], y, label.get(i));
        }
        y -= lineHeight;
        show(font, size, xs[0], y, label.get(label.size() - 1));
        for (int i = 1; i < cells.length; i++) {
            String text = safe(font, cells[i]);
            float x = xs[i] >= 0 ? xs[i] : -xs[i] - width(font, size, text);
            show(font, size, x, y, text);
        }
    }

    /** A thin horizontal rule across the text width. */
    public void rule() throws IOException {
        need(6);
        y -= 3;
        content.setLineWidth(0.5f);
        content.moveTo(LEFT, y);
        content.lineTo(RIGHT, y);
        content.stroke();
        y -= 3;
    }

    /** A line to sign on, from x over the given length, at the cursor. */
    public void signatureLine(float x, float length) throws IOException {
        content.setLineWidth(0.75f);
        content.moveTo(x, y);
        content.lineTo(x + length, y);
        content.stroke();
    }

    private void show(PDType1Font font, float size, float x, float atY, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, atY);
        content.showText(safe(font, text));
        content.endText();
    }

    public float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(safe(font, text)) / 1000 * size;
    }

    /** The text with every character the font cannot encode replaced by '?'. */
    public String safe(PDType1Font font, String text) {
        // Nearly every text is ASCII the font encodes: returned as it is, with no look-up per character.
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            char c = text.charAt(i);
            plain = c < ASCII && encodable(font, c);
        }
        if (plain) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (encodable(font, cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private static final int ASCII = 128;
    /** For each ASCII character: 0 not yet asked, 1 encodable, 2 not; the rest in {@link #encodable}. */
    private final byte[] asciiEncodable = new byte[ASCII];

    private boolean encodable(PDType1Font font, int cp) {
        if (cp < ASCII) {
            if (asciiEncodable[cp] == 0) {
                asciiEncodable[cp] = (byte) (canEncode(font, cp) ? 1 : 2);
            }
            return asciiEncodable[cp] == 1;
        }
        return encodable.computeIfAbsent(cp, c -> canEncode(font, c));
    }

    private static boolean canEncode(PDType1Font font, int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return !Character.isISOControl(cp);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Lines of at most {@code maxWidth}, broken at spaces; a word longer than a line is cut. */
    private List<String> wrap(PDType1Font font, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            while (width(font, size, word) > maxWidth && word.length() > 1) {
                int fits = 1;
                while (fits < word.length() && width(font, size, word.substring(0, fits + 1)) <= maxWidth) {
                    fits++;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder();
                }
                lines.add(word.substring(0, fits));
                word = word.substring(fits);
            }
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(font, size, candidate) <= maxWidth || current.isEmpty()) {
                current = new StringBuilder(candidate);
            } else {
                lines.add(current.toString());
                current = new StringBuilder(word);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    /** Draws "Page X of Y" and the given footer text on every page; called once all pages exist. */
    public void footers(String left) throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream c = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                String pageText = "Page " + (i + 1) + " of " + total;
                c.beginText();
                c.setFont(REGULAR, 8);
                c.newLineAtOffset(LEFT, MARGIN - 18);
                c.showText(safe(REGULAR, left));
                c.endText();
                c.beginText();
                c.setFont(REGULAR, 8);
                c.newLineAtOffset(RIGHT - width(REGULAR, 8, pageText), MARGIN - 18);
                c.showText(pageText);
                c.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
