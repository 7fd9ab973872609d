package org.bulwark.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.custody.ApprovalStatus;
import org.bulwark.custody.AssetCsv;
import org.bulwark.custody.AssetHistory;
import org.bulwark.custody.AssetStatus;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.Component;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.CustodyEvent;
import org.bulwark.custody.CustodyRules;
import org.bulwark.custody.Incident;
import org.bulwark.custody.IncidentKind;
import org.bulwark.custody.MajorParties;
import org.bulwark.custody.Outcome;
import org.bulwark.custody.Person;
import org.bulwark.custody.ReadinessCheck;
import org.bulwark.custody.ReadinessMatrix;
import org.bulwark.custody.RegistryEntry;
import org.bulwark.custody.SealCheck;
import org.bulwark.custody.SealStock;
import org.bulwark.custody.Transfer;
import org.bulwark.custody.TwoPeople;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.model.events.EventKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custody records on each database: the rules' outcomes land with their log events, incidents and readiness. */
abstract class CustodyContract {
    static final AuthorityId BOONE = new AuthorityId("Boone");
    static final Fingerprint SOFTWARE = new Fingerprint("sha256:" + "a".repeat(64));
    static final Fingerprint ELECTION = new Fingerprint("sha256:" + "e".repeat(64));
    static final RegistryEntry DS200 = new RegistryEntry("DS200", "2.17", "ES&S", "ESS-EVS-6021", LocalDate.parse("2028-01-15"), "",
            ApprovalStatus.APPROVED, List.of(new Component("scanner", Component.Kind.SOFTWARE, SOFTWARE)), List.of("case", "memory-card-door"));
    static final TwoPeople PAIR = new TwoPeople(new Person("Ann Dee", "Democratic"), new Person("Bob Arr", "Republican"));
    static final Instant DAY = Instant.parse("2028-10-21T15:00:00Z");
    static final String INVENTORY = AssetCsv.COLUMNS.stream().reduce((a, b) -> a + "," + b).orElseThrow() + "\n"
            + "BC-1,SN-1,voting-device,DS200,2.17,Boone,Warehouse,J. Clerk,in-service\n"
            + "BC-2,SN-2,voting-device,DS200,2.17,Boone,Warehouse,J. Clerk,in-service\n"
            + "CO-1,SN-3,voting-device,DS200,2.17,Cole,Cole vault,K. Clerk,in-service\n"
            + "MC-1,C-1,memory-card,CF-8GB,,Boone,Warehouse,J. Clerk,in-service\n";

    private final List<Workspace> opened = new ArrayList<>();
    private WorkspaceLocation location;
    private Workspace workspace;

    abstract WorkspaceLocation newLocation() throws Exception;

    abstract Connection rawConnection(WorkspaceLocation location) throws SQLException;

    @BeforeEach
    void open() throws Exception {
        location = newLocation();
        workspace = Workspace.open(location, Fixtures.CLOCK, Fixtures.IMPORTER);
        opened.add(workspace);
    }

    @AfterEach
    void close() {
        opened.forEach(Workspace::close);
    }

    private CustodyRecords custody() {
        return workspace.custody();
    }

    private Outcome.Done done(CustodyAction action) {
        Outcome o = custody().record(action);
        assertThat(o).as(o.toString()).isInstanceOf(Outcome.Done.class);
        return (Outcome.Done) o;
    }

    private void inventory() {
        done(new CustodyAction.RecordRegistryEntry(DS200));
        AssetCsv.Read read = AssetCsv.read(INVENTORY.getBytes(UTF_8), "assets.csv");
        assertThat(custody().importAssets(read, "assets.csv", new byte[32], false).imported()).isEqualTo(4);
        done(new CustodyAction.IssueSeals(new SealStock(BOONE, 1000, 1999)));
        done(new CustodyAction.IssueSeals(new SealStock(new AuthorityId("Cole"), 2000, 2999)));
    }

