package org.bulwark.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.custody.Fixtures.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.exchange.Fingerprint;
import org.junit.jupiter.api.Test;

class CustodyRulesTest {
    private final List<CustodyEvent> timeline = new ArrayList<>();

    private AssetHistory history() {
        return new AssetHistory(DEVICE, timeline);
    }

    private Decision.Accepted accept(Decision d) {
        assertThat(d).isInstanceOf(Decision.Accepted.class);
        Decision.Accepted a = (Decision.Accepted) d;
        timeline.addAll(a.events());
        return a;
    }

    private void seal(String point, long number, Instant at) {
        accept(RULES.apply(history(), Optional.of(SCANNER), point, number, ISSUED, PAIR, at));
    }

    private void makeReady() {
        timeline.add(new CustodyEvent.LatRecorded(LAT_DAY, lat(true)));
        seal("case", 1001, LAT_DAY.plusSeconds(3600));
        seal("memory-card-door", 1002, LAT_DAY.plusSeconds(3600));
        accept(RULES.verify(history(), "case", 1001, true, "Warehouse", true, PAIR, LAT_DAY.plusSeconds(86_400)));
        accept(RULES.verify(history(), "memory-card-door", 1002, true, "Warehouse", true, PAIR, LAT_DAY.plusSeconds(86_400)));
    }

    @Test
    void aFullyCheckedDeviceIsReady() {
        makeReady();
        DeviceReadiness r = RULES.readiness(history(), Optional.of(SCANNER), Optional.of(ELECTION));
        assertThat(r.failed()).isEmpty();
        assertThat(r.ready()).isTrue();
    }

    @Test
    void eachMissingStepFailsItsOwnCheck() {
        DeviceReadiness none = RULES.readiness(history(), Optional.empty(), Optional.of(ELECTION));
        assertThat(none.failedChecks()).containsExactly(ReadinessCheck.values());
        assertThat(none.failed().get(ReadinessCheck.APPROVED_VERSION)).isEqualTo("DS200 2.17 is not in the certification registry");

        makeReady();
        RegistryEntry withdrawn = SCANNER.withStatus(ApprovalStatus.WITHDRAWN, "security advisory");
        assertThat(RULES.readiness(history(), Optional.of(withdrawn), Optional.empty()).failedChecks())
                .containsExactly(ReadinessCheck.APPROVED_VERSION);
        Fingerprint other = new Fingerprint("sha256:" + "b".repeat(64));
        assertThat(RULES.readiness(history(), Optional.of(SCANNER), Optional.of(other)).failed())
                .containsOnlyKeys(ReadinessCheck.ELECTION_FINGERPRINT);
    }

    @Test
    void aSealAppliedBeforeTheLatDateOrVerifiedBadlyFailsReadiness() {
        seal("case", 1001, LAT_DAY.minusSeconds(86_400 * 2));
        timeline.add(new CustodyEvent.LatRecorded(LAT_DAY, lat(true)));
        seal("memory-card-door", 1002, LAT_DAY);
        accept(RULES.verify(history(), "case", 1001, true, "Warehouse", true, PAIR, LAT_DAY));
        accept(RULES.verify(history(), "memory-card-door", 1009, true, "Warehouse", true, PAIR, LAT_DAY));
        DeviceReadiness r = RULES.readiness(history(), Optional.of(SCANNER), Optional.empty());
        assertThat(r.failed().get(ReadinessCheck.SEALED_AFTER_LAT)).isEqualTo("seal 1001 on case was applied 2028-10-18, before the L&A test of 2028-10-20");
        assertThat(r.failed().get(ReadinessCheck.SEALS_VERIFIED))
                .isEqualTo("the last check of memory-card-door was a discrepancy (expected 1002, observed 1009)");
    }

    @Test
    void aFailedLatIsReported() {
        timeline.add(new CustodyEvent.LatRecorded(LAT_DAY, lat(false)));
        assertThat(RULES.readiness(history(), Optional.of(SCANNER), Optional.empty()).failed().get(ReadinessCheck.LAT_PASSED))
                .isEqualTo("the L&A test of 2028-10-20 failed with 1 mismatches");
    }

    @Test
    void sealNumbersAreIssuedOwnAndUnused() {
        Decision unissued = RULES.apply(history(), Optional.of(SCANNER), "case", 5, new CustodyRules.SealNumberFacts(Optional.empty(), Optional.empty()), PAIR, LAT_DAY);
        assertThat(unissued).isInstanceOfSatisfying(Decision.Refused.class, r -> assertThat(r.reason()).contains("was never issued"));
        assertThat(unissued.incidents()).extracting(IncidentDraft::kind).containsExactly(IncidentKind.SEAL_UNISSUED);

        Decision foreign = RULES.apply(history(), Optional.of(SCANNER), "case", 5,
                new CustodyRules.SealNumberFacts(Optional.of(new AuthorityId("Cole")), Optional.empty()), PAIR, LAT_DAY);
        assertThat(foreign.incidents()).extracting(IncidentDraft::kind).containsExactly(IncidentKind.SEAL_FOREIGN);
        assertThat(foreign).isInstanceOfSatisfying(Decision.Refused.class, r -> assertThat(r.reason()).contains("issued to Cole, not to Boone"));

        Decision reused = RULES.apply(history(), Optional.of(SCANNER), "case", 5,
                new CustodyRules.SealNumberFacts(Optional.of(BOONE), Optional.of(new AssetTag("BC-0002"))), PAIR, LAT_DAY);
        assertThat(reused.incidents()).extracting(IncidentDraft::kind).containsExactly(IncidentKind.SEAL_REUSED);
    }

