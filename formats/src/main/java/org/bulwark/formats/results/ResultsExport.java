package org.bulwark.formats.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.bulwark.formats.cdf.CdfEmitter;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.results.ElectionResults;

/**
 * Writes tabulated results as a file: NIST SP 1500-100 v2 JSON or XML, or CSV. The election
 * definition supplies the ids, names and units the results refer to; it must be the one the results
 * were tabulated with.
 */
public final class ResultsExport {
    private ResultsExport() {}

    /**
     * Writes to a stream, which is flushed and left open.
     *
     * @throws IllegalArgumentException when the results belong to another election than {@code index}
     */
    public static void write(
            ResultsFormat format, ElectionIndex index, ElectionResults results, ResultsHeader header, OutputStream out)
            throws IOException {
        if (!results.electionId().equals(index.election().id())) {
            throw new IllegalArgumentException("results of election " + results.electionId()
                    + " cannot be written with the definition of election " + index.election().id());
        }
        switch (format) {
            case NIST_JSON -> new NistResultsDocument(index, results, header)
                    .write(CdfEmitter.json(out, NistResultsDocument.TYPE_PREFIX, CdfEmitter.Layout.INDENTED));
            case NIST_XML -> new NistResultsDocument(index, results, header)
                    .write(CdfEmitter.xml(out, NistResultsDocument.NAMESPACE, CdfEmitter.Layout.INDENTED));
            case CSV -> new ResultsCsv(index, results, header.test()).write(out);
        }
        out.flush();
    }

    /** Writes a file whole or not at all (temporary file, synced, moved into place). */
    public static void write(
            ResultsFormat format, ElectionIndex index, ElectionResults results, ResultsHeader header, Path file)
            throws IOException {
        AtomicFiles.write(file, out -> write(format, index, results, header, out));
    }
}
