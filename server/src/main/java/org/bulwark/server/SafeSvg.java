package org.bulwark.server;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An SVG drawn by another module (the audit's risk plot), inlined into a page safely: parsed as XML
 * with DTDs refused, then built again through {@link Html}, keeping only the drawing elements and
 * attributes a plot uses. A script, an event handler, a link or a style cannot pass, whatever the
 * SVG's text holds; its text is escaped like any other.
 */
final class SafeSvg {
    private static final Set<String> ELEMENTS = Set.of("svg", "title", "desc", "g", "rect", "line", "polyline", "polygon", "circle",
            "text", "path");
    private static final Set<String> ATTRIBUTES = Set.of("xmlns", "width", "height", "viewBox", "x", "y", "x1", "y1", "x2", "y2",
            "cx", "cy", "r", "points", "d", "fill", "stroke", "stroke-width", "stroke-dasharray", "font-family", "font-size",
            "text-anchor", "role", "aria-label", "class");

    private SafeSvg() {}

    /** The SVG rebuilt from its allowed parts; a drawing that is not well-formed XML is an error of the program that drew it. */
    static Html inline(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors become exceptions, not lines on the console
            Element root = builder.parse(new InputSource(new StringReader(svg))).getDocumentElement();
            Html out = new Html();
            copy(root, out);
            return out;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("the SVG to inline is not well-formed: " + e.getMessage(), e);
        }
    }

    private static void copy(Element e, Html out) {
        String tag = e.getTagName();
        if (!ELEMENTS.contains(tag)) {
            return;
        }
        NamedNodeMap attributes = e.getAttributes();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (ATTRIBUTES.contains(a.getNodeName())) {
                kept.add(a.getNodeName());
                kept.add(a.getNodeValue());
            }
        }
        out.open(tag, kept.toArray(String[]::new));
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> copy((Element) child, out);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.text(child.getNodeValue());
                default -> { } // comments, processing instructions: not part of the drawing
            }
        }
        out.close(tag);
    }
}
