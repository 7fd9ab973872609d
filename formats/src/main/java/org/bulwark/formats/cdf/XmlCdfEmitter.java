package org.bulwark.formats.cdf;

import java.io.IOException;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Subtypes as xsi:type, ids as ObjectId attributes, text XML 1.0 cannot carry replaced. */
final class XmlCdfEmitter implements CdfEmitter {
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    /** The JDK's own writer, whatever else is on the class path, so that the bytes do not depend on it. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter xml;
    /**
     * The JDK's writer encodes to a stream one byte at a time (each a locked call on a buffered stream):
     * given characters instead, it hands them on in runs, which makes a statewide results file twice as fast.
     */
    private final Writer chars;
    /** A line break and the indentation of each depth, made once. */
    private final List<String> indents = new ArrayList<>();
    private final String namespace;
    private final Layout layout;
    /** Per open element: whether it has child elements (indented, its end tag then goes on its own line). */
    private final Deque<Boolean> hasChildren = new ArrayDeque<>();

    XmlCdfEmitter(OutputStream out, String namespace, Layout layout) throws IOException {
        this.namespace = namespace;
        this.layout = layout;
        try {
            this.chars = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            this.xml = FACTORY.createXMLStreamWriter(chars);
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface XmlWrite {
        void run() throws XMLStreamException;
    }

    private static void io(XmlWrite write) throws IOException {
        try {
            write.run();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
    }

    private void newLine() throws XMLStreamException {
        if (layout == Layout.INDENTED) {
            int depth = hasChildren.size();
            while (indents.size() <= depth) {
                indents.add("\n" + "  ".repeat(indents.size()));
            }
            xml.writeCharacters(indents.get(depth));
        }
    }

    private void startElement(String name) throws XMLStreamException {
        boolean root = hasChildren.isEmpty();
        if (!root) {
            hasChildren.pop();
            hasChildren.push(true);
        }
        newLine();
        xml.writeStartElement("", name, namespace);
        if (root) {
            xml.writeDefaultNamespace(namespace);
            xml.writeNamespace("xsi", XSI);
        }
        hasChildren.push(false);
    }

    private void endElement() throws XMLStreamException {
        if (hasChildren.pop()) {
            newLine();
        }
        xml.writeEndElement();
    }

    private void leaf(String name, String text) throws XMLStreamException {
        startElement(name);
        xml.writeCharacters(legal(text));
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

    private void begin(String name, Optional<String> subtype, Optional<String> id) throws IOException {
        io(() -> {
            startElement(name);
            if (subtype.isPresent()) {
                xml.writeAttribute("xsi", XSI, "type", subtype.get());
            }
            if (id.isPresent()) {
                xml.writeAttribute("ObjectId", legal(id.get()));
            }
        });
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
        io(this::endElement);
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
        io(() -> leaf(name, value));
    }

    @Override
    public void number(String name, long value) throws IOException {
        io(() -> leaf(name, Long.toString(value)));
    }

    @Override
    public void decimal(String name, java.math.BigDecimal value) throws IOException {
        io(() -> leaf(name, value.toPlainString()));
    }

    @Override
    public void bool(String name, boolean value) throws IOException {
        io(() -> leaf(name, Boolean.toString(value)));
    }

    @Override
    public void refs(String name, List<String> ids) throws IOException {
        io(() -> leaf(name, String.join(" ", ids)));
    }

    @Override
    public void values(String name, List<String> values) throws IOException {
        io(() -> {
            for (String v : values) {
                leaf(name, v);
            }
        });
    }

    @Override
    public void text(String name, String content) throws IOException {
        io(() -> {
            startElement(name);
            startElement("Text");
            xml.writeAttribute("Language", "en");
            xml.writeCharacters(legal(content));
            endElement();
            endElement();
        });
    }

    @Override
    public void finish() throws IOException {
        io(() -> {
            if (layout == Layout.INDENTED) {
                xml.writeCharacters("\n");
            }
            xml.writeEndDocument();
            xml.flush();
            xml.close(); // closes the XML writer, not the characters' writer nor the stream
        });
        chars.flush();
    }
}
