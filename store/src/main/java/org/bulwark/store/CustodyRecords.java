package org.bulwark.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.bulwark.custody.ApprovalStatus;
import org.bulwark.custody.Asset;
import org.bulwark.custody.AssetCsv;
import org.bulwark.custody.AssetHistory;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.AssetStatus;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.Component;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.CustodyEvent;
import org.bulwark.custody.CustodyRules;
import org.bulwark.custody.Decision;
import org.bulwark.custody.DeviceReadiness;
import org.bulwark.custody.Incident;
import org.bulwark.custody.IncidentDraft;
import org.bulwark.custody.IncidentKind;
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
import org.bulwark.ledger.exchange.ReadinessClearance;
import org.bulwark.model.ValidationIssue;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.store.WorkspaceException.DamagedWorkspace;

/**
 * The custody records of a workspace (certification registry, inventory, seals, transfers, memory
 * access, L&A records, incidents, readiness), reached by {@link Workspace#custody()}. Every action is
 * checked by {@link CustodyRules}, and what it records (its rows, its log event, the incidents it
 * opens, the asset's maintained state) goes in one transaction. Rows are never changed: a correction
 * is a new row that refers to the old one.
 */
public final class CustodyRecords {
    private final Workspace workspace;
    private final Connection connection;
    private final LogStore log;
    private final Clock clock;
    private final String recordedBy;
    private final CustodyRules rules;
    /** Log entries of the open write transaction, numbered from {@link #logBase}, appended together before it commits. */
    private final List<LogEvent> pendingLog = new ArrayList<>();
    private long logBase;
    /** Registry entries read in the open transaction, by model and version. */
    private final Map<String, Optional<RegistryEntry>> entries = new HashMap<>();
    /**
     * The open transaction's statements, each prepared once: a batch of thousands of actions would
     * otherwise prepare the same few statements thousands of times. Closed when the transaction ends.
     */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /**
     * While {@link #keepingHistories} runs: each asset's history as recorded so far, exactly as it
     * would be read back, so that a stream of a million actions does not read an asset's history
     * again for each of its actions.
     */
    private final Map<AssetTag, AssetHistory> histories = new HashMap<>();
    private boolean keepHistories;
    /** The log's size after the last write of {@link #keepingHistories}: if another program wrote since, the kept histories are dropped. */
    private long logAfterLast = -1;

    CustodyRecords(Workspace workspace, Connection connection, LogStore log, Clock clock, String recordedBy, CustodyRules rules) {
        this.workspace = workspace;
        this.connection = connection;
        this.log = log;
        this.clock = clock;
        this.recordedBy = recordedBy;
        this.rules = rules;
    }

    /** The same records judged by other rules (another state's major parties or time zone). */
    public CustodyRecords withRules(CustodyRules other) {
        return new CustodyRecords(workspace, connection, log, clock, recordedBy, other);
    }

    /** The same records, with what is recorded credited to {@code actor}: the portal records each person's actions under their name. */
    public CustodyRecords recordedBy(String actor) {
        return new CustodyRecords(workspace, connection, log, clock, actor, rules);
    }

    // ---- recording -------------------------------------------------------------------------------

    /** Checks and records one action, with its log event and the incidents it opens, in one transaction. */
    public Outcome record(CustodyAction action) {
        return recordAll(List.of(action)).getFirst();
    }

    /**
     * Checks and records actions in order, all in one transaction (each sees those before it); each
     * has its own outcome, and a refused one records only the incidents it opens.
     */
    public List<Outcome> recordAll(List<? extends CustodyAction> actions) {
        return write("record custody", () -> {
            List<Outcome> outcomes = new ArrayList<>(actions.size());
            for (CustodyAction a : actions) {
                outcomes.add(perform(a));
            }
            return outcomes;
        });
    }

    /**
     * A write transaction: its log entries are numbered as they are made and appended in one batch
     * at the end (the rows' references to them are checked at commit), so recording thousands of
     * actions costs one log append, not thousands.
     */
    private <T> T write(String doing, Workspace.Work<T, RuntimeException> work) {
        synchronized (workspace) {
            try {
                return workspace.transaction(true, doing, () -> {
                    pendingLog.clear();
                    entries.clear();
                    logBase = log.size();
                    if (logBase != logAfterLast) {
                        histories.clear();
                    }
                    try {
                        T result = work.run();
                        if (!pendingLog.isEmpty()) {
                            long first = log.append(pendingLog);
                            if (first != logBase) {
                                throw new IllegalStateException("the log grew from " + logBase + " to " + first + " during the transaction");
                            }
                        }
                        logAfterLast = logBase + pendingLog.size();
                        return result;
                    } finally {
                        pendingLog.clear();
                        entries.clear();
                        closeStatements();
                    }
                });
            } catch (RuntimeException e) {
                // Rolled back: the kept histories may hold what was not committed.
                histories.clear();
                logAfterLast = -1;
                throw e;
            }
        }
    }

    /**
     * Runs work that records a long stream of actions ({@link #recordAll} in batches: a generated
     * history, paper logs entered in bulk) keeping the histories of the assets it records in memory
     * between its transactions, so that each is read from the database once. The same rules judge
     * every action against the same histories as without it; if another program writes to the
     * workspace meanwhile, the kept histories are dropped and read again. Other threads using this
     * workspace wait until the work ends. The histories take memory: about 1 GB for a million actions.
     */
    public <T> T keepingHistories(Supplier<T> work) {
        synchronized (workspace) {
            keepHistories = true;
            try {
                return work.get();
            } finally {
                keepHistories = false;
                histories.clear();
            }
        }
    }

