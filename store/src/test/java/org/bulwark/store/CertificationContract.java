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
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.events.EventKind;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.store.Certifications.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Certification on each database: blocked by open incidents and discrepancies, once per authority, append-only. */
abstract class CertificationContract {
    static final org.bulwark.model.Election ELECTION = Fixtures.election();
    /** The first authority: its custody records use its name, its audits its GpUnit id (both count). */
    static final GpUnit COUNTY = ELECTION.gpUnits().stream().filter(GpUnit::authority).findFirst().orElseThrow();
    static final GpUnitId COUNTY_ID = COUNTY.id();
    static final AuthorityId COUNTY_NAME = new AuthorityId(COUNTY.name());
    private WorkspaceLocation location;
    private Workspace w;
    private ElectionRef e;

    abstract WorkspaceLocation newLocation() throws Exception;

    abstract Connection rawConnection(WorkspaceLocation location) throws SQLException;

    @BeforeEach
    void open() throws Exception {
        location = newLocation();
        w = Workspace.open(location, Fixtures.CLOCK, Fixtures.IMPORTER);
        // A real definition: certification reads the election's authorities from it.
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        org.bulwark.formats.election.ElectionFiles.writeBulwarkJson(ELECTION, json);
        e = w.importElection(ELECTION, new ElectionSource("election.json", "Bulwark JSON", json.toByteArray(), Optional.of(json.toByteArray()),
                org.bulwark.model.ElectionFingerprint.of(ELECTION).sha256())).ref();
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void everyBlockerIsListedAndNothingIsRecordedUntilAllAreResolved() {
        var opened = w.custody().record(new CustodyAction.OpenIncident(new IncidentDraft(IncidentKind.REPORTED, COUNTY_NAME,
                Optional.empty(), "seal log sheet missing")));
        assertThat(opened).isInstanceOf(org.bulwark.custody.Outcome.Done.class);
        w.custody().record(new CustodyAction.OpenIncident(new IncidentDraft(IncidentKind.REPORTED, new AuthorityId("Some Other County"),
                Optional.empty(), "another county's incident")));
        AuditRecords audits = w.audits();
        var audit = ((AuditRecords.Recorded.Done<AuditRecords.StoredAudit>) audits.create(e, "mo-5", "missouri", COUNTY_ID.value(), "p1")).value();
        audits.enter(audit, "precinct p1, contest c1", "hand-count", "s1=10", "Ann, Bo", new Sha256("ab".repeat(32)),
                Map.of("p1/c1/s1", "machine 11, hand 10"));
        long logBefore = w.logSize();

        Outcome blocked = w.certifications().certify(e, COUNTY_ID, "Clerk Lee");
        assertThat(blocked).isInstanceOfSatisfying(Outcome.Blocked.class, b -> {
            assertThat(b.openIncidents()).extracting(Incident::description).containsExactly("seal log sheet missing");
            assertThat(b.openDiscrepancies()).extracting(AuditRecords.OpenDiscrepancy::key).containsExactly("p1/c1/s1");
        });
        assertThat(w.logSize()).isEqualTo(logBefore);
        assertThat(w.certifications().list(e)).isEmpty();

        w.custody().record(new CustodyAction.ResolveIncident(1, "County clerk", "sheet found in the vault"));
        assertThat(w.certifications().certify(e, COUNTY_ID, "Clerk Lee")).isInstanceOfSatisfying(Outcome.Blocked.class,
                b -> assertThat(b.openIncidents()).isEmpty());
        audits.resolve(audit, "p1/c1/s1", "a ballot was misread by the board; recounted", "Clerk Lee");

        Outcome certified = w.certifications().certify(e, COUNTY_ID, "Clerk Lee");
        assertThat(certified).isInstanceOfSatisfying(Outcome.Certified.class, c -> {
            assertThat(c.certification().authority()).isEqualTo(COUNTY_ID);
            assertThat(c.certification().certifiedBy()).isEqualTo("Clerk Lee");
            LogEvent event = w.logEntry(c.certification().logIndex()).orElseThrow().event();
            assertThat(event.kind()).isEqualTo(EventKind.RESULTS_CERTIFIED);
            assertThat(((LogEvent.ResultsCertified) event).authority()).isEqualTo(COUNTY_ID.value());
        });
        long logAfter = w.logSize();

        Outcome again = w.certifications().certify(e, COUNTY_ID, "Someone Else");
        assertThat(again).isInstanceOfSatisfying(Outcome.AlreadyCertified.class,
                a -> assertThat(a.earlier().certifiedBy()).isEqualTo("Clerk Lee"));
        assertThat(w.logSize()).isEqualTo(logAfter);
        assertThat(w.certifications().list(e)).hasSize(1);
    }

    @Test
    void anAuthorityTheElectionDoesNotHaveIsRefused() {
        long logBefore = w.logSize();
        assertThat(w.certifications().certify(e, new GpUnitId("no-such-county"), "Clerk Lee")).isInstanceOfSatisfying(
                Outcome.NotAnAuthority.class, n -> assertThat(n.authorities()).contains(COUNTY));
        // A precinct is a GpUnit but not an election authority.
        GpUnitId precinct = ELECTION.gpUnits().stream().filter(u -> !u.authority()).findFirst().orElseThrow().id();
        assertThat(w.certifications().certify(e, precinct, "Clerk Lee")).isInstanceOf(Outcome.NotAnAuthority.class);
        assertThat(w.logSize()).isEqualTo(logBefore);
        assertThat(w.certifications().list(e)).isEmpty();
    }

    @Test
    void certificationsAreAppendOnly() throws SQLException {
        assertThat(w.certifications().certify(e, COUNTY_ID, "Clerk Lee")).isInstanceOf(Outcome.Certified.class);
        try (Connection raw = rawConnection(location); Statement s = raw.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE results_certification SET certified_by = 'Mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM results_certification")).hasMessageContaining("append-only");
        }
        assertThat(w.certifications().list(e)).extracting(Certifications.Certification::certifiedBy).containsExactly("Clerk Lee");
    }
}
