package org.bulwark.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a synthetic ES&S cast vote record workbook shaped like Minneapolis's 2013 mayoral export: one sheet,
 * a header row, then one row per ballot with the precinct (column A), three ranking columns (B-D) holding
 * candidate names, "undervote", "overvote" or "UWI", and a ballot count (E). Candidates' support falls off
 * geometrically so that an IRV count eliminates them one by one, as the 35-candidate, 33-round original did;
 * a few ballots skip, overvote, repeat a candidate or leave every rank blank. Seeded, written streaming (the
 * sheet is never held in memory), so the same arguments give the same bytes.
 */
public final class RcvXlsxGenerator {
    static final String UNDERVOTE = "undervote";
    static final String OVERVOTE = "overvote";
    static final String WRITE_IN = "UWI";
    static final int RANKS = 3;

    private RcvXlsxGenerator() {}

    /** The candidates' names, most supported first. */
    static List<String> candidates(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("CANDIDATE %02d".formatted(i));
        }
        return names;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "minneapolis-like-cvr.xlsx");
        long ballots = args.length > 1 ? Long.parseLong(args[1]) : 1_041_313;
        write(out, ballots, 35, 2013);
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes, " + ballots + " ballots)");
    }

    static void write(Path out, long ballots, int candidateCount, long seed) throws IOException {
        List<String> candidates = candidates(candidateCount);
        List<String> strings = new ArrayList<>(List.of("Precinct", "1ST CHOICE MAYOR", "2ND CHOICE MAYOR", "3RD CHOICE MAYOR",
                "Count", UNDERVOTE, OVERVOTE, WRITE_IN));
        int firstCandidate = strings.size();
        strings.addAll(candidates);
        int firstPrecinct = strings.size();
        int precincts = 117;
        for (int p = 1; p <= precincts; p++) {
            strings.add("MINNEAPOLIS W-%d P-%02d".formatted(1 + (p - 1) / 9, 1 + (p - 1) % 9));
        }
        double[] cumulative = new double[candidateCount];
        double total = 0;
        for (int i = 0; i < candidateCount; i++) {
            total += Math.pow(0.82, i) + 0.002 * (candidateCount - i); // geometric support with a long tail
            cumulative[i] = total;
        }
        SplittableRandom random = new SplittableRandom(seed);
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings.size() + "\" uniqueCount=\"" + strings.size() + "\">");
            strings.forEach(s -> sst.append("<si><t>").append(s).append("</t></si>"));
            entry(zip, "xl/sharedStrings.xml", sst.append("</sst>").toString());

            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer w = new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:E"
                    + (ballots + 1) + "\"/><sheetData>");
            w.write("<row r=\"1\" spans=\"1:5\">");
            for (int c = 0; c < 5; c++) {
                cell(w, c, 1, c);
            }
            w.write("</row>");
            int[] ranks = new int[RANKS];
            for (long b = 0; b < ballots; b++) {
                long row = b + 2;
                ballot(random, cumulative, firstCandidate, ranks);
                w.write("<row r=\"" + row + "\" spans=\"1:5\">");
                cell(w, 0, row, firstPrecinct + random.nextInt(precincts));
                for (int r = 0; r < RANKS; r++) {
                    cell(w, r + 1, row, ranks[r]);
                }
                w.write("<c r=\"E" + row + "\"><v>1</v></c></row>");
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            zip.closeEntry();
        }
    }

    /** One ballot's three rankings as shared-string indexes. */
    private static void ballot(SplittableRandom random, double[] cumulative, int firstCandidate, int[] ranks) {
        double blank = random.nextDouble();
        for (int r = 0; r < RANKS; r++) {
            double roll = random.nextDouble();
            if (blank < 0.004) {
                ranks[r] = 5; // every rank left blank
            } else if (roll < 0.06 * (r + 1)) {
                ranks[r] = 5; // a skipped rank, more often further down
            } else if (roll < 0.06 * (r + 1) + 0.003) {
                ranks[r] = 6;
            } else if (roll < 0.06 * (r + 1) + 0.008) {
                ranks[r] = 7;
            } else if (r > 0 && roll < 0.06 * (r + 1) + 0.018) {
                ranks[r] = ranks[r - 1]; // the same candidate again: a duplicate ranking
            } else {
                double pick = random.nextDouble() * cumulative[cumulative.length - 1];
                int c = 0;
                while (cumulative[c] < pick) {
                    c++;
                }
                ranks[r] = firstCandidate + c;
            }
        }
    }

    private static void cell(Writer w, int column, long row, int sharedString) throws IOException {
        w.write("<c r=\"");
        w.write((char) ('A' + column));
        w.write(Long.toString(row));
        w.write("\" t=\"s\"><v>");
        w.write(Integer.toString(sharedString));
        w.write("</v></c>");
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Lets a writer be flushed over one zip entry without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
