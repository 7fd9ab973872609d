package org.bulwark.formats.vendor;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bulwark.model.BadInputException;

/**
 * A CSV file's rows, streamed. UTF-8 is decoded strictly (a byte that is not UTF-8 is an error, not a
 * replacement character that would silently change a candidate's name); a leading byte-order mark is dropped.
 */
record CsvRows(Path file) implements Sheet.Rows {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).build();

    @Override
    public void read(Sheet.RowHandler handler) throws IOException {
        String name = file.toString();
        Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            int row = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    String problem = e.getCause() instanceof CharacterCodingException
                            ? "not UTF-8 text (" + e.getCause().getMessage() + ")"
                            : "not readable as CSV: " + e.getCause().getMessage();
                    throw new BadInputException(name, "line " + parser.getCurrentLineNumber(), problem, e);
                }
                row++;
                List<Sheet.Cell> cells = new ArrayList<>(record.size());
                for (int i = 0; i < record.size(); i++) {
                    String text = record.get(i);
                    if (row == 1 && i == 0 && text.startsWith("\uFEFF")) {
                        text = text.substring(1);
                    }
                    if (!text.isEmpty()) {
                        cells.add(new Sheet.Cell(i + 1, text));
                    }
                }
                handler.row(row, cells);
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, "line 1", "not UTF-8 text (" + e.getMessage() + ")", e);
        }
    }
}
