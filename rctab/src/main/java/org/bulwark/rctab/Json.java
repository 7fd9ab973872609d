package org.bulwark.rctab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.BadInputException;

/**
 * A small JSON document read whole (a contest configuration is a few kilobytes), each value kept with
 * its path ({@code cvrFileSources[0].filePath}) so problems can name their place.
 */
sealed interface Json {
    String path();

    record Obj(String path, Map<String, Json> fields) implements Json {
        Optional<Json> get(String name) {
            return Optional.ofNullable(fields.get(name));
        }
    }

    record Arr(String path, List<Json> items) implements Json {}

    /** A string, number or boolean, kept as its text; null is {@code text} "" with {@code isNull}. */
    record Scalar(String path, String text, JsonToken token) implements Json {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }

    int MAX_BYTES = 16 << 20;
    int MAX_DEPTH = 64;

    static Json parse(InputStream in, String file) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(1 << 20).maxDocumentLength(MAX_BYTES).build())
                .build();
        try (JsonParser parser = factory.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new BadInputException(file, "start of file", "the file is empty; expected a JSON object");
            }
            Json value = read(parser, "", file);
            if (parser.nextToken() != null) {
                throw new BadInputException(file, where(parser), "unexpected content after the JSON value");
            }
            return value;
        } catch (JsonProcessingException e) {
            String place = e.getLocation() == null ? "unknown place"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BadInputException(file, place, "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String where(JsonParser parser) {
        var loc = parser.currentTokenLocation();
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static Json read(JsonParser parser, String path, String file) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Json> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    if (fields.containsKey(name)) {
                        throw new BadInputException(file, child + " (" + where(parser) + ")",
                                "\"" + name + "\" appears twice in the same object");
                    }
                    parser.nextToken();
                    fields.put(name, read(parser, child, file));
                }
                return new Obj(path, fields);
            }
            case START_ARRAY -> {
                List<Json> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, path + "[" + items.size() + "]", file));
                }
                return new Arr(path, items);
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                    {
                        return new Scalar(path, parser.getText(), token);
                    }
            case VALUE_NULL -> {
                return new Scalar(path, "", token);
            }
            default -> throw new BadInputException(file, where(parser), "unexpected JSON token " + token);
        }
    }
}
