package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bulwark.store.Workspace;

/**
 * The audit board's entry form with anything in its fields: every answer is a page (recorded, or
 * refused with 400/409), never a server error, and a refusal records nothing.
 */
class AuditEntryPropertiesTest {
    static Path dir;
    static PortalFixture fixture;
    static Portal portal;
    static WebClient board;
    static String enter;
    static long firstDrawn;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("bulwark-entry-props");
        fixture = new PortalFixture(dir);
        AuditFixture audit = AuditFixture.addTo(fixture);
        firstDrawn = audit.drawnWithVotes(fixture).keySet().iterator().next();
        portal = fixture.start();
        board = new WebClient(portal.url());
        board.signIn(PortalFixture.username(Role.AUDIT_BOARD), PortalFixture.PASSWORD, "", fixture.clock.instant());
        enter = "/a/" + fixture.authorityA.value() + "/audits/" + AuditFixture.AUDIT + "/enter";
    }

    @AfterContainer
    static void stop() throws IOException {
        portal.close();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 60)
    void anyFormIsAnsweredWithAPageAndARefusalRecordsNothing(@ForAll String ballot, @ForAll String member1, @ForAll String member2,
            @ForAll @Size(max = 4) List<String> choices, @ForAll boolean notFound, @ForAll boolean aDrawnBallot) {
        board.get(enter);
        List<String> fields = new ArrayList<>(List.of("ballot=" + enc(aDrawnBallot ? String.valueOf(firstDrawn) : ballot),
                "board=" + enc("Board 1"), "member1=" + enc(member1), "member2=" + enc(member2), "csrf=" + enc(board.csrf())));
        choices.forEach(c -> fields.add("c0=" + enc(c)));
        if (notFound) {
            fields.add("not-found=yes");
        }
        long before = logSize();
        var answer = board.postRaw(enter, String.join("&", fields));
        assertThat(answer.statusCode()).isIn(200, 400, 409);
        assertThat(answer.body()).startsWith("<!DOCTYPE html>");
        if (answer.statusCode() != 200) {
            assertThat(answer.body()).contains("Not entered: ");
            assertThat(logSize()).isEqualTo(before);
        } else {
            assertThat(logSize()).isEqualTo(before + 1);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long logSize() {
        try (Workspace ws = Workspace.open(fixture.location, fixture.clock, "test")) {
            return ws.logSize();
        }
    }
}
