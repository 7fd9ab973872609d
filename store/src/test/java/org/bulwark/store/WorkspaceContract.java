package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.formats.election.LoadedElection;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.store.WorkspaceException.DuplicateImport;
import org.bulwark.store.WorkspaceException.UnknownElection;
import org.bulwark.store.WorkspaceException.WorkspaceUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every workspace must do, whatever database it lives in. Each subclass runs all of it against
 * one backend (a SQLite temp file, a real PostgreSQL).
 */
abstract class WorkspaceContract {
    static final Election ELECTION = Fixtures.election();
    static final List<CastVoteRecord> BALLOTS = Fixtures.ballots();

    private final List<Workspace> opened = new ArrayList<>();
    private WorkspaceLocation location;

    /** A location where no workspace exists yet. */
    abstract WorkspaceLocation newLocation() throws Exception;

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

    WorkspaceLocation location() {
        return location;
    }

    /** A plain JDBC connection to the same database, below the workspace code. */
    Connection raw() throws SQLException {
        return switch (location) {
            case WorkspaceLocation.SqliteFile f -> DriverManager.getConnection("jdbc:sqlite:" + f.path());
            case WorkspaceLocation.Postgres p -> DriverManager.getConnection(p.jdbcUrl());
        };
    }

    static ImportedFile importBallots(Workspace w, ElectionRef e, String name, List<CastVoteRecord> ballots)
            throws IOException {
        return w.importCvrs(e, name, "NIST SP 1500-103 JSON", Fixtures.sha256(name), CountingGroup.ELECTION_DAY,
                sink -> ballots.forEach(sink));
    }

    static List<CastVoteRecord> readAll(Workspace w, ElectionRef e) {
        List<CastVoteRecord> all = new ArrayList<>();
        long count = w.forEachCvr(e, all::add);
        assertThat(count).isEqualTo(all.size());
        return all;
    }

    static List<CastVoteRecord> sorted(List<CastVoteRecord> cvrs) {
        return cvrs.stream().sorted(Comparator.comparing(CastVoteRecord::ballotId)).toList();
    }

    @Test
    void aNewWorkspaceIsEmptyAndKeepsWhatWasStoredAcrossReopening() {
        Workspace w = open();
        assertThat(w.listElections()).isEmpty();
        StoredElection stored = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json"));
        w.close();
        opened.remove(w);

        Workspace again = open();
        assertThat(again.listElections()).containsExactly(stored);
    }

    @Test
    void anElectionIsStoredAsGivenWithItsDetails() {
        Workspace w = open();
        ElectionSource source = Fixtures.source(ELECTION, "state.json");
        StoredElection stored = w.importElection(ELECTION, source);

        assertThat(stored.title()).isEqualTo(ELECTION.title());
        assertThat(stored.date()).isEqualTo(ELECTION.date());
        assertThat(stored.definitionId()).isEqualTo(ELECTION.id());
        assertThat(stored.sourceName()).isEqualTo("state.json");
        assertThat(stored.format()).isEqualTo("Bulwark JSON");
        assertThat(stored.fingerprint()).isEqualTo(source.fingerprint());
        assertThat(stored.hasBulwarkJson()).isTrue();
        assertThat(stored.importedAt()).isEqualTo(Fixtures.NOW);
        assertThat(stored.importedBy()).isEqualTo(Fixtures.IMPORTER);
        assertThat(w.election(stored.ref())).isEqualTo(stored);
        assertThat(w.originalDefinition(stored.ref())).isEqualTo(source.fileBytes());
        assertThat(w.bulwarkJson(stored.ref())).hasValueSatisfying(b -> assertThat(b).isEqualTo(source.fileBytes()));
    }

    @Test
    void anElectionWithoutCanonicalJsonSaysSo() {
        Workspace w = open();
        byte[] xml = "<ElectionReport/>".getBytes(StandardCharsets.UTF_8);
        StoredElection stored = w.importElection(ELECTION,
                new ElectionSource("report.xml", "NIST SP 1500-100 XML", xml, Optional.empty(), "ab".repeat(32)));
        assertThat(stored.hasBulwarkJson()).isFalse();
        assertThat(w.bulwarkJson(stored.ref())).isEmpty();
        assertThat(w.originalDefinition(stored.ref())).isEqualTo(xml);
    }