    @Test
    void plainRefusalsOpenNoIncident() {
        TwoPeople sameParty = new TwoPeople(new Person("Ann", "Democratic"), new Person("Dan", "democratic"));
        assertThat(RULES.apply(history(), Optional.of(SCANNER), "case", 5, ISSUED, sameParty, LAT_DAY)).isInstanceOfSatisfying(
                Decision.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo("Ann and Dan are both Democratic: the two signers must be of different major parties");
                    assertThat(r.incidents()).isEmpty();
                });
        TwoPeople minor = new TwoPeople(new Person("Ann", "Democratic"), new Person("Lee", "Libertarian"));
        assertThat(RULES.breakSeal(history(), "case", "x", minor, LAT_DAY)).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).startsWith("Lee's party \"Libertarian\" is not a major party (Democratic, Republican)"));
        assertThat(RULES.apply(history(), Optional.of(SCANNER), "lid", 5, ISSUED, PAIR, LAT_DAY)).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).isEqualTo("\"lid\" is not a seal point of DS200; its seal points are case, memory-card-door"));
        seal("case", 5, LAT_DAY);
        assertThat(RULES.apply(history(), Optional.of(SCANNER), "case", 6, ISSUED, PAIR, LAT_DAY)).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).isEqualTo("BC-0001 already has seal 5 on case: record its break first, or replace it"));
        assertThat(RULES.verify(history(), "memory-card-door", 1, true, "Warehouse", false, PAIR, LAT_DAY)).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void mismatchesBrokenSealsAndWrongPlacesOpenIncidentsButAreRecorded() {
        seal("case", 5, LAT_DAY);
        Decision.Accepted d = accept(RULES.verify(history(), "case", 6, false, "Precinct 12", true, PAIR, LAT_DAY));
        assertThat(d.incidents()).extracting(IncidentDraft::kind).containsExactly(IncidentKind.SEAL_MISMATCH,
                IncidentKind.SEAL_BROKEN_UNRECORDED, IncidentKind.CUSTODY_BREAK);
        assertThat(d.incidents().get(2).description()).isEqualTo("BC-0001 turned up at Precinct 12 but is recorded at Warehouse with no transfer between them");
        assertThat(d.events()).hasSize(1);
    }

    @Test
    void replaceBreaksAndAppliesTogether() {
        seal("case", 5, LAT_DAY);
        Decision.Accepted d = accept(RULES.replace(history(), Optional.of(SCANNER), "case", 7, ISSUED, "maintenance", PAIR, LAT_DAY));
        assertThat(d.events()).hasSize(2);
        assertThat(history().currentSeal("case")).map(CustodyEvent.SealApplied::number).contains(7L);
        Decision refused = RULES.replace(history(), Optional.of(SCANNER), "case", 5, new CustodyRules.SealNumberFacts(Optional.of(BOONE),
                Optional.of(DEVICE.tag())), "again", PAIR, LAT_DAY);
        assertThat(refused).isInstanceOf(Decision.Refused.class);
        assertThat(history().currentSeal("case")).map(CustodyEvent.SealApplied::number).contains(7L);
    }

    @Test
    void aTransferDetectsASealThatChangedOnTheWay() {
        seal("case", 5, LAT_DAY);
        Transfer t = new Transfer(List.of(DEVICE.tag()), "J. Clerk", "Warehouse", "P. Judge", "Precinct 12", "delivery for election day",
                List.of(new SealCheck(DEVICE.tag(), "case", 8), new SealCheck(DEVICE.tag(), "memory-card-door", 9)), "good",
                Optional.empty(), PAIR);
        Decision.Accepted d = accept(RULES.transfer(List.of(history()), t, 3, LAT_DAY));
        assertThat(d.incidents()).extracting(IncidentDraft::description).containsExactly(
                "transfer #3: seal on case of BC-0001 was 5 at departure from Warehouse but 8 on arrival at Precinct 12",
                "transfer #3: seal 9 found on memory-card-door of BC-0001 at Precinct 12, but no seal was recorded there at departure");
        assertThat(t.statement()).isEqualTo("No election material was added, subtracted or altered.");
    }

    @Test
    void memoryAccessIsForMemoryOnly() {
        assertThat(RULES.memoryAccess(history(), "read", "Ann", "results upload", Optional.empty(), LAT_DAY)).isInstanceOf(Decision.Refused.class);
        Asset card = new Asset(new AssetTag("MC-1"), "C1", AssetKind.MEMORY_CARD, "CF-8GB", Optional.empty(), BOONE, "Warehouse", "J. Clerk",
                AssetStatus.IN_SERVICE);
        assertThat(RULES.memoryAccess(new AssetHistory(card, List.of()), "read", "Ann", "results upload", Optional.of(DEVICE.tag()), LAT_DAY))
                .isInstanceOf(Decision.Accepted.class);
    }
}
