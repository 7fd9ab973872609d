package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.log.Hash;
import org.bulwark.ledger.log.Merkle;
import org.bulwark.ledger.trust.Change;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventEncoding;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.EventKind;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workspace log, trust registry and replay guard, on each database. */
abstract class LedgerContract {
    static final org.bulwark.model.Election ELECTION = Fixtures.election();
    static final List<org.bulwark.model.CastVoteRecord> BALLOTS = Fixtures.ballots();
    private final List<Workspace> opened = new ArrayList<>();
    private WorkspaceLocation location;

    abstract WorkspaceLocation newLocation() throws Exception;

    /** A plain connection to the same database, to act as someone editing it behind Bulwark's back. */
    abstract Connection rawConnection(WorkspaceLocation location) throws SQLException;

    /** SQL that removes the append-only guard on log_entry. */
    abstract String dropGuard();

    @BeforeEach
    void createLocation() throws Exception {
        location = newLocation();
    }

    @AfterEach
    void closeWorkspaces() {
        opened.forEach(Workspace::close);
    }

    Workspace open() {
        Workspace w = Workspace.open(location, Fixtures.CLOCK, Fixtures.IMPORTER);
        opened.add(w);
        return w;
    }

    static LogEvent event(int n) {
        EventHeader h = new EventHeader(Instant.parse("2026-11-03T20:00:00Z").plusSeconds(n), new Actor("clerk"),
                Optional.empty(), new Jurisdiction.Named("County " + (n % 3)), Disposition.SUCCESS);
        return new LogEvent.PackageImported(h, "pkg-" + n, "results");
    }

