package org.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PlainDocumentTest {
    @Test
    void writesEveryBlockOverAsManyPagesAsItTakes() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("Box " + i, "T1", "B" + i, Integer.toString(i)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlainDocument.write("Audit rla-1: retrieval list", List.of(new PlainDocument.Block.Heading("Round 1"),
                new PlainDocument.Block.Paragraph("Count each position from the top of the batch."),
                new PlainDocument.Block.Table(List.of("Container", "Tabulator", "Batch", "Position"), rows, new float[] {0, 0.3f, 0.5f, 0.8f}),
                new PlainDocument.Block.Signatures(List.of("Retrieved by"))), "General - County A", out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Audit rla-1: retrieval list", "Round 1", "Box 120", "Retrieved by", "Page 1 of " + pdf.getNumberOfPages(),
                    "General - County A");
        }
        assertThatThrownBy(() -> new PlainDocument.Block.Table(List.of("a", "b"), List.of(), new float[] {0}))
                .hasMessageContaining("2 columns but 1 positions");
    }
}
