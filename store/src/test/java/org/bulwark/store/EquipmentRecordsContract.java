package org.bulwark.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulwark.custody.AssetCsv;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.Outcome;
import org.bulwark.custody.Person;
import org.bulwark.custody.ReadinessCheck;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.model.events.LogEvent;
import org.bulwark.store.EquipmentRecords.DeviceQuery;
import org.bulwark.store.EquipmentRecords.DeviceRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal's equipment listings on each database: paging, filters in the database, readiness bits, L&A records per authority. */
abstract class EquipmentRecordsContract {
    private Workspace workspace;

    abstract WorkspaceLocation newLocation() throws Exception;

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(newLocation(), Fixtures.CLOCK, Fixtures.IMPORTER);
        assertThat(workspace.custody().record(new CustodyAction.RecordRegistryEntry(CustodyContract.DS200))).isInstanceOf(Outcome.Done.class);
        StringBuilder csv = new StringBuilder(String.join(",", AssetCsv.COLUMNS) + "\n");
        for (int i = 1; i <= 12; i++) {
            csv.append("BC-").append(i).append(",SN-").append(i).append(",voting-device,DS200,2.17,Boone,Warehouse,J. Clerk,")
                    .append(i == 12 ? "retired" : "in-service").append('\n');
        }
        csv.append("CO_1,SN-X,voting-device,DS200,2.17,cole-county,Cole vault,K. Clerk,in-service\n");
        csv.append("MC-1,C-1,memory-card,CF-8GB,,Boone,Vault 100%,J. Clerk,in-service\n");
        assertThat(workspace.custody().importAssets(AssetCsv.read(csv.toString().getBytes(UTF_8), "assets.csv"), "assets.csv", new byte[32], false)
                .imported()).isEqualTo(14);
        LatRecord failed = new LatRecord(LatRecord.Kind.PRE_ELECTION, "SN-2", "DS200", CustodyContract.SOFTWARE, CustodyContract.ELECTION,
                LocalDate.parse("2028-10-19"), false, List.of(new LatRecord.Mismatch("Governor", "Smith", 3, 2)));
        LatRecord passed = new LatRecord(LatRecord.Kind.PRE_ELECTION, "SN-1", "DS200", CustodyContract.SOFTWARE, CustodyContract.ELECTION,
                LocalDate.parse("2028-10-20"), true, List.of());
        LatRecord cole = new LatRecord(LatRecord.Kind.PRE_ELECTION, "SN-X", "DS200", CustodyContract.SOFTWARE, CustodyContract.ELECTION,
                LocalDate.parse("2028-10-18"), true, List.of());
        for (LatRecord r : List.of(passed, failed, cole)) {
            assertThat(workspace.custody().record(new CustodyAction.RecordLat(r, "lat-record.json", CustodyContract.SOFTWARE, CustodyContract.DAY)))
                    .isInstanceOf(Outcome.Done.class);
        }
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private EquipmentRecords listings() {
        return workspace.equipmentRecords();
    }

    private static DeviceQuery query(Set<String> authorities, String text, Set<ReadinessCheck> failing, EquipmentRecords.From from, int limit) {
        return new DeviceQuery(authorities, text, Optional.empty(), failing, from, limit);
    }

    private static final EquipmentRecords.From FIRST = new EquipmentRecords.From.First();

    private static List<String> tags(EquipmentRecords.DevicePage page) {
        return page.rows().stream().map(r -> r.asset().tag().value()).toList();
    }

