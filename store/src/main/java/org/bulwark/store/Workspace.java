package org.bulwark.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.ledger.keys.KeyFingerprint;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.log.Hash;
import org.bulwark.ledger.log.Merkle;
import org.bulwark.ledger.log.LogWrite;
import org.bulwark.ledger.log.TileAppender;
import org.bulwark.ledger.log.TileLayout;
import org.bulwark.ledger.log.TileReader;
import org.bulwark.ledger.trust.Change;
import org.bulwark.ledger.trust.TrustRegistry;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventEncoding;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.store.WorkspaceException.DamagedWorkspace;
import org.bulwark.store.WorkspaceException.DuplicateImport;
import org.bulwark.store.WorkspaceException.UnknownElection;
import org.bulwark.store.WorkspaceException.WorkspaceUnavailable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;

/**
 * A workspace: the election definitions, imported CVR files, the CVRs themselves and the results of
 * tabulation runs, in a SQLite file or a PostgreSQL database (same schema, brought up to date by
 * migrations on open).
 *
 * <p>Every write is one transaction: an import lands whole or not at all, whatever stops it (a bad
 * record, an I/O error, the process being killed). The same CVR file (by SHA-256) or election (by
 * fingerprint) is never imported twice. CVRs are stored in a random order with no time attached, so
 * the workspace does not reveal the order in which ballots were cast.
 *
 * <p>One workspace object holds one database connection; its methods are synchronized. A consumer
 * given to {@link #forEachCvr} must not call back into the same workspace.
 */
public final class Workspace implements AutoCloseable {
    private static final int BATCH = 1_000;
    private static final int FETCH = 4_096;
    private static final HexFormat HEX = HexFormat.of();

    // Flyway reports each step at INFO through java.util.logging, which a command line would print.
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private final WorkspaceLocation location;
    private final Dialect dialect;
    private final Connection connection;
    private final Clock clock;
    private final String importedBy;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, CvrDictionary> dictionaries = new HashMap<>();
    private final LogStore log;
    private final CustodyRecords custody;
    private final PortalAccounts portalAccounts;

    private Workspace(WorkspaceLocation location, Dialect dialect, Connection connection, Clock clock, String importedBy) {
        this.location = location;
        this.dialect = dialect;
        this.connection = connection;
        this.clock = clock;
        this.importedBy = importedBy;
        this.log = new LogStore(connection);
        this.custody = new CustodyRecords(this, connection, log, clock, importedBy, org.bulwark.custody.CustodyRules.MISSOURI);
        this.portalAccounts = new PortalAccounts(this, connection, log, clock);
    }

    /** The custody records: registry, inventory, seals, transfers, L&A, incidents and readiness. */
    public CustodyRecords custody() {
        return custody;
    }

    /** Opens (creating a SQLite file on first use) and migrates a workspace; imports are credited to the OS user. */
    public static Workspace open(WorkspaceLocation location) {
        return open(location, Clock.systemUTC(), System.getProperty("user.name", "unknown user") + " (bulwark)");
    }