    @Test
    void theSameElectionTwiceIsRefusedNamingTheEarlierImport() {
        Workspace w = open();
        StoredElection first = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json"));
        ElectionSource sameFingerprint = new ElectionSource("copy.json", "Bulwark JSON", new byte[] {1}, Optional.empty(),
                first.fingerprint());

        assertThatThrownBy(() -> w.importElection(ELECTION, sameFingerprint))
                .isInstanceOfSatisfying(DuplicateImport.class, e -> {
                    assertThat(e.earlierId()).isEqualTo(first.ref().id());
                    assertThat(e.earlierSourceName()).isEqualTo("state.json");
                    assertThat(e.earlierImportedAt()).isEqualTo(Fixtures.NOW);
                })
                .hasMessage("This election definition was already imported: its fingerprint " + first.fingerprint()
                        + " matches election #" + first.ref().id() + " \"" + ELECTION.title()
                        + "\", imported from \"state.json\" at 2026-11-03T20:15:30.123Z by clerk (test). Nothing was imported.");
        assertThat(w.listElections()).containsExactly(first);
    }

    @Test
    void importedCvrsComeBackExactlyAndTheFileIsListed() throws IOException {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();

        ImportedFile file = w.importCvrs(e, "county-1.json", "NIST SP 1500-103 JSON", Fixtures.sha256("county-1"),
                CountingGroup.ABSENTEE, sink -> BALLOTS.forEach(sink));

        assertThat(file.cvrCount()).isEqualTo(BALLOTS.size());
        assertThat(file.sha256()).isEqualTo(Fixtures.hex(Fixtures.sha256("county-1")));
        assertThat(file.countingGroup()).isEqualTo(CountingGroup.ABSENTEE);
        assertThat(file.format()).isEqualTo("NIST SP 1500-103 JSON");
        assertThat(file.importedAt()).isEqualTo(Fixtures.NOW);
        assertThat(file.importedBy()).isEqualTo(Fixtures.IMPORTER);
        assertThat(w.importedFiles(e)).containsExactly(file);
        assertThat(sorted(readAll(w, e))).isEqualTo(sorted(BALLOTS));
    }

    @Test
    void cvrsAreNotStoredInCastingOrder() throws IOException {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        importBallots(w, e, "county-1.json", BALLOTS);

        List<String> castOrder = BALLOTS.stream().map(CastVoteRecord::ballotId).toList();
        List<String> storedOrder = readAll(w, e).stream().map(CastVoteRecord::ballotId).toList();
        assertThat(storedOrder).containsExactlyInAnyOrderElementsOf(castOrder).isNotEqualTo(castOrder);
        assertThat(keptNeighbours(storedOrder)).isLessThan(BALLOTS.size() / 100);
    }

    /**
     * How many ballots in {@code order} directly follow the ballot cast just before them: close to
     * the count for a mere rotation or block shuffle of the casting order, near zero for a random one.
     */
    static long keptNeighbours(List<String> order) {
        Map<String, Integer> castIndex = new HashMap<>();
        for (int i = 0; i < BALLOTS.size(); i++) {
            castIndex.put(BALLOTS.get(i).ballotId(), i);
        }
        long kept = 0;
        for (int i = 1; i < order.size(); i++) {
            if (castIndex.get(order.get(i)) == castIndex.get(order.get(i - 1)) + 1) {
                kept++;
            }
        }
        return kept;
    }

    @Test
    void theSameFileTwiceIsRefusedNamingTheEarlierImportAndChangesNothing() throws IOException {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        ImportedFile first = importBallots(w, e, "county-1.json", BALLOTS);
        int[] pushed = {0};

        assertThatThrownBy(() -> w.importCvrs(e, "county-1 (copy).json", "NIST SP 1500-103 JSON",
                        Fixtures.sha256("county-1.json"), CountingGroup.ELECTION_DAY, sink -> pushed[0]++))
                .isInstanceOfSatisfying(DuplicateImport.class, d -> {
                    assertThat(d.earlierId()).isEqualTo(first.id());
                    assertThat(d.earlierSourceName()).isEqualTo("county-1.json");
                    assertThat(d.earlierImportedAt()).isEqualTo(Fixtures.NOW);
                })
                .hasMessage("This CVR file was already imported: its SHA-256 " + first.sha256() + " matches CVR import #"
                        + first.id() + " of \"county-1.json\" at 2026-11-03T20:15:30.123Z by clerk (test) ("
                        + BALLOTS.size() + " CVRs). Nothing was imported.");
        assertThat(pushed[0]).as("the file is refused before it is read").isZero();
        assertThat(w.importedFiles(e)).containsExactly(first);
        assertThat(readAll(w, e)).hasSize(BALLOTS.size());
    }

