package org.bulwark.formats.cdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;

/**
 * Subtypes as xsi:type, ids as ObjectId attributes, text XML 1.0 cannot carry replaced.
 *
 * <p>Writes the UTF-8 bytes itself rather than through the JDK's XMLStreamWriter: the documents are
 * made of a few element names of our own and escaped text, and a statewide results file took the
 * JDK's writer three times as long, most of it spent checking names and namespaces that are fixed.
 */
final class XmlCdfEmitter implements CdfEmitter {
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    /** A line break and the indentation of each depth, made once. */
    private final List<byte[]> indents = new ArrayList<>();
    private final String namespace;
    private final Layout layout;
    /** The open elements' names, outermost first. */
    private final List<String> open = new ArrayList<>();
    /** Per open element: whether it has child elements (indented, its end tag then goes on its own line). */
    private boolean[] hasChildren = new boolean[16];
    /** Whether the last start tag still waits for its '>' (attributes may follow). */
    private boolean startTagOpen;

    XmlCdfEmitter(OutputStream out, String namespace, Layout layout) throws IOException {
        this.out = out;
        this.namespace = namespace;
        this.layout = layout;
        markup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    private void newLine() throws IOException {
        if (layout == Layout.INDENTED) {
            int depth = open.size();
            while (indents.size() <= depth) {
                indents.add(("\n" + "  ".repeat(indents.size())).getBytes(StandardCharsets.US_ASCII));
            }
            closeStartTag();
            bytes(indents.get(depth));
        }
    }

    private void startElement(String name) throws IOException {
        boolean root = open.isEmpty();
        if (!root) {
            hasChildren[open.size() - 1] = true;
        }
        newLine();
        closeStartTag();
        put('<');
        markup(name);
        if (root) {
            attribute("xmlns", namespace);
            attribute("xmlns:xsi", XSI);
        }
        if (open.size() == hasChildren.length) {
            hasChildren = Arrays.copyOf(hasChildren, open.size() * 2);
        }
        hasChildren[open.size()] = false;
        open.add(name);
        startTagOpen = true;
    }

    private void endElement() throws IOException {
        String name = open.removeLast();
        if (hasChildren[open.size()]) {
            newLine();
        }
        closeStartTag();
        markup("</");
        markup(name);
        put('>');
    }

    private void closeStartTag() throws IOException {
        if (startTagOpen) {
            put('>');
            startTagOpen = false;
        }
    }

    private void attribute(String name, String value) throws IOException {
        put(' ');
        markup(name);
        markup("=\"");
        escaped(value, true);
        put('"');
    }

    private void leaf(String name, String text) throws IOException {
        startElement(name);
        closeStartTag();
        escaped(legal(text), false);
        endElement();
    }

    /**
     * The text with characters XML 1.0 cannot carry (control characters, lone surrogates) replaced
     * by U+FFFD, so that a stray byte in a name cannot make the whole file unreadable.
     */
    static String legal(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && b == null) {
                b = new StringBuilder(text.substring(0, i));
            }
            if (b != null) {
                b.appendCodePoint(ok ? cp : 0xFFFD);
            }
            i += Character.charCount(cp);
        }
        return b == null ? text : b.toString();
    }

    /**
     * Legal text as character data or an attribute value. Besides the markup characters, a carriage
     * return is written as a reference (a parser would turn a raw one into a line feed), and so are
     * tabs and line breaks in attributes (a parser would turn them into spaces): the value read back
     * is the value written.
     */
    private void escaped(String text, boolean attribute) throws IOException {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                int end = i + 1;
                while (end < n && text.charAt(end) >= 0x80) {
                    end++;
                }
                bytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            switch (c) {
                case '<' -> markup("&lt;");
                case '>' -> markup("&gt;");
                case '&' -> markup("&amp;");
                case '\r' -> markup("&#13;");
                case '"' -> {
                    if (attribute) {
                        markup("&quot;");
                    } else {
                        put(c);
                    }
                }
                case '\t', '\n' -> {
                    if (attribute) {
                        markup(c == '\t' ? "&#9;" : "&#10;");
                    } else {
                        put(c);
                    }
                }
                default -> put(c);
            }
        }
    }

    /** Markup of our own: ASCII. */
    private void markup(String ascii) throws IOException {
        int n = ascii.length();
        if (used + n > buffer.length) {
            drain();
            if (n > buffer.length) {
                out.write(ascii.getBytes(StandardCharsets.US_ASCII));
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            buffer[used++] = (byte) ascii.charAt(i);
        }
    }

    private void put(char ascii) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (byte) ascii;
    }

    private void bytes(byte[] b) throws IOException {
        if (used + b.length > buffer.length) {
            drain();
            if (b.length > buffer.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buffer, used, b.length);
        used += b.length;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    private void begin(String name, Optional<String> subtype, Optional<String> id) throws IOException {
        startElement(name);
        if (subtype.isPresent()) {
            attribute("xsi:type", subtype.get());
        }
        if (id.isPresent()) {
            attribute("ObjectId", legal(id.get()));
        }
    }

    @Override
    public void beginObject(String name, String type, Optional<String> id) throws IOException {
        begin(name, Optional.empty(), id);
    }

    @Override
    public void beginSubtype(String name, String subtype, Optional<String> id) throws IOException {
        begin(name, Optional.of(subtype), id);
    }

    @Override
    public void endObject() throws IOException {
        endElement();
    }

    @Override
    public void beginList(String name) {
        // XML repeats the element instead.
    }

    @Override
    public void endList() {
        // XML repeats the element instead.
    }

    @Override
    public void value(String name, String value) throws IOException {
        leaf(name, value);
    }

    @Override
    public void number(String name, long value) throws IOException {
        leaf(name, Long.toString(value));
    }

    @Override
    public void decimal(String name, java.math.BigDecimal value) throws IOException {
        leaf(name, value.toPlainString());
    }

    @Override
    public void bool(String name, boolean value) throws IOException {
        leaf(name, Boolean.toString(value));
    }

    @Override
    public void refs(String name, List<String> ids) throws IOException {
        leaf(name, String.join(" ", ids));
    }

    @Override
    public void values(String name, List<String> values) throws IOException {
        for (String v : values) {
            leaf(name, v);
        }
    }

    @Override
    public void text(String name, String content) throws IOException {
        startElement(name);
        startElement("Text");
        attribute("Language", "en");
        closeStartTag();
        escaped(legal(content), false);
        endElement();
        endElement();
    }

    @Override
    public void finish() throws IOException {
        if (!open.isEmpty()) {
            throw new IllegalStateException("the document ends with " + open.size() + " elements still open, the innermost " + open.getLast());
        }
        if (layout == Layout.INDENTED) {
            put('\n');
        }
        drain();
        out.flush();
    }
}
