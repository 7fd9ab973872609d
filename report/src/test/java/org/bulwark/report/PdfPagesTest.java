package org.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** What the PDF fonts cannot draw is shown as '?', and nothing else changes. */
class PdfPagesTest {
    @Test
    void textTheFontEncodesIsKeptAndTheRestBecomesQuestionMarks() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PdfPages pages = new PdfPages(document);
            String ascii = "Precinct 12-B: Yes/No (100%)";

            assertThat(pages.safe(PdfPages.REGULAR, ascii)).isSameAs(ascii);
            assertThat(pages.safe(PdfPages.REGULAR, "Zoë Zed")).isEqualTo("Zoë Zed");
            assertThat(pages.safe(PdfPages.REGULAR, "tab\there")).isEqualTo("tab?here");
            assertThat(pages.safe(PdfPages.REGULAR, "ballot 🗳 box")).isEqualTo("ballot ? box");
            assertThat(pages.safe(PdfPages.REGULAR, "日本")).isEqualTo("??");
            // Asked again, from the cache: the same answers.
            assertThat(pages.safe(PdfPages.REGULAR, "tab\there 🗳 Zoë")).isEqualTo("tab?here ? Zoë");
        }
    }
}
