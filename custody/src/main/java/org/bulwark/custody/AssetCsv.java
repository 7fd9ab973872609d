package org.bulwark.custody;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.bulwark.ledger.exchange.Names;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ValidationIssue;

/**
 * The inventory as CSV, one asset per row, with a header row naming the columns
 * {@link #COLUMNS} (in that order). Reading checks every row and returns every problem with its
 * line and column; a file that is not such a CSV at all is a {@link BadInputException}.
 */
public final class AssetCsv {
    public static final List<String> COLUMNS = List.of("tag", "serial", "kind", "model", "version", "authority", "location", "custodian",
            "status");
    /** A file with more rows is refused: the largest state inventories hold tens of thousands of assets. */
    public static final int MAX_ROWS = 1_000_000;

    private AssetCsv() {}

    /** The rows that read as assets, and a problem for each that did not (and for each tag given twice). */
    public record Read(List<Asset> assets, List<ValidationIssue> problems) {
        public Read {
            assets = List.copyOf(assets);
            problems = List.copyOf(problems);
        }
    }

    public static Read read(byte[] bytes, String file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, "the file", "is not UTF-8 text; save the spreadsheet as CSV UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a spreadsheet's byte order mark
        }
        return read(new StringReader(text), file);
    }

    private static Read read(Reader in, String file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).build();
        List<Asset> assets = new ArrayList<>();
        List<ValidationIssue> problems = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) {
                throw new BadInputException(file, "line 1", "the file is empty; the first line must name the columns " + String.join(",", COLUMNS));
            }
            List<String> header = rows.next().toList().stream().map(String::strip).toList();
            if (!header.equals(COLUMNS)) {
                throw new BadInputException(file, "line 1", "the header is " + String.join(",", header) + " but must be " + String.join(",", COLUMNS));
            }
            int count = 0;
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                if (++count > MAX_ROWS) {
                    throw new BadInputException(file, "line " + row.getParser().getCurrentLineNumber(), "the file has more than " + MAX_ROWS
                            + " assets; split it");
                }
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                String line = "line " + row.getParser().getCurrentLineNumber();
                Optional<Asset> asset = row(row, line, problems);
                if (asset.isPresent()) {
                    Long earlier = seen.putIfAbsent(asset.get().tag().value(), row.getParser().getCurrentLineNumber());
                    if (earlier != null) {
                        problems.add(new ValidationIssue(line + ", tag", "tag \"" + asset.get().tag() + "\" is also on line " + earlier
                                + "; each asset is listed once"));
                    } else {
                        assets.add(asset.get());
                    }
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports a broken quote this way, with the line it reached.
            throw new BadInputException(file, "the file", "is not valid CSV (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        return new Read(assets, problems);
    }

    private static Optional<Asset> row(CSVRecord row, String line, List<ValidationIssue> problems) {
        if (row.size() != COLUMNS.size()) {
            problems.add(new ValidationIssue(line, "has " + row.size() + " columns but must have " + COLUMNS.size() + " (" + String.join(",", COLUMNS) + ")"));
            return Optional.empty();
        }
        int before = problems.size();
        String tag = text(row, 0, line, problems);
        String serial = text(row, 1, line, problems);
        Optional<AssetKind> kind = word(row, 2, line, problems, AssetKind::parse, AssetKind.words());
        String model = text(row, 3, line, problems);
        String versionText = row.get(4).strip();
        Optional<String> version = versionText.isEmpty() ? Optional.empty() : Optional.of(versionText);
        if (kind.isPresent() && kind.get().runsCertifiedVersion() && version.isEmpty()) {
            problems.add(new ValidationIssue(line + ", version", "a " + kind.get().word() + " needs its certified version"));
        }
        String authority = text(row, 5, line, problems);
        String location = text(row, 6, line, problems);
        String custodian = text(row, 7, line, problems);
        Optional<AssetStatus> status = word(row, 8, line, problems, AssetStatus::parse, AssetStatus.words());
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Asset(new AssetTag(tag), serial, kind.orElseThrow(), model, version, new AuthorityId(authority), location,
                    custodian, status.orElseThrow()));
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationIssue(line, e.getMessage()));
            return Optional.empty();
        }
    }

    private static String text(CSVRecord row, int column, String line, List<ValidationIssue> problems) {
        String value = row.get(column).strip();
        String where = line + ", " + COLUMNS.get(column);
        if (value.isEmpty()) {
            problems.add(new ValidationIssue(where, "is empty"));
        } else if (value.length() > Names.MAX) {
            problems.add(new ValidationIssue(where, "is " + value.length() + " characters long; at most " + Names.MAX + " are allowed"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new ValidationIssue(where, "holds a control character"));
        }
        return value;
    }

    private static <T> Optional<T> word(CSVRecord row, int column, String line, List<ValidationIssue> problems,
            java.util.function.Function<String, Optional<T>> parse, String valid) {
        String value = row.get(column).strip();
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add(new ValidationIssue(line + ", " + COLUMNS.get(column), "\"" + value + "\" is not one of " + valid));
        }
        return parsed;
    }

    /** Writes the assets with the header row, in the form {@link #read} reads. */
    public static void write(Iterable<Asset> assets, Writer out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180)) {
            p.printRecord(COLUMNS);
            for (Asset a : assets) {
                p.printRecord(a.tag().value(), a.serial(), a.kind().word(), a.model(), a.version().orElse(""), a.authority().value(), a.location(),
                        a.custodian(), a.status().word());
            }
        }
    }
}