    @Test
    void aFileHashedAsItIsReadIsRecordedWithTheHashAndFormatItsSourceFound() throws IOException {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();

        ImportedFile file = w.importCvrs(e, "county-1.xml", CountingGroup.EARLY, sink -> {
            BALLOTS.forEach(sink);
            return new HashingCvrSource.ReadFile(Fixtures.sha256("county-1.xml"), "NIST SP 1500-103 XML");
        });

        assertThat(file.sha256()).isEqualTo(Fixtures.hex(Fixtures.sha256("county-1.xml")));
        assertThat(file.format()).isEqualTo("NIST SP 1500-103 XML");
        assertThat(file.cvrCount()).isEqualTo(BALLOTS.size());
        assertThat(w.importedFiles(e)).containsExactly(file);
        assertThat(sorted(readAll(w, e))).isEqualTo(sorted(BALLOTS));
    }

    @Test
    void aFileHashedAsItIsReadIsRefusedOnceReadIfImportedBeforeAndLeavesNoTrace() throws IOException {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        ImportedFile first = importBallots(w, e, "county-1.json", BALLOTS);

        assertThatThrownBy(() -> w.importCvrs(e, "county-1 (copy).json", CountingGroup.ELECTION_DAY, sink -> {
            BALLOTS.forEach(sink);
            return new HashingCvrSource.ReadFile(Fixtures.sha256("county-1.json"), "NIST SP 1500-103 JSON");
        })).isInstanceOfSatisfying(DuplicateImport.class, d -> assertThat(d.earlierId()).isEqualTo(first.id()));
        assertThat(w.importedFiles(e)).containsExactly(first);
        assertThat(readAll(w, e)).hasSize(BALLOTS.size());

        // The staging of the refused import is gone with it: the next import stages afresh.
        ImportedFile second = importBallots(w, e, "county-2.json", BALLOTS.subList(0, 10));
        assertThat(w.importedFiles(e)).containsExactly(first, second);
        assertThat(readAll(w, e)).hasSize(BALLOTS.size() + 10);
    }

    @Test
    void aReaderFailingHalfWayLeavesNoTraceAndTheFileCanThenBeImported() throws IOException {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        BadInputException bad = new BadInputException("county-1.json", "CVR 2500", "Contest \"x\" is not in the election");

        assertThatThrownBy(() -> w.importCvrs(e, "county-1.json", "NIST SP 1500-103 JSON", Fixtures.sha256("county-1.json"),
                        CountingGroup.ELECTION_DAY, sink -> {
                            BALLOTS.subList(0, 2_499).forEach(sink);
                            throw bad;
                        }))
                .isSameAs(bad);
        assertThat(w.importedFiles(e)).isEmpty();
        assertThat(readAll(w, e)).isEmpty();

        ImportedFile file = importBallots(w, e, "county-1.json", BALLOTS);
        assertThat(w.importedFiles(e)).containsExactly(file);
        assertThat(readAll(w, e)).hasSize(BALLOTS.size());
    }

    @Test
    void anIoErrorFromTheReaderPassesThroughAndLeavesNoTrace() {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        IOException io = new IOException("read error on /media/usb/county-1.json");

        assertThatThrownBy(() -> w.importCvrs(e, "county-1.json", "NIST SP 1500-103 JSON", Fixtures.sha256("x"),
                        CountingGroup.ELECTION_DAY, sink -> {
                            BALLOTS.subList(0, 1_500).forEach(sink);
                            throw io;
                        }))
                .isSameAs(io);
        assertThat(w.importedFiles(e)).isEmpty();
        assertThat(readAll(w, e)).isEmpty();
    }