    /** A statement prepared once in the open transaction; not to be closed by the caller. */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private void closeStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // Closing frees memory only; the transaction's outcome is already decided.
            }
        }
        statements.clear();
    }

    /** Reserves the next log index of the open transaction for an event. */
    private long logged(LogEvent event) {
        pendingLog.add(event);
        return logBase + pendingLog.size() - 1;
    }

    private Outcome perform(CustodyAction action) throws SQLException {
        return switch (action) {
            case CustodyAction.RecordRegistryEntry r -> recordEntry(r.entry());
            case CustodyAction.AddAsset a -> addAsset(a.asset(), a.reason());
            case CustodyAction.ChangeAsset c -> {
                histories.remove(c.tag()); // its record changes: read again when next needed
                yield changeAsset(c);
            }
            case CustodyAction.IssueSeals i -> issueSeals(i.stock());
            case CustodyAction.ApplySeal a -> withHistory(a.tag(), h -> rules.apply(h, entryFor(h.current()), a.point(), a.number(),
                    numberFacts(a.number()), a.by(), a.at()));
            case CustodyAction.VerifySeal v -> withHistory(v.tag(), h -> rules.verify(h, v.point(), v.observed(), v.intact(), v.place(),
                    v.pollingPlace(), v.by(), v.at()));
            case CustodyAction.BreakSeal b -> withHistory(b.tag(), h -> rules.breakSeal(h, b.point(), b.reason(), b.by(), b.at()));
            case CustodyAction.ReplaceSeal r -> withHistory(r.tag(), h -> rules.replace(h, entryFor(h.current()), r.point(), r.number(),
                    numberFacts(r.number()), r.reason(), r.by(), r.at()));
            case CustodyAction.AccessMemory m -> withHistory(m.tag(), h -> rules.memoryAccess(h, m.action(), m.person(), m.purpose(),
                    m.device(), m.at()));
            case CustodyAction.TransferCustody t -> transfer(t.transfer(), t.at());
            case CustodyAction.RecordLat l -> recordLat(l);
            case CustodyAction.OpenIncident o -> new Outcome.Done("Opened", List.of(openIncident(o.incident())));
            case CustodyAction.AssignIncident a -> incidentAction(a.incident(), "assign", a.assignee(), Optional.empty());
            case CustodyAction.ResolveIncident r -> incidentAction(r.incident(), "resolve", r.by(), Optional.of(r.note()));
        };
    }

    // ---- registry ----------------------------------------------------------------------------------

    private Outcome recordEntry(RegistryEntry e) throws SQLException {
        Optional<RegistryEntry> before = entry(e.model(), e.version());
        long index = logged((new LogEvent.RegistryEntryRecorded(header(new Jurisdiction.Named("certification registry")),
                e.model(), e.version(), e.status().word(), e.eacCertification())));
        long id;
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO custody_registry (model, version, vendor, eac_number, approved_on, conditions, status, recorded_at,
                    recorded_by, log_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setString(1, e.model());
            ps.setString(2, e.version());
            ps.setString(3, e.vendor());
            ps.setString(4, e.eacCertification());
            ps.setString(5, e.approvedOn().toString());
            ps.setString(6, e.conditions());
            ps.setString(7, e.status().word());
            ps.setLong(8, clock.millis());
            ps.setString(9, recordedBy);
            ps.setLong(10, index);
            id = returnedId(ps);
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO custody_registry_part (entry_id, position, part, name, fingerprint) VALUES (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Component c : e.components()) {
                part(ps, id, position++, c.kind().word(), c.name(), c.fingerprint().value());
            }
            for (String point : e.sealPoints()) {
                part(ps, id, position++, "seal-point", point, null);
            }
            ps.executeBatch();
        }
        entries.clear(); // the version's entry just changed
        int flagged = refreshVersion(e.model(), e.version());
        String was = before.map(b -> " (was " + b.status().word() + ")").orElse("");
        return new Outcome.Done("Recorded " + e.model() + " " + e.version() + " as " + e.status().word() + was + "; " + flagged
                + (flagged == 1 ? " device of this version is" : " devices of this version are") + " not ready", List.of());
    }

    private static void part(PreparedStatement ps, long id, int position, String part, String name, String fingerprint) throws SQLException {
        ps.setLong(1, id);
        ps.setInt(2, position);
        ps.setString(3, part);
        ps.setString(4, name);
        ps.setString(5, fingerprint);
        ps.addBatch();
    }

    /** Re-evaluates the readiness of every device of a version (after its registry entry changed); returns how many are not ready. */
    private int refreshVersion(String model, String version) throws SQLException {
        List<AssetTag> tags = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT tag FROM custody_asset_now WHERE model = ? AND version = ? AND kind = 'voting-device'")) {
            ps.setString(1, model);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(new AssetTag(rs.getString(1)));
                }
            }
        }
        Optional<RegistryEntry> entry = entry(model, version);
        int notReady = 0;
        for (AssetTag tag : tags) {
            notReady += updateReadiness(history(tag).orElseThrow()) == 0 ? 0 : 1;
        }
        return notReady;
    }

    /** The current registry entry of a version: the newest recorded. */
    private Optional<RegistryEntry> entry(String model, String version) throws SQLException {
        String key = model + "\u0000" + version;
        Optional<RegistryEntry> cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<RegistryEntry> found = readEntry(model, version);
        entries.put(key, found);
        return found;
    }

    private Optional<RegistryEntry> readEntry(String model, String version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT id, model, version, vendor, eac_number, approved_on, conditions, status FROM custody_registry
                WHERE model = ? AND version = ? ORDER BY id DESC LIMIT 1""")) {
            ps.setString(1, model);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(registryEntry(rs)) : Optional.empty();
            }
        }
    }

    private RegistryEntry registryEntry(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        List<Component> components = new ArrayList<>();
        List<String> points = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT part, name, fingerprint FROM custody_registry_part WHERE entry_id = ? ORDER BY position")) {
            ps.setLong(1, id);
            try (ResultSet parts = ps.executeQuery()) {
                while (parts.next()) {
                    String part = parts.getString(1);
                    if (part.equals("seal-point")) {
                        points.add(parts.getString(2));
                    } else {
                        components.add(new Component(parts.getString(2), Component.Kind.parse(part).orElseThrow(() -> damaged(
                                "registry entry #" + id + " has a part of unknown kind \"" + part + "\"")), fingerprint(parts.getString(3))));
                    }
                }
            }
        }
        String status = rs.getString(8);
        return new RegistryEntry(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), LocalDate.parse(rs.getString(6)),
                rs.getString(7), ApprovalStatus.parse(status).orElseThrow(() -> damaged("registry entry #" + id + " has status " + status)),
                components, points);
    }

    private Optional<RegistryEntry> entryFor(Asset a) throws SQLException {
        return a.version().isEmpty() ? Optional.empty() : entry(a.model(), a.version().get());
    }

    /** The registry as it stands: the newest entry of every version, by model and version. */
    public List<RegistryEntry> registry() {
        return read("read the certification registry", () -> {
            List<RegistryEntry> all = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT id, model, version, vendor, eac_number, approved_on, conditions, status FROM custody_registry r
                    WHERE id = (SELECT MAX(id) FROM custody_registry s WHERE s.model = r.model AND s.version = r.version)
                    ORDER BY model, version""");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(registryEntry(rs));
                }
            }
            return all;
        });
    }

    // ---- inventory ---------------------------------------------------------------------------------

    /** What an inventory import did: how many assets it recorded, and the problems of the rows it did not. */
    public record AssetImport(int imported, List<ValidationIssue> problems) {
        public AssetImport {
            problems = List.copyOf(problems);
        }

        /** Whether the import was refused whole (nothing recorded). */
        public boolean refused() {
            return imported == 0 && !problems.isEmpty();
        }
    }

    /**
     * Records the assets of an inventory file in one transaction. A row with a problem (as read, or a
     * tag already in the inventory, or a version the registry does not list) refuses the whole file
     * unless {@code skipInvalid}, when the other rows are recorded and the problems returned.
     */
    public AssetImport importAssets(AssetCsv.Read read, String sourceName, byte[] sha256, boolean skipInvalid) {
        return write("import the inventory " + sourceName, () -> {
            List<ValidationIssue> problems = new ArrayList<>(read.problems());
            Set<String> known = new HashSet<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT tag FROM custody_asset_now");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
            Map<String, Optional<RegistryEntry>> entries = new LinkedHashMap<>();
            List<Asset> good = new ArrayList<>();
            int row = 0;
            for (Asset a : read.assets()) {
                row++;
                if (known.contains(a.tag().value())) {
                    problems.add(new ValidationIssue("asset " + a.tag(), "is already in the inventory; change it with 'bulwark asset change'"));
                    continue;
                }
                if (a.kind().runsCertifiedVersion()) {
                    String key = a.model() + "\u0000" + a.version().orElseThrow();
                    Optional<RegistryEntry> e = entries.get(key);
                    if (e == null) {
                        e = entry(a.model(), a.version().orElseThrow());
                        entries.put(key, e);
                    }
                    if (e.isEmpty()) {
                        problems.add(new ValidationIssue("asset " + a.tag(), a.model() + " " + a.version().orElseThrow()
                                + " is not in the certification registry; record it there first"));
                        continue;
                    }
                }
                good.add(a);
            }
            if (!problems.isEmpty() && !skipInvalid) {
                return new AssetImport(0, problems);
            }
            long index = logged((new LogEvent.AssetsImported(header(new Jurisdiction.Named("inventory")), sourceName,
                    Sha256.of(sha256), good.size())));
            insertAssets(good, "imported from " + sourceName, index);
            return new AssetImport(good.size(), problems);
        });
    }

    private Outcome addAsset(Asset a, String reason) throws SQLException {
        if (current(a.tag()).isPresent()) {
            return refused(a.tag() + " is already in the inventory; change it with 'bulwark asset change'");
        }
        if (a.kind().runsCertifiedVersion() && entryFor(a).isEmpty()) {
            return refused(a.model() + " " + a.version().orElseThrow() + " is not in the certification registry; record it there first");
        }
        long index = logged((new LogEvent.AssetRecorded(header(named(a.authority())), a.tag().value(), a.kind().word(),
                a.status().word(), reason)));
        insertAssets(List.of(a), reason, index);
        return new Outcome.Done("Added " + a.kind().word() + " " + a.tag() + " (" + a.model() + ", serial " + a.serial() + ") to "
                + a.authority() + "'s inventory", List.of());
    }

    private static final String INSERT_ASSET = """
            INSERT INTO custody_asset (tag, serial, kind, model, version, authority, location, custodian, status, reason, corrects,
                recorded_at, recorded_by, log_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";

    /** Inserts new assets: their first record, their first timeline entry and their current state. */
    private void insertAssets(List<Asset> assets, String reason, long index) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement rec = connection.prepareStatement(INSERT_ASSET);
                PreparedStatement ev = connection.prepareStatement(
                        "INSERT INTO custody_event (tag, kind, at, reason, asset_record, log_index) VALUES (?, 'record', ?, ?, ?, ?)");
                PreparedStatement cur = connection.prepareStatement("""
                        INSERT INTO custody_asset_now (tag, record_id, serial, kind, model, version, authority, location, custodian,
                            status, failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int pending = 0;
            for (Asset a : assets) {
                long id = insertRecord(rec, a, reason, Optional.empty(), now, index);
                ev.setString(1, a.tag().value());
                ev.setLong(2, now);
                ev.setString(3, reason);
                ev.setLong(4, id);
                ev.setLong(5, index);
                ev.addBatch();
                int failed = a.kind() == AssetKind.VOTING_DEVICE ? rules.readiness(new AssetHistory(a, List.of()), entryFor(a), Optional.empty()).bits() : 0;
                cur.setString(1, a.tag().value());
                cur.setLong(2, id);
                setAsset(cur, 3, a);
                cur.setInt(11, failed);
                cur.addBatch();
                if (counted(a.kind(), a.status())) {
                    count(a.authority(), failed, Optional.empty(), 1);
                }
                if (++pending == 1_000) {
                    ev.executeBatch();
                    cur.executeBatch();
                    pending = 0;
                }
            }
            ev.executeBatch();
            cur.executeBatch();
        }
    }

    private long insertRecord(PreparedStatement rec, Asset a, String reason, Optional<Long> corrects, long now, long index)
            throws SQLException {
        rec.setString(1, a.tag().value());
        setAsset(rec, 2, a);
        rec.setString(10, reason);
        if (corrects.isPresent()) {
            rec.setLong(11, corrects.get());
        } else {
            rec.setNull(11, Types.BIGINT);
        }
        rec.setLong(12, now);
        rec.setString(13, recordedBy);
        rec.setLong(14, index);
        return returnedId(rec);
    }

    /** Sets serial, kind, model, version, authority, location, custodian, status from {@code first} on. */
    private static void setAsset(PreparedStatement ps, int first, Asset a) throws SQLException {
        ps.setString(first, a.serial());
        ps.setString(first + 1, a.kind().word());
        ps.setString(first + 2, a.model());
        ps.setString(first + 3, a.version().orElse(null));
        ps.setString(first + 4, a.authority().value());
        ps.setString(first + 5, a.location());
        ps.setString(first + 6, a.custodian());
        ps.setString(first + 7, a.status().word());
    }

    private Outcome changeAsset(CustodyAction.ChangeAsset c) throws SQLException {
        Optional<Current> found = current(c.tag());
        if (found.isEmpty()) {
            return unknown(c.tag());
        }
        Asset before = found.get().asset();
        Asset after = new Asset(before.tag(), before.serial(), before.kind(), before.model(), before.version(), before.authority(),
                c.location().orElse(before.location()), c.custodian().orElse(before.custodian()), c.status().orElse(before.status()));
        long index = logged((new LogEvent.AssetRecorded(header(named(before.authority())), before.tag().value(),
                before.kind().word(), after.status().word(), c.reason())));
        long id;
        try (PreparedStatement rec = connection.prepareStatement(INSERT_ASSET)) {
            id = insertRecord(rec, after, c.reason(), Optional.of(found.get().recordId()), clock.millis(), index);
        }
        try (PreparedStatement ev = connection.prepareStatement(
                "INSERT INTO custody_event (tag, kind, at, reason, asset_record, log_index) VALUES (?, 'record', ?, ?, ?, ?)")) {
            ev.setString(1, before.tag().value());
            ev.setLong(2, c.at().toEpochMilli());
            ev.setString(3, c.reason());
            ev.setLong(4, id);
            ev.setLong(5, index);
            ev.executeUpdate();
        }
        if (counted(before.kind(), before.status()) != counted(after.kind(), after.status())) {
            Readiness r = readinessNow(before.tag());
            count(before.authority(), r.failed(), r.latElection(), counted(after.kind(), after.status()) ? 1 : -1);
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE custody_asset_now SET record_id = ?, location = ?, custodian = ?, status = ? WHERE tag = ?")) {
            ps.setLong(1, id);
            ps.setString(2, after.location());
            ps.setString(3, after.custodian());
            ps.setString(4, after.status().word());
            ps.setString(5, before.tag().value());
            ps.executeUpdate();
        }
        return new Outcome.Done("Recorded " + before.tag() + ": status " + after.status().word() + ", location " + after.location()
                + ", custodian " + after.custodian(), List.of());
    }

    /** The inventory as it stands, by tag; of one authority or of all. */
    public List<Asset> assets(Optional<AuthorityId> authority) {
        return read("read the inventory", () -> {
            List<Asset> all = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(CURRENT + (authority.isPresent() ? " WHERE authority = ?" : "")
                    + " ORDER BY tag")) {
                if (authority.isPresent()) {
                    ps.setString(1, authority.get().value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(asset(rs));
                    }
                }
            }
            return all;
        });
    }

    /** The voting devices with this serial (normally one). */
    public List<AssetTag> devicesWithSerial(String serial) {
        return read("find the device with serial " + serial, () -> tagsWithSerial(serial));
    }

    private List<AssetTag> tagsWithSerial(String serial) throws SQLException {
        List<AssetTag> tags = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT tag FROM custody_asset_now WHERE serial = ? AND kind = 'voting-device' ORDER BY tag")) {
            ps.setString(1, serial);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(new AssetTag(rs.getString(1)));
                }
            }
        }
        return tags;
    }

    private record Current(Asset asset, long recordId) {}

    private static final String CURRENT = """
            SELECT tag, serial, kind, model, version, authority, location, custodian, status, record_id FROM custody_asset_now""";

    private Optional<Current> current(AssetTag tag) throws SQLException {
        PreparedStatement ps = statement(CURRENT + " WHERE tag = ?");
        ps.setString(1, tag.value());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Current(asset(rs), rs.getLong(10))) : Optional.empty();
        }
    }

    /** An asset from a row whose first nine columns are those of {@link #CURRENT} (also read by {@link EquipmentRecords}). */
    Asset asset(ResultSet rs) throws SQLException {
        String tag = rs.getString(1);
        try {
            return new Asset(new AssetTag(tag), rs.getString(2), AssetKind.parse(rs.getString(3)).orElseThrow(), rs.getString(4),
                    Optional.ofNullable(rs.getString(5)), new AuthorityId(rs.getString(6)), rs.getString(7), rs.getString(8),
                    AssetStatus.parse(rs.getString(9)).orElseThrow());
        } catch (RuntimeException e) {
            throw damaged("the record of asset " + tag + " does not read (" + e.getMessage() + ")");
        }
    }

    // ---- timelines ---------------------------------------------------------------------------------

    /** An asset as it stands and its whole custody timeline, oldest first; empty if the tag is not in the inventory. */
    public Optional<AssetHistory> timeline(AssetTag tag) {
        return read("read the timeline of " + tag, () -> history(tag));
    }

    private Optional<AssetHistory> history(AssetTag tag) throws SQLException {
        AssetHistory kept = histories.get(tag);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Current> current = current(tag);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<CustodyEvent> events = new ArrayList<>();
        PreparedStatement ps = statement("""
                SELECT e.id, e.kind, e.at, e.point, e.seal_number, e.observed, e.intact, e.polling_place, e.place, e.reason,
                    e.person1, e.party1, e.person2, e.party2, e.transfer_id, e.action,
                    t.from_person, t.from_place, t.to_person, t.to_place, t.purpose, t.condition, t.changes, t.seals,
                    l.record, a.id
                FROM custody_event e
                LEFT JOIN custody_transfer t ON t.id = e.transfer_id
                LEFT JOIN custody_lat l ON l.id = e.lat_id
                LEFT JOIN custody_asset a ON a.id = e.asset_record
                WHERE e.tag = ? ORDER BY e.id""");
        ps.setString(1, tag.value());
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    events.add(event(rs, tag));
                } catch (RuntimeException e) {
                    throw damaged("custody event #" + rs.getLong(1) + " of " + tag + " does not read (" + e.getMessage() + ")");
                }
            }
        }
        return Optional.of(keep(new AssetHistory(current.get().asset(), events)));
    }

    /** Keeps an asset's history while {@link #keepingHistories} runs. */
    private AssetHistory keep(AssetHistory h) {
        if (keepHistories) {
            histories.put(h.current().tag(), h);
        }
        return h;
    }

    /**
     * An event as {@link #event} reads it back: times to the millisecond, and a transfer's items and
     * seals narrowed to this asset.
     */
    private static CustodyEvent stored(CustodyEvent e, AssetTag tag) {
        return switch (e) {
            case CustodyEvent.SealApplied s -> new CustodyEvent.SealApplied(millis(s.at()), s.point(), s.number(), s.by());
            case CustodyEvent.SealVerified v -> new CustodyEvent.SealVerified(millis(v.at()), v.point(), v.expected(), v.observed(),
                    v.intact(), v.place(), v.pollingPlace(), v.by());
            case CustodyEvent.SealBroken b -> new CustodyEvent.SealBroken(millis(b.at()), b.point(), b.number(), b.reason(), b.by());
            case CustodyEvent.Transferred t -> {
                Transfer x = t.transfer();
                yield new CustodyEvent.Transferred(millis(t.at()), t.transferId(), new Transfer(List.of(tag), x.fromPerson(), x.fromPlace(),
                        x.toPerson(), x.toPlace(), x.purpose(), x.sealsOnArrival().stream().filter(c -> c.asset().equals(tag)).toList(),
                        x.condition(), x.changes(), x.signedBy()));
            }
            case CustodyEvent.MemoryAccessed m -> new CustodyEvent.MemoryAccessed(millis(m.at()), m.action(), m.person(), m.purpose(),
                    m.device());
            case CustodyEvent.LatRecorded l -> new CustodyEvent.LatRecorded(millis(l.at()), l.record());
            case CustodyEvent.RecordChanged r -> new CustodyEvent.RecordChanged(millis(r.at()), r.now(), r.reason());
        };
    }

    private static Instant millis(Instant at) {
        return Instant.ofEpochMilli(at.toEpochMilli());
    }

    private CustodyEvent event(ResultSet rs, AssetTag tag) throws SQLException {
        Instant at = Instant.ofEpochMilli(rs.getLong(3));
        return switch (rs.getString(2)) {
            case "applied" -> new CustodyEvent.SealApplied(at, rs.getString(4), rs.getLong(5), pair(rs, 11));
            case "verified" -> new CustodyEvent.SealVerified(at, rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getInt(7) != 0,
                    rs.getString(9), rs.getInt(8) != 0, pair(rs, 11));
            case "broken" -> new CustodyEvent.SealBroken(at, rs.getString(4), rs.getLong(5), rs.getString(10), pair(rs, 11));
            case "transferred" -> new CustodyEvent.Transferred(at, rs.getLong(15), new Transfer(List.of(tag), rs.getString(17), rs.getString(18),
                    rs.getString(19), rs.getString(20), rs.getString(21), seals(rs.getString(24)).stream().filter(s -> s.asset().equals(tag)).toList(),
                    rs.getString(22), Optional.ofNullable(rs.getString(23)), pair(rs, 11)));
            case "memory" -> new CustodyEvent.MemoryAccessed(at, rs.getString(16), rs.getString(11), rs.getString(10),
                    Optional.ofNullable(rs.getString(9)).map(AssetTag::new));
            case "lat" -> new CustodyEvent.LatRecorded(at, LatRecord.read(rs.getBytes(25), "the stored L&A record"));
            case "record" -> new CustodyEvent.RecordChanged(at, assetRecord(rs.getLong(26)), rs.getString(10));
            default -> throw new IllegalArgumentException("unknown kind \"" + rs.getString(2) + "\"");
        };
    }

    private Asset assetRecord(long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT tag, serial, kind, model, version, authority, location, custodian, status FROM custody_asset WHERE id = ?""")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw damaged("asset record #" + id + " is missing");
                }
                return asset(rs);
            }
        }
    }

    private static TwoPeople pair(ResultSet rs, int first) throws SQLException {
        return new TwoPeople(new Person(rs.getString(first), rs.getString(first + 1)), new Person(rs.getString(first + 2), rs.getString(first + 3)));
    }

    /** Seals on arrival as stored: one per line, tag, point and number separated by tabs (none of them can hold a tab). */
    private static String sealsText(List<SealCheck> seals) {
        StringBuilder b = new StringBuilder();
        for (SealCheck s : seals) {
            b.append(s.asset().value()).append('\t').append(s.point()).append('\t').append(s.number()).append('\n');
        }
        return b.toString();
    }

    private static List<SealCheck> seals(String text) {
        List<SealCheck> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split("\t");
                out.add(new SealCheck(new AssetTag(f[0]), f[1], Long.parseLong(f[2])));
            }
        }
        return out;
    }

    // ---- seals, transfers, memory ------------------------------------------------------------------

    private Outcome issueSeals(SealStock stock) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT authority, first_number, last_number FROM custody_seal_range
                WHERE first_number <= ? AND last_number >= ? ORDER BY first_number LIMIT 1""")) {
            ps.setLong(1, stock.last());
            ps.setLong(2, stock.first());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return refused("seals " + stock.first() + "-" + stock.last() + " overlap the range " + rs.getLong(2) + "-" + rs.getLong(3)
                            + " already issued to " + rs.getString(1) + "; every seal number is issued once");
                }
            }
        }
        long index = logged((new LogEvent.SealsIssued(header(named(stock.authority())), stock.authority().value(), stock.first(),
                stock.last())));
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO custody_seal_range (authority, first_number, last_number, issued_at, log_index) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, stock.authority().value());
            ps.setLong(2, stock.first());
            ps.setLong(3, stock.last());
            ps.setLong(4, clock.millis());
            ps.setLong(5, index);
            ps.executeUpdate();
        }
        return new Outcome.Done("Issued seals " + stock.first() + "-" + stock.last() + " (" + (stock.last() - stock.first() + 1) + ") to "
                + stock.authority(), List.of());
    }

    private CustodyRules.SealNumberFacts numberFacts(long number) throws SQLException {
        Optional<AuthorityId> issuedTo = Optional.empty();
        PreparedStatement range = statement("""
                SELECT authority, last_number FROM custody_seal_range WHERE first_number <= ? ORDER BY first_number DESC LIMIT 1""");
        range.setLong(1, number);
        try (ResultSet rs = range.executeQuery()) {
            if (rs.next() && rs.getLong(2) >= number) {
                issuedTo = Optional.of(new AuthorityId(rs.getString(1)));
            }
        }
        Optional<AssetTag> appliedTo = Optional.empty();
        PreparedStatement applied = statement("SELECT tag FROM custody_event WHERE seal_number = ? AND kind = 'applied'");
        applied.setLong(1, number);
        try (ResultSet rs = applied.executeQuery()) {
            if (rs.next()) {
                appliedTo = Optional.of(new AssetTag(rs.getString(1)));
            }
        }
        return new CustodyRules.SealNumberFacts(issuedTo, appliedTo);
    }

    @FunctionalInterface
    private interface Rule {
        Decision decide(AssetHistory h) throws SQLException;
    }

    private Outcome withHistory(AssetTag tag, Rule rule) throws SQLException {
        Optional<AssetHistory> h = history(tag);
        if (h.isEmpty()) {
            return unknown(tag);
        }
        return settle(List.of(h.get()), rule.decide(h.get()), Optional.empty());
    }

    private Outcome transfer(Transfer t, Instant at) throws SQLException {
        List<AssetHistory> items = new ArrayList<>();
        for (AssetTag tag : t.items()) {
            Optional<AssetHistory> h = history(tag);
            if (h.isEmpty()) {
                return unknown(tag);
            }
            items.add(h.get());
        }
        // Numbered here rather than by the database, so the log entry written first can carry the number.
        long id = nextId("custody_transfer");
        Decision d = rules.transfer(items, t, id, at);
        if (!(d instanceof Decision.Accepted)) {
            return settle(items, d, Optional.empty());
        }
        long index = logged((new LogEvent.CustodyTransferred(header(named(items.getFirst().current().authority())), id,
                t.items().size(), t.fromPlace(), t.toPlace(), t.purpose(), t.statement(), t.signedBy().toString())));
        PreparedStatement ps = statement("""
                INSERT INTO custody_transfer (id, from_person, from_place, to_person, to_place, purpose, condition, changes, seals, at,
                    log_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        ps.setLong(1, id);
        ps.setString(2, t.fromPerson());
        ps.setString(3, t.fromPlace());
        ps.setString(4, t.toPerson());
        ps.setString(5, t.toPlace());
        ps.setString(6, t.purpose());
        ps.setString(7, t.condition());
        ps.setString(8, t.changes().orElse(null));
        ps.setString(9, sealsText(t.sealsOnArrival()));
        ps.setLong(10, at.toEpochMilli());
        ps.setLong(11, index);
        ps.executeUpdate();
        return settle(items, d, Optional.of(new Logged(id, index)));
    }

    private long nextId(String table) throws SQLException {
        try (ResultSet rs = statement("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A transfer row already written with its log entry: its events point at both. */
    private record Logged(long transferId, long logIndex) {}

    /**
     * Writes what a rule decided: its events (each with its log entry, or the transfer's), then the
     * incidents it opens, then the affected assets' state (location after a transfer, readiness).
     */
    private Outcome settle(List<AssetHistory> affected, Decision d, Optional<Logged> transfer) throws SQLException {
        return switch (d) {
            case Decision.Refused r -> new Outcome.Refused(r.reason(), openAll(r.incidents()));
            case Decision.Accepted a -> {
                List<String> done = new ArrayList<>();
                for (int i = 0; i < a.events().size(); i++) {
                    CustodyEvent e = a.events().get(i);
                    AssetHistory h = affected.size() == 1 ? affected.getFirst() : affected.get(i);
                    insertEvent(h.current(), e, transfer);
                    done.add(h.current().tag() + ": " + e.describe());
                }
                List<Incident> opened = openAll(a.incidents());
                for (int i = 0; i < affected.size(); i++) {
                    AssetHistory h = affected.get(i);
                    Asset now = h.current();
                    if (transfer.isPresent()) {
                        Transfer t = ((CustodyEvent.Transferred) a.events().get(i)).transfer();
                        moveTo(now.tag(), t.toPlace(), t.toPerson());
                        now = new Asset(now.tag(), now.serial(), now.kind(), now.model(), now.version(), now.authority(), t.toPlace(),
                                t.toPerson(), now.status());
                    }
                    List<CustodyEvent> after = new ArrayList<>(h.timeline());
                    for (CustodyEvent e : affected.size() == 1 ? a.events() : List.of(a.events().get(i))) {
                        after.add(stored(e, now.tag()));
                    }
                    AssetHistory next = keep(new AssetHistory(now, after));
                    if (now.kind() == AssetKind.VOTING_DEVICE) {
                        updateReadiness(next);
                    }
                }
                yield new Outcome.Done(String.join("\n", done), opened);
            }
        };
    }

    private void insertEvent(Asset a, CustodyEvent e, Optional<Logged> transfer) throws SQLException {
        long index = switch (e) {
            case CustodyEvent.Transferred t -> transfer.orElseThrow().logIndex();
            default -> logged((logEvent(a, e)));
        };
        PreparedStatement ps = statement("""
                INSERT INTO custody_event (tag, kind, at, point, seal_number, observed, intact, polling_place, place, action, reason,
                    person1, party1, person2, party2, transfer_id, lat_id, log_index)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        for (int i = 4; i <= 17; i++) {
            ps.setNull(i, i == 4 || (i >= 9 && i <= 15) ? Types.VARCHAR : Types.BIGINT);
        }
        ps.setString(1, a.tag().value());
        ps.setLong(3, e.at().toEpochMilli());
        ps.setLong(18, index);
        switch (e) {
            case CustodyEvent.SealApplied s -> {
                ps.setString(2, "applied");
                ps.setString(4, s.point());
                ps.setLong(5, s.number());
                setPair(ps, s.by());
            }
            case CustodyEvent.SealVerified v -> {
                ps.setString(2, "verified");
                ps.setString(4, v.point());
                ps.setLong(5, v.expected());
                ps.setLong(6, v.observed());
                ps.setInt(7, v.intact() ? 1 : 0);
                ps.setInt(8, v.pollingPlace() ? 1 : 0);
                ps.setString(9, v.place());
                setPair(ps, v.by());
            }
            case CustodyEvent.SealBroken b -> {
                ps.setString(2, "broken");
                ps.setString(4, b.point());
                ps.setLong(5, b.number());
                ps.setString(11, b.reason());
                setPair(ps, b.by());
            }
            case CustodyEvent.Transferred t -> {
                ps.setString(2, "transferred");
                ps.setString(9, t.transfer().toPlace());
                ps.setLong(16, transfer.orElseThrow().transferId());
                setPair(ps, t.transfer().signedBy());
            }
            case CustodyEvent.MemoryAccessed m -> {
                ps.setString(2, "memory");
                ps.setString(9, m.device().map(AssetTag::value).orElse(null));
                ps.setString(10, m.action());
                ps.setString(11, m.purpose());
                ps.setString(12, m.person());
            }
            case CustodyEvent.LatRecorded l -> throw new IllegalStateException("L&A records are written by recordLat");
            case CustodyEvent.RecordChanged r -> throw new IllegalStateException("asset records are written by changeAsset");
        }
        ps.executeUpdate();
    }

    private static void setPair(PreparedStatement ps, TwoPeople by) throws SQLException {
        ps.setString(12, by.first().name());
        ps.setString(13, by.first().party());
        ps.setString(14, by.second().name());
        ps.setString(15, by.second().party());
    }

    private LogEvent logEvent(Asset a, CustodyEvent e) {
        EventHeader h = header(named(a.authority()));
        String tag = a.tag().value();
        return switch (e) {
            case CustodyEvent.SealApplied s -> new LogEvent.SealApplied(h, tag, s.point(), s.number(), s.by().toString());
            case CustodyEvent.SealVerified v -> new LogEvent.SealVerified(h, tag, v.point(), v.expected(), v.observed(),
                    v.intact() ? "intact" : "not intact", v.place(), v.by().toString());
            case CustodyEvent.SealBroken b -> new LogEvent.SealBroken(h, tag, b.point(), b.number(), b.reason(), b.by().toString());
            case CustodyEvent.MemoryAccessed m -> new LogEvent.MemoryAccessed(h, tag, m.action(), m.person(), m.purpose());
            case CustodyEvent.Transferred t -> throw new IllegalStateException("a transfer is logged once for all its items");
            case CustodyEvent.LatRecorded l -> throw new IllegalStateException("L&A records are logged by recordLat");
            case CustodyEvent.RecordChanged r -> throw new IllegalStateException("asset records are logged by changeAsset");
        };
    }

    private void moveTo(AssetTag tag, String place, String person) throws SQLException {
        PreparedStatement ps = statement("UPDATE custody_asset_now SET location = ?, custodian = ? WHERE tag = ?");
        ps.setString(1, place);
        ps.setString(2, person);
        ps.setString(3, tag.value());
        ps.executeUpdate();
    }

    /**
     * Keeps a device's readiness in custody_asset_now: the checks it fails whatever the election, and
     * the election its latest pre-election L&A test was of, against which a matrix for an election is
     * judged. Returns the failed checks' bits.
     */
    private int updateReadiness(AssetHistory h) throws SQLException {
        Asset a = h.current();
        Readiness now = new Readiness(rules.readiness(h, entryFor(a), Optional.empty()).bits(),
                h.latestLat(LatRecord.Kind.PRE_ELECTION).map(LatRecord::electionFingerprint));
        Readiness before = readinessNow(a.tag());
        if (!now.equals(before)) {
            PreparedStatement ps = statement("UPDATE custody_asset_now SET failed = ?, lat_election = ? WHERE tag = ?");
            ps.setInt(1, now.failed());
            ps.setString(2, now.latElection().map(Fingerprint::value).orElse(null));
            ps.setString(3, a.tag().value());
            ps.executeUpdate();
            if (counted(a.kind(), a.status())) {
                count(a.authority(), before.failed(), before.latElection(), -1);
                count(a.authority(), now.failed(), now.latElection(), 1);
            }
        }
        return now.failed();
    }

    /** A device's readiness as custody_asset_now keeps it: the bits of the checks it fails, and the election of its latest L&A test. */
    private record Readiness(int failed, Optional<Fingerprint> latElection) {}

    private Readiness readinessNow(AssetTag tag) throws SQLException {
        PreparedStatement ps = statement("SELECT failed, lat_election FROM custody_asset_now WHERE tag = ?");
        ps.setString(1, tag.value());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw damaged("asset " + tag + " has no current state");
            }
            return new Readiness(rs.getInt(1), Optional.ofNullable(rs.getString(2)).map(this::fingerprint));
        }
    }

    /** Whether an asset counts in the readiness matrix: a voting device in service. */
    private static boolean counted(AssetKind kind, AssetStatus status) {
        return kind == AssetKind.VOTING_DEVICE && status == AssetStatus.IN_SERVICE;
    }

    /** Adds {@code delta} devices to the matrix's count of an authority's devices with these failed checks and L&A election. */
    private void count(AuthorityId authority, int failed, Optional<Fingerprint> latElection, int delta) throws SQLException {
        PreparedStatement ps = statement("""
                INSERT INTO custody_readiness_count (authority, failed, lat_election, devices) VALUES (?, ?, ?, ?)
                ON CONFLICT (authority, failed, lat_election) DO UPDATE SET devices = custody_readiness_count.devices + excluded.devices""");
        ps.setString(1, authority.value());
        ps.setInt(2, failed);
        ps.setString(3, latElection.map(Fingerprint::value).orElse(""));
        ps.setInt(4, delta);
        ps.executeUpdate();
    }

    // ---- L&A and readiness -------------------------------------------------------------------------

    private Outcome recordLat(CustodyAction.RecordLat l) throws SQLException {
        LatRecord r = l.record();
        List<AssetTag> tags = tagsWithSerial(r.deviceSerial());
        if (tags.size() != 1) {
            return refused(tags.isEmpty() ? "no voting device with serial " + r.deviceSerial() + " is in the inventory; add it first"
                    : "serial " + r.deviceSerial() + " belongs to several devices (" + tags + "); correct the inventory first");
        }
        AssetHistory h = history(tags.getFirst()).orElseThrow();
        if (!h.current().model().equals(r.deviceModel())) {
            return refused("the L&A record is of a " + r.deviceModel() + " but device " + h.current().tag() + " with serial " + r.deviceSerial()
                    + " is a " + h.current().model() + " in the inventory");
        }
        long index = logged((new LogEvent.LatRecorded(header(named(h.current().authority())), r.deviceSerial(), r.kind().word(),
                r.passed() ? "passed" : "failed", new Sha256(l.fileSha256().hex()))));
        PreparedStatement lat = statement("""
                INSERT INTO custody_lat (kind, serial, model, software, election, lat_date, passed, record, file_sha256, log_index)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""");
        lat.setString(1, r.kind().word());
        lat.setString(2, r.deviceSerial());
        lat.setString(3, r.deviceModel());
        lat.setString(4, r.softwareFingerprint().value());
        lat.setString(5, r.electionFingerprint().value());
        lat.setString(6, r.date().toString());
        lat.setInt(7, r.passed() ? 1 : 0);
        lat.setBytes(8, r.bytes());
        lat.setString(9, l.fileSha256().value());
        lat.setLong(10, index);
        long latId = returnedId(lat);
        PreparedStatement event = statement("INSERT INTO custody_event (tag, kind, at, lat_id, log_index) VALUES (?, 'lat', ?, ?, ?)");
        event.setString(1, h.current().tag().value());
        event.setLong(2, l.at().toEpochMilli());
        event.setLong(3, latId);
        event.setLong(4, index);
        event.executeUpdate();
        List<CustodyEvent> after = new ArrayList<>(h.timeline());
        after.add(stored(new CustodyEvent.LatRecorded(l.at(), r), h.current().tag()));
        updateReadiness(keep(new AssetHistory(h.current(), after)));
        return new Outcome.Done("Recorded the " + r.kind().word() + " L&A test of " + h.current().tag() + " (serial " + r.deviceSerial() + ") on "
                + r.date() + ": " + (r.passed() ? "passed" : "FAILED with " + r.mismatches().size() + " mismatches"), List.of());
    }

    /** A device's readiness now; with an election, its L&A test must also have been of that election. Empty if no such device. */
    public Optional<DeviceReadiness> readiness(AssetTag device, Optional<Fingerprint> election) {
        return read("check the readiness of " + device, () -> {
            Optional<AssetHistory> h = history(device);
            if (h.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(rules.readiness(h.get(), entryFor(h.get().current()), election));
        });
    }

    /** Issues a readiness clearance for a device and an election, logging it; the caller puts it in a signed custody package. */
    public ReadinessClearance issueClearance(String serial, AssetTag device, Fingerprint election) {
        return write("issue a readiness clearance", () -> {
            AssetHistory h = history(device).orElseThrow(() -> new IllegalArgumentException("no device " + device));
            DeviceReadiness r = rules.readiness(h, entryFor(h.current()), Optional.of(election));
            List<String> failed = r.failedChecks().stream().map(ReadinessCheck::word).toList();
            Instant now = Instant.ofEpochMilli(clock.millis());
            logged((new LogEvent.ReadinessCleared(header(named(h.current().authority())), serial, new Sha256(election.hex()),
                    r.ready() ? "ready" : "not ready", failed.isEmpty() ? "none" : String.join(", ", failed))));
            return new ReadinessClearance(serial, election, r.ready(), failed, now);
        });
    }

    /** The readiness matrix whatever the election (each device judged by its latest L&A test): {@link #readinessMatrix(Optional, Optional)}. */
    public ReadinessMatrix readinessMatrix(Optional<AuthorityId> authority) {
        return readinessMatrix(authority, Optional.empty());
    }

    /**
     * The readiness matrix of the voting devices in service, of one authority or statewide: sums
     * over the maintained counts, and the failing devices from custody_asset_now's covering index. With an election, a device
     * whose latest pre-election L&A test was not of that election fails "election-fingerprint".
     */
    public ReadinessMatrix readinessMatrix(Optional<AuthorityId> authority, Optional<Fingerprint> election) {
        return read("compute the readiness matrix", () -> {
            List<ReadinessCheck> checks = election.isPresent() ? ReadinessCheck.ALL : ReadinessCheck.MATRIX;
            // With an election, "other" is 1 for a device whose L&A test was of another election (or of none).
            String other = election.isPresent() ? "(CASE WHEN lat_election = ? THEN 0 ELSE 1 END)" : "0";
            // The counts: sums over the maintained counts (a few rows per authority), not over the devices.
            StringBuilder sql = new StringBuilder("SELECT authority, SUM(devices), SUM(CASE WHEN failed = 0 AND " + other
                    + " = 0 THEN devices ELSE 0 END)");
            for (ReadinessCheck c : ReadinessCheck.MATRIX) {
                sql.append(", SUM(((failed >> ").append(c.ordinal()).append(") & 1) * devices)");
            }
            sql.append(", SUM(").append(other).append(" * devices) FROM custody_readiness_count")
                    .append(authority.isPresent() ? " WHERE authority = ?" : "")
                    .append(" GROUP BY authority HAVING SUM(devices) > 0 ORDER BY authority");
            List<ReadinessMatrix.Row> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                int p = 1;
                if (election.isPresent()) {
                    ps.setString(p++, election.get().value());
                    ps.setString(p++, election.get().value());
                }
                if (authority.isPresent()) {
                    ps.setString(p, authority.get().value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<ReadinessCheck, Long> failing = new EnumMap<>(ReadinessCheck.class);
                        for (int i = 0; i < ReadinessCheck.MATRIX.size(); i++) {
                            failing.put(ReadinessCheck.MATRIX.get(i), rs.getLong(4 + i));
                        }
                        if (election.isPresent()) {
                            failing.put(ReadinessCheck.ELECTION_FINGERPRINT, rs.getLong(4 + ReadinessCheck.MATRIX.size()));
                        }
                        rows.add(new ReadinessMatrix.Row(rs.getString(1), rs.getLong(2), rs.getLong(3), failing));
                    }
                }
            }
            List<ReadinessMatrix.FailingDevice> failing = new ArrayList<>();
            String where = " FROM custody_asset_now WHERE kind = 'voting-device' AND status = 'in-service'"
                    + (authority.isPresent() ? " AND authority = ?" : "");
            try (PreparedStatement ps = connection.prepareStatement("SELECT authority, tag, serial, failed, " + other + where
                    + " AND (failed <> 0 OR " + other + " = 1) ORDER BY authority, tag")) {
                int p = 1;
                if (election.isPresent()) {
                    ps.setString(p++, election.get().value());
                }
                if (authority.isPresent()) {
                    ps.setString(p++, authority.get().value());
                }
                if (election.isPresent()) {
                    ps.setString(p, election.get().value());
                }
                ps.setFetchSize(4_096);
                Map<String, AuthorityId> authorities = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int bits = rs.getInt(4) | (rs.getInt(5) == 1 ? ReadinessCheck.ELECTION_FINGERPRINT.bit() : 0);
                        failing.add(new ReadinessMatrix.FailingDevice(authorities.computeIfAbsent(rs.getString(1), AuthorityId::new),
                                new AssetTag(rs.getString(2)), rs.getString(3), ReadinessCheck.fromBits(bits)));
                    }
                }
            }
            return ReadinessMatrix.of(checks, rows, failing);
        });
    }

    // ---- incidents ---------------------------------------------------------------------------------

    private List<Incident> openAll(List<IncidentDraft> drafts) throws SQLException {
        List<Incident> opened = new ArrayList<>();
        for (IncidentDraft d : drafts) {
            opened.add(openIncident(d));
        }
        return opened;
    }

    private Incident openIncident(IncidentDraft d) throws SQLException {
        long id = nextId("custody_incident");
        Instant now = Instant.ofEpochMilli(clock.millis());
        String description = d.description().length() > 1_000 ? d.description().substring(0, 1_000) : d.description();
        long index = logged((new LogEvent.IncidentOpened(header(named(d.authority())), id, d.kind().word(), description)));
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO custody_incident (id, kind, authority, tag, description, opened_at, opened_by, log_index)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, id);
            ps.setString(2, d.kind().word());
            ps.setString(3, d.authority().value());
            ps.setString(4, d.asset().map(AssetTag::value).orElse(null));
            ps.setString(5, description);
            ps.setLong(6, now.toEpochMilli());
            ps.setString(7, recordedBy);
            ps.setLong(8, index);
            ps.executeUpdate();
        }
        return new Incident(id, d.kind(), d.authority(), d.asset(), description, now, Optional.empty(), Optional.empty());
    }

    private Outcome incidentAction(long id, String action, String person, Optional<String> note) throws SQLException {
        List<Incident> found = incidents("i.id = ?", id);
        if (found.isEmpty()) {
            return refused("there is no incident #" + id);
        }
        Incident incident = found.getFirst();
        if (!incident.open()) {
            return refused("incident #" + id + " was resolved on " + incident.resolution().orElseThrow().at() + " by "
                    + incident.resolution().orElseThrow().by() + "; open a new incident if something new was found");
        }
        EventHeader h = header(named(incident.authority()));
        long index = logged((action.equals("assign") ? new LogEvent.IncidentAssigned(h, id, person)
                : new LogEvent.IncidentResolved(h, id, note.orElseThrow())));
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO custody_incident_action (incident_id, action, person, note, at, log_index) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, action);
            ps.setString(3, person);
            ps.setString(4, note.orElse(null));
            ps.setLong(5, clock.millis());
            ps.setLong(6, index);
            ps.executeUpdate();
        }
        return new Outcome.Done(action.equals("assign") ? "Assigned incident #" + id + " to " + person : "Resolved incident #" + id, List.of());
    }

    /** Incidents, newest last: of one authority or all, only the unresolved ones or all. */
    public List<Incident> incidents(Optional<AuthorityId> authority, boolean openOnly) {
        return read("read the incidents", () -> {
            List<Incident> all = authority.isPresent() ? incidents("i.authority = ?", authority.get().value()) : incidents("1 = ?", 1);
            return openOnly ? all.stream().filter(Incident::open).toList() : all;
        });
    }

    /**
     * What blocks certification of an authority's results on the custody side: its unresolved
     * incidents. Certification (and the audit's discrepancies) must be refused while this is not empty.
     */
    public List<Incident> certificationBlockers(AuthorityId authority) {
        return read("read the incidents", () -> certificationBlockersIn(authority));
    }

    /** {@link #certificationBlockers} inside a transaction that is already open (certification's). */
    List<Incident> certificationBlockersIn(AuthorityId authority) throws SQLException {
        return incidents("i.authority = ?", authority.value()).stream().filter(Incident::open).toList();
    }

    private List<Incident> incidents(String where, Object value) throws SQLException {
        Map<Long, Incident> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT i.id, i.kind, i.authority, i.tag, i.description, i.opened_at, a.action, a.person, a.note, a.at
                FROM custody_incident i LEFT JOIN custody_incident_action a ON a.incident_id = i.id""" + " WHERE " + where
                + " ORDER BY i.id, a.id")) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Incident i = byId.get(id);
                    if (i == null) {
                        String kind = rs.getString(2);
                        i = new Incident(id, IncidentKind.parse(kind).orElseThrow(() -> damaged("incident #" + id + " has kind " + kind)),
                                new AuthorityId(rs.getString(3)), Optional.ofNullable(rs.getString(4)).map(AssetTag::new), rs.getString(5),
                                Instant.ofEpochMilli(rs.getLong(6)), Optional.empty(), Optional.empty());
                    }
                    String action = rs.getString(7);
                    if ("assign".equals(action)) {
                        i = new Incident(i.id(), i.kind(), i.authority(), i.asset(), i.description(), i.opened(), Optional.of(rs.getString(8)),
                                i.resolution());
                    } else if ("resolve".equals(action)) {
                        i = new Incident(i.id(), i.kind(), i.authority(), i.asset(), i.description(), i.opened(), i.assignedTo(),
                                Optional.of(new Incident.Resolution(rs.getString(8), Instant.ofEpochMilli(rs.getLong(10)), rs.getString(9))));
                    }
                    byId.put(id, i);
                }
            }
        }
        return List.copyOf(byId.values());
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    private <T> T read(String doing, Workspace.Work<T, RuntimeException> work) {
        synchronized (workspace) {
            entries.clear(); // another program may have changed the registry since
            try {
                return workspace.transaction(false, doing, work);
            } finally {
                closeStatements();
            }
        }
    }

    private EventHeader header(Jurisdiction jurisdiction) {
        return new EventHeader(Instant.ofEpochMilli(clock.millis()), new Actor(recordedBy), Optional.empty(), jurisdiction,
                Disposition.SUCCESS);
    }

    private static Jurisdiction named(AuthorityId authority) {
        return new Jurisdiction.Named(authority.value());
    }

    private static Outcome refused(String reason) {
        return new Outcome.Refused(reason, List.of());
    }

    private static Outcome unknown(AssetTag tag) {
        return refused("there is no asset " + tag + " in the inventory");
    }

    private Fingerprint fingerprint(String text) {
        return Fingerprint.parse(text).orElseThrow(() -> damaged("a stored fingerprint \"" + text + "\" is not a fingerprint"));
    }

    private DamagedWorkspace damaged(String problem) {
        return new DamagedWorkspace(workspace.location().describe(), problem + "; was the workspace altered by hand?", null);
    }

    private static long returnedId(PreparedStatement insertReturningId) throws SQLException {
        try (ResultSet rs = insertReturningId.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("INSERT ... RETURNING id returned no row");
            }
            return rs.getLong(1);
        }
    }
}
