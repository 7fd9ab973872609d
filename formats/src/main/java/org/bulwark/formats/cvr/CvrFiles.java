package org.bulwark.formats.cvr;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import org.bulwark.model.Election;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.bulwark.formats.cdf.CdfEmitter;
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
            return read(in, file.toString(), election, options, sink, Optional.of(file), false);
        }
    }

    /**
     * As {@link #read(Path, ElectionIndex, CvrReadOptions, Consumer)}, hashing every byte as it is read:
     * the summary's SHA-256 is that of exactly the bytes the CVRs were parsed from, with no second pass
     * over the file (which could also have changed between the two).
     */
    public static CvrFileSummary readHashing(Path file, ElectionIndex election, CvrReadOptions options, Consumer<CastVoteRecord> sink)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), election, options, sink, Optional.of(file), true);
        }
    }

    /**
     * Reads a CVR report from a stream (not closed here); {@code displayName} names it in messages.
     */
    public static CvrFileSummary read(
            InputStream stream, String displayName, ElectionIndex election, CvrReadOptions options,
            Consumer<CastVoteRecord> sink) throws IOException {
        return read(stream, displayName, election, options, sink, Optional.empty(), false);
    }

    /**
     * {@code file}, when the stream is a file's, lets a strict JSON report be read on several threads: a
     * report that fails is then read again on one, to say exactly what is wrong where.
     */
    private static CvrFileSummary read(
            InputStream stream, String displayName, ElectionIndex election, CvrReadOptions options,
            Consumer<CastVoteRecord> sink, Optional<Path> file, boolean hash) throws IOException {
        MeteredInput metered = new MeteredInput(stream, options.progress(), hash);
        byte[] head = metered.readNBytes(SNIFF_LIMIT);
        CvrFormat format = detect(head, displayName);
        // The parsers read the sniffed bytes again, then the rest straight from the file (no second buffer).
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(head), metered);
        ElectionIds ids = new ElectionIds(election.election());
        if (format == CvrFormat.JSON && options.isStrict() && options.threads() > 1 && file.isPresent()) {
            CvrReadOptions plain = new CvrReadOptions(options.mode(), options.countingGroup(), Optional.empty());
            ChunkedJsonCvrReader.Result read = ChunkedJsonCvrReader.read(in, displayName, options.countingGroup(), election, ids,
                    options.threads(), ChunkedJsonCvrReader.PIECE, sink, () -> read(file.get(), election, plain, cvr -> {}));
            metered.finish();
            return summary(displayName, format, read.cvrs(), metered, read.header());
        }
        CvrEmitter emitter = new CvrEmitter(displayName, election, sink);
        ReportHeader header = switch (format) {
            case JSON -> JsonCvrReader.read(in, displayName, options.isStrict(), options.countingGroup(), ids, emitter);
            case XML -> XmlCvrReader.read(in, displayName, options.isStrict(), options.countingGroup(), ids, emitter);
        };
        metered.finish();
        return summary(displayName, format, emitter.count(), metered, header);
    }

    private static CvrFileSummary summary(String displayName, CvrFormat format, long cvrs, MeteredInput metered, ReportHeader header) {
        return new CvrFileSummary(displayName, format, cvrs, metered.bytes(),
                header.generatedDate(), header.reportingDevices(), header.generatingDevices(), header.electionIds(), metered.sha256());
    }

    /**
     * A streaming writer of a CVR report for {@code election} to {@code out} (which stays open: it is
     * the caller's). {@code reportingDevice} is the id the report names as the device that generated
     * it; {@code generatedDate} its GeneratedDate. Close the writer to finish the report.
     */
    public static CvrReportWriter writer(
            OutputStream out, CvrFormat format, Election election, String reportingDevice, OffsetDateTime generatedDate)
            throws IOException {
        CdfEmitter cdf = switch (format) {
            case JSON -> CdfEmitter.json(out, "CVR.", CdfEmitter.Layout.COMPACT);
            case XML -> CdfEmitter.xml(new BufferedOutputStream(out, 1 << 16), XmlCvrReader.NAMESPACE, CdfEmitter.Layout.COMPACT);
        };
        return new CvrReportWriter(cdf, election, reportingDevice, generatedDate);
    }

    /** JSON starts with '{', XML with '<', after an optional UTF-8 byte order mark and white space. */
    static CvrFormat detect(byte[] head, String file) {
        int n = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        for (; n < head.length; n++) {
            switch (head[n]) {
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
                        head[n] & 0xFF));
            }
        }
        if (head.length == 0) {
            throw new BadInputException(file, "byte 0", "the file is empty");
        }
        if (head.length < SNIFF_LIMIT) {
            throw new BadInputException(file, "byte " + head.length, "the file holds only white space");
        }
        throw new BadInputException(file, "byte 0", "the file starts with more than " + SNIFF_LIMIT + " bytes of white space");
    }
}