    @Test
    void aCvrNamingAContestOutsideTheElectionIsBadInputAndNothingIsImported() {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        CastVoteRecord good = BALLOTS.get(0);
        CastVoteRecord stray = new CastVoteRecord(good.ballotId(), good.ballotStyle(), good.ballotStyleUnit(),
                good.parties(), good.creatingDevice(), good.batch(), good.countingGroup(), good.ballotImages(),
                List.of(new CvrContest(new ContestId("no-such-contest"), List.of(), OptionalInt.empty(), OptionalInt.empty())));

        assertThatThrownBy(() -> w.importCvrs(e, "county-1.json", "NIST SP 1500-103 JSON", Fixtures.sha256("x"),
                        CountingGroup.ELECTION_DAY, sink -> {
                            sink.accept(BALLOTS.get(1));
                            sink.accept(stray);
                        }))
                .isInstanceOf(BadInputException.class)
                .hasMessage("county-1.json: CVR 2 (ballot id \"" + good.ballotId()
                        + "\"): contest \"no-such-contest\" is not in the election definition");
        assertThat(w.importedFiles(e)).isEmpty();
    }

    @Test
    void aCvrOutsideTheElectionInAnEarlyBatchStopsTheReaderAndNothingIsImported() {
        // Encoding runs on the import's writer thread; its refusal must still reach the reader and the caller.
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        CastVoteRecord good = BALLOTS.get(1_499);
        CastVoteRecord stray = new CastVoteRecord(good.ballotId(), good.ballotStyle(), good.ballotStyleUnit(),
                good.parties(), good.creatingDevice(), good.batch(), good.countingGroup(), good.ballotImages(),
                List.of(new CvrContest(new ContestId("no-such-contest"), List.of(), OptionalInt.empty(), OptionalInt.empty())));
        List<CastVoteRecord> pushes = new ArrayList<>(BALLOTS);
        pushes.set(1_499, stray);
        while (pushes.size() < 20_000) {
            // Enough batches that the reader must hand one more after the writer fails: the queue holds only a few.
            pushes.addAll(BALLOTS);
        }
        RuntimeException[] seenByReader = {null};

        Throwable thrown = catchThrowable(() -> w.importCvrs(e, "county-1.json", "NIST SP 1500-103 JSON", Fixtures.sha256("x"),
                        CountingGroup.ELECTION_DAY, sink -> {
                            try {
                                pushes.forEach(sink);
                            } catch (RuntimeException stop) {
                                seenByReader[0] = stop;
                                throw stop;
                            }
                        }));
        assertThat(thrown)
                .isInstanceOf(BadInputException.class)
                .hasMessage("county-1.json: CVR 1500 (ballot id \"" + good.ballotId()
                        + "\"): contest \"no-such-contest\" is not in the election definition");
        assertThat(seenByReader[0]).as("the reader is stopped by the refusal").isSameAs(thrown);
        assertThat(w.importedFiles(e)).isEmpty();
        assertThat(readAll(w, e)).isEmpty();
    }

    @Test
    void cvrsOfTwoElectionsAndSeveralFilesStayApart() throws IOException {
        Workspace w = open();
        ElectionRef first = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        ElectionSource other = new ElectionSource("other.json", "Bulwark JSON", new byte[] {7}, Optional.empty(), "cd".repeat(32));
        ElectionRef second = w.importElection(ELECTION, other).ref();

        importBallots(w, first, "a.json", BALLOTS.subList(0, 1_000));
        importBallots(w, first, "b.json", BALLOTS.subList(1_000, 1_700));
        importBallots(w, second, "c.json", BALLOTS.subList(1_700, 2_000));

        assertThat(w.importedFiles(first)).extracting(ImportedFile::sourceName).containsExactly("a.json", "b.json");
        assertThat(w.importedFiles(second)).extracting(ImportedFile::cvrCount).containsExactly(300L);
        assertThat(sorted(readAll(w, first))).isEqualTo(sorted(BALLOTS.subList(0, 1_700)));
        assertThat(sorted(readAll(w, second))).isEqualTo(sorted(BALLOTS.subList(1_700, 2_000)));
    }