    private void readyDevice(String tag, String serial) {
        AssetTag t = new AssetTag(tag);
        LatRecord lat = new LatRecord(LatRecord.Kind.PRE_ELECTION, serial, "DS200", SOFTWARE, ELECTION, LocalDate.parse("2028-10-20"), true, List.of());
        done(new CustodyAction.RecordLat(lat, "lat-record.json", SOFTWARE, DAY));
        long base = tag.equals("BC-1") ? 1100 : 1200;
        done(new CustodyAction.ApplySeal(t, "case", base, PAIR, DAY));
        done(new CustodyAction.ApplySeal(t, "memory-card-door", base + 1, PAIR, DAY));
        done(new CustodyAction.TransferCustody(new Transfer(List.of(t), "J. Clerk", "Warehouse", "P. Judge", "Precinct 12", "delivery",
                List.of(new SealCheck(t, "case", base)), "good", Optional.empty(), PAIR), DAY.plusSeconds(3600)));
        done(new CustodyAction.VerifySeal(t, "case", base, true, "Precinct 12", true, PAIR, DAY.plusSeconds(7200)));
        done(new CustodyAction.VerifySeal(t, "memory-card-door", base + 1, true, "Precinct 12", true, PAIR, DAY.plusSeconds(7200)));
    }

    @Test
    void aDeviceBecomesReadyStepByStepAndTheMatrixCountsIt() {
        inventory();
        ReadinessMatrix before = custody().readinessMatrix(Optional.empty());
        assertThat(before.statewide().devices()).isEqualTo(3);
        assertThat(before.statewide().ready()).isZero();
        assertThat(before.statewide().failing(ReadinessCheck.LAT_PASSED)).isEqualTo(3);

        readyDevice("BC-1", "SN-1");
        ReadinessMatrix after = custody().readinessMatrix(Optional.empty());
        assertThat(after.rows()).extracting(ReadinessMatrix.Row::name).containsExactly("Boone", "Cole");
        assertThat(after.rows().getFirst().ready()).isEqualTo(1);
        assertThat(after.failing()).extracting(f -> f.device().value()).containsExactly("BC-2", "CO-1");
        assertThat(custody().readiness(new AssetTag("BC-1"), Optional.of(ELECTION)).orElseThrow().ready()).isTrue();
        assertThat(custody().assets(Optional.of(BOONE))).filteredOn(a -> a.tag().value().equals("BC-1"))
                .extracting(a -> a.location()).containsExactly("Precinct 12");

        Outcome.Done withdrawn = done(new CustodyAction.RecordRegistryEntry(DS200.withStatus(ApprovalStatus.WITHDRAWN, "security advisory")));
        assertThat(withdrawn.summary()).isEqualTo("Recorded DS200 2.17 as withdrawn (was approved); 3 devices of this version are not ready");
        assertThat(custody().readinessMatrix(Optional.of(BOONE)).statewide().failing(ReadinessCheck.APPROVED_VERSION)).isEqualTo(2);

        var clearance = custody().issueClearance("SN-1", new AssetTag("BC-1"), ELECTION);
        assertThat(clearance.ready()).isFalse();
        assertThat(clearance.failedChecks()).containsExactly("approved-version");

        done(new CustodyAction.ChangeAsset(new AssetTag("BC-2"), Optional.of(AssetStatus.IN_REPAIR), Optional.empty(), Optional.empty(),
                "case cracked", DAY));
        assertThat(custody().readinessMatrix(Optional.of(BOONE)).statewide().devices()).isEqualTo(1);
        done(new CustodyAction.ChangeAsset(new AssetTag("BC-2"), Optional.of(AssetStatus.IN_SERVICE), Optional.empty(), Optional.empty(),
                "repaired", DAY.plusSeconds(60)));
        assertThat(custody().readinessMatrix(Optional.of(BOONE)).statewide().devices()).isEqualTo(2);
        countsAgreeWithTheDevices();
    }

