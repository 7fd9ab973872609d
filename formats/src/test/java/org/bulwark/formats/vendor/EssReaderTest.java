package org.bulwark.formats.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.formats.vendor.VendorFiles.SHEET_END;
import static org.bulwark.formats.vendor.VendorFiles.SHEET_START;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ranked.RankedBallot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ES&S workbooks and CSV: the labels, delimiters and blanks as RCTab reads them, and hostile workbooks refused. */
class EssReaderTest {
    @TempDir
    Path dir;

    private static final List<String> STRINGS = List.of("Precinct", "ALICE", "BOB", "undervote", "overvote", "UWI", "P-1", "ALICE//BOB");

    private static String row(int r, String... cells) {
        StringBuilder sb = new StringBuilder("<row r=\"" + r + "\">");
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                sb.append("<c r=\"").append((char) ('A' + i)).append(r).append("\" t=\"s\"><v>").append(cells[i]).append("</v></c>");
            }
        }
        return sb.append("</row>").toString();
    }

    private Path sheet(String rows) throws IOException {
        return VendorFiles.xlsx(dir.resolve("cvr.xlsx"), SHEET_START + row(1, "0", "1", "1", "1") + rows + SHEET_END, STRINGS);
    }

    @Test
    void readsLabelsAsRctabDoes() throws IOException {
        Path file = sheet(row(2, "6", "1", "3", "2") + row(3, "6", "4", "5", null) + row(4, "6", "3", "3", "3"));
        List<RankedBallot> ballots = VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty()));

        assertThat(ballots).extracting(VendorFiles::choices).containsExactly("1:ALICE 3:BOB", "1:over 2:uwi", "");
        assertThat(ballots.getFirst().precinct()).contains("P-1");
        assertThat(ballots.getFirst().ballotId()).isEqualTo("cvr.xlsx row 2");
    }

    @Test
    void blankCellsAreWriteInsWhenTheSourceSaysSo() throws IOException {
        Path file = sheet(row(2, "6", "1", null, null));
        List<RankedBallot> ballots = VendorFiles.read(VendorFiles.ess(file, Optional.empty(), true, OptionalInt.empty()));
        assertThat(ballots).extracting(VendorFiles::choices).containsExactly("1:ALICE 2:uwi 3:uwi");
    }

    @Test
    void anOvervoteDelimiterNamesTheOvervotedCandidates() throws IOException {
        Path file = sheet(row(2, "6", "7", "2", null));
        List<RankedBallot> ballots = VendorFiles.read(VendorFiles.ess(file, Optional.of("//"), false, OptionalInt.empty()));
        assertThat(ballots).extracting(VendorFiles::choices).containsExactly("1:ALICE 1:BOB 2:BOB");
    }

    @Test
    void columnsAfterTheRankingsAreNotRankings() throws IOException {
        Path file = sheet(row(2, "6", "1", "2", "2", "1"));
        assertThat(VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .extracting(VendorFiles::choices).containsExactly("1:ALICE 2:BOB 3:BOB");
    }

    @Test
    void inlineStringsAndNumbersAreRead() throws IOException {
        String sheet = SHEET_START + "<row r=\"2\"><c r=\"A2\"><v>17</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>CAR&amp;OL</t></is></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><r><t>DA</t></r><r><t>VE</t></r></is></c><c r=\"D2\" t=\"str\"><v><![CDATA[E<D]]></v></c></row>" + SHEET_END;
        Path file = VendorFiles.xlsx(dir.resolve("inline.xlsx"), sheet, List.of());
        List<RankedBallot> ballots = VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty()));
        assertThat(ballots).extracting(VendorFiles::choices).containsExactly("1:CAR&OL 2:DAVE 3:E<D");
        assertThat(ballots.getFirst().precinct()).contains("17");
    }

    @Test
    void theSameLayoutReadsFromCsv() throws IOException {
        Path file = VendorFiles.write(dir.resolve("cvr.csv"), "\uFEFFPrecinct,1st,2nd,3rd\nP-1,ALICE,undervote,BOB\nP-2,overvote,,\n");
        assertThat(VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .extracting(VendorFiles::choices).containsExactly("1:ALICE 3:BOB", "1:over");
    }

    @Test
    void aBallotWithoutItsIdIsRefused() throws IOException {
        Path file = sheet(row(2, null, "1", "2", "2"));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.of(1))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("row 2, column 1 (A)").hasMessageContaining("the ballot has no id");
    }

    @Test
    void notAWorkbook() throws IOException {
        Path file = VendorFiles.write(dir.resolve("fake.xlsx"), "Precinct,1st\n");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("fake.xlsx").hasMessageContaining("not an xlsx workbook");
    }

    @Test
    void zipBombIsRefused() throws IOException {
        byte[] huge = new byte[40 << 20];
        java.util.Arrays.fill(huge, (byte) ' ');
        byte[] sheet = (SHEET_START + SHEET_END).getBytes(StandardCharsets.UTF_8);
        byte[] bomb = new byte[huge.length + sheet.length];
        System.arraycopy(sheet, 0, bomb, 0, sheet.length);
        System.arraycopy(huge, 0, bomb, sheet.length, huge.length);
        Path file = VendorFiles.xlsxParts(dir.resolve("bomb.xlsx"), bomb, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
        assertThat(Files.size(file)).isLessThan(1 << 20);
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("bomb.xlsx").hasMessageContaining("Zip bomb");
    }

    @Test
    void externalEntitiesInTheSheetAreRefused() throws IOException {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"str\"><v>&x;</v></c></row></sheetData></worksheet>";
        Path file = VendorFiles.xlsx(dir.resolve("xxe.xlsx"), xxe, List.of());
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void externalEntitiesInSharedStringsAreRefused() throws IOException {
        String sst = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&x;</t></si></sst>";
        Path file = VendorFiles.xlsxParts(dir.resolve("xxe2.xlsx"), (SHEET_START + SHEET_END).getBytes(StandardCharsets.UTF_8), sst);
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("xxe2.xlsx");
    }

    @Test
    void truncatedSheet() throws IOException {
        String full = SHEET_START + row(2, "6", "1", "2", "2") + SHEET_END;
        Path file = VendorFiles.xlsx(dir.resolve("cut.xlsx"), full.substring(0, full.length() - 30), STRINGS);
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cut.xlsx").hasMessageContaining("truncated");
    }

    @Test
    void mismatchedTags() throws IOException {
        Path file = VendorFiles.xlsx(dir.resolve("tags.xlsx"), SHEET_START + "<row r=\"2\"><c r=\"B2\"><v>1</c></v></row>" + SHEET_END, STRINGS);
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("row 2").hasMessageContaining("does not match its start tag");
    }

    @Test
    void missingSharedString() throws IOException {
        Path file = sheet(row(2, "6", "99", null, null));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("row 2").hasMessageContaining("shared string 99 does not exist");
    }

    @Test
    void rowsMustAscend() throws IOException {
        Path file = sheet(row(3, "6", "1", null, null) + row(2, "6", "1", null, null));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("row number 2 does not follow row 3");
    }

    @Test
    void anUndeclaredEntityIsRefused() throws IOException {
        Path file = VendorFiles.xlsx(dir.resolve("ent.xlsx"), SHEET_START + "<row r=\"2\"><c r=\"B2\" t=\"str\"><v>&nbsp;</v></c></row>" + SHEET_END, STRINGS);
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("entity &nbsp; is not allowed");
    }

    @Test
    void anEmptyNameBetweenDelimitersIsRefused() throws IOException {
        Path file = VendorFiles.write(dir.resolve("delim.csv"), "Precinct,1st,2nd,3rd\nP-1,ALICE////BOB,,\n");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.of("//"), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("row 2, column 2 (B)").hasMessageContaining("empty name");
    }

    @Test
    void csvThatIsNotUtf8IsRefused() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "Precinct,1st\nP-1,JOS\u00c9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.ess(file, Optional.empty(), false, OptionalInt.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not UTF-8");
    }
}
