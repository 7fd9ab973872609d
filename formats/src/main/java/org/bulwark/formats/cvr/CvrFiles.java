package org.bulwark.formats.cvr;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ElectionIndex;

/**
 * Reading and writing NIST SP 1500-103 cast vote record reports, JSON or XML. Reading streams: each
 * CVR is built, checked against the election definition and handed to the caller's consumer, then
 * forgotten, so files of any size are read in bounded memory. A file that cannot be used throws
 * {@link BadInputException} naming the file, the place (CVR number, ballot id, line and column) and
 * the problem; CVRs handed on before the problem was found must then be discarded by the caller.
 */
public final class CvrFiles {
    private static final int SNIFF_LIMIT = 1 << 16;

    private CvrFiles() {}

    /** Reads a CVR report file; the format (JSON or XML) is recognised from its content. */
    public static CvrFileSummary read(Path file, ElectionIndex election, CvrReadOptions options, Consumer<CastVoteRecord> sink)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), election, options, sink);
        }
    }

    /**
     * Reads a CVR report from a stream (not closed here); {@code displayName} names it in messages.
     */
    public static CvrFileSummary read(
            InputStream stream, String displayName, ElectionIndex election, CvrReadOptions options,
            Consumer<CastVoteRecord> sink) throws IOException {
        MeteredInput metered = new MeteredInput(stream, options.progress());
        BufferedInputStream in = new BufferedInputStream(metered, 1 << 16);
        CvrFormat format = detect(in, displayName);
        CvrEmitter emitter = new CvrEmitter(displayName, election, sink);
        ElectionIds ids = new ElectionIds(election.election());
        JsonCvrReader.Header header = switch (format) {
            case JSON -> JsonCvrReader.read(in, displayName, options.isStrict(), options.countingGroup(), ids, emitter);
            case XML -> XmlCvrReader.read(in, displayName, options.isStrict(), options.countingGroup(), ids, emitter);
        };
        metered.finish();
        return new CvrFileSummary(displayName, format, emitter.count(), metered.sha256Hex(), metered.bytes(),
                header.generatedDate(), header.reportingDevices(), header.generatingDevices(), header.electionIds());
    }

    /** JSON starts with '{', XML with '<', after an optional UTF-8 byte order mark and white space. */
    static CvrFormat detect(BufferedInputStream in, String file) throws IOException {
        in.mark(SNIFF_LIMIT + 3);
        try {
            int b = in.read();
            if (b == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
                b = in.read();
            }
            for (int n = 0; n < SNIFF_LIMIT; n++, b = in.read()) {
                switch (b) {
                    case -1 -> throw new BadInputException(file, "byte " + n,
                            n == 0 ? "the file is empty" : "the file holds only white space");
                    case ' ', '\t', '\r', '\n' -> {
                        // white space before the content
                    }
                    case '{' -> {
                        return CvrFormat.JSON;
                    }
                    case '<' -> {
                        return CvrFormat.XML;
                    }
                    default -> throw new BadInputException(file, "byte " + n, String.format(
                            "this is not a CVR report: it starts with byte 0x%02x, where a JSON report starts with '{' and an XML report with '<'",
                            b));
                }
            }
            throw new BadInputException(file, "byte 0", "the file starts with more than " + SNIFF_LIMIT + " bytes of white space");
        } finally {
            in.reset();
        }
    }
}
