package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.store.WorkspaceException.WorkspaceUnavailable;
import org.junit.jupiter.api.Test;

/** The workspace contract on a real PostgreSQL server, and what only a server can get wrong. */
class PostgresWorkspaceTest extends WorkspaceContract {
    @Override
    WorkspaceLocation newLocation() {
        return WorkspaceLocation.parse(PostgresServer.freshDatabaseUrl(), Map.of());
    }

    @Test
    void aMissingDatabaseIsNamedInPlainWords() {
        String url = PostgresServer.server().getJdbcUrl("postgres", "no_such_database");
        assertThatThrownBy(() -> Workspace.open(WorkspaceLocation.parse(url, Map.of())))
                .isInstanceOfSatisfying(WorkspaceUnavailable.class, e -> {
                    assertThat(e.workspace()).isEqualTo(url);
                    assertThat(e.reason()).isEqualTo("the database does not exist on the server");
                })
                .hasMessage("Workspace " + url + ": could not connect: the database does not exist on the server");
    }

    @Test
    void anUnreachableServerIsNamedAndThePasswordIsNeverShown() {
        String url = "jdbc:postgresql://127.0.0.1:1/state?connectTimeout=2&password=s3cret";
        assertThatThrownBy(() -> Workspace.open(WorkspaceLocation.parse(url, Map.of())))
                .isInstanceOfSatisfying(WorkspaceUnavailable.class, e ->
                        assertThat(e.reason()).startsWith("cannot reach the PostgreSQL server"))
                .hasMessageStartingWith("Workspace jdbc:postgresql://127.0.0.1:1/state?connectTimeout=2&password=***: could not connect")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theUserAndPasswordComeFromTheEnvironmentWhenTheUrlHasNone() {
        WorkspaceLocation.Postgres p = (WorkspaceLocation.Postgres) WorkspaceLocation.parse(
                "jdbc:postgresql://db.example/state", Map.of("BULWARK_DB_USER", "clerk", "PGPASSWORD", "pw"));
        assertThat(p.user()).contains("clerk");
        assertThat(p.password()).contains("pw");
        assertThat(p.toString()).doesNotContain("pw");

        WorkspaceLocation.Postgres inUrl = (WorkspaceLocation.Postgres) WorkspaceLocation.parse(
                "jdbc:postgresql://db.example/state?user=auditor", Map.of("BULWARK_DB_USER", "clerk"));
        assertThat(inUrl.user()).isEqualTo(Optional.empty());
    }

    @Test
    void theHeapDoesNotHoldCvrsInCastingOrder() throws Exception {
        Workspace w = open();
        ElectionRef e = w.importElection(ELECTION, Fixtures.source(ELECTION, "state.json")).ref();
        importBallots(w, e, "a.json", BALLOTS);
        CvrCodec codec = new CvrCodec(CvrDictionary.of(ELECTION));
        List<String> heapOrder = new ArrayList<>();
        try (Connection c = raw(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT record FROM cvr ORDER BY ctid")) {
            while (rs.next()) {
                heapOrder.add(codec.decode(rs.getBytes(1)).ballotId());
            }
        }
        assertThat(keptNeighbours(heapOrder)).isLessThan(BALLOTS.size() / 100);
    }
}
