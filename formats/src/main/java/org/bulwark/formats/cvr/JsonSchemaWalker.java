package org.bulwark.formats.cvr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.formats.cvr.SchemaRules.ObjectRule;
import org.bulwark.formats.cvr.SchemaRules.ValueRule;
import org.bulwark.model.BadInputException;

/**
 * Strict mode's check of the JSON parts the CVR reader does not read itself (the Election, GpUnit,
 * Party and ReportingDevice elements, Codes, Annotations, ...) against the NIST JSON schema, while
 * streaming. It records the ids those parts declare and use for {@link ReportReferences}. It
 * recurses only as deep as the schema nests (no schema type contains itself), so hostile nesting
 * cannot overflow the stack.
 */
final class JsonSchemaWalker {
    /** An element with an id, waiting to learn the id of the element it is declared in. */
    record Declared(String type, String id, String place) {}

    private final JsonParser p;
    private final String file;
    private final SchemaRules rules;
    private final ReportReferences refs;

    JsonSchemaWalker(JsonParser p, String file, SchemaRules rules, ReportReferences refs) {
        this.p = p;
        this.file = file;
        this.rules = rules;
        this.refs = refs;
    }

    /** Checks the value starting at the current token; ids declared in it go to {@code declared}. */
    void value(ValueRule rule, String property, List<Declared> declared, Map<String, List<String>> captured)
            throws IOException {
        JsonToken t = p.currentToken();
        switch (rule) {
            case ValueRule.Text text -> {
                expect(t == JsonToken.VALUE_STRING, property, "a string", t);
                if (!text.allowed().isEmpty() || text.format().isPresent() || text.pattern().isPresent()
                        || !text.refTypes().isEmpty() || captured.containsKey(property)) {
                    String value = p.getText();
                    checkText(text, property, value);
                    if (!text.refTypes().isEmpty()) {
                        refs.use(property, text.refTypes(), value, place());
                    }
                    List<String> capture = captured.get(property);
                    if (capture != null) {
                        capture.add(value);
                    }
                }
            }
            case ValueRule.Whole w -> expect(t == JsonToken.VALUE_NUMBER_INT, property, "an integer", t);
            case ValueRule.Bool b -> expect(t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE, property, "true or false", t);
            case ValueRule.Array array -> {
                expect(t == JsonToken.START_ARRAY, property, "an array", t);
                String where = place();
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    value(array.items(), property, declared, captured);
                    n++;
                }
                if (n < array.minItems()) {
                    throw new BadInputException(file, where,
                            property + " must have at least " + array.minItems() + " item" + (array.minItems() == 1 ? "" : "s"));
                }
            }
            case ValueRule.Obj obj -> {
                expect(t == JsonToken.START_OBJECT, property, "an object", t);
                object(obj.types(), property, declared, captured);
            }
        }
    }

    /** Checks a string value the caller has read against its rule: enumeration, format, pattern. */
    void checkText(ValueRule.Text rule, String property, String value) {
        if (!rule.allowed().isEmpty() && !rule.allowed().contains(value)) {
            throw new BadInputException(file, place(), property + " '" + value + "' is not one of "
                    + String.join(", ", new java.util.TreeSet<>(rule.allowed())));
        }
        if (rule.pattern().isPresent() && !rule.pattern().get().matcher(value).find()) {
            throw new BadInputException(file, place(), property + " '" + value + "' does not match the pattern "
                    + rule.pattern().get().pattern());
        }
        if (rule.format().isPresent()) {
            switch (rule.format().get()) {
                case "date-time" -> {
                    try {
                        OffsetDateTime.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new BadInputException(file, place(), property + " '" + value
                                + "' is not a date and time like 2024-11-05T20:00:00-06:00");
                    }
                }
                case "uri" -> {
                    try {
                        new URI(value);
                    } catch (URISyntaxException e) {
                        throw new BadInputException(file, place(), property + " '" + value + "' is not a URI: " + e.getReason());
                    }
                }
                default -> {
                    // "byte" (base64 image data) is not decoded: images can be large and Bulwark keeps only their names.
                }
            }
        }
    }

    private void object(List<String> types, String property, List<Declared> declared, Map<String, List<String>> captured)
            throws IOException {
        String where = place();
        String type = null;
        String id = null;
        List<String> names = new ArrayList<>();
        List<Declared> inner = new ArrayList<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            if (names.contains(name)) {
                throw new BadInputException(file, place(), "property '" + name + "' appears twice in one object");
            }
            names.add(name);
            switch (name) {
                case "@type" -> {
                    expect(p.currentToken() == JsonToken.VALUE_STRING, name, "a string", p.currentToken());
                    type = p.getText();
                    if (!types.contains(type)) {
                        throw new BadInputException(file, place(), property + " has @type '" + type + "', expected "
                                + String.join(" or ", types));
                    }
                }
                case "@id" -> {
                    expect(p.currentToken() == JsonToken.VALUE_STRING, name, "a string", p.currentToken());
                    id = p.getText();
                }
                default -> value(ruleFor(types, name, property), name, inner, captured);
            }
        }
        if (type == null) {
            throw new BadInputException(file, where, property + " has no @type (expected " + String.join(" or ", types) + ")");
        }
        ObjectRule rule = rules.object(type);
        long seen = 0;
        for (String n : names) {
            long bit = rule.bit(n);
            if (bit == 0) {
                throw new BadInputException(file, where, "property '" + n + "' is not allowed in a " + type);
            }
            seen |= bit;
        }
        List<String> missing = rule.missing(seen);
        if (!missing.isEmpty()) {
            throw new BadInputException(file, where, "a " + type + " must have " + String.join(", ", missing));
        }
        if (id != null) {
            for (Declared d : inner) {
                refs.declare(d.type(), d.id(), Optional.of(id), d.place());
            }
            declared.add(new Declared(type, id, where));
        } else {
            declared.addAll(inner);
        }
    }

    private ValueRule ruleFor(List<String> types, String name, String property) {
        for (String type : types) {
            Optional<ValueRule> rule = rules.object(type).property(name);
            if (rule.isPresent()) {
                return rule.get();
            }
        }
        throw new BadInputException(file, place(), "property '" + name + "' is not allowed in " + property
                + " (a " + String.join(" or ", types) + ")");
    }

    private void expect(boolean ok, String property, String what, JsonToken found) {
        if (!ok) {
            throw new BadInputException(file, place(), property + " must be " + what + ", found " + JsonCvrReader.describe(found));
        }
    }

    private String place() {
        return JsonCvrReader.place(p.currentTokenLocation());
    }
}
