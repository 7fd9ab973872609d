package org.bulwark.formats.cdf;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Every object carries "@type" (prefixed), and "@id" when it has one. */
final class JsonCdfEmitter implements CdfEmitter {
    /** The caller owns the stream: closing the generator must not close it. */
    private static final JsonFactory FACTORY =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final JsonGenerator json;
    private final String typePrefix;
    private final Layout layout;
    /** True where the current container is a list: objects in it have no field name. */
    private final Deque<Boolean> inList = new ArrayDeque<>();

    JsonCdfEmitter(OutputStream out, String typePrefix, Layout layout) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        this.json = layout == Layout.INDENTED ? g.useDefaultPrettyPrinter() : g;
        this.typePrefix = typePrefix;
        this.layout = layout;
    }

    @Override
    public void beginObject(String name, String type, Optional<String> id) throws IOException {
        if (!inList.isEmpty() && !inList.peek()) {
            json.writeFieldName(name);
        }
        json.writeStartObject();
        inList.push(false);
        json.writeStringField("@type", typePrefix + type);
        if (id.isPresent()) {
            json.writeStringField("@id", id.get());
        }
    }

    @Override
    public void beginSubtype(String name, String subtype, Optional<String> id) throws IOException {
        beginObject(name, subtype, id);
    }

    @Override
    public void endObject() throws IOException {
        inList.pop();
        json.writeEndObject();
    }

    @Override
    public void beginList(String name) throws IOException {
        json.writeArrayFieldStart(name);
        inList.push(true);
    }

    @Override
    public void endList() throws IOException {
        inList.pop();
        json.writeEndArray();
    }

    @Override
    public void value(String name, String value) throws IOException {
        json.writeStringField(name, value);
    }

    @Override
    public void number(String name, long value) throws IOException {
        json.writeNumberField(name, value);
    }

    @Override
    public void decimal(String name, java.math.BigDecimal value) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(value.toPlainString());
    }

    @Override
    public void bool(String name, boolean value) throws IOException {
        json.writeBooleanField(name, value);
    }

    @Override
    public void refs(String name, List<String> ids) throws IOException {
        values(name, ids);
    }

    @Override
    public void values(String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    @Override
    public void text(String name, String content) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("@type", typePrefix + "InternationalizedText");
        json.writeArrayFieldStart("Text");
        json.writeStartObject();
        json.writeStringField("@type", typePrefix + "LanguageString");
        json.writeStringField("Content", content);
        json.writeStringField("Language", "en");
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    @Override
    public void finish() throws IOException {
        if (layout == Layout.INDENTED) {
            json.writeRaw('\n');
        }
        json.close(); // AUTO_CLOSE_TARGET is off: this flushes and leaves the stream open
    }
}
