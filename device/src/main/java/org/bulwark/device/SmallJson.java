package org.bulwark.device;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.BadInputException;

/**
 * The device's small JSON files (identity, certified software, settings, readiness, L&A record):
 * read whole into maps and lists with bounded depth and size, and taken apart field by field with
 * messages naming the file and the field. Jackson streaming only, as everywhere in Bulwark.
 */
final class SmallJson {
    static final int MAX_BYTES = 1 << 20;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(65_536).build())
            .build();

    private SmallJson() {}

    /** A JSON object, with the file it came from for messages. */
    record Obj(String file, String path, Map<String, Object> fields) {
        String text(String name) {
            Object v = fields.get(name);
            if (v instanceof String s) {
                return s;
            }
            throw problem(name, v == null ? "is missing" : "must be a string");
        }

        Optional<String> optionalText(String name) {
            return fields.containsKey(name) ? Optional.of(text(name)) : Optional.empty();
        }

        long number(String name) {
            Object v = fields.get(name);
            if (v instanceof Long n) {
                return n;
            }
            throw problem(name, v == null ? "is missing" : "must be a whole number");
        }

        boolean bool(String name) {
            Object v = fields.get(name);
            if (v instanceof Boolean b) {
                return b;
            }
            throw problem(name, v == null ? "is missing" : "must be true or false");
        }

        List<String> texts(String name) {
            List<String> out = new ArrayList<>();
            for (Object o : list(name)) {
                if (!(o instanceof String s)) {
                    throw problem(name + "[" + out.size() + "]", "must be a string");
                }
                out.add(s);
            }
            return out;
        }

        List<Obj> objects(String name) {
            List<Obj> out = new ArrayList<>();
            for (Object o : list(name)) {
                if (!(o instanceof Map<?, ?> m)) {
                    throw problem(name + "[" + out.size() + "]", "must be an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) m;
                out.add(new Obj(file, where(name + "[" + out.size() + "]"), fields));
            }
            return out;
        }

        Obj object(String name) {
            if (fields.get(name) instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) m;
                return new Obj(file, where(name), inner);
            }
            throw problem(name, fields.containsKey(name) ? "must be an object" : "is missing");
        }

        private List<?> list(String name) {
            Object v = fields.get(name);
            if (v instanceof List<?> l) {
                return l;
            }
            throw problem(name, v == null ? "is missing" : "must be a list");
        }

        /** Checks the "format" and "version" fields every Bulwark file starts with. */
        Obj expect(String format, long version) {
            if (!format.equals(fields.get("format"))) {
                throw problem("format", "must be \"" + format + "\" (found " + describe(fields.get("format")) + ")");
            }
            if (number("version") != version) {
                throw problem("version", "is " + number("version") + "; this device reads version " + version);
            }
            return this;
        }

        BadInputException problem(String field, String what) {
            return new BadInputException(file, where(field), what);
        }

        private String where(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private static String describe(Object o) {
            return o == null ? "nothing" : o instanceof String s ? "\"" + s + "\"" : o.toString();
        }
    }

    static Obj read(byte[] bytes, String file) {
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(file, "byte " + MAX_BYTES, "the file is larger than " + MAX_BYTES + " bytes");
        }
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new BadInputException(file, place(p), "a JSON object must start here");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) value(p, t, file);
            if (p.nextToken() != null) {
                throw new BadInputException(file, place(p), "more content after the JSON object");
            }
            return new Obj(file, "", fields);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "byte 0"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BadInputException(file, where, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonParser p, JsonToken t, String file) throws IOException {
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    if (m.containsKey(name)) {
                        throw new BadInputException(file, place(p), "the field \"" + name + "\" appears twice");
                    }
                    m.put(name, value(p, p.nextToken(), file));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    l.add(value(p, v, file));
                }
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                    throw new BadInputException(file, place(p), "the number " + p.getText() + " is too large");
                }
                yield p.getLongValue();
            }
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> throw new BadInputException(file, place(p), "null is not allowed: leave the field out");
            default -> throw new BadInputException(file, place(p), "unexpected " + t);
        };
    }

    private static String place(JsonParser p) {
        return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
    }

    /** Writes a small JSON document (pretty printed: people read these files on the card). */
    static byte[] write(Writer body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }
}
