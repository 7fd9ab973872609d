package org.bulwark.ledger.pkg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.ledger.keys.KeyFingerprint;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.trust.PackageType;

/**
 * manifest.json: written with keys in a fixed order; read strictly (every field known, none twice,
 * types checked) into a {@link Manifest}, or a message saying what is wrong and where.
 */
final class ManifestJson {
    static final String FORMAT = "bulwark-package-manifest";
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(4096).build())
            .build();

    private ManifestJson() {}

    static byte[] write(Manifest m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", m.formatVersion());
            g.writeStringField("type", m.type().word());
            if (m.election().isPresent()) {
                g.writeStringField("election", m.election().get());
            }
            g.writeObjectFieldStart("producer");
            g.writeStringField("id", m.producerId());
            g.writeStringField("role", m.producerRole().text());
            if (m.producerJurisdiction().isPresent()) {
                g.writeStringField("jurisdiction", m.producerJurisdiction().get());
            }
            g.writeStringField("key", m.producerKey().toString());
            g.writeEndObject();
            g.writeStringField("created", m.created().toString());
            g.writeStringField("mode", m.mode().word());
            g.writeArrayFieldStart("files");
            for (Manifest.FileEntry f : m.files()) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                g.writeNumberField("size", f.size());
                g.writeStringField("sha256", f.sha256());
                if (f.cvrs().isPresent()) {
                    g.writeObjectFieldStart("cvrs");
                    g.writeNumberField("count", f.cvrs().get().count());
                    g.writeStringField("merkleRoot", f.cvrs().get().merkleRoot());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** A problem in the manifest: where and what. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String place, String message) {
            super(place + ": " + message);
        }
    }

    static Manifest read(byte[] bytes) throws Problem {
        try (JsonParser p = JSON.createParser(bytes)) {
            Map<String, Object> top = object(p, p.nextToken(), "manifest");
            if (p.nextToken() != null) {
                throw new Problem("end", "unexpected content after the manifest object");
            }
            expect(top, "format", FORMAT, "manifest");
            Object version = top.get("version");
            if (!(version instanceof Long v) || v != Manifest.FORMAT_VERSION) {
                throw new Problem("version", "'" + version + "' is not a supported manifest version (this Bulwark reads version " + Manifest.FORMAT_VERSION + ")");
            }
            String typeWord = string(top, "type", "manifest");
            PackageType type = PackageType.parse(typeWord)
                    .orElseThrow(() -> new Problem("type", "'" + typeWord + "' is not a package type: use election, results, custody or audit"));
            Optional<String> election = optionalString(top, "election", "manifest");
            if (election.isPresent() && !election.get().matches("[0-9a-f]{64}")) {
                throw new Problem("election", "'" + election.get() + "' is not an election fingerprint (64 hex digits)");
            }
            Map<String, Object> producer = child(top, "producer", "manifest");
            String id = string(producer, "id", "producer");
            String roleWord = string(producer, "role", "producer");
            KeyRole role = KeyRole.parse(roleWord).orElseThrow(() -> new Problem("producer.role", "'" + roleWord + "' is not a role"));
            Optional<String> jurisdiction = optionalString(producer, "jurisdiction", "producer");
            String key = string(producer, "key", "producer");
            if (!key.matches("sha256:[0-9a-f]{64}")) {
                throw new Problem("producer.key", "'" + key + "' is not a key fingerprint (sha256: and 64 hex digits)");
            }
            unknown(producer, List.of("id", "role", "jurisdiction", "key"), "producer");
            String createdText = string(top, "created", "manifest");
            Instant created;
            try {
                created = Instant.parse(createdText);
            } catch (DateTimeParseException e) {
                throw new Problem("created", "'" + createdText + "' is not a UTC time like 2028-11-08T02:00:00Z");
            }
            String modeWord = string(top, "mode", "manifest");
            Mode mode = Mode.parse(modeWord).orElseThrow(() -> new Problem("mode", "'" + modeWord + "' is not a mode: use test or official"));
            Object filesValue = top.get("files");
            if (!(filesValue instanceof List<?> list)) {
                throw new Problem("files", "missing, or not a list");
            }
            List<Manifest.FileEntry> files = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String place = "files[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> raw)) {
                    throw new Problem(place, "not an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> f = (Map<String, Object>) raw;
                String name = string(f, "name", place);
                Object size = f.get("size");
                if (!(size instanceof Long s) || s < 0) {
                    throw new Problem(place + ".size", "'" + size + "' is not a size in bytes");
                }
                String sha = string(f, "sha256", place);
                if (!sha.matches("[0-9a-f]{64}")) {
                    throw new Problem(place + ".sha256", "'" + sha + "' is not a SHA-256 (64 lower-case hex digits)");
                }
                Optional<Manifest.CvrSummary> cvrs = Optional.empty();
                if (f.containsKey("cvrs")) {
                    Map<String, Object> c = child(f, "cvrs", place);
                    Object count = c.get("count");
                    if (!(count instanceof Long n) || n < 0) {
                        throw new Problem(place + ".cvrs.count", "'" + count + "' is not a count");
                    }
                    String root = string(c, "merkleRoot", place + ".cvrs");
                    if (!root.matches("[0-9a-f]{64}")) {
                        throw new Problem(place + ".cvrs.merkleRoot", "'" + root + "' is not a SHA-256 root");
                    }
                    unknown(c, List.of("count", "merkleRoot"), place + ".cvrs");
                    cvrs = Optional.of(new Manifest.CvrSummary(n, root));
                }
                unknown(f, List.of("name", "size", "sha256", "cvrs"), place);
                files.add(new Manifest.FileEntry(name, s, sha, cvrs));
            }
            unknown(top, List.of("format", "version", "type", "election", "producer", "created", "mode", "files"), "manifest");
            return new Manifest(type, Manifest.FORMAT_VERSION, election, id, role, jurisdiction,
                    new KeyFingerprint(key.substring("sha256:".length())), created, mode, files);
        } catch (JsonProcessingException e) {
            throw new Problem("line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    /** Reads a JSON object into maps, lists, strings, longs and booleans; duplicate keys refused. */
    private static Map<String, Object> object(JsonParser p, JsonToken first, String place) throws IOException, Problem {
        if (first != JsonToken.START_OBJECT) {
            throw new Problem(place, "expected a JSON object");
        }
        Map<String, Object> map = new HashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            Object value = value(p, p.nextToken(), place + "." + name);
            if (map.put(name, value) != null) {
                throw new Problem(place + "." + name, "appears twice");
            }
        }
        return map;
    }

    private static Object value(JsonParser p, JsonToken t, String place) throws IOException, Problem {
        return switch (t) {
            case START_OBJECT -> object(p, t, place);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e, place + "[" + list.size() + "]"));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                    throw new Problem(place, "number out of range");
                }
                yield p.getLongValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
            default -> throw new Problem(place, "unexpected " + t + ": manifests hold objects, lists, strings and whole numbers only");
        };
    }

    private static String string(Map<String, Object> map, String name, String place) throws Problem {
        if (!(map.get(name) instanceof String s)) {
            throw new Problem(place + "." + name, map.containsKey(name) ? "not a string" : "missing");
        }
        return s;
    }

    private static Optional<String> optionalString(Map<String, Object> map, String name, String place) throws Problem {
        return map.containsKey(name) ? Optional.of(string(map, name, place)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> map, String name, String place) throws Problem {
        if (!(map.get(name) instanceof Map<?, ?> m)) {
            throw new Problem(place + "." + name, map.containsKey(name) ? "not an object" : "missing");
        }
        return (Map<String, Object>) m;
    }

    private static void expect(Map<String, Object> map, String name, String value, String place) throws Problem {
        String v = string(map, name, place);
        if (!v.equals(value)) {
            throw new Problem(place + "." + name, "'" + v + "' is not '" + value + "': this is not a Bulwark package manifest");
        }
    }

    private static void unknown(Map<String, Object> map, List<String> known, String place) throws Problem {
        for (String k : map.keySet()) {
            if (!known.contains(k)) {
                throw new Problem(place + "." + k, "unknown field: a signed manifest holds only the documented fields");
            }
        }
    }
}
