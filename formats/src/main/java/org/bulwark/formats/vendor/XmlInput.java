package org.bulwark.formats.vendor;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.bulwark.model.BadInputException;

/** Small StAX helpers for the vendors' XML: DTDs and entities refused, elements walked child by child. */
final class XmlInput {
    private XmlInput() {}

    static XMLInputFactory factory() {
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

    static BadInputException malformed(String file, XMLStreamException e) {
        String at = e.getLocation() == null ? "somewhere in the file"
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
        return new BadInputException(file, at, "not well-formed XML: " + e.getMessage(), e);
    }
}