    /**
     * Opens and migrates a workspace.
     *
     * @param clock the source of import and save times
     * @param importedBy who or what is recorded as importing files through this workspace object
     */
    public static Workspace open(WorkspaceLocation location, Clock clock, String importedBy) {
        Connection connection = switch (location) {
            case WorkspaceLocation.SqliteFile f -> openSqlite(f);
            case WorkspaceLocation.Postgres p -> openPostgres(p);
        };
        Dialect dialect = location instanceof WorkspaceLocation.Postgres ? Dialect.POSTGRESQL : Dialect.SQLITE;
        try {
            migrate(location, dialect);
        } catch (RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
        return new Workspace(location, dialect, connection, clock, importedBy);
    }

    private static Connection openSqlite(WorkspaceLocation.SqliteFile file) {
        Path path = file.path().toAbsolutePath();
        if (Files.isDirectory(path)) {
            throw new WorkspaceUnavailable(file.describe(), "open it", "it is a folder, not a workspace file", null);
        }
        if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
            throw new WorkspaceUnavailable(
                    file.describe(), "open it", "the folder " + path.getParent() + " does not exist", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers do not block the importer. FULL: a finished import survives a power cut too;
        // it costs one sync per transaction, and an import is one transaction.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setCacheSize(-65_536);
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
            try (Statement s = c.createStatement()) {
                // Reads the header now, so a file that is not a database fails here, by name.
                s.execute("SELECT count(*) FROM sqlite_master");
            } catch (SQLException e) {
                closeQuietly(c, e);
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw new WorkspaceUnavailable(file.describe(), "open it", Dialect.SQLITE.plainWords(e), e);
        }
    }

    private static Connection openPostgres(WorkspaceLocation.Postgres pg) {
        Properties props = new Properties();
        pg.user().ifPresent(u -> props.setProperty("user", u));
        pg.password().ifPresent(p -> props.setProperty("password", p));
        try {
            return DriverManager.getConnection(pg.jdbcUrl(), props);
        } catch (SQLException e) {
            throw new WorkspaceUnavailable(pg.describe(), "connect", Dialect.POSTGRESQL.plainWords(e), e);
        }
    }

    private static void migrate(WorkspaceLocation location, Dialect dialect) {
        String url = switch (location) {
            case WorkspaceLocation.SqliteFile f -> "jdbc:sqlite:" + f.path().toAbsolutePath();
            case WorkspaceLocation.Postgres p -> p.jdbcUrl();
        };
        String user = location instanceof WorkspaceLocation.Postgres p ? p.user().orElse(null) : null;
        String password = location instanceof WorkspaceLocation.Postgres p ? p.password().orElse(null) : null;
        try {
            Flyway flyway = Flyway.configure(Workspace.class.getClassLoader())
                    .dataSource(url, user, password)
                    .locations(dialect.migrations)
                    .failOnMissingLocations(true)
                    // Flyway's default ignores applied migrations it does not know: a workspace from a
                    // newer Bulwark would then be written with older rules. Refuse it instead.
                    .ignoreMigrationPatterns(new String[0])
                    .load();
            refuseNewerSchema(location, flyway.info());
            flyway.migrate();
        } catch (FlywayException e) {
            String reason = sqlCause(e)
                    .map(dialect::plainWords)
                    .orElse("its tables are not as this version of Bulwark made them; was it altered by hand? ("
                            + e.getMessage().lines().filter(l -> !l.contains("http")).reduce((a, b) -> a + " " + b)
                                    .orElse("") + ")");
            throw new WorkspaceUnavailable(location.describe(), "bring its tables up to date", reason, e);
        }
    }

    private static void refuseNewerSchema(WorkspaceLocation location, MigrationInfoService info) {
        List<MigrationInfo> future = Arrays.stream(info.all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        if (!future.isEmpty()) {
            String known = Arrays.stream(info.all())
                    .filter(m -> m.getState().isResolved())
                    .map(m -> m.getVersion().getVersion())
                    .reduce((a, b) -> b)
                    .orElse("none");
            throw new WorkspaceUnavailable(location.describe(), "bring its tables up to date",
                    "it was made by a newer version of Bulwark (its tables are at version "
                            + future.getLast().getVersion().getVersion() + ", this version knows up to version " + known
                            + "); open it with that version or a later one", null);
        }
    }

    private static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Paged and filtered views of the custody records for the portal's equipment pages. */
    public EquipmentRecords equipmentRecords() {
        return new EquipmentRecords(this, connection);
    }

    /** The web portal's accounts (their sign-in state and log events). */
    public PortalAccounts portalAccounts() {
        return portalAccounts;
    }

    /** Where this workspace lives. */
    public WorkspaceLocation location() {
        return location;
    }

    /** Cosigned checkpoints kept in this workspace: given to other logs, and received for this one. */
    public Cosignatures cosignatures() {
        return new Cosignatures(this);
    }

    /** Verify-then-import of signed packages into this workspace. */
    public PackageImports packageImports() {
        return new PackageImports(this);
    }

    /** The current time by the workspace's clock, to the millisecond as stored. */
    Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    // ---- elections -------------------------------------------------------------------------------

    /**
     * Stores an election definition as given. Refused with {@link DuplicateImport} when an election
     * with the same fingerprint is already in the workspace.
     */
    public synchronized StoredElection importElection(Election election, ElectionSource source) {
        return transaction(true, "import the election definition " + source.sourceName(), () -> {
            Optional<StoredElection> earlier = findElection("fingerprint = ?", source.fingerprint());
            if (earlier.isPresent()) {
                throw new DuplicateImport(earlier.get());
            }
            Instant now = clock.instant();
            long id;
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO election (definition_id, title, election_date, source_name, format, fingerprint,
                        definition, bulwark_json, cvr_dictionary, imported_at, imported_by, scope)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                ps.setString(1, election.id());
                ps.setString(2, election.title());
                ps.setString(3, election.date().toString());
                ps.setString(4, source.sourceName());
                ps.setString(5, source.format());
                ps.setString(6, source.fingerprint());
                ps.setBytes(7, source.fileBytes());
                ps.setBytes(8, source.bulwarkJson().orElse(null));
                ps.setBytes(9, CvrDictionary.of(election).toBytes());
                ps.setLong(10, now.toEpochMilli());
                ps.setString(11, importedBy);
                ps.setString(12, election.scope().value());
                id = returnedId(ps);
            }
            log.append(List.of(new LogEvent.ElectionDefinitionImported(
                    header(Instant.ofEpochMilli(now.toEpochMilli()), new Jurisdiction.Unit(election.scope())),
                    election.id(), new Sha256(source.fingerprint()), source.sourceName())));
            return new StoredElection(new ElectionRef(id), election.id(), election.title(), election.date(),
                    source.sourceName(), source.format(), source.fingerprint(), source.bulwarkJson().isPresent(),
                    Instant.ofEpochMilli(now.toEpochMilli()), importedBy);
        });
    }

    /** The elections in the workspace, in the order they were imported. */
    public synchronized List<StoredElection> listElections() {
        return transaction(false, "list the elections", () -> {
            List<StoredElection> all = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(ELECTION_COLUMNS + " ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(storedElection(rs));
                }
            }
            return all;
        });
    }

    /** One election, or {@link UnknownElection}. */
    public synchronized StoredElection election(ElectionRef election) {
        return transaction(false, "read " + election, () -> requireElection(election));
    }

    /** The definition file's bytes exactly as imported. */
    public synchronized byte[] originalDefinition(ElectionRef election) {
        return transaction(false, "read " + election, () -> {
            requireElection(election);
            return bytesColumn("SELECT definition FROM election WHERE id = ?", election.id()).orElseThrow();
        });
    }

    /** The definition in Bulwark's canonical JSON, when it was stored with it. */
    public synchronized Optional<byte[]> bulwarkJson(ElectionRef election) {
        return transaction(false, "read " + election, () -> {
            requireElection(election);
            return bytesColumn("SELECT bulwark_json FROM election WHERE id = ?", election.id());
        });
    }

    /**
     * The election as stored, read again through {@link ElectionFiles}: from its Bulwark JSON when
     * it was stored with it (the form Bulwark itself wrote), else from the original file.
     */
    public synchronized Election loadElection(ElectionRef election) {
        return transaction(false, "read " + election, () -> readElection(requireElection(election)));
    }

    /** {@link #loadElection} inside a transaction. */
    Election readElection(StoredElection stored) throws SQLException {
        ElectionRef election = stored.ref();
        Optional<byte[]> json = bytesColumn("SELECT bulwark_json FROM election WHERE id = ?", election.id());
        byte[] bytes = json.isPresent() ? json.get()
                : bytesColumn("SELECT definition FROM election WHERE id = ?", election.id()).orElseThrow();
        try {
            return ElectionFiles.read(bytes, stored.sourceName() + " (" + election + " in " + location.describe() + ")")
                    .election();
        } catch (BadInputException e) {
            throw new DamagedWorkspace(location.describe(), "the stored definition of " + election
                    + " no longer reads (" + e.getMessage() + ")", e);
        }
    }

    private static final String ELECTION_COLUMNS = """
            SELECT id, definition_id, title, election_date, source_name, format, fingerprint,
                bulwark_json IS NOT NULL, imported_at, imported_by FROM election""";

    Optional<StoredElection> findElection(String where, Object value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(ELECTION_COLUMNS + " WHERE " + where)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(storedElection(rs)) : Optional.empty();
            }
        }
    }

    private StoredElection requireElection(ElectionRef election) throws SQLException {
        return findElection("id = ?", election.id())
                .orElseThrow(() -> new UnknownElection(election, location.describe()));
    }

    private static StoredElection storedElection(ResultSet rs) throws SQLException {
        return new StoredElection(new ElectionRef(rs.getLong(1)), rs.getString(2), rs.getString(3),
                LocalDate.parse(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getBoolean(8), Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10));
    }

    private CvrDictionary dictionary(ElectionRef election) throws SQLException {
        CvrDictionary cached = dictionaries.get(election.id());
        if (cached != null) {
            return cached;
        }
        requireElection(election);
        byte[] bytes = bytesColumn("SELECT cvr_dictionary FROM election WHERE id = ?", election.id()).orElseThrow();
        try {
            CvrDictionary d = CvrDictionary.fromBytes(bytes);
            dictionaries.put(election.id(), d);
            return d;
        } catch (Bytes.Malformed e) {
            throw new DamagedWorkspace(location.describe(), "the CVR dictionary of " + election
                    + " does not decode (" + e.getMessage() + ")", e);
        }
    }

    // ---- CVR files ---------------------------------------------------------------------------------

    /**
     * Imports one CVR file in one transaction: the source pushes its CVRs, each is encoded and staged,
     * then all are written in a random order. If the source throws (a {@link BadInputException} at CVR
     * 5,000, an {@link IOException}), that exception comes out of this method and nothing of the import
     * remains. A file whose SHA-256 was imported before is refused with {@link DuplicateImport} before
     * a single CVR is read.
     *
     * @param sourceName the file as the user named it
     * @param format the file's format as detected, e.g. "NIST SP 1500-103 JSON"
     * @param sha256 the SHA-256 of the file's bytes (32 bytes)
     * @param countingGroup the counting group the file is imported as
     * @throws BadInputException also when a CVR names a contest, selection, style, unit or party
     *     that the election does not define (the reader should have caught it)
     */
    public synchronized ImportedFile importCvrs(
            ElectionRef election, String sourceName, String format, byte[] sha256, CountingGroup countingGroup,
            CvrStreamSource source) throws IOException {
        HashingCvrSource.ReadFile known = new HashingCvrSource.ReadFile(sha256, format);
        return importCvrs(election, sourceName, countingGroup, Optional.of(known), hashed(known, source));
    }

    /**
     * As above, for a source that hashes the file as it reads it: the SHA-256 recorded is that of the
     * bytes the CVRs were parsed from, and the file is read once. A file imported before is then
     * refused when it has been read, still with {@link DuplicateImport} and still leaving no trace.
     */
    public synchronized ImportedFile importCvrs(
            ElectionRef election, String sourceName, CountingGroup countingGroup, HashingCvrSource source) throws IOException {
        return importCvrs(election, sourceName, countingGroup, Optional.empty(), source);
    }

    private ImportedFile importCvrs(ElectionRef election, String sourceName, CountingGroup countingGroup,
            Optional<HashingCvrSource.ReadFile> known, HashingCvrSource source) throws IOException {
        try {
            return transaction(true, "import the CVR file " + sourceName,
                    () -> importInTransaction(election, sourceName, countingGroup, known, source));
        } catch (LostRace e) {
            // Another process imported the same file between our check and our insert (PostgreSQL).
            throw transaction(false, "import the CVR file " + sourceName,
                    () -> new DuplicateImport(findFile("sha256 = ?", e.sha).orElseThrow()));
        }
    }

    /** Within a transaction already open, for a file whose SHA-256 (hex) is known before it is read (a package's). */
    ImportedFile importInTransaction(ElectionRef election, String sourceName, String format, String sha, CountingGroup countingGroup,
            CvrStreamSource source) throws SQLException, IOException {
        HashingCvrSource.ReadFile known = new HashingCvrSource.ReadFile(HEX.parseHex(sha), format);
        return importInTransaction(election, sourceName, countingGroup, Optional.of(known), hashed(known, source));
    }

    private static HashingCvrSource hashed(HashingCvrSource.ReadFile known, CvrStreamSource source) {
        return sink -> {
            source.pushTo(sink);
            return known;
        };
    }

    /**
     * Refuses a file imported before. A hash known before reading claims the file at once, so that a
     * second import of it (another process, PostgreSQL) waits for this one and is refused before it reads
     * anything; a hash learnt by reading claims the file when it has been read.
     */
    ImportedFile importInTransaction(ElectionRef election, String sourceName, CountingGroup countingGroup,
            Optional<HashingCvrSource.ReadFile> known, HashingCvrSource source) throws SQLException, IOException {
        CvrCodec codec = new CvrCodec(dictionary(election));
        Instant now = Instant.ofEpochMilli(clock.instant().toEpochMilli());
        OptionalLong claimed = OptionalLong.empty();
        if (known.isPresent()) {
            claimed = OptionalLong.of(claimFile(election, sourceName, countingGroup, known.get(), now));
        }
        try (Statement s = connection.createStatement()) {
            s.execute(dialect.createStaging);
        }
        Staged staged = stage(codec, sourceName, source);
        long fileId = claimed.isPresent() ? claimed.getAsLong() : claimFile(election, sourceName, countingGroup, staged.file(), now);
        String sha = HEX.formatHex(staged.file().sha256());
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO cvr (file_id, position, record)
                SELECT ?, ROW_NUMBER() OVER (ORDER BY rnd), record FROM cvr_staging ORDER BY rnd""")) {
            ps.setLong(1, fileId);
            ps.executeUpdate();
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE cvr_staging");
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE cvr_file SET cvr_count = ? WHERE id = ?")) {
            ps.setLong(1, staged.count());
            ps.setLong(2, fileId);
            ps.executeUpdate();
        }
        ElectionFacts facts = electionFacts(election);
        log.append(List.of(new LogEvent.CvrFileImported(header(now, facts.jurisdiction()), facts.fingerprint(),
                new Sha256(sha), sourceName, countingGroup.nist(), staged.count())));
        return new ImportedFile(fileId, election, sha, sourceName, staged.file().format(), countingGroup, staged.count(), now, importedBy);
    }

    /** Refuses a file imported before, else records it (with no CVRs yet) and returns its id. */
    private long claimFile(ElectionRef election, String sourceName, CountingGroup countingGroup, HashingCvrSource.ReadFile file,
            Instant now) throws SQLException {
        String sha = HEX.formatHex(file.sha256());
        refuseIfImported(sha);
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO cvr_file (election_id, sha256, source_name, format, counting_group, cvr_count,
                    imported_at, imported_by)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?) RETURNING id""")) {
            ps.setLong(1, election.id());
            ps.setString(2, sha);
            ps.setString(3, sourceName);
            ps.setString(4, file.format());
            ps.setString(5, countingGroup.nist());
            ps.setLong(6, now.toEpochMilli());
            ps.setString(7, importedBy);
            return returnedId(ps);
        } catch (SQLException e) {
            if (dialect.isUniqueViolation(e)) {
                throw new LostRace(sha);
            }
            throw e;
        }
    }

    private void refuseIfImported(String sha) throws SQLException {
        Optional<ImportedFile> earlier = findFile("sha256 = ?", sha);
        if (earlier.isPresent()) {
            throw new DuplicateImport(earlier.get());
        }
    }

    /** What staging a file gave: how many CVRs, and what the source found the file to be. */
    private record Staged(long count, HashingCvrSource.ReadFile file) {}

    /**
     * Stages every CVR the source pushes, each with a random sort key; returns the count. The source
     * (a JSON or XML reader, the costly part) runs on this thread while a {@link StagingWriter} encodes
     * and inserts on another, so an import keeps two cores busy.
     */
    private Staged stage(CvrCodec codec, String sourceName, HashingCvrSource source) throws SQLException, IOException {
        // A fast generator seeded from SecureRandom per import: the order must be unpredictable, not secret-key strong.
        SplittableRandom order = new SplittableRandom(random.nextLong());
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO cvr_staging (rnd, record) VALUES (?, ?)");
                StagingWriter writer = new StagingWriter(ps, codec, sourceName, order)) {
            HashingCvrSource.ReadFile file;
            try {
                file = source.pushTo(writer);
            } catch (SqlInSink e) {
                throw e.getCause();
            }
            return new Staged(writer.finish(), file);
        }
    }

    /**
     * Takes CVRs from the reading thread in batches and encodes and inserts them on its own thread.
     * The statement is used by that thread alone until {@link #close} has joined it, so the
     * connection is never used by two threads at once; memory is bounded by the queue. A failure on
     * the writing thread (a CVR the election does not define, a database error) stops the source at
     * its next CVR and comes out of {@link #finish}, or of {@code accept} as the source's exception.
     */
    private static final class StagingWriter implements Consumer<CastVoteRecord>, AutoCloseable {
        private static final List<CastVoteRecord> END = List.of();

        private final PreparedStatement insert;
        private final CvrCodec codec;
        private final String sourceName;
        private final SplittableRandom order;
        private final BlockingQueue<List<CastVoteRecord>> queue = new ArrayBlockingQueue<>(4);
        private final Thread thread;
        private List<CastVoteRecord> batch = new ArrayList<>(BATCH);
        private long written;
        private volatile Throwable failure;
        private boolean ended;

        StagingWriter(PreparedStatement insert, CvrCodec codec, String sourceName, SplittableRandom order) {
            this.insert = insert;
            this.codec = codec;
            this.sourceName = sourceName;
            this.order = order;
            this.thread = Thread.ofPlatform().name("bulwark-import-writer").daemon().start(this::drain);
        }

        @Override
        public void accept(CastVoteRecord cvr) {
            batch.add(cvr);
            if (batch.size() == BATCH) {
                hand(batch);
                batch = new ArrayList<>(BATCH);
                rethrowFailure();
            }
        }

        /** Writes what is left, waits for the writing thread and returns the count of CVRs staged. */
        long finish() throws SQLException {
            if (!batch.isEmpty()) {
                hand(batch);
            }
            end();
            try {
                rethrowFailure();
            } catch (SqlInSink e) {
                throw e.getCause();
            }
            return written;
        }

        /** Stops the writing thread (after its current batch) before the transaction goes on or is undone. */
        @Override
        public void close() {
            end();
        }

        private void end() {
            if (ended) {
                return;
            }
            ended = true;
            boolean interrupted = false;
            while (true) {
                try {
                    queue.put(END);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void hand(List<CastVoteRecord> full) {
            try {
                queue.put(full);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the import was interrupted", e);
            }
        }

        private void rethrowFailure() {
            switch (failure) {
                case null -> { }
                case SQLException e -> throw new SqlInSink(e);
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                case Throwable e -> throw new IllegalStateException(e);
            }
        }

        /** The writing thread: after a failure it only drains, so the reading thread never blocks on a full queue. */
        private void drain() {
            while (true) {
                List<CastVoteRecord> next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    continue; // only END stops this thread: the reading thread joins it before using the connection
                }
                if (next == END) {
                    return;
                }
                if (failure == null) {
                    try {
                        write(next);
                    } catch (Throwable t) {
                        failure = t;
                    }
                }
            }
        }

        private void write(List<CastVoteRecord> cvrs) throws SQLException {
            for (CastVoteRecord cvr : cvrs) {
                byte[] record;
                try {
                    record = codec.encode(cvr);
                } catch (CvrCodec.NotInElection e) {
                    throw new BadInputException(sourceName, "CVR " + (written + 1) + " (ballot id \""
                            + cvr.ballotId() + "\")", e.getMessage());
                }
                insert.setLong(1, order.nextLong());
                insert.setBytes(2, record);
                insert.addBatch();
                written++;
            }
            insert.executeBatch();
        }
    }

    /** Carries a database error out of the sink, which may not throw checked exceptions. */
    private static final class SqlInSink extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlInSink(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String sha;

        LostRace(String sha) {
            super(null, null, false, false);
            this.sha = sha;
        }
    }

    /** The CVR files imported for an election, in the order they were imported. */
    public synchronized List<ImportedFile> importedFiles(ElectionRef election) {
        return transaction(false, "list the CVR files of " + election, () -> {
            requireElection(election);
            List<ImportedFile> files = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(FILE_COLUMNS + " WHERE election_id = ? ORDER BY id")) {
                ps.setLong(1, election.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        files.add(importedFile(rs));
                    }
                }
            }
            return files;
        });
    }

    private static final String FILE_COLUMNS = """
            SELECT id, election_id, sha256, source_name, format, counting_group, cvr_count, imported_at, imported_by
            FROM cvr_file""";

    private Optional<ImportedFile> findFile(String where, Object value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(FILE_COLUMNS + " WHERE " + where)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(importedFile(rs)) : Optional.empty();
            }
        }
    }

    private ImportedFile importedFile(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String group = rs.getString(6);
        CountingGroup countingGroup = CountingGroup.fromNist(group).orElseThrow(() -> new DamagedWorkspace(
                location.describe(), "CVR import #" + id + " has an unknown counting group \"" + group + "\"", null));
        return new ImportedFile(id, new ElectionRef(rs.getLong(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                countingGroup, rs.getLong(7), Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9));
    }

    /**
     * Streams every CVR of an election to the consumer, file by file, each file's CVRs in their
     * stored random order; returns how many were passed on. Memory stays bounded whatever the count.
     */
    public synchronized long forEachCvr(ElectionRef election, Consumer<? super CastVoteRecord> consumer) {
        return transaction(false, "read the CVRs of " + election, () -> {
            CvrCodec codec = new CvrCodec(dictionary(election));
            long count = 0;
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT c.file_id, c.position, c.record FROM cvr c JOIN cvr_file f ON f.id = c.file_id
                    WHERE f.election_id = ? ORDER BY c.file_id, c.position""")) {
                ps.setFetchSize(FETCH);
                ps.setLong(1, election.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CastVoteRecord cvr;
                        try {
                            cvr = codec.decode(rs.getBytes(3));
                        } catch (Bytes.Malformed e) {
                            throw new DamagedWorkspace(location.describe(), "the CVR at position " + rs.getLong(2)
                                    + " of CVR import #" + rs.getLong(1) + " does not decode (" + e.getMessage() + ")", e);
                        }
                        consumer.accept(cvr);
                        count++;
                    }
                }
            }
            return count;
        });
    }

    // ---- results -----------------------------------------------------------------------------------

    /** Stores the results of one tabulation run. */
    public synchronized StoredResults saveResults(ElectionRef election, byte[] errJson, ResultsSummary summary) {
        return transaction(true, "save the results of " + election, () -> {
            requireElection(election);
            Instant now = Instant.ofEpochMilli(clock.instant().toEpochMilli());
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO results (election_id, saved_at, ballots_counted, cvr_files, contests, err_json)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")) {
                ps.setLong(1, election.id());
                ps.setLong(2, now.toEpochMilli());
                ps.setLong(3, summary.ballotsCounted());
                ps.setInt(4, summary.cvrFiles());
                ps.setInt(5, summary.contests());
                ps.setBytes(6, errJson);
                StoredResults saved = new StoredResults(returnedId(ps), election, now, summary, errJson);
                ElectionFacts facts = electionFacts(election);
                log.append(List.of(new LogEvent.ResultsTabulated(header(now, facts.jurisdiction()), facts.fingerprint(),
                        summary.ballotsCounted(), summary.cvrFiles(), summary.contests(), sha256(errJson))));
                return saved;
            }
        });
    }

    /** The results of the most recent tabulation run saved for the election, if any. */
    public synchronized Optional<StoredResults> latestResults(ElectionRef election) {
        return transaction(false, "read the results of " + election, () -> {
            requireElection(election);
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT id, saved_at, ballots_counted, cvr_files, contests, err_json FROM results
                    WHERE election_id = ? ORDER BY id DESC LIMIT 1""")) {
                ps.setLong(1, election.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredResults(rs.getLong(1), election, Instant.ofEpochMilli(rs.getLong(2)),
                            new ResultsSummary(rs.getLong(3), rs.getInt(4), rs.getInt(5)), rs.getBytes(6)));
                }
            }
        });
    }

    // ---- the transparency log ----------------------------------------------------------------------

    /**
     * Appends events to the workspace log in one transaction (batched inserts, one commit); returns
     * the index of the first. Entries are never changed or removed afterwards.
     */
    public synchronized long appendToLog(List<? extends LogEvent> events) {
        return transaction(true, "append to the log", () -> log.append(events));
    }

    /** Pushes events one by one into an append, e.g. as a device's event log is read. */
    @FunctionalInterface
    public interface EventSource {
        void pushTo(Consumer<LogEvent> sink) throws IOException;
    }

    /**
     * Appends every event the source pushes, in one transaction, in batches, so memory stays bounded
     * whatever the count; if the source throws (a broken hash chain at the last event), nothing is
     * appended. Returns the index of the first.
     */
    public synchronized long appendStreamToLog(EventSource source) throws IOException {
        return transaction(true, "append to the log", () -> {
            long first = log.size();
            List<LogEvent> batch = new ArrayList<>(LogStore.BATCH);
            Runnable flush = () -> {
                try {
                    log.append(batch);
                } catch (SQLException e) {
                    throw new LogStore.SqlInReader(e);
                }
                batch.clear();
            };
            source.pushTo(event -> {
                batch.add(event);
                if (batch.size() == LogStore.BATCH) {
                    flush.run();
                }
            });
            flush.run();
            return first;
        });
    }

    /** How many entries the log holds. */
    public synchronized long logSize() {
        return transaction(false, "read the log", log::size);
    }

    /** The entry at an index, decoded; {@link DamagedWorkspace} when its bytes no longer decode. */
    public synchronized Optional<LoggedEntry> logEntry(long index) {
        return transaction(false, "read the log", () -> log.entry(index).map(bytes -> logged(index, bytes)));
    }

    /** Every entry from {@code from} on, in order, decoded. The consumer must not call back into the workspace. */
    public synchronized void forEachLogEntry(long from, Consumer<? super LoggedEntry> consumer) {
        transaction(false, "read the log", () -> {
            log.forEach(from, Long.MAX_VALUE, (index, bytes) -> consumer.accept(logged(index, bytes)));
            return null;
        });
    }

    private LoggedEntry logged(long index, byte[] bytes) {
        try {
            return new LoggedEntry(index, bytes, EventEncoding.decode(bytes));
        } catch (EventEncoding.Malformed e) {
            throw new DamagedWorkspace(location.describe(), "log entry " + index + " does not decode (" + e.getMessage()
                    + "); was the workspace altered by hand?", e);
        }
    }

    /**
     * Runs work with a consistent view of the log's tiles and entry bundles (the C2SP tlog-tiles
     * layout), e.g. to compute a root or an inclusion proof or to publish. The reader is valid only
     * during the call.
     */
    public synchronized <T> T withLogTiles(java.util.function.BiFunction<Long, TileReader, T> work) {
        return transaction(false, "read the log", () -> work.apply(log.size(), log.reader()));
    }

    /** The Merkle root (RFC 9162) of the first {@code size} entries, from the stored tiles. */
    public synchronized Hash logRoot(long size) {
        return withLogTiles((current, tiles) -> {
            if (size > current) {
                throw new IllegalArgumentException("the log has " + current + " entries, not " + size);
            }
            return log.rootFromTiles(size);
        });
    }

    /**
     * Saves a signed checkpoint (or a cosigned one) of the first {@code treeSize} entries and logs
     * the event saying so, in one transaction. Refused if the root is not this log's root at that size.
     */
    public synchronized void saveCheckpoint(long treeSize, Hash root, String note, boolean cosigned, LogEvent event) {
        transaction(true, "save the checkpoint", () -> {
            Hash actual = log.rootFromTiles(treeSize);
            if (!actual.equals(root)) {
                throw new IllegalArgumentException("the checkpoint's root " + root.hex() + " is not the log's root "
                        + actual.hex() + " at size " + treeSize);
            }
            log.saveCheckpoint(treeSize, root, note, cosigned ? "cosigned" : "signed", clock.millis());
            log.append(List.of(event));
            return null;
        });
    }

    /** The most recent signed (not cosigned) checkpoint, if any. */
    public synchronized Optional<StoredCheckpoint> latestCheckpoint() {
        return transaction(false, "read the checkpoints", () -> log.checkpoints().stream()
                .filter(c -> c.kind().equals("signed")).reduce((a, b) -> b)
                .map(c -> new StoredCheckpoint(c.treeSize(), Hash.fromHex(c.rootHex()).orElseThrow(() -> new DamagedWorkspace(
                        location.describe(), "a saved checkpoint's root \"" + c.rootHex() + "\" is not a hash", null)),
                        c.note())));
    }

    /**
     * Checks the log against itself: every entry decodes, the tree recomputed from the entries'
     * bytes alone has the stored tiles' root, and every saved checkpoint's root is the recomputed
     * root at its size. A rewritten, removed or reordered entry fails here even if the database's
     * append-only triggers were removed to make the change.
     */
    public synchronized LogCheck verifyLog() {
        return transaction(false, "verify the log", () -> {
            // Checkpoints by size, so that each is compared when the recomputed tree reaches its size;
            // the tree is recomputed from the entries as they stream by, holding only its right edge.
            java.util.TreeMap<Long, List<LogStore.SavedCheckpoint>> bySize = new java.util.TreeMap<>();
            List<LogStore.SavedCheckpoint> checkpoints = log.checkpoints();
            checkpoints.forEach(c -> bySize.computeIfAbsent(c.treeSize(), k -> new ArrayList<>()).add(c));
            TileAppender tree = TileAppender.empty();
            TileReader stored = log.reader();
            try {
                checkCheckpointsAt(tree, bySize);
                log.forEach(0, Long.MAX_VALUE, (index, bytes) -> {
                    if (index != tree.size()) {
                        throw new BrokenLog("log entry " + tree.size() + " is missing");
                    }
                    try {
                        EventEncoding.decode(bytes);
                    } catch (EventEncoding.Malformed e) {
                        throw new BrokenLog("log entry " + index + " does not decode: " + e.getMessage());
                    }
                    tree.append(bytes);
                    if (tree.size() % TileLayout.TILE_WIDTH == 0) {
                        compareFullTiles(tree.drain(), stored);
                    }
                    checkCheckpointsAt(tree, bySize);
                });
                if (!bySize.isEmpty()) {
                    LogStore.SavedCheckpoint c = bySize.firstEntry().getValue().getFirst();
                    return new LogCheck.Broken("a " + c.kind() + " checkpoint covers " + c.treeSize()
                            + " entries but the log has only " + tree.size());
                }
                Hash fromTiles;
                try {
                    fromTiles = log.rootFromTiles(tree.size());
                } catch (IllegalStateException e) {
                    return new LogCheck.Broken("the stored hash tiles are damaged: " + e.getMessage());
                }
                if (!tree.root().equals(fromTiles)) {
                    return new LogCheck.Broken("the stored hash tiles give root " + fromTiles.hex()
                            + " but the entries give " + tree.root().hex());
                }
                return new LogCheck.Intact(tree.size(), checkpoints.size());
            } catch (BrokenLog b) {
                return new LogCheck.Broken(b.getMessage());
            }
        });
    }

    /** Compares the checkpoints of the tree's current size with its root, and forgets them. */
    private static void checkCheckpointsAt(TileAppender tree, java.util.TreeMap<Long, List<LogStore.SavedCheckpoint>> bySize) {
        List<LogStore.SavedCheckpoint> due = bySize.remove(tree.size());
        if (due == null) {
            return;
        }
        Hash root = tree.root();
        for (LogStore.SavedCheckpoint c : due) {
            if (!root.hex().equals(c.rootHex())) {
                throw new BrokenLog("the " + c.kind() + " checkpoint of size " + c.treeSize() + " has root " + c.rootHex()
                        + " but the entries now give " + root.hex() + ": an entry below index " + c.treeSize()
                        + " was changed, removed or reordered");
            }
        }
    }

    /** Each full tile recomputed from the entries must be the stored one, hash for hash. */
    private static void compareFullTiles(List<LogWrite> writes, TileReader stored) {
        for (LogWrite w : writes) {
            if (w instanceof LogWrite.TileWrite t && t.id().width() == TileLayout.TILE_WIDTH
                    && !stored.readTile(t.id()).map(b -> Arrays.equals(b, t.content())).orElse(false)) {
                throw new BrokenLog("the stored hash tile " + TileLayout.tilePath(t.id().level(), t.id().index(), t.id().width()) + " is not the one its entries give");
            }
        }
    }

    /** Stops a streaming log check at its first problem. */
    private static final class BrokenLog extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrokenLog(String problem) {
            super(problem, null, false, false);
        }
    }

    // ---- trust registry and imported packages -------------------------------------------------------

    /** The trust registry: its recorded changes replayed, in order, through the registry's rules. */
    public synchronized TrustRegistry trustRegistry() {
        return transaction(false, "read the trust registry", this::replayTrust);
    }

    TrustRegistry replayTrust() throws SQLException {
        TrustRegistry registry = TrustRegistry.empty();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, change, fingerprint, public_key, by_key, reason, changed_at FROM trust_change ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Instant at = Instant.ofEpochMilli(rs.getLong(7));
                String where = "trust registry change #" + rs.getLong(1);
                Change change;
                try {
                    change = switch (rs.getString(2)) {
                        case "root" -> registry.bootstrap(Keys.parsePublic(rs.getString(4).getBytes(UTF_8), where), at);
                        case "admit" -> registry.admit(Keys.parsePublic(rs.getString(4).getBytes(UTF_8), where),
                                new KeyFingerprint(rs.getString(5)), at);
                        default -> registry.revoke(new KeyFingerprint(rs.getString(3)), new KeyFingerprint(rs.getString(5)),
                                at, rs.getString(6));
                    };
                } catch (BadInputException | IllegalArgumentException e) {
                    throw new DamagedWorkspace(location.describe(), where + " does not read (" + e.getMessage() + ")", e);
                }
                switch (change) {
                    case Change.Done done -> registry = done.registry();
                    case Change.Refused refused -> throw new DamagedWorkspace(location.describe(), where
                            + " no longer follows the registry's rules (" + refused.message() + ")", null);
                }
            }
        }
        return registry;
    }

    /**
     * Applies a change to the trust registry if its rules allow it, recording the change and logging
     * it as an event in one transaction; a refusal writes nothing.
     */
    public synchronized Change changeTrust(TrustRequest request) {
        return transaction(true, "change the trust registry", () -> {
            TrustRegistry registry = replayTrust();
            Instant now = Instant.ofEpochMilli(clock.millis());
            Change change = switch (request) {
                case TrustRequest.Bootstrap b -> registry.bootstrap(b.stateKey(), now);
                case TrustRequest.Admit a -> registry.admit(a.key(), a.by(), now);
                case TrustRequest.Revoke r -> registry.revoke(r.key(), r.by(), now, r.reason());
            };
            if (change instanceof Change.Done done) {
                PublicKeyInfo key = done.entry().key();
                Jurisdiction place = new Jurisdiction.Named(key.jurisdiction().orElse("trust registry"));
                EventHeader header = new EventHeader(now, new Actor(importedBy), Optional.empty(), place, Disposition.SUCCESS);
                LogEvent event = switch (request) {
                    case TrustRequest.Bootstrap b -> new LogEvent.KeyAdmitted(header, key.id(), key.role().text(),
                            new Sha256(key.fingerprint().sha256()), "root of trust");
                    case TrustRequest.Admit a -> new LogEvent.KeyAdmitted(header, key.id(), key.role().text(),
                            new Sha256(key.fingerprint().sha256()), a.by().sha256());
                    case TrustRequest.Revoke r -> new LogEvent.KeyRevoked(header, key.id(), r.reason(), r.by().sha256());
                };
                long index = log.append(List.of(event));
                try (PreparedStatement ps = connection.prepareStatement("""
                        INSERT INTO trust_change (change, fingerprint, public_key, by_key, reason, changed_at, log_index)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    ps.setString(1, switch (request) {
                        case TrustRequest.Bootstrap b -> "root";
                        case TrustRequest.Admit a -> "admit";
                        case TrustRequest.Revoke r -> "revoke";
                    });
                    ps.setString(2, key.fingerprint().sha256());
                    ps.setString(3, request instanceof TrustRequest.Revoke ? null : Keys.publicKeyText(key));
                    ps.setString(4, switch (request) {
                        case TrustRequest.Bootstrap b -> null;
                        case TrustRequest.Admit a -> a.by().sha256();
                        case TrustRequest.Revoke r -> r.by().sha256();
                    });
                    ps.setString(5, request instanceof TrustRequest.Revoke r ? r.reason() : null);
                    ps.setLong(6, now.toEpochMilli());
                    ps.setLong(7, index);
                    ps.executeUpdate();
                }
            }
            return change;
        });
    }

    /** Whether a package with this id was imported into the workspace before (the replay guard). */
    public synchronized boolean isPackageImported(String packageId) {
        return transaction(false, "read the imported packages", () -> packageImported(packageId));
    }

    boolean packageImported(String packageId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM imported_package WHERE package_id = ?")) {
            ps.setString(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Records that a package was imported, with its log event, in one transaction; false (and
     * nothing written) when a package with that id was imported before.
     */
    public synchronized boolean recordPackageImport(LogEvent.PackageImported event) {
        return transaction(true, "record the package import", () -> recordPackageImportIn(event).isPresent());
    }

    /** Inside a write transaction: the log index of the import's event, or empty when the package was imported before. */
    Optional<Long> recordPackageImportIn(LogEvent.PackageImported event) throws SQLException {
        if (packageImported(event.packageId())) {
            return Optional.empty();
        }
        long index = log.append(List.of(event));
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO imported_package (package_id, imported_at, log_index) VALUES (?, ?, ?)")) {
            ps.setString(1, event.packageId());
            ps.setLong(2, clock.millis());
            ps.setLong(3, index);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (dialect.isUniqueViolation(e)) {
                return Optional.empty(); // another process imported it between our check and our insert (PostgreSQL)
            }
            throw e;
        }
        return Optional.of(index);
    }

    /** The post-election audits of this workspace, kept in their own tables (V4). */
    public AuditRecords audits() {
        return new AuditRecords(this);
    }

    /** Certification of an authority's results, refused while custody incidents or audit discrepancies are open. */
    public Certifications certifications() {
        return new Certifications(this, custody);
    }

    /** Runs a record class's work in one transaction on this workspace's connection, its log events included. */
    synchronized <T> T inTransaction(boolean write, String doing, RecordWork<T> work) {
        return transaction(write, doing, () -> work.run(connection, new AuditRecords.Writer() {
            @Override
            public long log(LogEvent event) throws SQLException {
                return log.append(List.of(event));
            }

            @Override
            public EventHeader header(String jurisdiction) {
                return Workspace.this.header(Instant.ofEpochMilli(clock.millis()), new Jurisdiction.Named(jurisdiction));
            }

            @Override
            public long now() {
                return clock.millis();
            }

            @Override
            public Sha256 electionFingerprint(ElectionRef election) throws SQLException {
                return electionFacts(election).fingerprint();
            }
        }));
    }

    @FunctionalInterface
    interface RecordWork<T> {
        T run(Connection connection, AuditRecords.Writer writer) throws SQLException;
    }

    /** The header of an event this workspace logs for its own actions. */
    EventHeader header(Instant time, Jurisdiction jurisdiction) {
        return new EventHeader(time, new Actor(importedBy), Optional.empty(), jurisdiction, Disposition.SUCCESS);
    }

    record ElectionFacts(Sha256 fingerprint, Jurisdiction jurisdiction) {}

    ElectionFacts electionFacts(ElectionRef election) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT fingerprint, scope, definition_id FROM election WHERE id = ?")) {
            ps.setLong(1, election.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownElection(election, location.describe());
                }
                String scope = rs.getString(2);
                return new ElectionFacts(new Sha256(rs.getString(1)), scope == null
                        ? new Jurisdiction.Named("election " + rs.getString(3))
                        : new Jurisdiction.Unit(new GpUnitId(scope)));
            }
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    @FunctionalInterface
    interface Work<T, X extends Exception> {
        T run() throws SQLException, X;
    }

    /** One write transaction for the store's capability classes (e.g. {@link PackageImports}). */
    synchronized <T> T write(String doing, Work<T, IOException> work) throws IOException {
        return transaction(true, doing, work);
    }

    synchronized <T> T writeSql(String doing, Work<T, RuntimeException> work) {
        return transaction(true, doing, work);
    }

    synchronized <T> T readSql(String doing, Work<T, RuntimeException> work) {
        return transaction(false, doing, work);
    }

    /** For the capability classes, inside this workspace's transactions only. */
    Connection connection() {
        return connection;
    }

    LogStore logStore() {
        return log;
    }

    /**
     * Runs work in one transaction: committed if it returns, rolled back if anything is thrown.
     * Database errors become {@link WorkspaceUnavailable} in plain words; every other exception
     * (a refusal, the reader's BadInputException or IOException) passes through unchanged.
     */
    <T, X extends Exception> T transaction(boolean write, String doing, Work<T, X> work) throws X {
        try {
            dialect.begin(connection, write);
        } catch (SQLException e) {
            throw unavailable(doing, e);
        }
        boolean committed = false;
        try {
            T result = work.run();
            dialect.commit(connection);
            committed = true;
            return result;
        } catch (SQLException e) {
            throw unavailable(doing, e);
        } catch (LogStore.SqlInReader e) {
            // A database error met while the Merkle code was reading tiles through the TileReader interface.
            throw unavailable(doing, e.getCause());
        } finally {
            if (!committed) {
                rollback();
            }
        }
    }

    private void rollback() {
        try {
            dialect.rollback(connection);
        } catch (SQLException e) {
            // The transaction is gone either way: the database discards what was not committed.
        }
    }

    private WorkspaceUnavailable unavailable(String doing, SQLException e) {
        return new WorkspaceUnavailable(location.describe(), doing, dialect.plainWords(e), e);
    }

    static Sha256 sha256(byte[] bytes) {
        try {
            return Sha256.of(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static long returnedId(PreparedStatement insertReturningId) throws SQLException {
        try (ResultSet rs = insertReturningId.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("INSERT ... RETURNING id returned no row");
            }
            return rs.getLong(1);
        }
    }

    private Optional<byte[]> bytesColumn(String sql, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    private static void closeQuietly(Connection c, Exception primary) {
        try {
            c.close();
        } catch (SQLException e) {
            primary.addSuppressed(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw unavailable("close it", e);
        }
    }
}
