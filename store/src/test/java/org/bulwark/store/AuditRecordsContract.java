package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulwark.model.events.EventKind;
import org.bulwark.model.events.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Audit records on each database: the seed rule, append-only corrections, open discrepancies, every step logged. */
abstract class AuditRecordsContract {
    static final org.bulwark.model.Election ELECTION = Fixtures.election();
    static final Sha256 DIGEST = new Sha256("ab".repeat(32));
    private final List<Workspace> opened = new ArrayList<>();
    private WorkspaceLocation location;

    abstract WorkspaceLocation newLocation() throws Exception;

    abstract Connection rawConnection(WorkspaceLocation location) throws SQLException;

    @BeforeEach
    void createLocation() throws Exception {
        location = newLocation();
    }

    @AfterEach
    void closeWorkspaces() {
        opened.forEach(Workspace::close);
    }

    private Workspace open() {
        Workspace w = Workspace.open(location, Fixtures.CLOCK, Fixtures.IMPORTER);
        opened.add(w);
        return w;
    }

    private static <T> T done(AuditRecords.Recorded<T> r) {
        assertThat(r).isInstanceOf(AuditRecords.Recorded.Done.class);
        return ((AuditRecords.Recorded.Done<T>) r).value();
    }

    private static String refused(AuditRecords.Recorded<?> r) {
        assertThat(r).isInstanceOf(AuditRecords.Recorded.Refused.class);
        return ((AuditRecords.Recorded.Refused<?>) r).reason();
    }

    private List<String> loggedKinds(Workspace w) {
        List<String> kinds = new ArrayList<>();
        w.forEachLogEntry(0, e -> kinds.add(e.event().kind().id()));
        return kinds;
    }

    @Test
    void theSeedIsLoggedBeforeAnySampleAndCannotChangeAfterOne() {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        AuditRecords audits = w.audits();
        AuditRecords.StoredAudit a = done(audits.create(e, "county-rla", "rla", "County A", "mayor;0.1;bravo"));
        assertThat(refused(audits.create(e, "county-rla", "rla", "County A", ""))).contains("an audit named \"county-rla\" exists already");
        assertThat(refused(audits.openRound(a, List.of("1:5"), DIGEST))).contains("has no seed yet");
        done(audits.enterSeed(a, "11111111111111111111"));
        done(audits.enterSeed(a, "12345678901234567890")); // corrected before any sample: allowed, both logged
        assertThat(audits.seed(a)).contains("12345678901234567890");
        done(audits.importManifest(a, "manifest.csv", new byte[] {1, 2}, DIGEST, 2));
        assertThat(done(audits.openRound(a, List.of("1:5", "2:9"), DIGEST))).isEqualTo(1);
        assertThat(refused(audits.enterSeed(a, "99999999999999999999")))
                .contains("the seed cannot change once a sample has been drawn").contains("12345678901234567890");
        assertThat(refused(audits.importManifest(a, "other.csv", new byte[] {3}, DIGEST, 1))).contains("the manifest cannot change now");
        assertThat(refused(audits.openRound(a, List.of("3:1"), DIGEST))).contains("round 1 of audit county-rla is still open");
        assertThat(done(audits.closeRound(a, "escalate to 4", "mayor=0.2"))).isEqualTo(1);
        assertThat(done(audits.openRound(a, List.of("3:1", "4:2"), DIGEST))).isEqualTo(2);
        assertThat(audits.rounds(a)).containsExactly(List.of("1:5", "2:9"), List.of("3:1", "4:2"));
        assertThat(audits.seed(a)).contains("12345678901234567890");
        assertThat(loggedKinds(w)).containsSubsequence(EventKind.AUDIT_CREATED.id(), EventKind.AUDIT_SEED_ENTERED.id(),
                EventKind.AUDIT_SEED_ENTERED.id(), EventKind.AUDIT_MANIFEST_IMPORTED.id(), EventKind.AUDIT_SAMPLE_DRAWN.id(),
                EventKind.AUDIT_ROUND_CLOSED.id(), EventKind.AUDIT_SAMPLE_DRAWN.id());
    }

    @Test
    void correctionsAreNewRowsAndOnlyTheLatestEntryCountsForOpenDiscrepancies() throws SQLException {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        AuditRecords audits = w.audits();
        AuditRecords.StoredAudit a = done(audits.create(e, "mo-5", "missouri", "County A", "p1"));
        done(audits.create(e, "other", "missouri", "County B", "p1"));
        done(audits.enter(a, "precinct p1, contest c1", "hand-count", "s1=10;s2=5", "Ann, Bo", DIGEST, Map.of("p1/c1/s1", "machine 11, hand 10")));
        assertThat(audits.openDiscrepancies("County A")).extracting(AuditRecords.OpenDiscrepancy::key).containsExactly("p1/c1/s1");
        assertThat(audits.openDiscrepancies("County B")).isEmpty();
        // A recount replaces the entry: its discrepancy is the one that counts.
        done(audits.enter(a, "precinct p1, contest c1", "hand-count", "s1=11;s2=4", "Ann, Bo", DIGEST, Map.of("p1/c1/s2", "machine 5, hand 4")));
        assertThat(audits.entries(a, "hand-count")).containsExactly(Map.entry("precinct p1, contest c1", "s1=11;s2=4"));
        assertThat(audits.openDiscrepancies("County A")).extracting(AuditRecords.OpenDiscrepancy::key).containsExactly("p1/c1/s2");
        assertThat(refused(audits.resolve(a, "p1/c1/s1", "recounted", "clerk"))).contains("no open discrepancy p1/c1/s1");
        done(audits.resolve(a, "p1/c1/s2", "one ballot found in the wrong box", "clerk"));
        assertThat(audits.openDiscrepancies("County A")).isEmpty();
        assertThat(refused(audits.enter(a, "ballot 1", "ballot", "x", "Ann, Bo", DIGEST, Map.of()))).contains("has drawn no sample yet");
        try (Connection c = rawConnection(location); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_resolution")).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("UPDATE audit_entry SET content = 'x'")).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(loggedKinds(w)).contains(EventKind.AUDIT_ENTRY_RECORDED.id(), EventKind.AUDIT_DISCREPANCY_RESOLVED.id());
    }
}
