package org.bulwark.formats.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.bulwark.model.BadInputException;

/**
 * The first worksheet of an xlsx workbook, streamed row by row. Apache POI opens the package (its zip
 * reader refuses zip bombs: entries that inflate far beyond their compressed size) and finds the parts;
 * the shared strings are read once with StAX (DTDs refused), and the sheet by {@link SheetScanner}. Cells
 * are taken as stored (shared or inline strings, numbers as written) without POI's formatting pass, which
 * would cost most of the time on a million-ballot sheet and change nothing in a ranking column.
 */
record XlsxRows(Path file) implements Sheet.Rows {
    /** Excel's own limits: 1,048,576 rows and 16,384 columns (XFD). */
    static final int MAX_ROW = 1 << 20;
    static final int MAX_COLUMN = 1 << 14;

    @Override
    public void read(Sheet.RowHandler handler) throws IOException {
        String name = file.toString();
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new BadInputException(name, "the zip package", "not an xlsx workbook: " + e.getMessage(), e);
        }
        try {
            List<String> strings;
            InputStream sheet;
            String sheetName;
            try {
                XSSFReader reader = new XSSFReader(pkg);
                strings = sharedStrings(name, reader);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new BadInputException(name, "the workbook", "has no worksheet");
                }
                sheet = sheets.next();
                sheetName = "sheet \"" + sheets.getSheetName() + "\"";
            } catch (BadInputException e) {
                throw e;
            } catch (IOException | OpenXML4JException | RuntimeException e) {
                throw new BadInputException(name, "the workbook", "not a readable xlsx workbook: " + e.getMessage(), e);
            }
            try (InputStream in = sheet) {
                new SheetScanner(name, sheetName, strings, handler, in).scan();
            }
        } finally {
            pkg.revert(); // opened read-only: close without writing anything back
        }
    }

    /**
     * The workbook's shared strings, in order: each &lt;si&gt;'s text runs (&lt;t&gt;, also inside rich-text
     * &lt;r&gt;), without phonetic hints (&lt;rPh&gt;), which are not part of the cell's text.
     */
    private static List<String> sharedStrings(String file, XSSFReader reader) throws IOException, OpenXML4JException {
        List<String> strings = new ArrayList<>();
        InputStream in;
        try {
            in = reader.getSharedStringsData();
        } catch (RuntimeException e) {
            return strings; // no shared strings part: a sheet of inline strings and numbers
        }
        if (in == null) {
            return strings;
        }
        String part = file + " (xl/sharedStrings.xml)";
        try (in) {
            XMLStreamReader x = XmlInput.FACTORY.createXMLStreamReader(in);
            XmlInput.root(x, part, "sst");
            while (XmlInput.nextChild(x, part)) {
                if (!x.getLocalName().equals("si")) {
                    XmlInput.skip(x, part);
                    continue;
                }
                StringBuilder text = new StringBuilder();
                runs(x, part, text);
                strings.add(text.toString());
            }
        } catch (XMLStreamException e) {
            throw XmlInput.malformed(part, e);
        }
        return strings;
    }

    private static void runs(XMLStreamReader x, String part, StringBuilder text) throws XMLStreamException {
        while (XmlInput.nextChild(x, part)) {
            switch (x.getLocalName()) {
                case "t" -> text.append(XmlInput.text(x, part));
                case "r" -> {
                    while (XmlInput.nextChild(x, part)) { // a rich-text run: its <t>, and formatting to skip
                        if (x.getLocalName().equals("t")) {
                            text.append(XmlInput.text(x, part));
                        } else {
                            XmlInput.skip(x, part);
                        }
                    }
                }
                default -> XmlInput.skip(x, part);
            }
        }
    }
}
