package org.bulwark.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;

/**
 * The records of post-election audits in a workspace: the audit and its settings, the public seed,
 * the ballot manifest, each round's draws, hand counts and audit-board readings with the
 * discrepancies they showed, and resolutions. Append-only: a correction is a new row, the latest
 * row for a place counts. Each write and its log event are one transaction.
 *
 * <p>The rule that keeps a drawing honest lives here, where it cannot be skipped: the seed is in the
 * log before any sample is drawn, and once a sample has been drawn the seed and manifest cannot change.
 * The content of settings, readings and hand counts is the audit module's text; this class keeps it as given.
 */
public final class AuditRecords {
    private final Workspace workspace;

    AuditRecords(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Sets up an audit of an election; refused when an audit of that name exists. */
    public Recorded<StoredAudit> create(ElectionRef election, String name, String kind, String authority, String settings) {
        return workspace.inTransaction(true, "set up the audit", (c, w) -> {
            if (find(c, name).isPresent()) {
                return new Recorded.Refused<>("an audit named \"" + name + "\" exists already; choose another name");
            }
            Sha256 fingerprint = w.electionFingerprint(election);
            long index = w.log(new LogEvent.AuditCreated(w.header(authority), name, fingerprint, kind));
            insert(c, "INSERT INTO audit (election_id, name, kind, authority, settings, created_at, log_index) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    election.id(), name, kind, authority, settings, w.now(), index);
            return new Recorded.Done<>(find(c, name).orElseThrow());
        });
    }

    public Optional<StoredAudit> find(String name) {
        return workspace.inTransaction(false, "read the audit", (c, w) -> find(c, name));
    }

    public List<StoredAudit> list() {
        return workspace.inTransaction(false, "list the audits", (c, w) -> {
            List<StoredAudit> audits = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(AUDIT_COLUMNS + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    audits.add(audit(rs));
                }
            }
            return audits;
        });
    }

    private static final String AUDIT_COLUMNS = "SELECT id, election_id, name, kind, authority, settings FROM audit";

    private static Optional<StoredAudit> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AUDIT_COLUMNS + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(audit(rs)) : Optional.empty();
            }
        }
    }

    private static StoredAudit audit(ResultSet rs) throws SQLException {
        return new StoredAudit(rs.getLong(1), new ElectionRef(rs.getLong(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
    }

    /**
     * Records the public seed and logs it. Refused once a sample has been drawn: the sample was
     * drawn from the seed in the log, and a new seed would allow drawing until a sample pleases.
     */
    public Recorded<String> enterSeed(StoredAudit audit, String seed) {
        return workspace.inTransaction(true, "record the seed", (c, w) -> {
            if (roundCount(c, audit) > 0) {
                return new Recorded.Refused<>("audit " + audit.name() + " has drawn its sample already with seed "
                        + seed(c, audit).orElse("?") + "; the seed cannot change once a sample has been drawn");
            }
            long index = w.log(new LogEvent.AuditSeedEntered(w.header(audit.authority()), audit.name(), seed));
            insert(c, "INSERT INTO audit_seed (audit_id, seed, entered_at, log_index) VALUES (?, ?, ?, ?)", audit.id(), seed, w.now(), index);
            return new Recorded.Done<>(seed);
        });
    }

    /** The seed in force: the latest entered. */
    public Optional<String> seed(StoredAudit audit) {
        return workspace.inTransaction(false, "read the seed", (c, w) -> seed(c, audit));
    }

    private static Optional<String> seed(Connection c, StoredAudit audit) throws SQLException {
        return latestText(c, "SELECT seed FROM audit_seed WHERE audit_id = ? ORDER BY id DESC", audit.id());
    }

    /** Records the manifest file; refused once a sample has been drawn from the one before. */
    public Recorded<StoredManifest> importManifest(StoredAudit audit, String sourceName, byte[] content, Sha256 sha256, long ballots) {
        return workspace.inTransaction(true, "record the ballot manifest", (c, w) -> {
            if (roundCount(c, audit) > 0) {
                return new Recorded.Refused<>("audit " + audit.name() + " has drawn a sample from its manifest; the manifest cannot change now");
            }
            long index = w.log(new LogEvent.AuditManifestImported(w.header(audit.authority()), audit.name(), sourceName, sha256, ballots));
            insert(c, "INSERT INTO audit_manifest (audit_id, source_name, sha256, content, ballots, imported_at, log_index) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    audit.id(), sourceName, sha256.hex(), content, ballots, w.now(), index);
            return new Recorded.Done<>(new StoredManifest(sourceName, sha256, content, ballots));
        });
    }

    public Optional<StoredManifest> manifest(StoredAudit audit) {
        return workspace.inTransaction(false, "read the ballot manifest", (c, w) -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT source_name, sha256, content, ballots FROM audit_manifest WHERE audit_id = ? ORDER BY id DESC")) {
                ps.setLong(1, audit.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredManifest(rs.getString(1), new Sha256(rs.getString(2)), rs.getBytes(3), rs.getLong(4)))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Records a round's draws, the next round in order. Refused without a seed in the log: a
     * sample drawn before its seed was published could have been chosen.
     *
     * @param draws the round's new draws in order, "ticket:pick" each
     * @param sampleSha256 digest of the draws, for the log
     */
    public Recorded<Integer> openRound(StoredAudit audit, List<String> draws, Sha256 sampleSha256) {
        return workspace.inTransaction(true, "record the sample", (c, w) -> {
            if (seed(c, audit).isEmpty()) {
                return new Recorded.Refused<>("audit " + audit.name() + " has no seed yet: enter the seed rolled at the public ceremony first");
            }
            int round = roundCount(c, audit) + 1;
            if (round > 1 && closedRounds(c, audit).size() < round - 1) {
                return new Recorded.Refused<>("round " + (round - 1) + " of audit " + audit.name() + " is still open; close it before drawing more");
            }
            long index = w.log(new LogEvent.AuditSampleDrawn(w.header(audit.authority()), audit.name(), round, draws.size(), sampleSha256));
            insert(c, "INSERT INTO audit_round (audit_id, round, draws, opened_at, log_index) VALUES (?, ?, ?, ?, ?)",
                    audit.id(), round, String.join(",", draws), w.now(), index);
            return new Recorded.Done<>(round);
        });
    }

    /** Every round's draws ("ticket:pick"), in round order. */
    public List<List<String>> rounds(StoredAudit audit) {
        return workspace.inTransaction(false, "read the rounds", (c, w) -> {
            List<List<String>> rounds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT draws FROM audit_round WHERE audit_id = ? ORDER BY round")) {
                ps.setLong(1, audit.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String draws = rs.getString(1);
                        rounds.add(draws.isEmpty() ? List.of() : List.of(draws.split(",")));
                    }
                }
            }
            return rounds;
        });
    }

    /** Closes the open round with its outcome and the risks measured (the audit module's text). */
    public Recorded<Integer> closeRound(StoredAudit audit, String outcome, String risks) {
        return workspace.inTransaction(true, "close the round", (c, w) -> {
            int open = roundCount(c, audit);
            if (open == 0 || closedRounds(c, audit).size() == open) {
                return new Recorded.Refused<>("audit " + audit.name() + " has no open round to close");
            }
            long index = w.log(new LogEvent.AuditRoundClosed(w.header(audit.authority()), audit.name(), open, outcome));
            insert(c, "INSERT INTO audit_round_close (audit_id, round, outcome, risks, closed_at, log_index) VALUES (?, ?, ?, ?, ?, ?)",
                    audit.id(), open, outcome, risks, w.now(), index);
            return new Recorded.Done<>(open);
        });
    }

    /** Closed rounds in order: outcome and risks text. */
    public List<ClosedRound> closedRounds(StoredAudit audit) {
        return workspace.inTransaction(false, "read the rounds", (c, w) -> closedRounds(c, audit));
    }

    private static List<ClosedRound> closedRounds(Connection c, StoredAudit audit) throws SQLException {
        List<ClosedRound> closed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT round, outcome, risks FROM audit_round_close WHERE audit_id = ? ORDER BY round")) {
            ps.setLong(1, audit.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    closed.add(new ClosedRound(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return closed;
    }

    /**
     * Records a hand count or an audit-board reading for a place, with the discrepancies it showed
     * (key and description each). A later entry for the same place replaces it and its discrepancies.
     */
    public Recorded<Long> enter(StoredAudit audit, String place, String kind, String content, String enteredBy,
            Sha256 contentSha256, Map<String, String> discrepancies) {
        return workspace.inTransaction(true, "record the entry", (c, w) -> {
            if (kind.equals("ballot") && roundCount(c, audit) == 0) {
                return new Recorded.Refused<>("audit " + audit.name() + " has drawn no sample yet");
            }
            long index = w.log(new LogEvent.AuditEntryRecorded(w.header(audit.authority()), audit.name(), place, contentSha256, enteredBy));
            long entry;
            try (PreparedStatement ps = bound(c, "INSERT INTO audit_entry (audit_id, place, kind, content, entered_by, entered_at, log_index) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", audit.id(), place, kind, content, enteredBy, w.now(), index);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                entry = rs.getLong(1);
            }
            for (Map.Entry<String, String> d : discrepancies.entrySet()) {
                insert(c, "INSERT INTO audit_discrepancy (entry_id, key, description) VALUES (?, ?, ?)", entry, d.getKey(), d.getValue());
            }
            return new Recorded.Done<>(entry);
        });
    }

    /** The entries in force (the latest per place) of a kind, by place in the order first entered. */
    public Map<String, String> entries(StoredAudit audit, String kind) {
        return workspace.inTransaction(false, "read the entries", (c, w) -> {
            Map<String, String> latest = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT place, content FROM audit_entry WHERE audit_id = ? AND kind = ? ORDER BY id")) {
                ps.setLong(1, audit.id());
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        latest.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return latest;
        });
    }

    /** Records how a discrepancy was resolved; refused when no entry in force shows it, or it is resolved already. */
    public Recorded<String> resolve(StoredAudit audit, String key, String explanation, String resolvedBy) {
        return workspace.inTransaction(true, "record the resolution", (c, w) -> {
            if (open(c, audit).stream().noneMatch(d -> d.key().equals(key))) {
                return new Recorded.Refused<>("audit " + audit.name() + " has no open discrepancy " + key);
            }
            long index = w.log(new LogEvent.AuditDiscrepancyResolved(w.header(audit.authority()), audit.name(), key, resolvedBy));
            insert(c, "INSERT INTO audit_resolution (audit_id, key, explanation, resolved_by, resolved_at, log_index) VALUES (?, ?, ?, ?, ?, ?)",
                    audit.id(), key, explanation, resolvedBy, w.now(), index);
            return new Recorded.Done<>(key);
        });
    }

    /**
     * Discrepancies of the audits of an authority that no resolution covers: while there is one,
     * the authority's results must not be certified (15 CSR 30-10.110).
     */
    public List<OpenDiscrepancy> openDiscrepancies(String authority) {
        return workspace.inTransaction(false, "read the open discrepancies", (c, w) -> openDiscrepanciesIn(c, authority));
    }

    /** {@link #openDiscrepancies} inside a transaction that is already open (e.g. certification's). */
    static List<OpenDiscrepancy> openDiscrepanciesIn(Connection c, String authority) throws SQLException {
        List<OpenDiscrepancy> open = new ArrayList<>();
        for (StoredAudit audit : listIn(c)) {
            if (audit.authority().equals(authority)) {
                open.addAll(open(c, audit));
            }
        }
        return open;
    }

    private static List<StoredAudit> listIn(Connection c) throws SQLException {
        List<StoredAudit> audits = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(AUDIT_COLUMNS + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                audits.add(audit(rs));
            }
        }
        return audits;
    }

    private static List<OpenDiscrepancy> open(Connection c, StoredAudit audit) throws SQLException {
        return discrepancies(c, audit).stream().filter(d -> d.resolution().isEmpty())
                .map(d -> new OpenDiscrepancy(audit.name(), d.key(), d.description())).toList();
    }

    /** The discrepancies of the entries in force, each with its resolution when there is one. */
    public List<Discrepancy> discrepancies(StoredAudit audit) {
        return workspace.inTransaction(false, "read the discrepancies", (c, w) -> discrepancies(c, audit));
    }

    private static List<Discrepancy> discrepancies(Connection c, StoredAudit audit) throws SQLException {
        List<Discrepancy> found = new ArrayList<>();
        // Discrepancies of the latest entry per place, with the latest resolution of each.
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT d.key, d.description,
                       (SELECT r.explanation || ' (' || r.resolved_by || ')' FROM audit_resolution r
                        WHERE r.audit_id = e.audit_id AND r.key = d.key ORDER BY r.id DESC LIMIT 1)
                FROM audit_discrepancy d JOIN audit_entry e ON e.id = d.entry_id
                WHERE e.audit_id = ?
                  AND e.id = (SELECT MAX(l.id) FROM audit_entry l WHERE l.audit_id = e.audit_id AND l.place = e.place)
                ORDER BY d.id""")) {
            ps.setLong(1, audit.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Discrepancy(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3))));
                }
            }
        }
        return found;
    }

    private static int roundCount(Connection c, StoredAudit audit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_round WHERE audit_id = ?")) {
            ps.setLong(1, audit.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Optional<String> latestText(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = bound(c, sql, values)) {
            ps.executeUpdate();
        }
    }

    /** A statement with its parameters set in order; the caller closes it. */
    private static PreparedStatement bound(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < values.length; i++) {
                switch (values[i]) {
                    case Long l -> ps.setLong(i + 1, l);
                    case Integer n -> ps.setInt(i + 1, n);
                    case String s -> ps.setString(i + 1, s);
                    case byte[] b -> ps.setBytes(i + 1, b);
                    default -> throw new IllegalArgumentException("no column type for " + values[i].getClass());
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** An expected refusal is a value; what was recorded otherwise. */
    public sealed interface Recorded<T> {
        record Done<T>(T value) implements Recorded<T> {}

        record Refused<T>(String reason) implements Recorded<T> {}
    }

    /** An audit as stored; {@code settings} is the audit module's text of its contests and limits. */
    public record StoredAudit(long id, ElectionRef election, String name, String kind, String authority, String settings) {}

    public record StoredManifest(String sourceName, Sha256 sha256, byte[] content, long ballots) {}

    public record ClosedRound(int round, String outcome, String risks) {}

    /** A discrepancy an entry in force shows, and how it was resolved. */
    public record Discrepancy(String key, String description, Optional<String> resolution) {}

    /** A discrepancy no resolution covers, with the audit that found it. */
    public record OpenDiscrepancy(String audit, String key, String description) {}

    /** What the record classes of the store get from the workspace inside a transaction. */
    interface Writer {
        long log(LogEvent event) throws SQLException;

        EventHeader header(String jurisdiction);

        long now();

        Sha256 electionFingerprint(ElectionRef election) throws SQLException;
    }
}
