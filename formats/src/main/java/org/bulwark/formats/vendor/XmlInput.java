package org.bulwark.formats.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.bulwark.model.BadInputException;

/** Small StAX helpers for the vendors' XML: DTDs and entities refused, elements walked child by child. */
final class XmlInput {
    /** One configured factory for every reader: creating readers from it is safe from any thread. */
    static final XMLInputFactory FACTORY = factory();

    private XmlInput() {}

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Moves to the root element and checks its name; a DOCTYPE is refused (no entity tricks, no outside files). */
    static void root(XMLStreamReader x, String file, String name) throws XMLStreamException {
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.DTD) {
                throw new BadInputException(file, "before <" + name + ">", "a DOCTYPE is not allowed");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!x.getLocalName().equals(name)) {
                    throw new BadInputException(file, "<" + x.getLocalName() + ">", "the root element should be <" + name + ">");
                }
                return;
            }
        }
        throw new BadInputException(file, "the whole file", "has no <" + name + "> element");
    }

    /** Advances to the next child element of the current element; false at the current element's end. */
    static boolean nextChild(XMLStreamReader x, String file) throws XMLStreamException {
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new BadInputException(file, "<" + x.getLocalName() + ">", "entity references are not allowed");
            }
        }
        throw new BadInputException(file, "the end of the file", "the file ends inside an element");
    }

    /** The text of a simple element, leaving the reader on its end. */
    static String text(XMLStreamReader x, String file) throws XMLStreamException {
        String name = x.getLocalName();
        try {
            return x.getElementText();
        } catch (XMLStreamException e) {
            throw new BadInputException(file, "<" + name + ">", "should hold only text: " + e.getMessage(), e);
        }
    }

    /** Skips the current element and everything in it (without recursion: hostile nesting cannot exhaust the stack). */
    static void skip(XMLStreamReader x, String file) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            depth += nextChild(x, file) ? 1 : -1;
        }
    }

    /**
     * Streams an XML file's top-level elements named in {@code names} to the visitor, each read into the same
     * kind of tree as {@link JsonNode} (ObjectId as "@id", repeating elements of {@code arrays} as lists, a leaf's
     * text as a string), with a path like "CVR[3]"; other elements are skipped.
     */
    static void elements(Path path, String root, List<String> names, Set<String> arrays, CdfReader.NodeVisitor visitor) throws IOException {
        String file = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            XMLStreamReader x = FACTORY.createXMLStreamReader(in);
            root(x, file, root);
            Map<String, Integer> counts = new HashMap<>();
            while (nextChild(x, file)) {
                String name = x.getLocalName();
                if (!names.contains(name)) {
                    skip(x, file);
                    continue;
                }
                int index = counts.merge(name, 1, Integer::sum) - 1;
                visitor.visit(name, new JsonNode(file, name + "[" + index + "]", tree(x, file, arrays, 1)));
            }
        } catch (XMLStreamException e) {
            throw malformed(file, e);
        }
    }

    private static Object tree(XMLStreamReader x, String file, Set<String> arrays, int depth) throws XMLStreamException {
        if (depth > JsonNode.MAX_NESTING_DEPTH) {
            throw new BadInputException(file, "<" + x.getLocalName() + ">", "elements nest more than " + JsonNode.MAX_NESTING_DEPTH + " deep");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < x.getAttributeCount(); i++) {
            String attribute = x.getAttributeLocalName(i);
            fields.put(attribute.equals("ObjectId") ? "@id" : attribute.equals("type") ? "@type" : attribute, x.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        boolean children = false;
        while (true) {
            int event = x.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    children = true;
                    String name = x.getLocalName();
                    Object child = tree(x, file, arrays, depth + 1);
                    Object before = fields.get(name);
                    if (arrays.contains(name) || before != null) {
                        List<Object> list = before instanceof List<?> l ? castList(l) : new ArrayList<>();
                        if (before != null && !(before instanceof List<?>)) {
                            list.add(before);
                        }
                        list.add(child);
                        fields.put(name, list);
                    } else {
                        fields.put(name, child);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + x.getTextLength() > JsonNode.MAX_STRING_LENGTH) {
                        throw new BadInputException(file, "<" + x.getLocalName() + ">", "text longer than " + JsonNode.MAX_STRING_LENGTH + " characters");
                    }
                    text.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new BadInputException(file, "&" + x.getLocalName() + ";", "entity references are not allowed");
                case XMLStreamConstants.END_ELEMENT -> {
                    return children || !fields.isEmpty() ? fields : text.toString().trim();
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new BadInputException(file, "the end of the file", "the file ends inside an element");
                default -> { /* comments, processing instructions */ }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> list) {
        return (List<Object>) list;
    }

    static BadInputException malformed(String file, XMLStreamException e) {
        String at = e.getLocation() == null ? "somewhere in the file"
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
        return new BadInputException(file, at, "not well-formed XML: " + e.getMessage(), e);
    }
}
