package org.bulwark.formats.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.bulwark.model.BadInputException;

/**
 * The first worksheet of an xlsx workbook, streamed row by row. Apache POI opens the package (its zip
 * reader refuses zip bombs: entries that inflate far beyond their compressed size) and reads the shared
 * strings with its hardened SAX parser; the sheet itself is read with StAX, DTDs and external entities
 * refused, and cells are taken as stored (shared or inline strings, numbers as written) without POI's
 * formatting pass, which would cost most of the time on a million-ballot sheet and change nothing in a
 * ranking column.
 */
record XlsxRows(Path file) implements Sheet.Rows {
    /** Excel's own limits: 1,048,576 rows and 16,384 columns (XFD). */
    static final int MAX_ROW = 1 << 20;
    static final int MAX_COLUMN = 1 << 14;

    private static final XMLInputFactory FACTORY = XmlInput.factory();

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
            ReadOnlySharedStringsTable strings;
            InputStream sheet;
            String sheetName;
            try {
                strings = new ReadOnlySharedStringsTable(pkg);
                XSSFReader reader = new XSSFReader(pkg);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new BadInputException(name, "the workbook", "has no worksheet");
                }
                sheet = sheets.next();
                sheetName = "sheet \"" + sheets.getSheetName() + "\"";
            } catch (BadInputException e) {
                throw e;
            } catch (IOException | OpenXML4JException | org.xml.sax.SAXException | RuntimeException e) {
                throw new BadInputException(name, "the workbook", "not a readable xlsx workbook: " + e.getMessage(), e);
            }
            try (InputStream in = sheet) {
                new SheetParser(name, sheetName, strings, handler).parse(in);
            }
        } finally {
            pkg.revert(); // opened read-only: close without writing anything back
        }
    }

    /** The StAX pass over one worksheet's XML. */
    private static final class SheetParser {
        private final String file;
        private final String sheet;
        private final ReadOnlySharedStringsTable strings;
        private final Sheet.RowHandler handler;
        private final List<Sheet.Cell> cells = new ArrayList<>();
        private int row;
        private int column;

        SheetParser(String file, String sheet, ReadOnlySharedStringsTable strings, Sheet.RowHandler handler) {
            this.file = file;
            this.sheet = sheet;
            this.strings = strings;
            this.handler = handler;
        }

        void parse(InputStream in) {
            XMLStreamReader x = null;
            try {
                x = FACTORY.createXMLStreamReader(in);
                while (x.hasNext()) {
                    int event = x.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new BadInputException(file, sheet, "a worksheet may not carry a DOCTYPE");
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("row")) {
                            handler.row(row, List.copyOf(cells));
                        }
                        continue;
                    }
                    switch (x.getLocalName()) {
                        case "row" -> startRow(x);
                        case "c" -> cell(x);
                        default -> { /* sheet views, column widths, merges: nothing a ballot needs */ }
                    }
                }
            } catch (XMLStreamException e) {
                throw XmlInput.malformed(file + " (" + sheet + ")", e);
            } finally {
                if (x != null) {
                    try {
                        x.close();
                    } catch (XMLStreamException e) {
                        // closing a reader over a stream we close ourselves: nothing left to release
                    }
                }
            }
        }

        private void startRow(XMLStreamReader x) {
            String r = x.getAttributeValue(null, "r");
            int next = r == null ? row + 1 : number(r, "row number \"" + r + "\"");
            if (next <= row || next > MAX_ROW) {
                throw new BadInputException(file, sheet + ", row " + (row + 1),
                        "row number " + next + " does not follow row " + row + " (rows must ascend, up to " + MAX_ROW + ")");
            }
            row = next;
            column = 0;
            cells.clear();
        }

        private void cell(XMLStreamReader x) throws XMLStreamException {
            String ref = x.getAttributeValue(null, "r");
            int next = ref == null ? column + 1 : columnOf(ref);
            if (next <= column || next > MAX_COLUMN) {
                throw new BadInputException(file, sheet + ", " + Sheet.place(row, Math.max(column, 1)),
                        "cell " + (ref == null ? "without reference" : "\"" + ref + "\"")
                                + " does not follow column " + column + " (columns must ascend, up to " + MAX_COLUMN + ")");
            }
            column = next;
            String type = x.getAttributeValue(null, "t");
            String value = null;
            StringBuilder inline = null;
            // Read to the end of <c>: its value in <v>, or inline rich text in <is><t>...
            while (true) {
                int event = x.next();
                if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("c")) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "v" -> value = x.getElementText();
                        case "t" -> {
                            if (inline == null) {
                                inline = new StringBuilder();
                            }
                            inline.append(x.getElementText());
                        }
                        default -> { /* formula text, phonetic runs: not the cell's value */ }
                    }
                }
            }
            String text = "inlineStr".equals(type) ? (inline == null ? null : inline.toString()) : decode(type, value);
            if (text != null && !text.isEmpty()) {
                cells.add(new Sheet.Cell(column, text));
            }
        }

        private String decode(String type, String value) {
            if (value == null) {
                return null;
            }
            if (type == null) {
                return value;
            }
            return switch (type) {
                case "s" -> {
                    int index = number(value, "shared string index \"" + value + "\"");
                    if (index >= strings.getCount()) {
                        throw new BadInputException(file, sheet + ", " + Sheet.place(row, column),
                                "shared string " + index + " does not exist (the workbook has " + strings.getCount() + ")");
                    }
                    yield strings.getItemAt(index).getString();
                }
                case "b" -> "1".equals(value) ? "TRUE" : "FALSE";
                default -> value; // n, str, e, d: as written
            };
        }

        private int columnOf(String ref) {
            int c = 0;
            int i = 0;
            while (i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z' && c <= MAX_COLUMN) {
                c = c * 26 + (ref.charAt(i) - 'A' + 1);
                i++;
            }
            if (i == 0 || i == ref.length() || c > MAX_COLUMN) {
                throw new BadInputException(file, sheet + ", row " + row, "cell reference \"" + ref + "\" is not a column letter and row number");
            }
            int r = number(ref.substring(i), "cell reference \"" + ref + "\"");
            if (r != row) {
                throw new BadInputException(file, sheet + ", row " + row, "cell \"" + ref + "\" is not in row " + row);
            }
            return c;
        }

        private int number(String text, String what) {
            if (text.isEmpty() || text.length() > 9) {
                throw new BadInputException(file, sheet + ", row " + row, what + " is not a number Excel allows");
            }
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch < '0' || ch > '9') {
                    throw new BadInputException(file, sheet + ", row " + row, what + " is not a whole number");
                }
                n = n * 10 + (ch - '0');
            }
            return n;
        }
    }

}
