package org.bulwark.custody;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.exchange.ReadinessClearance;
import org.bulwark.model.BadInputException;
import org.junit.jupiter.api.Test;

/** lat-record.json and readiness.json: round trips, precise refusals, and fuzzing of both readers. */
class ExchangeFilesTest {
    static final byte[] LAT = Fixtures.lat(false).bytes();
    static final byte[] CLEARANCE = new ReadinessClearance("SN-1", Fixtures.ELECTION, false, List.of("lat-passed"),
            Instant.parse("2028-11-07T11:00:00Z")).bytes();

    @Test
    void bothFilesRoundTrip() {
        assertThat(LatRecord.read(LAT, "lat-record.json")).isEqualTo(Fixtures.lat(false));
        assertThat(ReadinessClearance.read(CLEARANCE, "readiness.json").failedChecks()).containsExactly("lat-passed");
        assertThat(new String(LAT, UTF_8)).contains("\"format\" : \"bulwark-lat-record\"", "\"expected\" : 3");
    }

    @Test
    void badLatRecordsNameTheFieldAndTheProblem() {
        String good = new String(Fixtures.lat(true).bytes(), UTF_8);
        assertRefused(good.replace("\"pre-election\"", "\"during\""), "kind", "\"during\" is not one of pre-election, post-election");
        assertRefused(good.replace("sha256:aaaa", "sha1:aaaa"), "softwareFingerprint", "is not a fingerprint");
        assertRefused(good.replace("\"passed\" : true", "\"passed\" : \"yes\""), "passed", "must be true or false, not the text \"yes\"");
        assertRefused(good.replace("2028-10-20", "20/10/2028"), "date", "is not a date like 2028-10-20");
        assertRefused(good.replace("\"version\" : 1", "\"version\" : 2"), "version", "version 2 is not supported");
        assertRefused(good.replace("\"deviceModel\"", "\"deviceModle\""), "the top-level object", "\"deviceModle\" is not a field of this record");
        assertRefused(good.replace("\"deviceModel\"", "\"\""), "the top-level object", "\"\" is not a field of this record");
        assertRefused(good.replace("\"mismatches\" : [ ]", "\"mismatches\" : [ {\"contest\":\"G\",\"selection\":\"S\",\"expected\":1,\"found\":2} ]"),
                "passed", "is true but the record lists 1 mismatches");
        assertRefused(good.substring(0, 40), "line 3, column", "not valid JSON");
    }

    private static void assertRefused(String text, String place, String problem) {
        assertThatThrownBy(() -> LatRecord.read(text.getBytes(UTF_8), "lat-record.json"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("lat-record.json");
                    assertThat(e.place()).startsWith(place);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void aClearanceMustAgreeWithItself() {
        String bad = new String(CLEARANCE, UTF_8).replace("\"ready\" : false", "\"ready\" : true");
        assertThatThrownBy(() -> ReadinessClearance.read(bad.getBytes(UTF_8), "readiness.json"))
                .hasMessage("readiness.json: ready: is true but failedChecks lists [lat-passed]");
    }

    @Property(tries = 400)
    void mutatedLatRecordsReadOrFailWithBadInput(@ForAll Random random) {
        byte[] data = Mutations.mutate(LAT, random);
        try {
            assertThat(LatRecord.read(data, "fuzz.json").deviceSerial()).isNotBlank();
        } catch (BadInputException e) {
            assertThat(e.file()).isEqualTo("fuzz.json");
            assertThat(e.place()).isNotBlank();
        }
    }

    @Property(tries = 400)
    void mutatedClearancesReadOrFailWithBadInput(@ForAll Random random) {
        byte[] data = Mutations.mutate(CLEARANCE, random);
        try {
            assertThat(ReadinessClearance.read(data, "fuzz.json").deviceSerial()).isNotBlank();
        } catch (BadInputException e) {
            assertThat(e.file()).isEqualTo("fuzz.json");
            assertThat(e.place()).isNotBlank();
        }
    }
}
