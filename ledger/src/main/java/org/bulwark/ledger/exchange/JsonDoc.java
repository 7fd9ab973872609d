package org.bulwark.ledger.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bulwark.model.BadInputException;

/**
 * The small JSON files custody exchanges with devices (L&A records, readiness clearances): read whole
 * into an object whose fields are fetched by name with their type checked, each problem a
 * {@link BadInputException} naming the file, the field's path and what would be valid.
 */
final class JsonDoc {
    /** Far above any real record; a file over it is refused before it is parsed. */
    static final int MAX_BYTES = 1 << 20;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(10_000).maxNumberLength(19).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String file;
    private final String path;
    private final Map<String, Object> fields;

    private JsonDoc(String file, String path, Map<String, Object> fields) {
        this.file = file;
        this.path = path;
        this.fields = fields;
    }

    static JsonDoc parse(byte[] bytes, String file) {
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(file, "byte " + MAX_BYTES, "the file is " + bytes.length + " bytes long; such a record is at most "
                    + MAX_BYTES + " bytes");
        }
        try (JsonParser p = JSON.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new BadInputException(file, "line 1", first == null ? "the file is empty" : "the file does not start with a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> top = (Map<String, Object>) value(p, file);
            if (p.nextToken() != null) {
                throw new BadInputException(file, where(p), "there is more after the JSON object");
            }
            return new JsonDoc(file, "", top);
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage();
            throw new BadInputException(file, e.getLocation() == null ? "the file" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr(), "not valid JSON (" + problem.lines().findFirst().orElse("") + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    private static Object value(JsonParser p, String file) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p, file));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p, file));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                    throw new BadInputException(file, where(p), "the number " + p.getText() + " is too large");
                }
                yield p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> new Fraction(p.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> Null.NULL;
            default -> throw new BadInputException(file, where(p), "unexpected " + p.currentToken());
        };
    }

    private static String where(JsonParser p) {
        return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
    }

    /** A number with a fraction: kept only to say that a whole number was expected. */
    private record Fraction(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private enum Null {
        NULL;

        @Override
        public String toString() {
            return "null";
        }
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    BadInputException problem(String name, String problem) {
        return new BadInputException(file, at(name), problem);
    }

    /** Refuses fields other than those named: a misspelt field is a mistake to point out, not to ignore. */
    void onlyFields(Set<String> known) {
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                // Placed at the object, not the field: a field's name may be anything, even empty.
                throw new BadInputException(file, path.isEmpty() ? "the top-level object" : path, "\"" + name
                        + "\" is not a field of this record (the fields are " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private Object required(String name) {
        Object v = fields.get(name);
        if (v == null) {
            throw new BadInputException(file, path.isEmpty() ? "the top-level object" : path, "the field \"" + name + "\" is missing");
        }
        return v;
    }

    String string(String name) {
        if (!(required(name) instanceof String s)) {
            throw problem(name, "must be a text in quotes, not " + shown(fields.get(name)));
        }
        return s;
    }

    /** A text that must be a custody name (non-blank, printable, bounded). */
    String name(String name) {
        String s = string(name);
        try {
            return Names.check(name, s);
        } catch (IllegalArgumentException e) {
            throw problem(name, e.getMessage());
        }
    }

    long whole(String name) {
        if (!(required(name) instanceof Long l)) {
            throw problem(name, "must be a whole number, not " + shown(fields.get(name)));
        }
        return l;
    }

    boolean bool(String name) {
        if (!(required(name) instanceof Boolean b)) {
            throw problem(name, "must be true or false, not " + shown(fields.get(name)));
        }
        return b;
    }

    <T> T word(String name, Function<String, Optional<T>> parse, String valid) {
        String s = string(name);
        return parse.apply(s).orElseThrow(() -> problem(name, "\"" + s + "\" is not one of " + valid));
    }

    Fingerprint fingerprint(String name) {
        String s = string(name);
        return Fingerprint.parse(s).orElseThrow(() -> problem(name, "\"" + s + "\" is not a fingerprint: write sha256: and 64 lowercase hex digits"));
    }

    LocalDate date(String name) {
        String s = string(name);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw problem(name, "\"" + s + "\" is not a date like 2028-10-20");
        }
    }

    Instant instant(String name) {
        String s = string(name);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw problem(name, "\"" + s + "\" is not a UTC time like 2028-11-08T05:30:00Z");
        }
    }

    void expect(String name, String value) {
        String s = string(name);
        if (!s.equals(value)) {
            throw problem(name, "is \"" + s + "\" but must be \"" + value + "\"");
        }
    }

    void expectVersion(long supported) {
        long v = whole("version");
        if (v != supported) {
            throw problem("version", "version " + v + " is not supported; this Bulwark reads version " + supported);
        }
    }

    /** The elements of a list field: objects, each read by {@code each}. */
    <T> List<T> objects(String name, Function<JsonDoc, T> each) {
        if (!(required(name) instanceof List<?> list)) {
            throw problem(name, "must be a list [...], not " + shown(fields.get(name)));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String place = at(name) + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new BadInputException(file, place, "must be an object {...}, not " + shown(list.get(i)));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fieldsOf = (Map<String, Object>) m;
            out.add(each.apply(new JsonDoc(file, place, fieldsOf)));
        }
        return out;
    }

    List<String> strings(String name) {
        if (!(required(name) instanceof List<?> list)) {
            throw problem(name, "must be a list [...], not " + shown(fields.get(name)));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw new BadInputException(file, at(name) + "[" + i + "]", "must be a text in quotes, not " + shown(list.get(i)));
            }
            out.add(s);
        }
        return out;
    }

    private static String shown(Object v) {
        return switch (v) {
            case String s -> "the text \"" + s + "\"";
            case Map<?, ?> m -> "an object";
            case List<?> l -> "a list";
            default -> String.valueOf(v);
        };
    }

    /** Writes a pretty-printed JSON object; {@code body} writes its fields. */
    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            body.fields(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    interface Body {
        void fields(JsonGenerator g) throws IOException;
    }
}