    @Test
    void anEmptyFileIsImportedWithNoCvrs() throws IOException {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        assertThat(importBallots(w, e, "empty.json", List.of()).cvrCount()).isZero();
        assertThat(readAll(w, e)).isEmpty();
    }

    @Test
    void theLatestResultsAreTheLastSaved() {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        assertThat(w.latestResults(e)).isEmpty();

        w.saveResults(e, "{\"run\":1}".getBytes(StandardCharsets.UTF_8), new ResultsSummary(10, 1, 5));
        StoredResults second = w.saveResults(e, "{\"run\":2}".getBytes(StandardCharsets.UTF_8), new ResultsSummary(20, 2, 5));

        StoredResults latest = w.latestResults(e).orElseThrow();
        assertThat(latest.id()).isEqualTo(second.id());
        assertThat(latest.savedAt()).isEqualTo(Fixtures.NOW);
        assertThat(latest.summary()).isEqualTo(new ResultsSummary(20, 2, 5));
        assertThat(new String(latest.errJson(), StandardCharsets.UTF_8)).isEqualTo("{\"run\":2}");
    }

    @Test
    void anUnknownElectionIsRefusedByName() {
        Workspace w = open();
        ElectionRef missing = new ElectionRef(42);
        String message = "There is no election #42 in the workspace " + location().describe() + ".";

        assertThatThrownBy(() -> importBallots(w, missing, "a.json", BALLOTS.subList(0, 3)))
                .isInstanceOf(UnknownElection.class).hasMessage(message);
        assertThatThrownBy(() -> w.forEachCvr(missing, c -> {})).isInstanceOf(UnknownElection.class).hasMessage(message);
        assertThatThrownBy(() -> w.importedFiles(missing)).isInstanceOf(UnknownElection.class);
        assertThatThrownBy(() -> w.latestResults(missing)).isInstanceOf(UnknownElection.class);
        assertThatThrownBy(() -> w.saveResults(missing, new byte[0], new ResultsSummary(0, 0, 0)))
                .isInstanceOf(UnknownElection.class);
        assertThatThrownBy(() -> w.election(missing)).isInstanceOf(UnknownElection.class);
    }

