package org.bulwark.formats.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bulwark.model.BadInputException;

/**
 * A lean scanner for one worksheet's XML (SpreadsheetML sheetN.xml), byte by byte, for the million-ballot sheets
 * of a large county: StAX spends about 4 s on such a sheet where this takes well under one, because it only
 * builds what a ballot needs (row and cell references, cell types, the text of &lt;v&gt; and inline &lt;t&gt;)
 * and skips everything else without making strings of it. It is still a checking XML reader for this grammar:
 * tags must nest and match (up to {@link #MAX_DEPTH} deep), the file must not end inside an element, comments,
 * processing instructions and CDATA are understood, the five predefined and numeric character references are
 * decoded, any other entity and every DOCTYPE are refused (no entity expansion, no outside files), text is
 * strict UTF-8, and rows and cells must ascend as Excel writes them. Every refusal names the sheet, the row and
 * the byte offset.
 */
final class SheetScanner {
    static final int MAX_DEPTH = 64;
    /** Longest cell text kept: far above any name, far below what would strain memory. */
    static final int MAX_TEXT = 1 << 16;
    private static final int NAME_MAX = 256;

    private final String file;
    private final String sheet;
    private final List<String> strings;
    private final Sheet.RowHandler handler;
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumed;

    private final byte[] name = new byte[NAME_MAX];
    private int nameLength;
    private int localStart;
    private final int[] stackHash = new int[MAX_DEPTH];
    private final int[] stackLength = new int[MAX_DEPTH];
    private int depth;
    private boolean sawRoot;

    /** What text is being collected: none, a cell's &lt;v&gt;, or inline text &lt;t&gt;. */
    private enum Capture { NONE, VALUE, INLINE }

    private Capture capture = Capture.NONE;
    private byte[] text = new byte[256];
    private int textLength;
    private byte[] attr = new byte[256];
    private int attrLength;

    private int row;
    private int column;
    private boolean inCell;
    private int cellType; // one of the TYPE_ constants
    private boolean hasValue;
    private boolean hasInline;
    private final List<Sheet.Cell> cells = new ArrayList<>();
    private byte[] value = new byte[64];
    private int valueLength;
    private byte[] inline = new byte[64];
    private int inlineLength;

    private static final int TYPE_NUMBER = 0;
    private static final int TYPE_SHARED = 1;
    private static final int TYPE_INLINE = 2;
    private static final int TYPE_BOOLEAN = 3;
    private static final int TYPE_OTHER = 4;

    SheetScanner(String file, String sheet, List<String> strings, Sheet.RowHandler handler, InputStream in) {
        this.file = file;
        this.sheet = sheet;
        this.strings = strings;
        this.handler = handler;
        this.in = in;
    }

    void scan() throws IOException {
        int b = next();
        if (b == 0xEF) { // a UTF-8 byte-order mark
            if (next() != 0xBB || next() != 0xBF) {
                throw problem("the sheet does not start with XML");
            }
            b = next();
        }
        for (; b >= 0; b = next()) {
            if (b != '<') {
                if (b == '&') {
                    reference(capture != Capture.NONE);
                } else if (capture != Capture.NONE) {
                    appendText(b);
                }
                continue;
            }
            b = next();
            switch (b) {
                case '?' -> skipPast("?>");
                case '!' -> bang();
                case '/' -> endTag();
                default -> startTag(b);
            }
        }
        if (depth > 0) {
            throw problem("the sheet ends inside an element: it is truncated");
        }
        if (!sawRoot) {
            throw problem("the sheet has no root element");
        }
    }

    // ---- the XML grammar ----

    private void bang() throws IOException {
        int b = next();
        if (b == '-') {
            if (next() != '-') {
                throw problem("malformed comment");
            }
            skipPast("-->");
        } else if (b == '[') {
            for (byte expected : "CDATA[".getBytes(StandardCharsets.US_ASCII)) {
                if (next() != expected) {
                    throw problem("malformed CDATA section");
                }
            }
            cdata();
        } else {
            throw problem("a DOCTYPE or other declaration is not allowed in a worksheet");
        }
    }

    private void cdata() throws IOException {
        int matched = 0; // how many of "]]" precede
        while (true) {
            int b = nextOrEnd("a CDATA section");
            if (b == '>' && matched >= 2) {
                if (capture != Capture.NONE) {
                    textLength -= 2; // the "]]" of the closing "]]>"
                }
                return;
            }
            matched = b == ']' ? matched + 1 : 0;
            if (capture != Capture.NONE) {
                appendText(b);
            }
        }
    }

