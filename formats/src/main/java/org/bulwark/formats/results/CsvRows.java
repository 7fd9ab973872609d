package org.bulwark.formats.results;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;

/**
 * RFC 4180 records, exactly as Commons CSV's {@link CSVFormat#RFC4180} prints them. A statewide
 * results CSV has millions of values, nearly all ids, names and numbers that need no quotes: those
 * are written straight, and any value Commons CSV might quote is handed to Commons CSV, so the
 * bytes are the same whichever path a value takes.
 */
final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final Writer out;

    CsvRows(Writer out) {
        this.out = out;
    }

    /** One record: each value as its {@code toString()}. */
    void printRecord(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            String value = values[i].toString();
            if (plain(value)) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(value);
            } else {
                FORMAT.print(value, out, i == 0);
            }
        }
        out.write("\r\n");
    }

    /**
     * Whether Commons CSV prints the value as it is: not empty, not starting with a character up to
     * {@code #} nor ending with one up to a space (which it quotes to be safe), and holding no comma,
     * quote or line break.
     */
    static boolean plain(String value) {
        int n = value.length();
        if (n == 0 || value.charAt(0) <= '#' || value.charAt(n - 1) <= ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }
}
