package org.bulwark.formats.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.bulwark.model.Election;
import org.junit.jupiter.api.Test;

/**
 * The committed JSON Schema agrees with the reader: what Bulwark writes validates against it, and
 * mistakes the reader refuses are refused by the schema too. Checked with a small validator of the
 * draft 2020-12 keywords the schema uses ($ref, type, properties, required, additionalProperties,
 * items, enum, const, oneOf, minLength, minItems, minimum, pattern).
 */
class SchemaTest {
    private static final Node SCHEMA;

    static {
        try (InputStream in = ElectionFiles.class.getResourceAsStream("bulwark-election.schema.json")) {
            SCHEMA = Documents.json(in, "bulwark-election.schema.json").root();
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A JSON value: one node, or the elements of an array. */
    private record Value(Node node, List<Node> elements, boolean array) {
        static Value of(Node parent, String key) {
            List<Node> all = parent.all(key);
            boolean array = all.isEmpty() || all.get(0).inList();
            return new Value(array ? null : all.get(0), all, array);
        }
    }

    private static List<String> validate(byte[] json) {
        Node root = Documents.json(new ByteArrayInputStream(json), "instance").root();
        List<String> errors = new ArrayList<>();
        check(new Value(root, List.of(), false), SCHEMA, "$", errors);
        return errors;
    }

    private static void check(Value v, Node schema, String path, List<String> errors) {
        schema.first("$ref").flatMap(Node::text).ifPresent(ref -> {
            String name = ref.substring("#/$defs/".length());
            check(v, SCHEMA.first("$defs").orElseThrow().first(name).orElseThrow(), path, errors);
        });
        schema.first("type").flatMap(Node::text).ifPresent(type -> {
            boolean ok = switch (type) {
                case "object" -> !v.array() && v.node().kind() == Node.Kind.OBJECT;
                case "array" -> v.array();
                case "string" -> !v.array() && v.node().kind() == Node.Kind.STRING;
                case "integer" -> !v.array() && v.node().kind() == Node.Kind.NUMBER
                        && v.node().text().orElseThrow().matches("-?\\d+");
                default -> throw new AssertionError("type " + type + " is not used by the schema");
            };
            if (!ok) {
                errors.add(path + ": not of type " + type);
            }
        });
        if (!errors.isEmpty() && errors.get(errors.size() - 1).startsWith(path + ": not of type")) {
            return;
        }
        schema.first("const").ifPresent(c -> {
            if (v.array() || !c.text().equals(v.node().text()) || c.kind() != v.node().kind()) {
                errors.add(path + ": not " + c.text().orElse(""));
            }
        });
        if (schema.has("enum") && (v.array()
                || schema.all("enum").stream().noneMatch(e -> e.text().equals(v.node().text())))) {
            errors.add(path + ": not one of the listed values");
        }
        schema.first("minLength").flatMap(Node::text).ifPresent(min -> {
            if (v.node().text().orElse("").length() < Integer.parseInt(min)) {
                errors.add(path + ": too short");
            }
        });
        schema.first("pattern").flatMap(Node::text).ifPresent(p -> {
            if (!Pattern.compile(p).matcher(v.node().text().orElse("")).find()) {
                errors.add(path + ": does not match " + p);
            }
        });
        schema.first("minimum").flatMap(Node::text).ifPresent(min -> {
            if (Long.parseLong(v.node().text().orElseThrow()) < Long.parseLong(min)) {
                errors.add(path + ": below " + min);
            }
        });
        schema.first("minItems").flatMap(Node::text).ifPresent(min -> {
            if (v.elements().size() < Integer.parseInt(min)) {
                errors.add(path + ": fewer than " + min + " items");
            }
        });
        schema.first("items").ifPresent(items -> {
            for (int i = 0; i < v.elements().size(); i++) {
                check(new Value(v.elements().get(i), List.of(), false), items, path + "[" + i + "]", errors);
            }
        });
        if (schema.has("oneOf")) {
            long matching = schema.all("oneOf").stream().filter(s -> {
                List<String> e = new ArrayList<>();
                check(v, s, path, e);
                return e.isEmpty();
            }).count();
            if (matching != 1) {
                errors.add(path + ": matches " + matching + " of the oneOf schemas, not exactly one");
            }
        }
        if (!v.array() && v.node().isObject()) {
            Node props = schema.first("properties").orElse(null);
            for (Node req : schema.all("required")) {
                if (!v.node().has(req.text().orElseThrow())) {
                    errors.add(path + ": missing " + req.text().orElseThrow());
                }
            }
            for (String key : v.node().keys()) {
                if (props != null && props.has(key)) {
                    check(Value.of(v.node(), key), props.first(key).orElseThrow(), path + "." + key, errors);
                } else if (schema.first("additionalProperties").flatMap(Node::text).filter("false"::equals).isPresent()) {
                    errors.add(path + ": unknown property " + key);
                }
            }
        }
    }

    private static byte[] write(Election e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ElectionFiles.writeBulwarkJson(e, out);
        return out.toByteArray();
    }

    @Test
    void theWorkedExampleAndNistImportsAsWrittenValidate() {
        assertThat(validate(BulwarkJsonTest.resource(BulwarkJsonTest.EXAMPLE))).isEmpty();
        for (String election : new String[] {"gen-01", "prim-01"}) {
            Election e = ElectionFiles.read(NistImportTest.nist(election, "bd-" + election + ".xml")).election();
            assertThat(validate(write(e))).as(election).isEmpty();
        }
    }

    @Test
    void generatedElectionsAsWrittenValidateExceptWhereTheSchemaChecksMore() {
        Random random = new Random(20261103);
        for (int i = 0; i < 200; i++) {
            Election e = new RoundTripPropertyTest.Generator(random).election();
            // The schema also requires what the validator checks: vote for at least 1, two responses,
            // a party per straight-party selection. Those are left for the validator to report.
            List<String> errors = validate(write(e));
            assertThat(errors).allMatch(m -> m.endsWith(": below 1") || m.contains("fewer than")
                    || m.contains("oneOf"), "only vote-for, ranks and list-size limits: " + errors);
        }
    }

    @Test
    void mistakesTheReaderRefusesTheSchemaRefusesToo() {
        String example = new String(BulwarkJsonTest.resource(BulwarkJsonTest.EXAMPLE), StandardCharsets.UTF_8);
        String[][] mistakes = {
            {"\"votesAllowed\": 2", "\"votesAllowed\": \"two\""},
            {"\"votesAllowed\": 1", "\"voteAllowed\": 1"},
            {"\"type\": \"general\"", "\"type\": \"generel\""},
            {"\"kind\": \"candidate\"", "\"kind\": \"office\""},
            {"\"scope\": \"boone\"", "\"scope\": \"\""},
            {"\"version\": 1", "\"version\": 2"},
            {"\"units\": [\"p-02b\", \"p-03\"]", "\"units\": \"p-02b\""},
            {"{\"id\": \"us-senate-wi\", \"writeIn\": true}", "{\"id\": \"us-senate-wi\"}"},
            {"{\"id\": \"p-01\", \"name\": \"Precinct 1 Rock Bridge\"}",
                "{\"id\": \"p-01\", \"name\": \"Precinct 1 Rock Bridge\", \"type\": \"congressional\"}"},
        };
        for (String[] m : mistakes) {
            byte[] bad = example.replaceFirst(Pattern.quote(m[0]), m[1]).getBytes(StandardCharsets.UTF_8);
            assertThat(validate(bad)).as(m[1]).isNotEmpty();
        }
    }
}
