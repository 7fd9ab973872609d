package org.bulwark.tally;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Just the counts of a NIST SP 1500-100 v2 JSON results file, read with Jackson streaming:
 * "votes SELECTION UNIT TYPE" for every VoteCounts and "overvotes CONTEST UNIT" / "undervotes
 * CONTEST UNIT" for every OtherCounts, each with its number.
 */
final class NistCounts {
    private NistCounts() {}

    static Map<String, Double> read(InputStream in) throws IOException {
        Object report;
        try (JsonParser p = new JsonFactory().createParser(in)) {
            p.nextToken();
            report = value(p);
        }
        Map<String, Double> counts = new TreeMap<>();
        for (Object election : list(map(report).get("Election"))) {
            for (Object contest : list(map(election).get("Contest"))) {
                String contestId = (String) map(contest).get("@id");
                for (Object selection : list(map(contest).get("ContestSelection"))) {
                    String selectionId = (String) map(selection).get("@id");
                    for (Object vc : list(map(selection).get("VoteCounts"))) {
                        Map<String, Object> v = map(vc);
                        put(counts, "votes " + selectionId + " " + v.get("GpUnitId") + " " + v.get("Type"), v.get("Count"));
                    }
                }
                for (Object oc : list(map(contest).get("OtherCounts"))) {
                    Map<String, Object> o = map(oc);
                    put(counts, "overvotes " + contestId + " " + o.get("GpUnitId"), o.get("Overvotes"));
                    put(counts, "undervotes " + contestId + " " + o.get("GpUnitId"), o.get("Undervotes"));
                }
            }
        }
        return counts;
    }

    private static void put(Map<String, Double> counts, String key, Object number) {
        if (number != null && counts.put(key, ((Number) number).doubleValue()) != null) {
            throw new IllegalStateException("count given twice: " + key);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<?> list(Object o) {
        return o == null ? List.of() : (List<?>) o;
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                yield l;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
            default -> null;
        };
    }
}
