package org.bulwark.formats.vendor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.BadInputException;

/**
 * A small piece of a vendor's JSON (one Dominion session, one CDF CVR, one manifest entry) read into memory with
 * its path, so a reader can look its fields up in any order and every problem names the file and the JSON path
 * ("Sessions[12].Original.Cards[0].Contests[1].Marks[3].Rank"). The files themselves are streamed: only one such
 * piece is held at a time.
 */
record JsonNode(String file, String path, Object value) {
    /** Longest string read: far above any id or name, far below what would strain memory. */
    static final int MAX_STRING_LENGTH = 1 << 16;
    /** The vendors' documents nest about ten deep. */
    static final int MAX_NESTING_DEPTH = 64;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH).maxNestingDepth(MAX_NESTING_DEPTH).build())
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A JSON number, kept as written so that ids are not changed by a round trip through double. */
    record Number(String text) {}

    /** Visits the elements of top-level arrays of a JSON object file, skipping the other fields. */
    interface TopLevel {
        /** Called with the parser on the START of each element of the array named {@code field}; must consume it. */
        void element(String field, int index, JsonParser parser) throws IOException;
    }

    /**
     * Streams a file whose top level is an object, handing the elements of the arrays named in {@code fields}
     * to the visitor one by one and skipping everything else.
     */
    static void stream(Path path, List<String> fields, TopLevel visitor) throws IOException {
        String file = path.toString();
        try (InputStream in = Files.newInputStream(path); JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInputException(file, "the top level", "is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (fields.contains(name)) {
                    if (t != JsonToken.START_ARRAY) {
                        throw new BadInputException(file, name, "is not an array");
                    }
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        visitor.element(name, i++, p);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new BadInputException(file, location(p), "unexpected content after the top-level object");
            }
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, location(e.getProcessor() instanceof JsonParser jp ? jp : null, e),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads the value the parser is on (and everything under it) into a node at the given path. */
    static JsonNode read(String file, String path, JsonParser p) throws IOException {
        return new JsonNode(file, path, value(p));
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the file ends inside a value");
        }
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.put(name, value(p));
                }
                yield fields;
            }
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p));
                }
                yield items;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Number(p.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> Optional.empty();
            default -> throw new IllegalStateException("a JSON value cannot start with " + t);
        };
    }

    Optional<JsonNode> field(String name) {
        if (!(value instanceof Map<?, ?> map)) {
            throw problem("is not an object");
        }
        Object v = map.get(name);
        return v == null || v instanceof Optional<?> ? Optional.empty() : Optional.of(new JsonNode(file, path + "." + name, v));
    }

    JsonNode required(String name) {
        return field(name).orElseThrow(() -> new BadInputException(file, path, "has no " + name));
    }

    List<JsonNode> elements() {
        if (!(value instanceof List<?> list)) {
            throw problem("is not an array");
        }
        List<JsonNode> nodes = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            nodes.add(new JsonNode(file, path + "[" + i + "]", list.get(i)));
        }
        return nodes;
    }

    /** A string, or a number as written (vendors write ids either way). */
    String text() {
        return switch (value) {
            case String s -> s;
            case Number n -> n.text();
            default -> throw problem("is not a string or a number");
        };
    }

    /** A whole number: a JSON number, or (XML has no other kind) text holding one. */
    long integer() {
        String digits = switch (value) {
            case Number n -> n.text();
            case String s -> s.trim();
            default -> throw problem("is not a number");
        };
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw problem("is not a whole number: " + digits);
        }
    }

    boolean bool() {
        if (value instanceof Boolean b) {
            return b;
        }
        throw problem("is not true or false");
    }

    BadInputException problem(String what) {
        return new BadInputException(file, path.isEmpty() ? "the top level" : path, what);
    }

    static String location(JsonParser p) {
        return p == null ? "somewhere in the file"
                : "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
    }

    private static String location(JsonParser p, JsonProcessingException e) {
        if (e.getLocation() != null) {
            String at = "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return p == null || p.getParsingContext() == null ? at : at + " (" + p.getParsingContext().pathAsPointer() + ")";
        }
        return location(p);
    }
}