    @Test
    void aWorkspaceFromANewerVersionIsRefusedInPlainWords() throws SQLException, IOException {
        int newest;
        try (var files = Files.list(Path.of("src/main/resources/db/migration/sqlite"))) {
            newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        open().close();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, installed_on, execution_time, success)"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'x', CURRENT_TIMESTAMP, 0, "
                    + (location() instanceof WorkspaceLocation.Postgres ? "TRUE" : "1") + ")");
        }
        assertThatThrownBy(this::open)
                .isInstanceOfSatisfying(WorkspaceUnavailable.class, e -> assertThat(e.reason())
                        .isEqualTo("it was made by a newer version of Bulwark (its tables are at version 99, this version"
                                + " knows up to version " + newest + "); open it with that version or a later one"))
                .hasMessageStartingWith("Workspace " + location().describe() + ": could not bring its tables up to date: ")
                .hasMessageNotContaining("SQL");
    }

    @Test
    void aDamagedCvrRecordIsReportedWithItsPlace() throws Exception {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        ImportedFile file = importBallots(w, e, "a.json", BALLOTS.subList(0, 10));
        try (Connection c = raw();
                PreparedStatement ps = c.prepareStatement("UPDATE cvr SET record = ? WHERE file_id = ? AND position = 7")) {
            ps.setBytes(1, new byte[] {1, 0, 5});
            ps.setLong(2, file.id());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThatThrownBy(() -> w.forEachCvr(e, c -> {}))
                .isInstanceOf(WorkspaceException.DamagedWorkspace.class)
                .hasMessage("Workspace " + location().describe() + " is damaged: the CVR at position 7 of CVR import #"
                        + file.id() + " does not decode (string length 5 but only 0 bytes left at byte 3). Restore it from a backup.");
    }

    /**
     * Two programs importing the same file at once: one import lands, the other is refused as a
     * duplicate, whichever reaches the database first and however their transactions interleave.
     */
    @Test
    void theSameFileImportedTwiceAtOnceLandsOnce() throws Exception {
        Workspace first = open();
        Workspace second = open();
        ElectionRef e = first.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        CountDownLatch firstStreaming = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ImportedFile> a = pool.submit(() -> first.importCvrs(e, "a.json", "NIST SP 1500-103 JSON",
                    Fixtures.sha256("same"), CountingGroup.ELECTION_DAY, sink -> {
                        BALLOTS.subList(0, 100).forEach(sink);
                        firstStreaming.countDown();
                        await(release);
                    }));
            assertThat(firstStreaming.await(30, TimeUnit.SECONDS)).isTrue();
            Future<ImportedFile> b = pool.submit(() -> second.importCvrs(e, "b.json", "NIST SP 1500-103 JSON",
                    Fixtures.sha256("same"), CountingGroup.ELECTION_DAY, sink -> BALLOTS.subList(0, 50).forEach(sink)));
            // Gives the second import time to reach the database and wait there; the outcome is the
            // same if it has not yet.
            Thread.sleep(300);
            release.countDown();

            ImportedFile landed = a.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> b.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(DuplicateImport.class)
                    .cause().hasMessageContaining("matches CVR import #" + landed.id() + " of \"a.json\"");
            assertThat(first.importedFiles(e)).containsExactly(landed);
            assertThat(readAll(first, e)).hasSize(100);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** The NIST sample election and its CVR file, read by the real readers, go in and come back exactly. */
    @Test
    void theNistSampleElectionAndItsCvrsRoundTripThroughTheReaders() throws Exception {
        Path definition = Path.of("..", "testdata", "nist-cdf", "gen-01", "err_v2", "pe-err-gen-01.json");
        Path cvrFile = Path.of("..", "testdata", "nist-cdf", "gen-01", "cvr_v1", "cvr-gen-01.json");
        byte[] bytes = Files.readAllBytes(definition);
        LoadedElection loaded = ElectionFiles.read(bytes, definition.toString());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ElectionFiles.writeBulwarkJson(loaded.election(), json);
        Workspace w = open();
        StoredElection stored = w.importElection(loaded.election(), new ElectionSource(definition.toString(),
                loaded.format().description(), bytes, Optional.of(json.toByteArray()),
                ElectionFingerprint.of(loaded.election()).sha256()));
        ElectionIndex index = ElectionIndex.of(loaded.election());

        List<CastVoteRecord> read = new ArrayList<>();
        byte[] cvrBytes = Files.readAllBytes(cvrFile);
        ImportedFile file = w.importCvrs(stored.ref(), cvrFile.toString(), "NIST SP 1500-103 JSON", Fixtures.sha256(cvrBytes),
                CountingGroup.ELECTION_DAY, sink -> CvrFiles.read(cvrFile, index, CvrReadOptions.strict(), cvr -> {
                    read.add(cvr);
                    sink.accept(cvr);
                }));

        assertThat(w.loadElection(stored.ref())).isEqualTo(loaded.election());
        assertThat(file.cvrCount()).isEqualTo(read.size()).isPositive();
        assertThat(sorted(readAll(w, stored.ref()))).isEqualTo(sorted(read));
    }

    /** Others reading the workspace during an import neither wait for it nor see any of it. */
    @Test
    void anImportInProgressIsInvisibleToReaders() throws Exception {
        Workspace importer = open();
        Workspace reader = open();
        ElectionRef e = importer.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        CountDownLatch streaming = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ImportedFile> running = pool.submit(() -> importer.importCvrs(e, "a.json", "NIST SP 1500-103 JSON",
                    Fixtures.sha256("a"), CountingGroup.ELECTION_DAY, sink -> {
                        BALLOTS.forEach(sink);
                        streaming.countDown();
                        await(release);
                    }));
            assertThat(streaming.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(reader.importedFiles(e)).isEmpty();
            assertThat(reader.forEachCvr(e, c -> {})).isZero();

            release.countDown();
            ImportedFile file = running.get(30, TimeUnit.SECONDS);
            assertThat(reader.importedFiles(e)).containsExactly(file);
            assertThat(reader.forEachCvr(e, c -> {})).isEqualTo(BALLOTS.size());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
