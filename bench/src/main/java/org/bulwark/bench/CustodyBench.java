package org.bulwark.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.bulwark.cli.CustodyGeneration;
import org.bulwark.custody.Asset;
import org.bulwark.custody.ReadinessMatrix;
import org.bulwark.generate.CustodyHistory;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;

/**
 * Times the two custody queries with a target (docs/PERFORMANCE.md, "Custody"): the statewide
 * readiness matrix and one asset's timeline, each under 100 ms, on a state of 116 authorities,
 * 30,000 assets and 1,000,000 seal and custody events, on SQLite and on PostgreSQL.
 *
 * <p>Usage: CustodyBench sqlite FILE [events] | CustodyBench postgres [events] | CustodyBench
 * postgres-from FILE. A SQLite file that exists is measured as it is (make it with {@code bulwark
 * custody generate}); otherwise the history is generated first, through the same rules as by hand.
 * PostgreSQL runs on the embedded server; {@code postgres-from} fills it with a copy of a SQLite
 * workspace's rows (the same schema), which is much faster on a loaded machine than recording a
 * million actions again over a client-server connection, and measures the same data.
 */
public final class CustodyBench {
    private static final int RUNS = 30;
    private static final int TIMELINES = 300;

    private CustodyBench() {}

    public static void main(String[] args) throws IOException {
        String database = args.length > 0 ? args[0] : "sqlite";
        long events = args.length > 2 ? Long.parseLong(args[2]) : args.length > 1 && database.equals("postgres") ? Long.parseLong(args[1]) : 1_000_000;
        CustodyHistory.Plan plan = new CustodyHistory.Plan(116, 30_000, events, 1);
        if (database.equals("postgres-from")) {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
                WorkspaceLocation target = WorkspaceLocation.parse(pg.getJdbcUrl("postgres", "postgres"), Map.of());
                Workspace.open(target).close(); // creates the tables
                long t0 = System.nanoTime();
                long rows = copy(Path.of(args[1]), pg);
                System.out.printf("copied %,d rows from %s in %.0f s%n", rows, args[1], (System.nanoTime() - t0) / 1e9);
                measure(target, plan);
            }
        } else if (database.equals("postgres")) {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
                measure(WorkspaceLocation.parse(pg.getJdbcUrl("postgres", "postgres"), Map.of()), plan);
            }
        } else {
            Path file = Path.of(args.length > 1 ? args[1] : "custody-bench.db");
            measure(new WorkspaceLocation.SqliteFile(file), plan);
        }
    }

    private static void measure(WorkspaceLocation location, CustodyHistory.Plan plan) {
        try (Workspace w = Workspace.open(location)) {
            if (w.custody().assets(Optional.empty()).isEmpty()) {
                long t0 = System.nanoTime();
                CustodyGeneration.Summary s = CustodyGeneration.fill(w, plan, n -> {
                    if (n % 100_000 == 0) {
                        System.out.printf("  %,d actions recorded (%.0f s)%n", n, (System.nanoTime() - t0) / 1e9);
                    }
                }).orElseThrow();
                System.out.printf("generated %,d assets and %,d actions (%,d incidents) in %.0f s%n", s.assets(), s.actions(), s.incidents(),
                        (System.nanoTime() - t0) / 1e9);
            }
            List<Asset> assets = w.custody().assets(Optional.empty());
            System.out.printf("%s: %,d assets, log of %,d entries%n", location.describe(), assets.size(), w.logSize());
            // The coming election, on whose eve the history ends (a few percent of devices not ready), and the worst case: an
            // election no device was tested for, so that every device fails and is listed.
            Map<String, Fingerprint> elections = new LinkedHashMap<>();
            elections.put("coming election", CustodyHistory.comingElection(plan));
            elections.put("an election no device was tested for", new Fingerprint("sha256:" + "0".repeat(64)));
            for (Map.Entry<String, Fingerprint> e : elections.entrySet()) {
                Optional<Fingerprint> election = Optional.of(e.getValue());
                ReadinessMatrix m = w.custody().readinessMatrix(Optional.empty(), election);
                System.out.printf("matrix of %s: %d authorities, %,d devices in service, %,d ready, %,d not ready%n", e.getKey(), m.rows().size(),
                        m.statewide().devices(), m.statewide().ready(), m.failing().size());
                report("statewide readiness matrix of " + e.getKey(), time(RUNS, () -> w.custody().readinessMatrix(Optional.empty(), election)));
            }
            SplittableRandom random = new SplittableRandom(7);
            Runs timelines = new Runs(TIMELINES / 10);
            long events = 0;
            for (int i = 0; i < TIMELINES; i++) {
                Asset a = assets.get(random.nextInt(assets.size()));
                events += timelines.timed(() -> w.custody().timeline(a.tag()).orElseThrow().timeline().size());
            }
            System.out.printf("timelines: %.1f events per asset on average%n", (double) events / TIMELINES);
            report("one asset's timeline", timelines);
        }
    }

    private static final List<String> TABLES = List.of("log_entry", "log_tile", "custody_registry", "custody_registry_part", "custody_asset",
            "custody_asset_now", "custody_readiness_count", "custody_seal_range", "custody_event", "custody_transfer", "custody_lat", "custody_incident",
            "custody_incident_action");

    /** Copies the log and custody tables of a SQLite workspace into the (migrated, empty) PostgreSQL one, in batches. */
    private static long copy(Path sqlite, EmbeddedPostgres pg) {
        long rows = 0;
        try (Connection from = DriverManager.getConnection("jdbc:sqlite:" + sqlite.toAbsolutePath());
                // Batched inserts sent as multi-row INSERTs: several times faster than one statement per row.
                Connection to = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true")) {
            to.setAutoCommit(false);
            for (String table : TABLES) {
                try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int n = meta.getColumnCount();
                    StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (");
                    for (int i = 1; i <= n; i++) {
                        sql.append(i > 1 ? ", " : "").append(meta.getColumnName(i));
                    }
                    sql.append(") OVERRIDING SYSTEM VALUE VALUES (").append("?, ".repeat(n - 1)).append("?)");
                    try (PreparedStatement ps = to.prepareStatement(sql.toString())) {
                        int[] types = new int[n + 1];
                        try (Statement t = to.createStatement(); ResultSet none = t.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
                            for (int i = 1; i <= n; i++) {
                                types[i] = none.getMetaData().getColumnType(none.findColumn(meta.getColumnName(i)));
                            }
                        }
                        int batch = 0;
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                Object v = rs.getObject(i);
                                if (v == null) {
                                    ps.setNull(i, types[i]);
                                } else if (v instanceof byte[] b) {
                                    ps.setBytes(i, b);
                                } else if (v instanceof Number num) {
                                    ps.setLong(i, num.longValue());
                                } else {
                                    ps.setString(i, v.toString());
                                }
                            }
                            ps.addBatch();
                            rows++;
                            if (++batch == 5_000) {
                                ps.executeBatch();
                                batch = 0;
                            }
                        }
                        ps.executeBatch();
                    }
                }
                to.commit();
            }
            try (Statement s = to.createStatement()) {
                s.execute("ANALYZE");
            }
            to.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("copying " + sqlite + " failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * The wall-clock and this thread's CPU milliseconds of each run after the warm-up. On a loaded
     * machine the CPU time is what a query itself costs; on SQLite, which runs in this thread, it is
     * all of it; on PostgreSQL it leaves out the server's share.
     */
    private static final class Runs {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final int warmUp;
        private int seen;
        final List<Double> wall = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();

        Runs(int warmUp) {
            this.warmUp = warmUp;
        }

        <T> T timed(Supplier<T> work) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            T result = work.get();
            if (seen++ >= warmUp) {
                wall.add((System.nanoTime() - t) / 1e6);
                cpu.add((THREADS.getCurrentThreadCpuTime() - c) / 1e6);
            }
            return result;
        }
    }

    private static Runs time(int runs, Supplier<?> work) {
        Runs r = new Runs(5);
        for (int i = 0; i < runs + 5; i++) {
            r.timed(work);
        }
        return r;
    }

    private static void report(String what, Runs runs) {
        List<Double> wall = sorted(runs.wall);
        List<Double> cpu = sorted(runs.cpu);
        System.out.printf("%s: median %.1f ms, 95th percentile %.1f ms, max %.1f ms over %d runs (target 100 ms); "
                + "this thread's CPU: median %.1f ms, 95th percentile %.1f ms%n", what, wall.get(wall.size() / 2),
                wall.get((int) (wall.size() * 0.95)), wall.getLast(), wall.size(), cpu.get(cpu.size() / 2), cpu.get((int) (cpu.size() * 0.95)));
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> out = new ArrayList<>(values);
        Collections.sort(out);
        return out;
    }
}
