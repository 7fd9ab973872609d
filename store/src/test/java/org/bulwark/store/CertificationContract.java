package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.Incident;
import org.bulwark.custody.IncidentDraft;
import org.bulwark.custody.IncidentKind;
import org.bulwark.model.events.EventKind;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.store.Certifications.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Certification on each database: blocked by open incidents and discrepancies, once per authority, append-only. */
abstract class CertificationContract {
    static final AuthorityId COUNTY_A = new AuthorityId("County A");
    private WorkspaceLocation location;
    private Workspace w;
    private ElectionRef e;

    abstract WorkspaceLocation newLocation() throws Exception;

    abstract Connection rawConnection(WorkspaceLocation location) throws SQLException;

    @BeforeEach
    void open() throws Exception {
        location = newLocation();
        w = Workspace.open(location, Fixtures.CLOCK, Fixtures.IMPORTER);
        e = w.importElection(Fixtures.election(), Fixtures.source(Fixtures.election(), "state.json")).ref();
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void everyBlockerIsListedAndNothingIsRecordedUntilAllAreResolved() {
        var opened = w.custody().record(new CustodyAction.OpenIncident(new IncidentDraft(IncidentKind.REPORTED, COUNTY_A,
                Optional.empty(), "seal log sheet missing")));
        assertThat(opened).isInstanceOf(org.bulwark.custody.Outcome.Done.class);
        w.custody().record(new CustodyAction.OpenIncident(new IncidentDraft(IncidentKind.REPORTED, new AuthorityId("County B"),
                Optional.empty(), "another county's incident")));
        AuditRecords audits = w.audits();
        var audit = ((AuditRecords.Recorded.Done<AuditRecords.StoredAudit>) audits.create(e, "mo-5", "missouri", "County A", "p1")).value();
        audits.enter(audit, "precinct p1, contest c1", "hand-count", "s1=10", "Ann, Bo", new Sha256("ab".repeat(32)),
                Map.of("p1/c1/s1", "machine 11, hand 10"));
        long logBefore = w.logSize();

        Outcome blocked = w.certifications().certify(e, COUNTY_A, "Clerk Lee");
        assertThat(blocked).isInstanceOfSatisfying(Outcome.Blocked.class, b -> {
            assertThat(b.openIncidents()).extracting(Incident::description).containsExactly("seal log sheet missing");
            assertThat(b.openDiscrepancies()).extracting(AuditRecords.OpenDiscrepancy::key).containsExactly("p1/c1/s1");
        });
        assertThat(w.logSize()).isEqualTo(logBefore);
        assertThat(w.certifications().list(e)).isEmpty();

        w.custody().record(new CustodyAction.ResolveIncident(1, "County clerk", "sheet found in the vault"));
        assertThat(w.certifications().certify(e, COUNTY_A, "Clerk Lee")).isInstanceOfSatisfying(Outcome.Blocked.class,
                b -> assertThat(b.openIncidents()).isEmpty());
        audits.resolve(audit, "p1/c1/s1", "a ballot was misread by the board; recounted", "Clerk Lee");

        Outcome certified = w.certifications().certify(e, COUNTY_A, "Clerk Lee");
        assertThat(certified).isInstanceOfSatisfying(Outcome.Certified.class, c -> {
            assertThat(c.certification().authority()).isEqualTo(COUNTY_A);
            assertThat(c.certification().certifiedBy()).isEqualTo("Clerk Lee");
            LogEvent event = w.logEntry(c.certification().logIndex()).orElseThrow().event();
            assertThat(event.kind()).isEqualTo(EventKind.RESULTS_CERTIFIED);
            assertThat(((LogEvent.ResultsCertified) event).authority()).isEqualTo("County A");
        });
        long logAfter = w.logSize();

        Outcome again = w.certifications().certify(e, COUNTY_A, "Someone Else");
        assertThat(again).isInstanceOfSatisfying(Outcome.AlreadyCertified.class,
                a -> assertThat(a.earlier().certifiedBy()).isEqualTo("Clerk Lee"));
        assertThat(w.logSize()).isEqualTo(logAfter);
        assertThat(w.certifications().list(e)).hasSize(1);
    }

    @Test
    void certificationsAreAppendOnly() throws SQLException {
        assertThat(w.certifications().certify(e, COUNTY_A, "Clerk Lee")).isInstanceOf(Outcome.Certified.class);
        try (Connection raw = rawConnection(location); Statement s = raw.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE results_certification SET certified_by = 'Mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM results_certification")).hasMessageContaining("append-only");
        }
        assertThat(w.certifications().list(e)).extracting(Certifications.Certification::certifiedBy).containsExactly("Clerk Lee");
    }
}
