package org.bulwark.formats.cvr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of NIST's SP 1500-103 JSON schema, read from the schema file itself (shipped as a
 * resource, unchanged) so that strict checking follows the published schema rather than a copy of
 * it typed by hand. The XML reader uses the same table to know which elements are references.
 */
final class SchemaRules {
    static final String SCHEMA_RESOURCE = "NIST_V0_cast_vote_records.json";
    static final SchemaRules NIST = load();

    /** What a property's value must be. */
    sealed interface ValueRule {
        /** A string; {@code allowed} empty means any; {@code refTypes} names what an id must refer to. */
        record Text(Set<String> allowed, Optional<String> format, Optional<Pattern> pattern, List<String> refTypes)
                implements ValueRule {}

        record Whole() implements ValueRule {}

        record Bool() implements ValueRule {}

        /** An object of one of the given schema types, told apart by its {@code @type}. */
        record Obj(List<String> types) implements ValueRule {}

        record Array(ValueRule items, int minItems) implements ValueRule {}
    }

    /** One object type of the schema: its properties, with a bit each for cheap "required" checks. */
    record ObjectRule(String type, Map<String, ValueRule> properties, PropertyBits bits, long requiredMask) {
        long bit(String property) {
            return bits.bit(property);
        }

        Optional<ValueRule> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }

        /** The required properties missing from {@code seen}, in schema order. */
        List<String> missing(long seen) {
            if ((seen & requiredMask) == requiredMask) {
                return List.of(); // the usual case, checked for every object of every CVR: no search, no list
            }
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < bits.names.length; i++) {
                long bit = 1L << i;
                if ((requiredMask & bit) != 0 && (seen & bit) == 0) {
                    missing.add(bits.names[i]);
                }
            }
            return missing;
        }
    }

    /**
     * Property name to bit (1 << its place in the schema), looked up for every property of every CVR
     * object in strict mode: an open-addressed table probed by the name's cached hash and matched by
     * identity first (the CVR reader's names and these are interned), instead of a map's layers and a boxed Long.
     */
    static final class PropertyBits {
        private final String[] names;
        private final String[] slots;
        private final long[] slotBits;
        private final int mask;

        PropertyBits(List<String> names) {
            if (names.size() > Long.SIZE) {
                throw new IllegalStateException("a schema object type with more than 64 properties: " + names);
            }
            this.names = names.stream().map(String::intern).toArray(String[]::new);
            int size = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1; // at most a quarter full
            this.slots = new String[size];
            this.slotBits = new long[size];
            this.mask = size - 1;
            for (int i = 0; i < this.names.length; i++) {
                int slot = this.names[i].hashCode() & mask;
                while (slots[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = this.names[i];
                slotBits[slot] = 1L << i;
            }
        }

        /** The property's bit, or 0 if the type has no such property. */
        long bit(String name) {
            int slot = name.hashCode() & mask;
            String k;
            while ((k = slots[slot]) != null) {
                if (k == name || k.equals(name)) {
                    return slotBits[slot];
                }
                slot = (slot + 1) & mask;
            }
            return 0L;
        }
    }

    private final Map<String, ObjectRule> objects;

    private SchemaRules(Map<String, ObjectRule> objects) {
        this.objects = Map.copyOf(objects);
    }

    ObjectRule object(String type) {
        ObjectRule rule = objects.get(type);
        if (rule == null) {
            throw new IllegalStateException("the NIST schema has no object type " + type);
        }
        return rule;
    }

    boolean isObjectType(String type) {
        return objects.containsKey(type);
    }

    // ---- loading: the schema is a small trusted resource, so a plain tree of maps and lists is enough

    private static SchemaRules load() {
        try (InputStream in = SchemaRules.class.getResourceAsStream(SCHEMA_RESOURCE);
                JsonParser p = new JsonFactory().createParser(in)) {
            p.nextToken();
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) tree(p);
            @SuppressWarnings("unchecked")
            Map<String, Object> defs = (Map<String, Object>) root.get("definitions");
            Map<String, ObjectRule> objects = new HashMap<>();
            for (Map.Entry<String, Object> e : defs.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> def = (Map<String, Object>) e.getValue();
                if ("object".equals(def.get("type"))) {
                    objects.put(e.getKey(), objectRule(e.getKey(), def, defs));
                }
            }
            return new SchemaRules(objects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled NIST CVR schema", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ObjectRule objectRule(String type, Map<String, Object> def, Map<String, Object> defs) {
        Map<String, Object> props = (Map<String, Object>) def.get("properties");
        List<Object> required = (List<Object>) def.getOrDefault("required", List.of());
        Map<String, ValueRule> properties = new LinkedHashMap<>();
        long mask = 0;
        int i = 0;
        for (Map.Entry<String, Object> e : props.entrySet()) {
            properties.put(e.getKey(), valueRule((Map<String, Object>) e.getValue(), defs));
            if (required.contains(e.getKey())) {
                mask |= 1L << i;
            }
            i++;
        }
        return new ObjectRule(type, Map.copyOf(properties), new PropertyBits(List.copyOf(properties.keySet())), mask);
    }

    @SuppressWarnings("unchecked")
    private static ValueRule valueRule(Map<String, Object> schema, Map<String, Object> defs) {
        if (schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).substring("#/definitions/".length());
            Map<String, Object> target = (Map<String, Object>) defs.get(name);
            return "object".equals(target.get("type")) ? new ValueRule.Obj(List.of(name)) : valueRule(target, defs);
        }
        if (schema.containsKey("oneOf")) {
            List<String> types = new ArrayList<>();
            for (Object alt : (List<Object>) schema.get("oneOf")) {
                types.add(((String) ((Map<String, Object>) alt).get("$ref")).substring("#/definitions/".length()));
            }
            return new ValueRule.Obj(List.copyOf(types));
        }
        String type = (String) schema.get("type");
        return switch (type) {
            case "string" -> new ValueRule.Text(
                    Set.copyOf((List<String>) (List<?>) schema.getOrDefault("enum", List.of())),
                    Optional.ofNullable((String) schema.get("format")),
                    Optional.ofNullable((String) schema.get("pattern")).map(Pattern::compile),
                    List.copyOf((List<String>) (List<?>) schema.getOrDefault("refTypes", List.of())));
            case "integer" -> new ValueRule.Whole();
            case "boolean" -> new ValueRule.Bool();
            case "array" -> new ValueRule.Array(
                    valueRule((Map<String, Object>) schema.get("items"), defs),
                    ((Number) schema.getOrDefault("minItems", 0)).intValue());
            default -> throw new IllegalStateException("unexpected schema type " + type);
        };
    }

    private static Object tree(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, tree(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(tree(p));
                }
                return list;
            }
            case VALUE_NUMBER_INT -> {
                return p.getIntValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return p.getText();
            }
        }
    }
}
