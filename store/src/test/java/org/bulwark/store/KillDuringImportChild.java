package org.bulwark.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;

/**
 * Run in a child JVM by {@link KillDuringImportTest}: imports CVRs into a SQLite workspace and
 * prints {@link #MARKER} at the moment the parent should kill it.
 *
 * <ul>
 *   <li>{@code endless}: an endless stream; the marker comes once {@link #ROWS_BEFORE_MARKER} rows
 *       are in the import's transaction, then it goes on slowly until killed (or gives up after a
 *       minute, so it can never be left running);
 *   <li>{@code finite}: {@link #FINITE_ROWS} CVRs; the marker comes as the stream ends, when the
 *       workspace starts writing them out in random order and committing.
 * </ul>
 */
final class KillDuringImportChild {
    static final String MARKER = "KILL-NOW";
    static final String FILE = "big.json";
    static final int ROWS_BEFORE_MARKER = 50_000;
    static final int FINITE_ROWS = 150_000;

    private KillDuringImportChild() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        ElectionRef election = new ElectionRef(Long.parseLong(args[1]));
        boolean endless = args[2].equals("endless");
        List<CastVoteRecord> ballots = Fixtures.ballots();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(db))) {
            w.importCvrs(election, FILE, "NIST SP 1500-103 JSON", Fixtures.sha256(FILE), CountingGroup.ELECTION_DAY, sink -> {
                for (long n = 1; endless || n <= FINITE_ROWS; n++) {
                    sink.accept(ballots.get((int) (n % ballots.size())));
                    if (endless && n == ROWS_BEFORE_MARKER) {
                        System.out.println(MARKER);
                        System.out.flush();
                    }
                    if (endless && n > ROWS_BEFORE_MARKER && n % 1_000 == 0) {
                        sleep();
                        if (Instant.now().isAfter(giveUp)) {
                            throw new IllegalStateException("not killed within a minute");
                        }
                    }
                }
                System.out.println(MARKER);
                System.out.flush();
            });
        }
        System.out.println("COMMITTED");
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