    static List<LogEvent> events(int from, int count) {
        List<LogEvent> all = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            all.add(event(i));
        }
        return all;
    }

    @Test
    void workspaceActionsAreLoggedInTheirTransaction() throws Exception {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        w.importCvrs(e, "county-1.json", "NIST SP 1500-103 JSON", Fixtures.sha256("county-1"), CountingGroup.ELECTION_DAY,
                sink -> BALLOTS.subList(0, 5).forEach(sink));
        w.saveResults(e, "{}".getBytes(), new ResultsSummary(5, 1, 3));
        List<LoggedEntry> entries = new ArrayList<>();
        w.forEachLogEntry(0, entries::add);
        assertThat(entries).extracting(x -> x.event().kind()).containsExactly(EventKind.ELECTION_DEFINITION_IMPORTED,
                EventKind.CVR_FILE_IMPORTED, EventKind.RESULTS_TABULATED);
        LogEvent.CvrFileImported cvr = (LogEvent.CvrFileImported) entries.get(1).event();
        assertThat(cvr.cvrCount()).isEqualTo(5);
        assertThat(cvr.header().actor().value()).isEqualTo(Fixtures.IMPORTER);
        assertThat(cvr.header().time()).isEqualTo(Fixtures.NOW);
        assertThat(cvr.header().jurisdiction().value()).isEqualTo(ELECTION.scope().value());

        // A refused import (the same file again) logs nothing.
        assertThatThrownBy(() -> w.importCvrs(e, "again.json", "NIST SP 1500-103 JSON", Fixtures.sha256("county-1"),
                CountingGroup.ELECTION_DAY, sink -> {})).isInstanceOf(WorkspaceException.DuplicateImport.class);
        assertThat(w.logSize()).isEqualTo(3);
    }

    @Test
    void appendsKeepTheTreeInStepWithTheEntries() {
        Workspace w = open();
        List<Hash> leaves = new ArrayList<>();
        int total = 0;
        for (int batch : new int[] {1, 255, 1, 300, 700}) {
            List<LogEvent> events = events(total, batch);
            assertThat(w.appendToLog(events)).isEqualTo(total);
            events.forEach(ev -> leaves.add(Merkle.leafHash(EventEncoding.encode(ev))));
            total += batch;
            assertThat(w.logRoot(total)).isEqualTo(Merkle.rootOf(leaves));
        }
        assertThat(w.logRoot(256)).isEqualTo(Merkle.rootOf(leaves.subList(0, 256)));
        assertThat(w.logEntry(700).orElseThrow().event()).isEqualTo(event(700));
        assertThat(w.verifyLog()).isEqualTo(new LogCheck.Intact(total, 0));
    }

    @Test
    void aStreamedAppendLandsWholeOrNotAtAll() throws java.io.IOException {
        Workspace w = open();
        List<LogEvent> first = events(0, 10_000);
        assertThat(w.appendStreamToLog(sink -> first.forEach(sink))).isZero();
        assertThat(w.logSize()).isEqualTo(10_000);
        assertThat(w.logRoot(10_000)).isEqualTo(Merkle.rootOf(first.stream().map(e -> Merkle.leafHash(EventEncoding.encode(e))).toList()));
        assertThatThrownBy(() -> w.appendStreamToLog(sink -> {
            events(10_000, 5_000).forEach(sink);
            throw new org.bulwark.model.BadInputException("eel.json", "device d-1, sequence 5000", "the Hash does not match");
        })).isInstanceOf(org.bulwark.model.BadInputException.class);
        assertThat(w.logSize()).as("the batches already written are undone").isEqualTo(10_000);
        assertThat(w.verifyLog()).isEqualTo(new LogCheck.Intact(10_000, 0));
    }

    @Test
    void rewritingAnEntryIsRefusedAndIfForcedDetected() throws SQLException {
        Workspace w = open();
        w.appendToLog(events(0, 40));
        Hash root = w.logRoot(40);
        LogEvent signed = new LogEvent.CheckpointSigned(event(0).header(), "county-1.example/log", 40,
                Sha256.of(root.bytes()), "county-1");
        w.saveCheckpoint(40, root, "county-1.example/log\n40\n" + root.base64() + "\n", false, signed);
        assertThat(w.verifyLog()).isEqualTo(new LogCheck.Intact(41, 1));
        StoredCheckpoint saved = w.latestCheckpoint().orElseThrow();
        assertThat(saved.treeSize()).isEqualTo(40);
        assertThat(saved.root()).isEqualTo(root);
        assertThat(saved.origin()).isEqualTo("county-1.example/log");

        byte[] forged = EventEncoding.encode(event(99));
        try (Connection c = rawConnection(location)) {
            try (var ps = c.prepareStatement("UPDATE log_entry SET entry = ? WHERE idx = 7")) {
                ps.setBytes(1, forged);
                assertThatThrownBy(ps::executeUpdate).hasMessageContaining("append-only");
            }
            try (Statement s = c.createStatement()) {
                s.execute(dropGuard());
            }
            try (var ps = c.prepareStatement("UPDATE log_entry SET entry = ? WHERE idx = 7")) {
                ps.setBytes(1, forged);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        assertThat(w.verifyLog()).isInstanceOfSatisfying(LogCheck.Broken.class, b -> assertThat(b.problem())
                .startsWith("the signed checkpoint of size 40 has root " + root.hex())
                .endsWith("an entry below index 40 was changed, removed or reordered"));
    }

    @Test
    void aCheckpointWithAnotherRootIsRefused() {
        Workspace w = open();
        w.appendToLog(events(0, 3));
        Hash wrong = w.logRoot(2);
        assertThatThrownBy(() -> w.saveCheckpoint(3, wrong, "x", false, event(5)))
                .hasMessageContaining("is not the log's root");
        assertThat(w.logSize()).isEqualTo(3);
        assertThat(w.latestCheckpoint()).isEmpty();
    }

    @Test
    void trustChangesFollowTheRulesAndAreLogged() {
        Workspace w = open();
        SecureRandom random = new SecureRandom();
        PublicKeyInfo state = new PublicKeyInfo(KeyRole.STATE, "state", Optional.empty(), Validity.ALWAYS,
                Ed25519.generate(random).getPublic());
        PublicKeyInfo county = new PublicKeyInfo(KeyRole.AUTHORITY, "county-1", Optional.of("county-1"), Validity.ALWAYS,
                Ed25519.generate(random).getPublic());
        PublicKeyInfo device = new PublicKeyInfo(KeyRole.DEVICE, "scanner-7", Optional.of("county-1"), Validity.ALWAYS,
                Ed25519.generate(random).getPublic());

        // Before the root of trust exists, nobody can admit anyone, and nothing is written.
        assertThat(w.changeTrust(new TrustRequest.Admit(county, state.fingerprint()))).isInstanceOf(Change.Refused.class);
        assertThat(w.logSize()).isZero();

        assertThat(w.changeTrust(new TrustRequest.Bootstrap(state))).isInstanceOf(Change.Done.class);
        assertThat(w.changeTrust(new TrustRequest.Admit(county, state.fingerprint()))).isInstanceOf(Change.Done.class);
        assertThat(w.changeTrust(new TrustRequest.Admit(device, county.fingerprint()))).isInstanceOf(Change.Done.class);
        assertThat(w.changeTrust(new TrustRequest.Revoke(device.fingerprint(), county.fingerprint(), "stolen")))
                .isInstanceOf(Change.Done.class);

        var registry = w.trustRegistry();
        assertThat(registry.entries()).hasSize(3);
        assertThat(registry.find(device.fingerprint()).orElseThrow().revocation()).isPresent();
        assertThat(registry.find(county.fingerprint()).orElseThrow().revocation()).isEmpty();
        List<LoggedEntry> entries = new ArrayList<>();
        w.forEachLogEntry(0, entries::add);
        assertThat(entries).extracting(x -> x.event().kind()).containsExactly(EventKind.KEY_ADMITTED,
                EventKind.KEY_ADMITTED, EventKind.KEY_ADMITTED, EventKind.KEY_REVOKED);
        LogEvent.KeyRevoked revoked = (LogEvent.KeyRevoked) entries.get(3).event();
        assertThat(revoked.keyId()).isEqualTo("scanner-7");
        assertThat(revoked.reason()).isEqualTo("stolen");
        assertThat(revoked.revokedBy()).isEqualTo(county.fingerprint().sha256());
    }

    @Test
    void aPackageIsImportedOnlyOnce() {
        Workspace w = open();
        LogEvent.PackageImported first = (LogEvent.PackageImported) event(1);
        assertThat(w.isPackageImported("pkg-1")).isFalse();
        assertThat(w.recordPackageImport(first)).isTrue();
        assertThat(w.isPackageImported("pkg-1")).isTrue();
        assertThat(w.recordPackageImport(first)).isFalse();
        assertThat(w.logSize()).isEqualTo(1);
    }
}
