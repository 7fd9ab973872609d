package org.bulwark.formats.election;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.bulwark.model.BadInputException;

/**
 * Parses a JSON or XML file into {@link Node}s, refusing what no election file needs and what could
 * exhaust memory or stack: more than {@value #MAX_BYTES} bytes, text values over
 * {@value #MAX_TEXT} characters, nesting deeper than {@value #MAX_DEPTH}, more than
 * {@value #MAX_VALUES} values, XML document type declarations (and with them external entities).
 */
final class Documents {
    /** A state's definition (thousands of precincts) is a few MB; 64 MiB leaves ample room. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** A ballot measure's full text is tens of thousands of characters at most. */
    static final int MAX_TEXT = 1_000_000;
    /** NIST files nest about 8 deep; Bulwark's 6. */
    static final int MAX_DEPTH = 64;
    static final int MAX_VALUES = 2_000_000;
    private static final int MAX_NAME = 1_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_TEXT)
                    .maxNameLength(MAX_NAME)
                    .maxNumberLength(40)
                    // One more than ours, so that our own check, with its clearer message, fires first.
                    .maxNestingDepth(MAX_DEPTH + 1)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    /** A parsed document: its root and, for XML, the namespace of the root element. */
    record Document(Node root, String namespace) {}

    private Documents() {}

    enum Markup {
        JSON,
        XML,
        UNKNOWN
    }

    /** Tells JSON from XML by the first byte that is not a byte order mark or white space. */
    static Markup sniff(byte[] head, int length) {
        int i = 0;
        if (length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            i = 3;
        }
        for (; i < length; i++) {
            byte b = head[i];
            if (b == '{' || b == '[') {
                return Markup.JSON;
            }
            if (b == '<') {
                return Markup.XML;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return Markup.UNKNOWN;
            }
        }
        return Markup.UNKNOWN;
    }

    static Document json(InputStream raw, String file) {
        Limited in = new Limited(raw);
        JsonParser p = null;
        try {
            p = JSON.createParser(in);
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadInputException(file, "line 1, column 1", "the file holds no JSON value");
            }
            JsonLocation at = p.currentTokenLocation();
            Node root = Node.root(Node.Syntax.JSON, "", at.getLineNr(), at.getColumnNr());
            new JsonBuilder(p, file).value(t, root, 1);
            if (p.nextToken() != null) {
                throw new BadInputException(file, place(p.currentTokenLocation()),
                        "there is more after the end of the JSON document; a file holds one document");
            }
            return new Document(root, "");
        } catch (StreamConstraintsException e) {
            // Jackson does not attach a place to these; the parser knows where it stopped.
            throw new BadInputException(file, place(p == null ? null : p.currentLocation()), constraintProblem(e), e);
        } catch (JsonProcessingException e) {
            if (in.tooLarge) {
                throw readFailure(file, in, e);
            }
            throw new BadInputException(file, place(e.getLocation()), "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw readFailure(file, in, e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // Closing releases parser buffers only; the input stream is the caller's.
                }
            }
        }
    }

    private static String constraintProblem(StreamConstraintsException e) {
        String m = e.getOriginalMessage();
        if (m.startsWith("String value length")) {
            return "a text value is longer than the limit of " + MAX_TEXT + " characters";
        }
        if (m.startsWith("Name length")) {
            return "a field name is longer than the limit of " + MAX_NAME + " characters";
        }
        if (m.startsWith("Number value length")) {
            return "a number has more digits than any election file needs";
        }
        return "the file exceeds a size limit: " + m;
    }

    private static BadInputException readFailure(String file, Limited in, IOException e) {
        if (in.tooLarge) {
            return new BadInputException(file, "byte " + (MAX_BYTES + 1),
                    "the file is larger than the limit of " + MAX_BYTES + " bytes", e);
        }
        return new BadInputException(file, "byte " + in.count, "the file could not be read: " + e.getMessage(), e);
    }

    private static String place(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "unknown place";
        }
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static final class JsonBuilder {
        private final JsonParser p;
        private final String file;
        private int values;

        JsonBuilder(JsonParser p, String file) {
            this.p = p;
            this.file = file;
        }

        void value(JsonToken t, Node node, int depth) throws IOException {
            if (++values > MAX_VALUES) {
                throw new BadInputException(file, place(p.currentTokenLocation()),
                        "the file holds more than " + MAX_VALUES + " values, more than any election needs");
            }
            switch (t) {
                case START_OBJECT -> {
                    deeper(depth);
                    for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
                        String key = wholeCharacters(p.currentName());
                        JsonToken v = p.nextToken();
                        JsonLocation at = p.currentTokenLocation();
                        if (v == JsonToken.START_ARRAY) {
                            elements(node, key, depth + 1);
                        } else {
                            value(v, node.add(key, false, at.getLineNr(), at.getColumnNr()), depth + 1);
                        }
                    }
                }
                // An array inside an array (or as the whole document): no election format has one; its
                // elements are kept under an empty name.
                case START_ARRAY -> {
                    node.setScalar(Node.Kind.ARRAY, null);
                    elements(node, "", depth);
                }
                case VALUE_STRING -> node.setScalar(Node.Kind.STRING, wholeCharacters(p.getText()));
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> node.setScalar(Node.Kind.NUMBER, p.getText());
                case VALUE_TRUE, VALUE_FALSE -> node.setScalar(Node.Kind.BOOLEAN, p.getText());
                case VALUE_NULL -> node.setScalar(Node.Kind.NULL, null);
                default -> throw new BadInputException(file, place(p.currentTokenLocation()),
                        "unexpected JSON token " + t);
            }
        }

        /**
         * JSON escapes can spell half of a surrogate pair ("\\ud800"), which is no character: it
         * could be neither printed nor written back as UTF-8.
         */
        private String wholeCharacters(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new BadInputException(file, place(p.currentTokenLocation()), String.format(
                            "a text value holds \\u%04x, half of a surrogate pair, which is not a character", (int) c));
                }
            }
            return text;
        }

        private void elements(Node node, String key, int depth) throws IOException {
            deeper(depth);
            node.addEmpty(key);
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                JsonLocation at = p.currentTokenLocation();
                value(e, node.add(key, true, at.getLineNr(), at.getColumnNr()), depth + 1);
            }
        }

        private void deeper(int depth) {
            if (depth > MAX_DEPTH) {
                throw new BadInputException(file, place(p.currentTokenLocation()),
                        "objects and arrays are nested more than " + MAX_DEPTH + " deep; no election file needs that");
            }
        }
    }

    static Document xml(InputStream raw, String file) {
        Limited in = new Limited(raw);
        XMLStreamReader r = null;
        try {
            r = xmlFactory().createXMLStreamReader(in);
            return new XmlBuilder(r, file).build();
        } catch (XMLStreamException e) {
            if (in.tooLarge) {
                throw readFailure(file, in, new IOException(e));
            }
            Location at = e.getLocation() != null ? e.getLocation() : (r != null ? r.getLocation() : null);
            throw new BadInputException(file, place(at), "not valid XML: " + xmlMessage(e), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // Closing releases parser state only; the input stream is the caller's.
                }
            }
        }
    }

    /** The JDK's own StAX parser, never one found on the class path, with DTDs and external entities off. */
    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    private static String xmlMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        // The JDK prefixes "ParseError at [row,col]:[3,4]\nMessage: "; the place is reported separately.
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + "Message: ".length()) : m;
    }

    private static String place(Location at) {
        if (at == null || at.getLineNumber() < 1) {
            return "unknown place";
        }
        return "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    }

    private static final class XmlBuilder {
        private final XMLStreamReader r;
        private final String file;
        private final Deque<Node> open = new ArrayDeque<>();
        private final Deque<StringBuilder> texts = new ArrayDeque<>();
        private int values;

        XmlBuilder(XMLStreamReader r, String file) {
            this.r = r;
            this.file = file;
        }

        Document build() throws XMLStreamException {
            Node root = null;
            String namespace = "";
            while (r.hasNext()) {
                // Where the parser stands before the next event is where that event starts: for an
                // element, its '<' (the parser's own location is the end of the start tag).
                Location start = r.getLocation();
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw new BadInputException(
                            file, place(r.getLocation()),
                            "the file declares a document type or uses entities; election files must not");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw new BadInputException(file, place(r.getLocation()),
                                    "elements are nested more than " + MAX_DEPTH + " deep; no election file needs that");
                        }
                        Location at = start;
                        Node node;
                        if (open.isEmpty()) {
                            node = Node.root(Node.Syntax.XML, r.getLocalName(), at.getLineNumber(), at.getColumnNumber());
                            root = node;
                            namespace = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                        } else {
                            node = open.peek().add(r.getLocalName(), true, at.getLineNumber(), at.getColumnNumber());
                        }
                        count();
                        attributes(node, at);
                        open.push(node);
                        texts.push(new StringBuilder());
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!texts.isEmpty()) {
                            StringBuilder text = texts.peek();
                            if (text.length() + r.getTextLength() > MAX_TEXT) {
                                throw new BadInputException(file, place(r.getLocation()),
                                        "a text value is longer than the limit of " + MAX_TEXT + " characters");
                            }
                            text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Node node = open.pop();
                        String text = texts.pop().toString().strip();
                        if (!text.isEmpty()) {
                            node.setText(text);
                        }
                    }
                    default -> {
                        // Comments, processing instructions and the document start carry no election data.
                    }
                }
            }
            if (root == null) {
                throw new BadInputException(file, place(r.getLocation()), "the file holds no XML element");
            }
            return new Document(root, namespace);
        }

        private void attributes(Node node, Location at) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String ns = r.getAttributeNamespace(i);
                String local = r.getAttributeLocalName(i);
                String value = r.getAttributeValue(i);
                String key;
                if (XSI.equals(ns)) {
                    if (!local.equals("type")) {
                        continue;
                    }
                    key = "@type";
                    value = value.substring(value.indexOf(':') + 1);
                } else {
                    key = local.equals("ObjectId") ? "@id" : "@" + local;
                }
                count();
                node.add(key, false, at.getLineNumber(), at.getColumnNumber()).setScalar(Node.Kind.STRING, value);
            }
        }

        private void count() {
            if (++values > MAX_VALUES) {
                throw new BadInputException(file, place(r.getLocation()),
                        "the file holds more than " + MAX_VALUES + " values, more than any election needs");
            }
        }
    }

    /** Counts bytes and stops reading past {@link #MAX_BYTES}. */
    static final class Limited extends FilterInputStream {
        long count;
        boolean tooLarge;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws IOException {
            count += n;
            if (count > MAX_BYTES) {
                tooLarge = true;
                throw new IOException("more than " + MAX_BYTES + " bytes");
            }
        }

        @Override
        public void close() {
            // The caller opened the stream and closes it.
        }
    }
}
