package org.bulwark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.DeviceId;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventEncoding;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;

/**
 * Appends N device events (default 1,000,000) to the log of a fresh SQLite workspace with
 * {@link Workspace#appendToLog}, in batches (default 100,000 per transaction: batched commits), and
 * reports entries/s against the target of 100,000 entries/s. In the same run, as a baseline
 * for a loaded machine, the same encoded entries are inserted with plain JDBC batches into a bare
 * SQLite table with the workspace's settings (WAL, synchronous FULL) and no hash tiles: the ratio says
 * what the log's own work (encoding, Merkle tiles, append-only checks) costs over SQLite itself.
 * Usage: AppendBench [entries] [batch] [runs].
 */
public final class AppendBench {
    private static final double TARGET = 100_000;

    private AppendBench() {}

    public static void main(String[] args) throws IOException, SQLException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<LogEvent> events = new ArrayList<>(n);
        Instant t0 = Instant.parse("2028-11-08T02:00:00Z");
        for (int i = 0; i < n; i++) {
            EventHeader h = new EventHeader(t0.plusMillis(i * 37L), new Actor("pollworker-" + (i % 12)),
                    Optional.of(new DeviceId("SN-" + (4_000 + i % 50))), new Jurisdiction.Named("boone"), Disposition.SUCCESS);
            events.add(new LogEvent.DeviceEventImported(h, "ballot-scanned", "GSF-NCSM", Integer.toString(i)));
        }
        long bytes = events.stream().mapToLong(e -> EventEncoding.encode(e).length).sum();
        System.out.printf("%,d entries, %,d bytes encoded (%.0f bytes each), batches of %,d%n", n, bytes, (double) bytes / n, batch);
        double[] log = new double[runs];
        double[] bare = new double[runs];
        for (int r = 0; r < runs; r++) {
            Path dir = Files.createTempDirectory("append-bench");
            try {
                log[r] = appendToWorkspace(dir.resolve("bulwark.db"), events, batch);
                bare[r] = insertBare(dir.resolve("bare.db"), events, batch);
            } finally {
                delete(dir);
            }
            System.out.printf("run %d: workspace log %.2f s (%,.0f entries/s); bare SQLite inserts %.2f s (%,.0f rows/s)%n",
                    r + 1, log[r], n / log[r], bare[r], n / bare[r]);
        }
        double logMedian = median(log);
        double bareMedian = median(bare);
        System.out.printf("median: workspace log %,.0f entries/s = %.2fx the target of %,.0f/s; bare SQLite %,.0f rows/s; "
                + "log / bare time %.2fx%n", n / logMedian, n / logMedian / TARGET, TARGET, n / bareMedian, logMedian / bareMedian);
    }

    private static double appendToWorkspace(Path file, List<LogEvent> events, int batch) {
        try (Workspace ws = Workspace.open(new WorkspaceLocation.SqliteFile(file), Clock.systemUTC(), "append-bench")) {
            long t = System.nanoTime();
            for (int from = 0; from < events.size(); from += batch) {
                ws.appendToLog(events.subList(from, Math.min(events.size(), from + batch)));
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            if (ws.logSize() != events.size()) {
                throw new IllegalStateException("the log holds " + ws.logSize() + " entries, not " + events.size());
            }
            return seconds;
        }
    }

    /** The same bytes into a bare table: SQLite's own cost, with the workspace's journal and sync settings. */
    private static double insertBare(Path file, List<LogEvent> events, int batch) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE entry (idx INTEGER PRIMARY KEY, entry BLOB NOT NULL)");
            }
            c.setAutoCommit(false);
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO entry (idx, entry) VALUES (?, ?)")) {
                for (int i = 0; i < events.size(); i++) {
                    ps.setLong(1, i);
                    ps.setBytes(2, EventEncoding.encode(events.get(i)));
                    ps.addBatch();
                    if ((i + 1) % 4_096 == 0) {
                        ps.executeBatch();
                    }
                    if ((i + 1) % batch == 0 || i == events.size() - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return (System.nanoTime() - t) / 1e9;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