    private void skipPast(String end) throws IOException {
        byte[] e = end.getBytes(StandardCharsets.US_ASCII);
        int matched = 0;
        while (matched < e.length) {
            int b = nextOrEnd("a comment or processing instruction");
            if (b == e[matched]) {
                matched++;
            } else {
                matched = b == e[0] ? 1 : 0;
            }
        }
    }

    private void startTag(int first) throws IOException {
        int b = readName(first);
        if (depth == 0 && sawRoot) {
            throw problem("content after the root element");
        }
        sawRoot = true;
        String element = elementKind();
        boolean selfClosing = false;
        int r = -1;
        int type = TYPE_NUMBER;
        while (true) {
            while (isSpace(b)) {
                b = nextOrEnd("a tag");
            }
            if (b == '>') {
                break;
            }
            if (b == '/') {
                if (nextOrEnd("a tag") != '>') {
                    throw problem("malformed tag <" + nameString() + ">");
                }
                selfClosing = true;
                break;
            }
            // an attribute: name = "value"
            int attrNameLength = 0;
            boolean plainR = b == 'r';
            boolean plainT = b == 't';
            while (b != '=' && !isSpace(b)) {
                if (b == '>' || b == '/' || b == '<' || ++attrNameLength > NAME_MAX) {
                    throw problem("malformed attribute in <" + nameString() + ">");
                }
                b = nextOrEnd("a tag");
            }
            while (isSpace(b)) {
                b = nextOrEnd("a tag");
            }
            if (b != '=') {
                throw problem("attribute without a value in <" + nameString() + ">");
            }
            b = nextOrEnd("a tag");
            while (isSpace(b)) {
                b = nextOrEnd("a tag");
            }
            if (b != '"' && b != '\'') {
                throw problem("attribute value without quotes in <" + nameString() + ">");
            }
            attributeValue(b);
            if (attrNameLength == 1 && plainR && element != null) {
                r = element.equals("c") ? cellColumn() : element.equals("row") ? number("row number") : -1;
            } else if (attrNameLength == 1 && plainT && "c".equals(element)) {
                type = cellType();
            }
            b = nextOrEnd("a tag");
            if (!isSpace(b) && b != '>' && b != '/') {
                throw problem("attributes must be separated by spaces in <" + nameString() + ">");
            }
        }
        push();
        if (element != null) {
            start(element, r, type);
        }
        if (selfClosing) {
            pop();
            if (element != null) {
                end(element);
            }
        }
    }

    private void endTag() throws IOException {
        int b = readName(nextOrEnd("an end tag"));
        while (isSpace(b)) {
            b = nextOrEnd("an end tag");
        }
        if (b != '>') {
            throw problem("malformed end tag </" + nameString() + ">");
        }
        String element = elementKind();
        pop();
        if (element != null) {
            end(element);
        }
    }

    /** Reads a tag name starting with {@code first} into {@link #name}; returns the byte after it. */
    private int readName(int first) throws IOException {
        nameLength = 0;
        localStart = 0;
        int b = first;
        if (b < 0 || isSpace(b) || b == '>' || b == '/' || b == '=') {
            throw problem("a tag without a name");
        }
        while (!isSpace(b) && b != '>' && b != '/') {
            if (b < 0) {
                throw problem("the sheet ends inside a tag: it is truncated");
            }
            if (nameLength == NAME_MAX || b == '<' || b == '"' || b == '\'' || b == '=') {
                throw problem("malformed tag name");
            }
            if (b == ':') {
                localStart = nameLength + 1;
            }
            name[nameLength++] = (byte) b;
            b = next();
        }
        return b;
    }

    private void push() {
        if (depth == MAX_DEPTH) {
            throw problem("elements nest more than " + MAX_DEPTH + " deep");
        }
        stackHash[depth] = nameHash();
        stackLength[depth] = nameLength;
        depth++;
    }

    private void pop() {
        if (depth == 0) {
            throw problem("end tag </" + nameString() + "> without a start tag");
        }
        depth--;
        if (stackLength[depth] != nameLength || stackHash[depth] != nameHash()) {
            throw problem("end tag </" + nameString() + "> does not match its start tag");
        }
    }

    /** Names on the stack are compared by length and hash: enough to catch mismatched tags, and no allocation. */
    private int nameHash() {
        int h = 1;
        for (int i = 0; i < nameLength; i++) {
            h = 31 * h + name[i];
        }
        return h;
    }

