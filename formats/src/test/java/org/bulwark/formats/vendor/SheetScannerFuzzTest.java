package org.bulwark.formats.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bulwark.formats.ByteMutations;
import org.bulwark.model.BadInputException;

/**
 * The hand-written worksheet scanner, fed mutated sheets directly (no zip around them, so thousands per build):
 * it reads them or throws BadInputException naming the file, a place and the problem; never another exception,
 * never a hang; and what it reads is rows in ascending order with cells in ascending columns. Jazzer runs the
 * seeds (SheetScannerFuzzTestInputs) under plain {@code mvn verify} and fuzzes with JAZZER_FUZZ=1.
 */
class SheetScannerFuzzTest {
    private static final Path SEEDS = seeds();
    private static final List<String> STRINGS = IntStream.range(0, 40).mapToObj(i -> "s" + i).toList();
    private static final byte[][] TOKENS = {
        "<".getBytes(), ">".getBytes(), "</".getBytes(), "/>".getBytes(), "&amp;".getBytes(), "&#x41;".getBytes(), "&#0;".getBytes(), "&x;".getBytes(),
        "<!DOCTYPE x>".getBytes(), "<![CDATA[".getBytes(), "]]>".getBytes(), "<!--".getBytes(), "-->".getBytes(), "<?".getBytes(), "?>".getBytes(),
        "\"".getBytes(), "'".getBytes(), "=".getBytes(), " r=\"".getBytes(), " t=\"s\"".getBytes(), "<row r=\"1\">".getBytes(), "<c r=\"XFD1\">".getBytes(),
        "<v>".getBytes(), "</v>".getBytes(), "<x:row>".getBytes(), "999999999999".getBytes(), {(byte) 0xC3}, {(byte) 0xFF}, {0},
    };

    private static Path seeds() {
        try {
            return Path.of(SheetScannerFuzzTest.class.getResource("SheetScannerFuzzTestInputs/scannerEitherReadsOrSaysWhy").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void scannerEitherReadsOrSaysWhy(byte[] data) {
        scan(data);
    }

    @Property(tries = 3000)
    void mutatedSheetsFailOnlyWithBadInput(@ForAll("seedFiles") Map.Entry<String, byte[]> seed, @ForAll Random random) {
        byte[] data = seed.getValue();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            data = ByteMutations.mutate(data, random, TOKENS, 2000);
        }
        scan(data);
    }

    private static void scan(byte[] data) {
        int[] last = {0};
        try {
            new SheetScanner("fuzz.xlsx", "sheet \"fuzz\"", STRINGS, (row, cells) -> {
                assertThat(row).isGreaterThan(last[0]);
                last[0] = row;
                for (int i = 1; i < cells.size(); i++) {
                    assertThat(cells.get(i).column()).isGreaterThan(cells.get(i - 1).column());
                }
            }, new ByteArrayInputStream(data)).scan();
        } catch (BadInputException e) {
            assertThat(e.file()).isEqualTo("fuzz.xlsx");
            assertThat(e.place()).startsWith("sheet \"fuzz\", ");
            assertThat(e.problem()).isNotBlank();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Map.Entry<String, byte[]>> seedFiles() {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return Arbitraries.of(files.sorted().map(f -> {
                try {
                    return Map.entry(f.getFileName().toString(), Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
