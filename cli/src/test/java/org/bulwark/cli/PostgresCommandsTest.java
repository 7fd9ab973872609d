package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workspace commands against a real PostgreSQL server, as a state deployment runs them. */
class PostgresCommandsTest {
    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws IOException {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void importAndResultsWithDb() {
        String db = server.getJdbcUrl("postgres", "postgres");
        Run election = Run.of("import", "election", "--db", db, ElectionCommandTest.GEN01_JSON.toString());
        assertThat(election.exitCode()).as(election.err()).isZero();
        assertThat(election.out()).contains("Imported election #1", "into " + db);

        Run cvr = Run.of("import", "cvr", "--db", db, "--election", "1", TabulateCommandTest.GEN01_CVR_XML.toString());
        assertThat(cvr.exitCode()).as(cvr.err()).isZero();
        assertThat(cvr.out()).contains("Imported 40 CVRs");

        Run results = Run.of("results", "--db", db);
        assertThat(results.exitCode()).as(results.err()).isZero();
        assertThat(results.out()).contains("Ballots counted: 40 (election-day 40)", "saved as results run #1 of election #1");
    }
}