    @Test
    void pagesAreCutByTagInTheDatabaseAndCountTheWhole() {
        var first = listings().devices(query(Set.of("Boone"), "", Set.of(), FIRST, 5));
        assertThat(first.total()).isEqualTo(13);
        assertThat(tags(first)).containsExactly("BC-1", "BC-10", "BC-11", "BC-12", "BC-2");
        assertThat(first.earlier()).isFalse();
        assertThat(first.later()).isTrue();
        var second = listings().devices(query(Set.of("Boone"), "", Set.of(), new EquipmentRecords.From.After(new AssetTag("BC-2")), 5));
        assertThat(tags(second)).containsExactly("BC-3", "BC-4", "BC-5", "BC-6", "BC-7");
        assertThat(second.earlier()).isTrue();
        assertThat(second.later()).isTrue();
        var last = listings().devices(query(Set.of("Boone"), "", Set.of(), new EquipmentRecords.From.After(new AssetTag("BC-7")), 5));
        assertThat(tags(last)).containsExactly("BC-8", "BC-9", "MC-1");
        assertThat(last.later()).isFalse();
        var back = listings().devices(query(Set.of("Boone"), "", Set.of(), new EquipmentRecords.From.Before(new AssetTag("BC-8")), 5));
        assertThat(tags(back)).isEqualTo(tags(second));
        assertThat(back.earlier()).isTrue();
        assertThat(back.later()).isTrue();
        var backToStart = listings().devices(query(Set.of("Boone"), "", Set.of(), new EquipmentRecords.From.Before(new AssetTag("BC-3")), 5));
        assertThat(tags(backToStart)).isEqualTo(tags(first));
        assertThat(backToStart.earlier()).isFalse();
        assertThat(listings().devices(query(Set.of(), "", Set.of(), FIRST, 500)).total()).isEqualTo(14);
    }

    @Test
    void readinessIsGivenForVotingDevicesInServiceOnly() {
        var rows = listings().devices(query(Set.of("Boone"), "", Set.of(), FIRST, 500)).rows();
        DeviceRow bc1 = rows.stream().filter(r -> r.asset().tag().value().equals("BC-1")).findFirst().orElseThrow();
        DeviceRow bc2 = rows.stream().filter(r -> r.asset().tag().value().equals("BC-2")).findFirst().orElseThrow();
        assertThat(bc1.failed().orElseThrow()).doesNotContain(ReadinessCheck.LAT_PASSED).contains(ReadinessCheck.SEALED_AFTER_LAT);
        assertThat(bc2.failed().orElseThrow()).contains(ReadinessCheck.LAT_PASSED);
        assertThat(rows).filteredOn(r -> r.asset().tag().value().equals("BC-12") || r.asset().tag().value().equals("MC-1"))
                .allSatisfy(r -> assertThat(r.failed()).isEmpty());
    }

    @Test
    void filtersByFailedCheckKindAndText() {
        var lat = listings().devices(query(Set.of("Boone", "Cole"), "", Set.of(ReadinessCheck.LAT_PASSED), FIRST, 500));
        // BC-1 passed its test, BC-12 is retired, MC-1 is memory: 10 Boone devices fail L&A.
        assertThat(lat.total()).isEqualTo(10);
        assertThat(lat.rows()).extracting(r -> r.asset().tag().value()).doesNotContain("BC-1", "BC-12", "MC-1");
        assertThat(listings().devices(new DeviceQuery(Set.of(), "", Optional.of(AssetKind.MEMORY_CARD), Set.of(), FIRST, 10)).rows())
                .extracting(r -> r.asset().tag().value()).containsExactly("MC-1");
        assertThat(listings().devices(query(Set.of(), "sn-1", Set.of(), FIRST, 50)).rows()).extracting(r -> r.asset().tag().value())
                .containsExactly("BC-1", "BC-10", "BC-11", "BC-12");
        // LIKE's own characters are text: "_" and "%" match only themselves.
        assertThat(listings().devices(query(Set.of(), "co_1", Set.of(), FIRST, 50)).rows()).extracting(r -> r.asset().tag().value())
                .containsExactly("CO_1");
        assertThat(listings().devices(query(Set.of(), "bc_1", Set.of(), FIRST, 50)).total()).isZero();
        assertThat(listings().devices(query(Set.of(), "100%", Set.of(), FIRST, 50)).rows()).extracting(r -> r.asset().tag().value())
                .containsExactly("MC-1");
        assertThat(listings().devices(query(Set.of(), "%", Set.of(), FIRST, 50)).rows()).extracting(r -> r.asset().tag().value())
                .containsExactly("MC-1");
        assertThat(listings().devices(query(Set.of("cole-county"), "", Set.of(), FIRST, 50)).rows()).extracting(r -> r.asset().tag().value())
                .containsExactly("CO_1");
    }

