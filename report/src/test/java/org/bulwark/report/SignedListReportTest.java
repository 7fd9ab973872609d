package org.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class SignedListReportTest {
    @Test
    void printsEveryEntryItsDetailAndASignatureLinePerSigner() throws Exception {
        List<SignedListReport.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            entries.add(new SignedListReport.Entry(List.of("2028-10-2" + (i % 10), "seal applied", "case", "#" + (1000 + i)),
                    Optional.of("by Ann Dee (Democratic) and Bob Arr (Republican), entry " + i)));
        }
        var spec = new SignedListReport.Spec("Seal log sheet: BC-0001", List.of("Device BC-0001 (DS200 2.17), Boone County"),
                List.of(new SignedListReport.Column("When", 0.25f), new SignedListReport.Column("What", 0.3f),
                        new SignedListReport.Column("Seal point", 0.25f), new SignedListReport.Column("Seal", 0.2f)),
                entries, "We certify that this log is complete and correct.", List.of("election judge (Democratic)", "election judge (Republican)"),
                "Bulwark seal log sheet BC-0001");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SignedListReport.write(spec, Clock.fixed(Instant.parse("2028-11-01T12:00:00Z"), ZoneOffset.UTC), out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).contains("Seal log sheet: BC-0001", "#1119", "entry 119", "Signature, election judge (Republican)",
                    "Page 1 of " + pdf.getNumberOfPages());
        }
    }

    @Test
    void entriesMustFitTheColumns() {
        assertThatThrownBy(() -> new SignedListReport.Spec("t", List.of(), List.of(new SignedListReport.Column("a", 1f)),
                List.of(new SignedListReport.Entry(List.of("x", "y"), Optional.empty())), "s", List.of(), "f"))
                .hasMessage("an entry has 2 cells for 1 columns");
    }
}
