package org.bulwark.formats.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bulwark.formats.ByteMutations;
import org.bulwark.formats.vendor.VendorSource.Provider;
import org.bulwark.model.BadInputException;

/**
 * Every reader, fed mutated copies of valid files (byte flips, truncations, insertions, duplications, tokens of
 * the format), either reads them or throws BadInputException naming the file, a place and the problem: never
 * another exception, never a hang. The seeds are RCTab's sample files, trimmed, small workbooks and a CDF XML report.
 */
class VendorReadersFuzzTest {
    private static final byte[][] TOKENS = {
        "<".getBytes(), ">".getBytes(), "</".getBytes(), "/>".getBytes(), "&amp;".getBytes(), "&x;".getBytes(), "&#0;".getBytes(),
        "<!DOCTYPE x>".getBytes(), "<![CDATA[".getBytes(), "]]>".getBytes(), "<!--".getBytes(), "\"".getBytes(), "'".getBytes(),
        "{".getBytes(), "}".getBytes(), "[".getBytes(), "]".getBytes(), ",".getBytes(), ":".getBytes(), "null".getBytes(),
        "-1".getBytes(), "0".getBytes(), "1".getBytes(), "99999999999".getBytes(), "\n".getBytes(), "\r\n".getBytes(),
        {(byte) 0xC3}, {(byte) 0xFF}, {0}, "<row r=\"1\">".getBytes(), "<c r=\"XFD1048577\" t=\"s\">".getBytes(), "t=\"inlineStr\"".getBytes(),
    };

    private static final String ESS_SHEET = VendorFiles.SHEET_START
            + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>6</v></c><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"s\"><v>3</v></c><c r=\"D2\" t=\"s\"><v>2</v></c></row>"
            + "<row r=\"3\"><c r=\"A3\"><v>12</v></c><c r=\"B3\" t=\"inlineStr\"><is><t>B&amp;C</t></is></c><c r=\"C3\" t=\"s\"><v>4</v></c></row>"
            + VendorFiles.SHEET_END;
    private static final List<String> ESS_STRINGS = List.of("Precinct", "ALICE", "BOB", "undervote", "overvote", "UWI", "P-1");

    enum Kind { ESS_SHEET_XML, ESS_XLSX_BYTES, ESS_CSV, GENERIC_CSV, CLEAR_BALLOT, HART, CDF, CDF_XML, DOMINION }

