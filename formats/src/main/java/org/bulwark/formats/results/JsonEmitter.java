package org.bulwark.formats.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** NIST SP 1500-100 JSON: every object carries "@type": "ElectionResults.X", and "@id" when it has one. */
final class JsonEmitter implements NistEmitter {
    private static final String PREFIX = "ElectionResults.";
    private final JsonGenerator json;
    /** True where the current container is a list: objects in it have no field name. */
    private final Deque<Boolean> inList = new ArrayDeque<>();

    JsonEmitter(OutputStream out) throws IOException {
        this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .useDefaultPrettyPrinter();
    }

    @Override
    public void beginObject(String name, String type, Optional<String> id) throws IOException {
        if (!inList.isEmpty() && !inList.peek()) {
            json.writeFieldName(name);
        }
        json.writeStartObject();
        inList.push(false);
        json.writeStringField("@type", PREFIX + type);
        if (id.isPresent()) {
            json.writeStringField("@id", id.get());
        }
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
    public void bool(String name, boolean value) throws IOException {
        json.writeBooleanField(name, value);
    }

    @Override
    public void refs(String name, List<String> ids) throws IOException {
        json.writeArrayFieldStart(name);
        for (String id : ids) {
            json.writeString(id);
        }
        json.writeEndArray();
    }

    @Override
    public void text(String name, String content) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("@type", PREFIX + "InternationalizedText");
        json.writeArrayFieldStart("Text");
        json.writeStartObject();
        json.writeStringField("@type", PREFIX + "LanguageString");
        json.writeStringField("Content", content);
        json.writeStringField("Language", "en");
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    @Override
    public void finish() throws IOException {
        json.writeRaw('\n');
        json.close(); // AUTO_CLOSE_TARGET is off: this flushes and leaves the stream open
    }
}
