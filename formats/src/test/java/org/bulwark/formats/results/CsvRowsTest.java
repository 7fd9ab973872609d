package org.bulwark.formats.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** The CSV rows are byte for byte what Commons CSV prints, whichever path each value takes. */
class CsvRowsTest {
    @Property(tries = 2000)
    void recordsAreWhatCommonsCsvPrints(@ForAll("records") List<String> values) throws IOException {
        assertThat(ours(values)).isEqualTo(commons(values));
    }

    @Provide
    Arbitrary<List<String>> records() {
        // Characters Commons CSV treats specially, at the start, the end and inside, among ordinary and non-ASCII ones.
        Arbitrary<String> value = Arbitraries.strings()
                .withChars(",\"\r\n #!\t'-0aZ ~\u00e9\u00a0\u2028\u0000".toCharArray())
                .withCharRange('\u0000', '\u007f')
                .ofMaxLength(8);
        return value.list().ofMinSize(1).ofMaxSize(6);
    }

    @Test
    void numbersAndEmptyValuesAsCommonsCsvPrintsThem() throws IOException {
        List<String> values = List.of("", "12", "", "c-president-1", "Delacroix, Carmen", "say \"no\"", " lead", "trail ", "#1");
        assertThat(ours(values)).isEqualTo(commons(values)).contains(",12,,c-president-1,\"Delacroix, Carmen\",");
    }

    @Test
    void plainValuesAreOnlyThoseCommonsCsvLeavesAlone() {
        assertThat(CsvRows.plain("c-us-senate-wi")).isTrue();
        assertThat(CsvRows.plain("")).isFalse();
        assertThat(CsvRows.plain("a,b")).isFalse();
        assertThat(CsvRows.plain("#tag")).isFalse();
        assertThat(CsvRows.plain("end ")).isFalse();
    }

    private static String ours(List<String> values) throws IOException {
        StringWriter out = new StringWriter();
        new CsvRows(out).printRecord(values.toArray());
        return out.toString();
    }

    private static String commons(List<String> values) throws IOException {
        StringWriter out = new StringWriter();
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(values);
        printer.flush();
        return out.toString();
    }
}