    @Property(tries = 300)
    void mutatedFilesFailOnlyWithBadInput(@ForAll Kind kind, @ForAll Random random, @ForAll @IntRange(min = 1, max = 4) int mutations)
            throws IOException {
        Path dir = Files.createTempDirectory("vendor-fuzz");
        try {
            VendorSource source = mutated(kind, dir, random, mutations);
            try {
                VendorCvrs.read(source, b -> {});
            } catch (BadInputException e) {
                assertThat(e.file()).isNotBlank();
                assertThat(e.place()).isNotBlank();
                assertThat(e.problem()).isNotBlank();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static byte[] mutate(byte[] data, Random random, int mutations) {
        for (int i = 0; i < mutations; i++) {
            data = ByteMutations.mutate(data, random, TOKENS, 2000);
        }
        return data;
    }

    private static byte[] seed(String relative, int maxLines) throws IOException {
        List<String> lines = Files.readAllLines(RctabCase.ROOT.resolve(relative));
        return (String.join("\n", lines.subList(0, Math.min(maxLines, lines.size()))) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static VendorSource mutated(Kind kind, Path dir, Random random, int n) throws IOException {
        return switch (kind) {
            case ESS_SHEET_XML -> {
                Path file = VendorFiles.xlsxParts(dir.resolve("cvr.xlsx"), mutate(ESS_SHEET.getBytes(StandardCharsets.UTF_8), random, n),
                        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                + String.join("", ESS_STRINGS.stream().map(s -> "<si><t>" + s + "</t></si>").toList()) + "</sst>");
                yield VendorFiles.ess(file, Optional.empty(), random.nextBoolean(), OptionalInt.empty());
            }
            case ESS_XLSX_BYTES -> {
                Path file = VendorFiles.xlsx(dir.resolve("cvr.xlsx"), ESS_SHEET, ESS_STRINGS);
                Files.write(file, mutate(Files.readAllBytes(file), random, n));
                yield VendorFiles.ess(file, Optional.of("//"), false, OptionalInt.empty());
            }
            case ESS_CSV -> {
                Path file = dir.resolve("cvr.csv");
                Files.write(file, mutate("Precinct,1st,2nd,3rd\nP-1,ALICE,undervote,BOB\nP-2,overvote,ALICE//BOB,\n".getBytes(StandardCharsets.UTF_8), random, n));
                yield VendorFiles.ess(file, Optional.of("//"), true, OptionalInt.empty());
            }
            case GENERIC_CSV -> {
                Path file = dir.resolve("g.csv");
                Files.write(file, mutate(seed("generic_csv_test/generic_csv_test_cvr.csv", 6), random, n));
                yield new VendorSource(Provider.GENERIC_CSV, file, Optional.empty(),
                        Optional.of(new VendorSource.Columns(4, 2, OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(3))),
                        new VendorSource.Labels(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Write-In"), false));
            }
            case CLEAR_BALLOT -> {
                Path file = dir.resolve("cb.csv");
                Files.write(file, mutate(seed("clear_ballot_kansas_primary/clear_ballot_kansas_primary.cvr.csv", 4), random, n));
                yield VendorFiles.source(Provider.CLEAR_BALLOT, file, "Democratic Primary", "UWI");
            }
            case HART -> {
                Path folder = dir.resolve("hart");
                Files.createDirectories(folder);
                Files.write(folder.resolve("1.xml"), mutate(Files.readAllBytes(
                        RctabCase.ROOT.resolve("_shared/hart_cvr_archive/1_0e4cb797-392c-4e64-9034-94694bf97419.xml")), random, n));
                yield VendorFiles.source(Provider.HART, folder, "b651b997-417a-46d9-a676-a43d4df94ddc", "99cefa84-bad0-4d6b-a916-e606bd43f9cd");
            }
            case CDF -> {
                Path file = dir.resolve("cdf.json");
                Files.write(file, mutate(Files.readAllBytes(
                        RctabCase.ROOT.resolve("test_set_0_skipped_first_choice/test_set_0_skipped_first_choice_cvr.json")), random, n));
                yield VendorFiles.source(Provider.CDF, file, "Nist Test Set 0 Skipped First Choice", "");
            }
            case CDF_XML -> {
                Path file = dir.resolve("cdf.xml");
                Files.write(file, mutate(OtherReadersTest.CDF_XML.getBytes(StandardCharsets.UTF_8), random, n));
                yield VendorFiles.source(Provider.CDF, file, "Mayor", "");
            }
            case DOMINION -> {
                Path folder = dir.resolve("dominion");
                Path original = RctabCase.ROOT.resolve("_shared/dominion_alaska/alaska_input_data");
                Files.createDirectories(folder);
                for (String manifest : List.of("ContestManifest.json", "CandidateManifest.json", "PrecinctPortionManifest.json", "PrecinctManifest.json")) {
                    Files.copy(original.resolve(manifest), folder.resolve(manifest));
                }
                String export = Files.readString(original.resolve("CvrExport.json"));
                int third = export.indexOf("{\"TabulatorId\"", export.indexOf("{\"TabulatorId\"", export.indexOf("{\"TabulatorId\"") + 1) + 1);
                byte[] small = (export.substring(0, third - 1) + "]}").getBytes(StandardCharsets.UTF_8);
                String target = random.nextInt(4) == 0 ? "ContestManifest.json" : "CvrExport.json";
                Files.write(folder.resolve(target), mutate(target.equals("CvrExport.json") ? small : Files.readAllBytes(original.resolve(target)), random, n));
                if (!target.equals("CvrExport.json")) {
                    Files.write(folder.resolve("CvrExport.json"), small);
                }
                yield VendorFiles.source(Provider.DOMINION, folder, "1", "12");
            }
        };
    }

}