    @Test
    void latRecordsOfAnAuthorityByTestDate() {
        var boone = listings().latRecords(Set.of("Boone"));
        assertThat(boone).extracting(e -> e.device().value()).containsExactly("BC-2", "BC-1");
        assertThat(boone.getFirst().record().passed()).isFalse();
        assertThat(boone.getFirst().record().mismatches()).hasSize(1);
        assertThat(boone.getFirst().recordedAt()).isEqualTo(CustodyContract.DAY);
        assertThat(boone.getFirst().fileSha256()).isEqualTo(CustodyContract.SOFTWARE.value());
        assertThat(listings().latRecords(Set.of("cole-county", "Boone"))).hasSize(3);
        assertThat(listings().latRecords(Set.of())).isEmpty();
        assertThat(listings().latRecords(Set.of("Nowhere"))).isEmpty();
    }

    @Test
    void aCertificateIsAttachedWithItsObserversAndWarningsAndLoggedUnderThePerson() {
        long latId = listings().latRecords(Set.of("Boone")).getFirst().id();
        byte[] pdf = "%PDF-1.7 certificate".getBytes(UTF_8);
        List<Person> observers = List.of(new Person("Ann Dee", "Democratic"), new Person("Bob Arr", "Republican"));
        assertThat(listings().attachCertificate(latId, List.of(), List.of(), pdf, "clerk (web)"))
                .isEqualTo(new EquipmentRecords.Attachment.Refused("name the observers who attended the test"));
        assertThat(listings().attachCertificate(latId, observers, List.of(), "<html>".getBytes(UTF_8), "clerk (web)"))
                .isInstanceOf(EquipmentRecords.Attachment.Refused.class);
        assertThat(listings().attachCertificate(latId, observers, List.of("two\nlines"), pdf, "clerk (web)"))
                .isInstanceOf(EquipmentRecords.Attachment.Refused.class);
        assertThat(listings().attachCertificate(999, observers, List.of(), pdf, "clerk (web)"))
                .isEqualTo(new EquipmentRecords.Attachment.Refused("there is no L&A record #999 of a voting device in the inventory"));
        long logBefore = workspace.logSize();
        assertThat(listings().certificatePdf(latId)).isEmpty();

        var attached = listings().attachCertificate(latId, observers, List.of("public notice was given less than 48 hours before the test"),
                pdf, "clerk (web)");
        var entry = ((EquipmentRecords.Attachment.Attached) attached).entry();
        assertThat(entry.id()).isEqualTo(latId);
        assertThat(entry.certificate().orElseThrow().observers()).isEqualTo(observers);
        assertThat(entry.certificate().orElseThrow().attachedBy()).isEqualTo("clerk (web)");
        assertThat(workspace.logSize()).isEqualTo(logBefore + 1);
        var event = (LogEvent.LatCertificateAttached) workspace.logEntry(logBefore).orElseThrow().event();
        assertThat(event.header().actor().value()).isEqualTo("clerk (web)");
        assertThat(event.observers()).isEqualTo("Ann Dee (Democratic); Bob Arr (Republican)");
        assertThat(event.deviceSerial()).isEqualTo("SN-2");

        // A second attachment supersedes the first; the list shows the newest.
        byte[] again = "%PDF-1.7 corrected".getBytes(UTF_8);
        listings().attachCertificate(latId, List.of(new Person("Cy Dee", "Democratic")), List.of(), again, "clerk (web)");
        var listed = listings().latRecords(Set.of("Boone"));
        assertThat(listed).hasSize(2);
        assertThat(listed.getFirst().certificate().orElseThrow().observers()).extracting(Person::name).containsExactly("Cy Dee");
        assertThat(listed.getFirst().certificate().orElseThrow().warnings()).isEmpty();
        assertThat(listed.get(1).certificate()).isEmpty();
        assertThat(listings().certificatePdf(latId)).hasValueSatisfying(b -> assertThat(b).isEqualTo(again));
    }

    @Test
    void aPageIsBounded() {
        assertThatThrownBy(() -> query(Set.of(), "", Set.of(), FIRST, EquipmentRecords.MAX_PAGE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query(Set.of(), "", Set.of(), FIRST, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(listings().devices(query(Set.of(), "", Set.of(), new EquipmentRecords.From.After(new AssetTag("ZZZ")), 10)).rows()).isEmpty();
    }

    @Test
    void aDeviceTagReadsBack() {
        assertThat(listings().devices(query(Set.of(), "BC-12", Set.of(), FIRST, 1)).rows().getFirst().asset().tag()).isEqualTo(new AssetTag("BC-12"));
    }
}