    /** The local name when it is one a ballot needs ("row", "c", "v", "is", "t"), else null. */
    private String elementKind() {
        int n = nameLength - localStart;
        if (n == 1) {
            return switch (name[localStart]) {
                case 'c' -> "c";
                case 'v' -> "v";
                case 't' -> "t";
                default -> null;
            };
        }
        if (n == 3 && name[localStart] == 'r' && name[localStart + 1] == 'o' && name[localStart + 2] == 'w') {
            return "row";
        }
        return null;
    }

    /** Reads a quoted attribute value into {@link #attr}, decoding references. */
    private void attributeValue(int quote) throws IOException {
        attrLength = 0;
        while (true) {
            int b = nextOrEnd("an attribute value");
            if (b == quote) {
                return;
            }
            if (b == '<') {
                throw problem("'<' inside an attribute value");
            }
            if (b == '&') {
                int cp = referenceCodePoint();
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    appendAttr(x);
                }
            } else {
                appendAttr(b);
            }
        }
    }

    private void appendAttr(int b) {
        if (attrLength == attr.length) {
            if (attr.length >= MAX_TEXT) {
                throw problem("an attribute value longer than " + MAX_TEXT + " bytes");
            }
            attr = Arrays.copyOf(attr, attr.length * 2);
        }
        attr[attrLength++] = (byte) b;
    }

    /** A character reference in text: appended when text is being collected. */
    private void reference(boolean keep) throws IOException {
        int cp = referenceCodePoint();
        if (keep) {
            for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                appendText(x & 0xff);
            }
        }
    }

    private int referenceCodePoint() throws IOException {
        StringBuilder ref = new StringBuilder();
        for (int b = nextOrEnd("a character reference"); b != ';'; b = nextOrEnd("a character reference")) {
            if (ref.length() > 10) {
                throw problem("malformed character reference &" + ref);
            }
            ref.append((char) b);
        }
        String r = ref.toString();
        return switch (r) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> {
                if (r.startsWith("#")) {
                    try {
                        int cp = r.startsWith("#x") ? Integer.parseInt(r.substring(2), 16) : Integer.parseInt(r.substring(1));
                        if (Character.isValidCodePoint(cp) && cp != 0) {
                            yield cp;
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw problem("&" + r + "; is not a valid character reference");
                }
                throw problem("entity &" + r + "; is not allowed (only the five XML entities are)");
            }
        };
    }

    private void appendText(int b) {
        if (textLength == text.length) {
            if (text.length >= MAX_TEXT) {
                throw problem("a cell's text is longer than " + MAX_TEXT + " bytes");
            }
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = (byte) b;
    }

    // ---- what a ballot needs ----

    private void start(String element, int r, int type) {
        switch (element) {
            case "row" -> {
                int next = r < 0 ? row + 1 : r;
                if (next <= row || next > XlsxRows.MAX_ROW) {
                    throw problem("row number " + next + " does not follow row " + row + " (rows must ascend, up to " + XlsxRows.MAX_ROW + ")");
                }
                row = next;
                column = 0;
                cells.clear();
            }
            case "c" -> {
                int next = r < 0 ? column + 1 : r;
                if (next <= column || next > XlsxRows.MAX_COLUMN) {
                    throw problem("cell in column " + next + " does not follow column " + column
                            + " (columns must ascend, up to " + XlsxRows.MAX_COLUMN + ")");
                }
                column = next;
                inCell = true;
                cellType = type;
                hasValue = false;
                hasInline = false;
                inlineLength = 0;
            }
            case "v" -> {
                if (inCell) {
                    capture = Capture.VALUE;
                    textLength = 0;
                }
            }
            case "t" -> {
                if (inCell) {
                    capture = Capture.INLINE;
                    textLength = 0;
                }
            }
            default -> throw new IllegalStateException("no handling for <" + element + ">");
        }
    }

    private void end(String element) {
        switch (element) {
            case "row" -> handler.row(row, cells);
            case "c" -> {
                endCell();
                inCell = false;
            }
            case "v" -> {
                if (capture == Capture.VALUE) {
                    value = copyInto(value, valueLength = textLength);
                    hasValue = true;
                    capture = Capture.NONE;
                }
            }
            case "t" -> {
                if (capture == Capture.INLINE) {
                    if (inlineLength + textLength > MAX_TEXT) {
                        throw problem("a cell's text is longer than " + MAX_TEXT + " bytes");
                    }
                    if (inline.length < inlineLength + textLength) {
                        inline = Arrays.copyOf(inline, Math.max(inline.length * 2, inlineLength + textLength));
                    }
                    System.arraycopy(text, 0, inline, inlineLength, textLength);
                    inlineLength += textLength;
                    hasInline = true;
                    capture = Capture.NONE;
                }
            }
            default -> throw new IllegalStateException("no handling for </" + element + ">");
        }
    }

    private byte[] copyInto(byte[] target, int length) {
        byte[] t = target.length >= length ? target : new byte[Math.max(length, target.length * 2)];
        System.arraycopy(text, 0, t, 0, length);
        return t;
    }

    private void endCell() {
        String cellText = switch (cellType) {
            case TYPE_SHARED -> hasValue ? sharedString() : null;
            case TYPE_INLINE -> hasInline ? utf8(inline, inlineLength) : null;
            case TYPE_BOOLEAN -> hasValue ? (valueLength == 1 && value[0] == '1' ? "TRUE" : "FALSE") : null;
            default -> hasValue ? utf8(value, valueLength) : null;
        };
        if (cellText != null && !cellText.isEmpty()) {
            cells.add(new Sheet.Cell(column, cellText));
        }
    }

    private String sharedString() {
        int index = 0;
        int i = 0;
        while (i < valueLength && isSpace(value[i])) {
            i++;
        }
        int digits = 0;
        for (; i < valueLength && value[i] >= '0' && value[i] <= '9'; i++) {
            if (++digits > 9) {
                break;
            }
            index = index * 10 + (value[i] - '0');
        }
        while (i < valueLength && isSpace(value[i])) {
            i++;
        }
        if (digits == 0 || i != valueLength) {
            throw problem("shared string index \"" + utf8(value, valueLength) + "\" is not a whole number");
        }
        if (index >= strings.size()) {
            throw problem("shared string " + index + " does not exist (the workbook has " + strings.size() + ")");
        }
        return strings.get(index);
    }

    private int cellColumn() {
        int c = 0;
        int i = 0;
        while (i < attrLength && attr[i] >= 'A' && attr[i] <= 'Z' && c <= XlsxRows.MAX_COLUMN) {
            c = c * 26 + (attr[i] - 'A' + 1);
            i++;
        }
        if (i == 0 || i == attrLength || c > XlsxRows.MAX_COLUMN) {
            throw problem("cell reference \"" + utf8(attr, attrLength) + "\" is not a column letter and row number");
        }
        int r = 0;
        for (int j = i; j < attrLength; j++) {
            if (attr[j] < '0' || attr[j] > '9' || j - i > 8) {
                throw problem("cell reference \"" + utf8(attr, attrLength) + "\" is not a column letter and row number");
            }
            r = r * 10 + (attr[j] - '0');
        }
        if (r != row) {
            throw problem("cell \"" + utf8(attr, attrLength) + "\" is not in row " + row);
        }
        return c;
    }

    private int number(String what) {
        if (attrLength == 0 || attrLength > 9) {
            throw problem(what + " \"" + utf8(attr, attrLength) + "\" is not a number Excel allows");
        }
        int n = 0;
        for (int i = 0; i < attrLength; i++) {
            if (attr[i] < '0' || attr[i] > '9') {
                throw problem(what + " \"" + utf8(attr, attrLength) + "\" is not a whole number");
            }
            n = n * 10 + (attr[i] - '0');
        }
        return n;
    }

    private int cellType() {
        String t = utf8(attr, attrLength);
        return switch (t) {
            case "s" -> TYPE_SHARED;
            case "inlineStr" -> TYPE_INLINE;
            case "b" -> TYPE_BOOLEAN;
            case "n" -> TYPE_NUMBER;
            default -> TYPE_OTHER; // str, e, d: the value as written
        };
    }

    private String utf8(byte[] bytes, int length) {
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw problem("text that is not UTF-8");
        }
    }

    // ---- bytes ----

    private static boolean isSpace(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private int next() throws IOException {
        if (pos == limit) {
            consumed += limit;
            pos = 0;
            try {
                limit = Math.max(in.read(buf), 0);
            } catch (IOException e) {
                // The sheet is a zip entry: damaged deflate data, or POI refusing a zip bomb, is bad input.
                BadInputException bad = problem("the sheet cannot be read from the workbook: " + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
            if (limit == 0) {
                return -1;
            }
        }
        return buf[pos++] & 0xff;
    }

    private int nextOrEnd(String inside) throws IOException {
        int b = next();
        if (b < 0) {
            throw problem("the sheet ends inside " + inside + ": it is truncated");
        }
        return b;
    }

    private String nameString() {
        return new String(name, 0, nameLength, StandardCharsets.UTF_8);
    }

    BadInputException problem(String what) {
        return new BadInputException(file, sheet + ", " + (row == 0 ? "before the first row" : "row " + row)
                + " (byte " + (consumed + pos) + ")", what);
    }
}
