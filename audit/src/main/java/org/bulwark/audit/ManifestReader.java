package org.bulwark.audit;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bulwark.model.BadInputException;
import org.bulwark.model.events.Sha256;

/**
 * Reads a ballot manifest CSV. Columns by header name, case and spacing ignored: Bulwark's
 * {@code Container, Tabulator, Batch, Ballots} or Arlo's {@code Container, Tabulator, Batch Name,
 * Number of Ballots}; batch and ballots are required, the others optional. A tabulator and batch
 * named twice is an error, since a sampled number must lead to exactly one stack of paper.
 */
public final class ManifestReader {
    /** Larger than any county's manifest (a million batches); a bigger file is refused, not read into memory. */
    static final long MAX_BYTES = 64L << 20;

    private static final Map<String, Column> HEADERS = Map.of(
            "container", Column.CONTAINER, "tabulator", Column.TABULATOR,
            "batch", Column.BATCH, "batchname", Column.BATCH,
            "ballots", Column.BALLOTS, "numberofballots", Column.BALLOTS);

    private enum Column { CONTAINER, TABULATOR, BATCH, BALLOTS }

    private ManifestReader() {}

    public static BallotManifest read(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(name, "whole file", "is " + Files.size(file) + " bytes, more than the "
                        + MAX_BYTES + " a ballot manifest may have");
            }
            return read(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BadInputException(name, "whole file", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a manifest from its bytes; {@code name} is how messages name the file. */
    public static BallotManifest read(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(name, "whole file", "is " + bytes.length + " bytes, more than the " + MAX_BYTES + " a ballot manifest may have");
        }
        String text = decode(name, bytes);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).build();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            Map<Column, Integer> columns = columns(name, parser.getHeaderNames());
            List<ManifestBatch> batches = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                ManifestBatch batch = batch(name, line, row, columns);
                String key = batch.tabulator().orElse("") + "\u0000" + batch.batch();
                Long first = seen.putIfAbsent(key, line);
                if (first != null) {
                    throw new BadInputException(name, "line " + line, batch.describe() + " is listed again (first on line " + first
                            + "); each batch must appear once");
                }
                batches.add(batch);
            }
            if (batches.isEmpty()) {
                throw new BadInputException(name, "whole file", "lists no batches");
            }
            BallotManifest manifest = new BallotManifest(name, sha256(bytes), batches);
            try {
                manifest.totalBallots();
            } catch (ArithmeticException e) {
                throw new BadInputException(name, "column Ballots", "the ballots add up to more than a 64-bit count");
            }
            return manifest;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // commons-csv reports malformed quoting this way, with its own line number in the message.
            throw new BadInputException(name, "line " + lineOf(e), "is not valid CSV: " + e.getMessage(), e);
        }
    }

    private static Map<Column, Integer> columns(String name, List<String> headers) {
        Map<Column, Integer> columns = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String normalized = headers.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
            Column column = HEADERS.get(normalized);
            if (column != null && columns.putIfAbsent(column, i) != null) {
                throw new BadInputException(name, "line 1", "has two columns for " + column.name().toLowerCase(Locale.ROOT)
                        + " (\"" + headers.get(columns.get(column)) + "\" and \"" + headers.get(i) + "\")");
            }
        }
        for (Column required : List.of(Column.BATCH, Column.BALLOTS)) {
            if (!columns.containsKey(required)) {
                throw new BadInputException(name, "line 1", "has no " + (required == Column.BATCH ? "Batch" : "Ballots")
                        + " column; the header must name Batch (or Arlo's Batch Name) and Ballots (or Number of Ballots), found: "
                        + String.join(", ", headers));
            }
        }
        return columns;
    }

    private static ManifestBatch batch(String name, long line, CSVRecord row, Map<Column, Integer> columns) {
        String batch = cell(row, columns.get(Column.BATCH)).orElseThrow(
                () -> new BadInputException(name, "line " + line, "has no batch name"));
        String count = cell(row, columns.get(Column.BALLOTS)).orElseThrow(
                () -> new BadInputException(name, "line " + line, "batch " + batch + " has no number of ballots"));
        long ballots;
        try {
            ballots = Long.parseLong(count);
        } catch (NumberFormatException e) {
            throw new BadInputException(name, "line " + line, "batch " + batch + ": \"" + count + "\" is not a number of ballots");
        }
        if (ballots < 0) {
            throw new BadInputException(name, "line " + line, "batch " + batch + " has " + ballots + " ballots; a count cannot be negative");
        }
        return new ManifestBatch(cell(row, columns.get(Column.CONTAINER)), cell(row, columns.get(Column.TABULATOR)), batch, ballots, line);
    }

    private static Optional<String> cell(CSVRecord row, Integer column) {
        if (column == null || column >= row.size()) {
            return Optional.empty();
        }
        String value = row.get(column).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String decode(String name, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, "whole file", "is not UTF-8 text");
        }
    }

    private static String lineOf(Exception e) {
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
        return m.find() ? m.group(1) : "unknown";
    }

    static Sha256 sha256(byte[] bytes) {
        try {
            return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
