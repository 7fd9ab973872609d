package org.bulwark.formats.cvr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bulwark.formats.results.JsonTree;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.junit.jupiter.api.Test;

/**
 * JSON objects are unordered: a report whose CVR parts list their properties in any order, a
 * different one from part to part, reads as the same CVRs. The reader expects each part's names in the
 * order the part before had them (see {@code JsonCvrReader.NameOrder}), so this is what a changing
 * order must not break, nor the checks made on names it expected.
 */
class PropertyOrderTest {
    private static final JsonFactory JSON = new JsonFactory();

    @Property(tries = 60)
    void anyPropertyOrderReadsAsTheSameCvrs(@ForAll("reports") List<CastVoteRecord> cvrs, @ForAll long seed) throws IOException {
        byte[] written = CvrRoundTripTest.write(CvrFormat.JSON, TestElection.INDEX.election(), cvrs);
        byte[] shuffled = reorder(written, new Random(seed));

        assertThat(JsonCvrReaderTest.read(shuffled, CvrReadOptions.strict().withCountingGroup(CountingGroup.ABSENTEE))).isEqualTo(cvrs);
        assertThat(JsonCvrReaderTest.read(shuffled, CvrReadOptions.lenient().withCountingGroup(CountingGroup.ABSENTEE))).isEqualTo(cvrs);
    }

    @Provide
    Arbitrary<List<CastVoteRecord>> reports() {
        return CvrRoundTripTest.cvrs(TestElection.INDEX.election(), CountingGroup.ABSENTEE).list().ofMinSize(1).ofMaxSize(12);
    }

    @Test
    void aPropertyRepeatedWhereItsNameIsExpectedIsStillRefused() {
        // The contest "straight" teaches ContestId as a contest's third name; "rcv" then gives it second and third.
        String report = JsonCvrReaderTest.SMALL
                .replace("\"ContestId\": \"straight\",", "\"Overvotes\": 0, \"ContestId\": \"straight\",")
                .replace("\"ContestId\": \"rcv\",", "\"ContestId\": \"rcv\", \"ContestId\": \"rcv\",");

        assertThat(JsonCvrReaderTest.failure(report, CvrReadOptions.strict()).problem())
                .isEqualTo("property 'ContestId' appears twice in one CVR.CVRContest");
    }

    /** The same JSON with the properties of every object in a random order. */
    static byte[] reorder(byte[] json, Random random) throws IOException {
        Object tree = JsonTree.parse(new ByteArrayInputStream(json));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, tree, random);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, Object value, Random random) throws IOException {
        switch (value) {
            case Map<?, ?> object -> {
                List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) object).entrySet());
                Collections.shuffle(entries, random);
                g.writeStartObject();
                for (Map.Entry<String, Object> e : entries) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue(), random);
                }
                g.writeEndObject();
            }
            case List<?> array -> {
                g.writeStartArray();
                for (Object item : array) {
                    write(g, item, random);
                }
                g.writeEndArray();
            }
            case String s -> g.writeString(s);
            case Long n -> g.writeNumber(n);
            case Boolean b -> g.writeBoolean(b);
            case null -> g.writeNull();
            default -> throw new IllegalStateException("unexpected " + value);
        }
    }
}
