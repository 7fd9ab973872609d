package org.bulwark.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;

/**
 * Run in a child JVM by {@link KillDuringImportTest}: imports an endless CVR stream into a SQLite
 * workspace, prints {@link #MARKER} once many rows have gone into the import's transaction, then
 * goes on slowly until it is killed (or gives up after a minute, so it can never be left running).
 */
final class KillDuringImportChild {
    static final String MARKER = "ROWS-INSERTED";
    static final String FILE = "endless.json";
    static final int ROWS_BEFORE_MARKER = 50_000;

    private KillDuringImportChild() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        ElectionRef election = new ElectionRef(Long.parseLong(args[1]));
        List<CastVoteRecord> ballots = Fixtures.ballots();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(db))) {
            w.importCvrs(election, FILE, "NIST SP 1500-103 JSON", Fixtures.sha256(FILE), CountingGroup.ELECTION_DAY, sink -> {
                for (long n = 1; ; n++) {
                    sink.accept(ballots.get((int) (n % ballots.size())));
                    if (n == ROWS_BEFORE_MARKER) {
                        System.out.println(MARKER);
                        System.out.flush();
                    }
                    if (n > ROWS_BEFORE_MARKER && n % 1_000 == 0) {
                        sleep();
                        if (Instant.now().isAfter(giveUp)) {
                            throw new IllegalStateException("not killed within a minute");
                        }
                    }
                }
            });
        }
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
