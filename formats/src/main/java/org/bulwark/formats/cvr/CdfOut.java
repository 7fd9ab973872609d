package org.bulwark.formats.cvr;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The few shapes a NIST common data format document is made of, written as JSON or as XML, so
 * that {@link CvrReportWriter} says once, in the XML schema's element order (which JSON accepts
 * too), what a report holds.
 */
sealed interface CdfOut {
    /** Starts the root object. */
    void startReport() throws IOException;

    /** A repeated property: a JSON array, or nothing in XML, whose elements simply repeat. */
    void startList(String name) throws IOException;

    void endList() throws IOException;

    /**
     * An object in the current list. {@code type} is the JSON schema's type name ({@code CVR.CVR});
     * {@code polymorphic} says the
     * XML must name it with xsi:type (Contest and ContestSelection); {@code id} may be null.
     */
    void startObject(String name, String type, boolean polymorphic, String id) throws IOException;

    /** An object that is a single property, not a list item. */
    void startSingle(String name, String type) throws IOException;

    void endObject() throws IOException;

    void text(String name, String value) throws IOException;

    void integer(String name, int value) throws IOException;

    void bool(String name, boolean value) throws IOException;

    /** IDREFS: a JSON array of ids, one XML element with the ids separated by spaces. */
    void idrefs(String name, List<String> ids) throws IOException;

    /** Repeated enumeration values: a JSON array, repeated XML elements. */
    void values(String name, List<String> values) throws IOException;

    /** Ends the root object and the document, and flushes. */
    void endReport() throws IOException;

    static CdfOut json(OutputStream out) throws IOException {
        return new Json(JSON.createGenerator(out, JsonEncoding.UTF8));
    }

    static CdfOut xml(OutputStream out) throws IOException {
        try {
            return new Xml(XML.createXMLStreamWriter(out, "UTF-8"));
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** The caller owns the stream: closing the generator must not close it. */
    JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    /** JSON as NIST's JSON schema has it: "@type" on every object, "@id" for ids. */
    final class Json implements CdfOut {
        private final JsonGenerator g;

        Json(JsonGenerator g) {
            this.g = g;
        }

        @Override
        public void startReport() throws IOException {
            g.writeStartObject();
            g.writeStringField("@type", "CVR.CastVoteRecordReport");
        }

        @Override
        public void startList(String name) throws IOException {
            g.writeArrayFieldStart(name);
        }

        @Override
        public void endList() throws IOException {
            g.writeEndArray();
        }

        @Override
        public void startObject(String name, String type, boolean polymorphic, String id) throws IOException {
            g.writeStartObject();
            g.writeStringField("@type", type);
            if (id != null) {
                g.writeStringField("@id", id);
            }
        }

        @Override
        public void startSingle(String name, String type) throws IOException {
            g.writeObjectFieldStart(name);
            g.writeStringField("@type", type);
        }

        @Override
        public void endObject() throws IOException {
            g.writeEndObject();
        }

        @Override
        public void text(String name, String value) throws IOException {
            g.writeStringField(name, value);
        }

        @Override
        public void integer(String name, int value) throws IOException {
            g.writeNumberField(name, value);
        }

        @Override
        public void bool(String name, boolean value) throws IOException {
            g.writeBooleanField(name, value);
        }

        @Override
        public void idrefs(String name, List<String> ids) throws IOException {
            values(name, ids);
        }

        @Override
        public void values(String name, List<String> values) throws IOException {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }

        @Override
        public void endReport() throws IOException {
            g.writeEndObject();
            g.close();
        }
    }

    /** XML in the v1 namespace: ObjectId attributes for ids, xsi:type for polymorphic elements. */
    final class Xml implements CdfOut {
        private final XMLStreamWriter w;

        Xml(XMLStreamWriter w) {
            this.w = w;
        }

        @Override
        public void startReport() throws IOException {
            try {
                w.writeStartDocument("UTF-8", "1.0");
                w.writeStartElement("CastVoteRecordReport");
                w.writeDefaultNamespace(XmlCvrReader.NAMESPACE);
                w.writeNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void startList(String name) {
            // XML repeats the element itself
        }

        @Override
        public void endList() {
            // XML repeats the element itself
        }

        @Override
        public void startObject(String name, String type, boolean polymorphic, String id) throws IOException {
            try {
                w.writeStartElement(name);
                if (polymorphic) {
                    w.writeAttribute("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type", type.substring("CVR.".length()));
                }
                if (id != null) {
                    w.writeAttribute("ObjectId", id);
                }
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void startSingle(String name, String type) throws IOException {
            startObject(name, type, false, null);
        }

        @Override
        public void endObject() throws IOException {
            try {
                w.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void text(String name, String value) throws IOException {
            try {
                w.writeStartElement(name);
                w.writeCharacters(value);
                w.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void integer(String name, int value) throws IOException {
            text(name, Integer.toString(value));
        }

        @Override
        public void bool(String name, boolean value) throws IOException {
            text(name, Boolean.toString(value));
        }

        @Override
        public void idrefs(String name, List<String> ids) throws IOException {
            text(name, String.join(" ", ids));
        }

        @Override
        public void values(String name, List<String> values) throws IOException {
            for (String v : values) {
                text(name, v);
            }
        }

        @Override
        public void endReport() throws IOException {
            try {
                w.writeEndElement();
                w.writeEndDocument();
                w.flush();
                w.close();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }
    }
}
