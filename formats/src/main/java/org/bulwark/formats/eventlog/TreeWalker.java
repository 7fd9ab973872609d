package org.bulwark.formats.eventlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.bulwark.model.BadInputException;

/**
 * Walks a NIST SP 1500-101 document of either encoding and hands its objects and text fields to a
 * {@link Handler}, in document order, without holding the document. Arrays are transparent: each
 * element of a JSON array of objects, like each repeated XML element, is one object. Which names
 * are objects comes from the caller (the schema); everything else must be a text field.
 */
final class TreeWalker {
    static final int MAX_TEXT = 10_000;

    interface Handler {
        void start(String name);

        void field(String name, String value);

        void end(String name);
    }

    private final String file;
    private final Set<String> objects;
    private Handler handler;
    private final Deque<String> path = new ArrayDeque<>();
    private final Deque<Map<String, Integer>> counts = new ArrayDeque<>();
    private String position = "start of file";

    private TreeWalker(String file, Set<String> objects) {
        this.file = file;
        this.objects = objects;
    }

    String file() {
        return file;
    }

    /** The current place for messages: "line 12, column 4 (Device[0].Event[3])". */
    String place() {
        return position + (path.isEmpty() ? "" : " (" + String.join(".", path.reversed()) + ")");
    }

    BadInputException bad(String problem) {
        return new BadInputException(file, place(), problem);
    }

    /** Walks the document; the handler is made for this walk so that it can ask it for places. */
    static void walk(InputStream in, String file, String root, Set<String> objects,
            Function<TreeWalker, Handler> handlerFor)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(64);
        int first;
        do {
            first = buffered.read();
        } while (first == ' ' || first == '\n' || first == '\r' || first == '\t' || first == 0xEF || first == 0xBB
                || first == 0xBF);
        buffered.reset();
        TreeWalker walker = new TreeWalker(file, objects);
        walker.handler = handlerFor.apply(walker);
        switch (first) {
            case '{' -> walker.json(buffered, root);
            case '<' -> walker.xml(buffered, root);
            case -1 -> throw new BadInputException(file, "byte 0", "the file is empty");
            default -> throw new BadInputException(file, "byte 0",
                    "this is neither JSON nor XML (a NIST SP 1500-101 event log starts with '{' or '<')");
        }
    }

    // ---- JSON --------------------------------------------------------------------------------------

    private void json(InputStream in, String root) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_TEXT).maxNestingDepth(16).build())
                .build();
        try (JsonParser p = factory.createParser(in)) {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw bad("the file must be one JSON object, the " + root);
                }
                enter(root, false);
                handler.start(root);
                jsonObject(p);
                handler.end(root);
                leave();
                if (p.nextToken() != null) {
                    at(p);
                    throw bad("there is more after the end of the " + root);
                }
            } catch (JsonProcessingException e) {
                at(p);
                throw bad("malformed JSON: " + e.getOriginalMessage());
            }
        }
    }

    private void at(JsonParser p) {
        JsonLocation l = p.currentLocation();
        position = "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    private void jsonObject(JsonParser p) throws IOException {
        while (true) {
            JsonToken t = p.nextToken();
            at(p);
            if (t == JsonToken.END_OBJECT) {
                return;
            }
            String name = p.currentName();
            JsonToken value = p.nextToken();
            at(p);
            if (objects.contains(name)) {
                if (value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        at(p);
                        jsonChild(p, name);
                    }
                } else {
                    jsonChild(p, name);
                }
            } else if (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT) {
                field(name, p.getText());
            } else {
                throw bad("\"" + name + "\" must be a text value, not " + describe(value));
            }
        }
    }

    private void jsonChild(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw bad("each \"" + name + "\" must be an object, not " + describe(p.currentToken()));
        }
        enter(name, true);
        handler.start(name);
        jsonObject(p);
        handler.end(name);
        leave();
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            default -> String.valueOf(t);
        };
    }

    // ---- XML ---------------------------------------------------------------------------------------

    private static final XMLInputFactory XML = xmlFactory();

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    private void xml(InputStream in, String root) throws IOException {
        XMLStreamReader r = null;
        try {
            r = XML.createXMLStreamReader(in);
            r.nextTag();
            at(r);
            element(r, root);
            enter(root, false);
            handler.start(root);
            xmlChildren(r);
            handler.end(root);
            leave();
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    at(r);
                    throw bad("there is more after the end of the " + root);
                }
            }
        } catch (XMLStreamException e) {
            if (e.getLocation() != null) {
                position = "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
            }
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[.*?\\]\\s*Message: ", "");
            throw bad("malformed XML: " + message.strip());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader of a stream the caller closes: nothing left to release.
                }
            }
        }
    }

    private void at(XMLStreamReader r) {
        Location l = r.getLocation();
        position = "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
    }

    private void element(XMLStreamReader r, String expected) {
        if (!EventLogWriter.NAMESPACE.equals(r.getNamespaceURI())) {
            throw bad("<" + r.getLocalName() + "> is not in the NIST SP 1500-101 namespace " + EventLogWriter.NAMESPACE);
        }
        if (expected != null && !expected.equals(r.getLocalName())) {
            throw bad("the document must be an <" + expected + ">, not <" + r.getLocalName() + ">");
        }
    }

    private void xmlChildren(XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int e = r.nextTag();
            at(r);
            if (e == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            element(r, null);
            String name = r.getLocalName();
            if (objects.contains(name)) {
                enter(name, true);
                handler.start(name);
                xmlChildren(r);
                handler.end(name);
                leave();
            } else {
                String text = r.getElementText();
                if (text.length() > MAX_TEXT) {
                    throw bad("<" + name + "> is " + text.length() + " characters long; at most " + MAX_TEXT
                            + " are read");
                }
                field(name, text);
            }
        }
    }

    // ---- shared ------------------------------------------------------------------------------------

    private void field(String name, String value) {
        path.push(name);
        try {
            handler.field(name, value);
        } finally {
            path.pop();
        }
    }

    private void enter(String name, boolean counted) {
        if (path.size() > 8) {
            throw bad("the document nests deeper than an event log can");
        }
        if (counted) {
            int n = counts.peek().merge(name, 1, Integer::sum) - 1;
            path.push(name + "[" + n + "]");
        } else {
            path.push(name);
        }
        counts.push(new HashMap<>());
    }

    private void leave() {
        path.pop();
        counts.pop();
    }
}