    /** The matrix's maintained counts say what counting the devices one by one says. */
    private void countsAgreeWithTheDevices() {
        try (Connection c = rawConnection(location); Statement s = c.createStatement()) {
            List<String> devices = rows(s, """
                    SELECT authority, failed, COALESCE(lat_election, ''), COUNT(*) FROM custody_asset_now
                    WHERE kind = 'voting-device' AND status = 'in-service' GROUP BY authority, failed, COALESCE(lat_election, '')""");
            List<String> counts = rows(s, "SELECT authority, failed, lat_election, devices FROM custody_readiness_count WHERE devices <> 0");
            assertThat(counts).isNotEmpty().containsExactlyInAnyOrderElementsOf(devices);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getLong(4));
            }
        }
        return out;
    }

    @Test
    void theMatrixOfAnElectionCountsAnLatTestOfAnotherElectionAsFailing() {
        inventory();
        readyDevice("BC-1", "SN-1");
        ReadinessMatrix ofThis = custody().readinessMatrix(Optional.empty(), Optional.of(ELECTION));
        assertThat(ofThis.checks()).containsExactlyElementsOf(ReadinessCheck.ALL);
        assertThat(ofThis.statewide().ready()).isEqualTo(1);
        assertThat(ofThis.statewide().failing(ReadinessCheck.ELECTION_FINGERPRINT)).isEqualTo(2); // BC-2 and CO-1 have no L&A test

        Fingerprint other = new Fingerprint("sha256:" + "f".repeat(64));
        ReadinessMatrix ofOther = custody().readinessMatrix(Optional.of(BOONE), Optional.of(other));
        assertThat(ofOther.statewide().devices()).isEqualTo(2);
        assertThat(ofOther.statewide().ready()).isZero();
        assertThat(ofOther.statewide().failing(ReadinessCheck.ELECTION_FINGERPRINT)).isEqualTo(2);
        assertThat(ofOther.failing()).filteredOn(f -> f.device().value().equals("BC-1")).singleElement()
                .satisfies(f -> assertThat(f.failed()).containsExactly(ReadinessCheck.ELECTION_FINGERPRINT));
        assertThat(ofOther.csvRows().getFirst()).endsWith("election-fingerprint");
        assertThat(custody().readinessMatrix(Optional.empty()).checks()).containsExactlyElementsOf(ReadinessCheck.MATRIX);
        countsAgreeWithTheDevices();
    }

    @Test
    void keptHistoriesRecordWhatRecordingOneByOneRecordsAndSeeOtherWriters() throws Exception {
        AssetTag bc1 = new AssetTag("BC-1");
        List<CustodyAction> actions = List.of(
                new CustodyAction.RecordLat(new LatRecord(LatRecord.Kind.PRE_ELECTION, "SN-1", "DS200", SOFTWARE, ELECTION,
                        LocalDate.parse("2028-10-20"), true, List.of()), "lat-record.json", SOFTWARE, DAY.plusNanos(123_456)),
                new CustodyAction.ApplySeal(bc1, "case", 1100, PAIR, DAY),
                new CustodyAction.ApplySeal(bc1, "memory-card-door", 1101, PAIR, DAY),
                new CustodyAction.TransferCustody(new Transfer(List.of(bc1, new AssetTag("BC-2")), "J. Clerk", "Warehouse", "P. Judge",
                        "Precinct 12", "delivery", List.of(new SealCheck(bc1, "case", 1100)), "good", Optional.empty(), PAIR), DAY.plusSeconds(3600)),
                new CustodyAction.VerifySeal(bc1, "case", 1107, true, "Precinct 12", true, PAIR, DAY.plusSeconds(7200)),
                new CustodyAction.VerifySeal(bc1, "memory-card-door", 1101, true, "Warehouse", true, PAIR, DAY.plusSeconds(7200)));
        inventory();
        List<Outcome> oneByOne = actions.stream().map(a -> custody().record(a)).toList();

        Workspace kept = Workspace.open(newLocation(), Fixtures.CLOCK, Fixtures.IMPORTER);
        opened.add(kept);
        Workspace plain = workspace;
        workspace = kept;
        inventory();
        List<Outcome> inBatches = kept.custody().keepingHistories(() -> {
            List<Outcome> all = new ArrayList<>(kept.custody().recordAll(actions.subList(0, 3)));
            all.addAll(kept.custody().recordAll(actions.subList(3, actions.size())));
            return all;
        });
        assertThat(inBatches).isEqualTo(oneByOne);
        assertThat(kept.custody().timeline(bc1)).isEqualTo(plain.custody().timeline(bc1));
        assertThat(kept.custody().readinessMatrix(Optional.empty(), Optional.of(ELECTION)))
                .isEqualTo(plain.custody().readinessMatrix(Optional.empty(), Optional.of(ELECTION)));

        // Another writer between two transactions: the kept histories are read again, so its break is seen.
        try (Workspace other = Workspace.open(kept.location(), Fixtures.CLOCK, Fixtures.IMPORTER)) {
            kept.custody().keepingHistories(() -> {
                kept.custody().recordAll(List.of(new CustodyAction.BreakSeal(bc1, "case", "repair", PAIR, DAY.plusSeconds(9000))));
                assertThat(other.custody().record(new CustodyAction.ApplySeal(bc1, "case", 1102, PAIR, DAY.plusSeconds(9500))))
                        .isInstanceOf(Outcome.Done.class);
                Outcome again = kept.custody().recordAll(List.of(new CustodyAction.VerifySeal(bc1, "case", 1102, true, "Precinct 12", true,
                        PAIR, DAY.plusSeconds(9900)))).getFirst();
                assertThat(again).isInstanceOf(Outcome.Done.class);
                assertThat(again.opened()).isEmpty();
                return again;
            });
        }
        location = kept.location();
        countsAgreeWithTheDevices();
    }

    @Test
    void sealRulesOpenIncidentsThatBlockCertificationUntilResolved() {
        inventory();
        AssetTag bc1 = new AssetTag("BC-1");
        done(new CustodyAction.ApplySeal(bc1, "case", 1001, PAIR, DAY));
        Outcome reused = custody().record(new CustodyAction.ApplySeal(new AssetTag("BC-2"), "case", 1001, PAIR, DAY));
        assertThat(reused).isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason()).contains("already applied once, to BC-1"));
        Outcome foreign = custody().record(new CustodyAction.ApplySeal(new AssetTag("BC-2"), "case", 2001, PAIR, DAY));
        Outcome unissued = custody().record(new CustodyAction.ApplySeal(new AssetTag("BC-2"), "case", 5, PAIR, DAY));
        Outcome.Done mismatch = done(new CustodyAction.VerifySeal(bc1, "case", 1002, true, "Warehouse", false, PAIR, DAY));
        assertThat(List.of(reused, foreign, unissued, mismatch)).flatExtracting(Outcome::opened).extracting(Incident::kind)
                .containsExactly(IncidentKind.SEAL_REUSED, IncidentKind.SEAL_FOREIGN, IncidentKind.SEAL_UNISSUED, IncidentKind.SEAL_MISMATCH);
        assertThat(custody().certificationBlockers(BOONE)).extracting(Incident::id).containsExactly(1L, 2L, 3L, 4L);
        assertThat(custody().certificationBlockers(new AuthorityId("Cole"))).isEmpty();

        done(new CustodyAction.AssignIncident(4, "Deputy clerk"));
        for (long id = 1; id <= 4; id++) {
            done(new CustodyAction.ResolveIncident(id, "County clerk", "investigated; see the seal log sheet"));
        }
        assertThat(custody().record(new CustodyAction.ResolveIncident(4, "County clerk", "again"))).isInstanceOf(Outcome.Refused.class);
        assertThat(custody().certificationBlockers(BOONE)).isEmpty();
        Incident four = custody().incidents(Optional.of(BOONE), false).get(3);
        assertThat(four.assignedTo()).contains("Deputy clerk");
        assertThat(four.status()).isEqualTo("resolved");
    }

    @Test
    void aTransferFromTheWrongPlaceIsACustodyBreakAndTheTimelineTellsItAll() {
        inventory();
        AssetTag card = new AssetTag("MC-1");
        done(new CustodyAction.AccessMemory(card, "insert", "Ann Dee", "load election", Optional.of(new AssetTag("BC-1")), DAY));
        Outcome.Done moved = done(new CustodyAction.TransferCustody(new Transfer(List.of(card, new AssetTag("BC-2")), "J. Clerk", "Garage",
                "P. Judge", "Precinct 3", "delivery", List.of(), "good", Optional.of("one memory card added"), PAIR), DAY));
        assertThat(moved.opened()).extracting(Incident::kind).containsExactly(IncidentKind.CUSTODY_BREAK, IncidentKind.CUSTODY_BREAK);
        assertThat(moved.opened().getFirst().description()).isEqualTo("MC-1 turned up at Garage but is recorded at Warehouse with no transfer between them");
        AssetHistory h = custody().timeline(card).orElseThrow();
        assertThat(h.current().location()).isEqualTo("Precinct 3");
        assertThat(h.timeline()).extracting(CustodyEvent::describe).containsExactly(
                "record changed (imported from assets.csv): status in-service, location Warehouse, custodian J. Clerk",
                "insert by Ann Dee in BC-1 (load election)",
                "transfer #1: J. Clerk at Garage to P. Judge at Precinct 3 (delivery); condition good; Election material was added, "
                        + "subtracted or altered: one memory card added Signed by Ann Dee (Democratic) and Bob Arr (Republican)");
        done(new CustodyAction.ChangeAsset(card, Optional.of(AssetStatus.RETIRED), Optional.empty(), Optional.empty(), "worn out", DAY));
        assertThat(custody().timeline(card).orElseThrow().current().status()).isEqualTo(AssetStatus.RETIRED);
    }

    @Test
    void anotherStatesMajorPartiesAreConfigurable() {
        inventory();
        TwoPeople pair = new TwoPeople(new Person("Gil Green", "Green"), new Person("Lou Lib", "Libertarian"));
        CustodyAction apply = new CustodyAction.ApplySeal(new AssetTag("BC-1"), "case", 1001, pair, DAY);
        assertThat(custody().record(apply)).isInstanceOf(Outcome.Refused.class);
        CustodyRules other = new CustodyRules(new MajorParties(List.of("Green", "Libertarian")), java.time.ZoneId.of("America/Denver"));
        assertThat(custody().withRules(other).record(apply)).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void everyRecordIsLoggedAndAppendOnly() throws SQLException {
        inventory();
        done(new CustodyAction.ApplySeal(new AssetTag("BC-1"), "case", 1001, PAIR, DAY));
        List<EventKind> kinds = new ArrayList<>();
        workspace.forEachLogEntry(0, e -> kinds.add(e.event().kind()));
        assertThat(kinds).containsExactly(EventKind.REGISTRY_ENTRY_RECORDED, EventKind.ASSETS_IMPORTED, EventKind.SEALS_ISSUED,
                EventKind.SEALS_ISSUED, EventKind.SEAL_APPLIED);
        assertThat(workspace.verifyLog()).isInstanceOf(LogCheck.Intact.class);
        try (Connection c = rawConnection(location); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE custody_event SET seal_number = 1002")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("DELETE FROM custody_asset")).hasMessageContaining("append-only");
        }
    }

    @Test
    void anInventoryWithABadRowIsRefusedWholeUnlessSkipped() {
        done(new CustodyAction.RecordRegistryEntry(DS200));
        String csv = INVENTORY + "BC-9,SN-9,voting-device,AccuVote,1.0,Boone,Warehouse,J. Clerk,in-service\n";
        AssetCsv.Read read = AssetCsv.read(csv.getBytes(UTF_8), "assets.csv");
        CustodyRecords.AssetImport refused = custody().importAssets(read, "assets.csv", new byte[32], false);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.problems()).extracting(Object::toString)
                .containsExactly("asset BC-9: AccuVote 1.0 is not in the certification registry; record it there first");
        assertThat(custody().assets(Optional.empty())).isEmpty();
        CustodyRecords.AssetImport skipped = custody().importAssets(read, "assets.csv", new byte[32], true);
        assertThat(skipped.imported()).isEqualTo(4);
        assertThat(custody().importAssets(read, "assets.csv", new byte[32], true).imported()).isZero();
    }
}
