package org.bulwark.formats.vendor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bulwark.model.ranked.RankedBallot;

/** Small vendor files written for tests, and sources that read them. */
final class VendorFiles {
    private VendorFiles() {}

    static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    static final String SHEET_END = "</sheetData></worksheet>";

    /** An xlsx workbook with one sheet and the given shared strings (none when empty). */
    static Path xlsx(Path file, String sheetXml, List<String> sharedStrings) throws IOException {
        StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        sharedStrings.forEach(s -> sst.append("<si><t>").append(s).append("</t></si>"));
        return xlsxParts(file, sheetXml.getBytes(StandardCharsets.UTF_8), sst.append("</sst>").toString());
    }

    static Path xlsxParts(Path file, byte[] sheetXml, String sstXml) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            entry(zip, "_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            entry(zip, "xl/workbook.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"CVR\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
            entry(zip, "xl/_rels/workbook.xml.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            entry(zip, "xl/sharedStrings.xml", sstXml.getBytes(StandardCharsets.UTF_8));
            entry(zip, "xl/worksheets/sheet1.xml", sheetXml);
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    static VendorSource ess(Path file, Optional<String> delimiter, boolean blankIsWriteIn, OptionalInt id) {
        return new VendorSource(VendorSource.Provider.ESS, file, Optional.empty(),
                Optional.of(new VendorSource.Columns(2, 2, id, OptionalInt.of(1), OptionalInt.empty(), OptionalInt.of(3))),
                new VendorSource.Labels(delimiter, Optional.of("overvote"), Optional.of("undervote"), Optional.of("UWI"), blankIsWriteIn));
    }

    static VendorSource source(VendorSource.Provider provider, Path path, String contest, String writeInLabel) {
        return new VendorSource(provider, path, Optional.of(contest), Optional.empty(),
                new VendorSource.Labels(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(writeInLabel), false));
    }

    static VendorSource genericCsv(Path file) {
        return new VendorSource(VendorSource.Provider.GENERIC_CSV, file, Optional.empty(),
                Optional.of(new VendorSource.Columns(3, 2, OptionalInt.of(1), OptionalInt.of(2), OptionalInt.empty())),
                new VendorSource.Labels(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Write-In"), false));
    }

    static List<RankedBallot> read(VendorSource source) throws IOException {
        List<RankedBallot> ballots = new ArrayList<>();
        VendorCvrs.read(source, ballots::add);
        return ballots;
    }

    /** A ballot's choices as short text: "1:A 2:over 3:uwi". */
    static String choices(RankedBallot ballot) {
        List<String> parts = new ArrayList<>();
        for (RankedBallot.RankedChoice c : ballot.choices()) {
            parts.add(c.rank() + ":" + switch (c.choice()) {
                case RankedBallot.Choice.Candidate(String name) -> name;
                case RankedBallot.Choice.Overvote o -> "over";
                case RankedBallot.Choice.UndeclaredWriteIn w -> "uwi";
            });
        }
        return String.join(" ", parts);
    }

}
