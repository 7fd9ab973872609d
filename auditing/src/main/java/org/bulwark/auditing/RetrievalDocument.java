package org.bulwark.auditing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.bulwark.report.PlainDocument;

/** A round's retrieval list: the CSV a spreadsheet takes, and the printable PDF with columns to tick and signature lines. */
public record RetrievalDocument(String title, String footer, String csv, List<PlainDocument.Block> blocks) {
    public RetrievalDocument {
        blocks = List.copyOf(blocks);
    }

    public void writePdf(OutputStream out) throws IOException {
        PlainDocument.write(title, blocks, footer, out);
    }
}
