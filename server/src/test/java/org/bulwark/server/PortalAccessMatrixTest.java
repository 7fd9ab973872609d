package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route with every role, in one table: the status each role gets. Authority roles belong to
 * authority A; the rows for B show that they do not reach another authority, while the state's
 * roles reach both. PUBLIC is a visitor who is not signed in (but has a session from the public
 * page, so its POSTs carry a valid CSRF token and are judged by role alone).
 */
class PortalAccessMatrixTest {
    /** Columns: STATE_ADMIN STATE_STAFF AUTHORITY_ADMIN AUTHORITY_STAFF AUDIT_BOARD BIPARTISAN_TEAM PUBLIC. */
    static final String MATRIX = """
            GET  /healthz              200 200 200 200 200 200 200
            GET  /assets/portal.css    200 200 200 200 200 200 200
            GET  /public               200 200 200 200 200 200 200
            GET  /public/results/1     200 200 200 200 200 200 200
            GET  /signin               200 200 200 200 200 200 200
            GET  /                     303 303 303 303 303 303 303
            GET  /state                200 200 403 403 403 403 303
            GET  /a/A                  200 200 200 200 200 200 303
            GET  /a/B                  200 200 403 403 403 403 303
            GET  /a/A/upload           200 403 200 200 403 403 303
            GET  /a/B/upload           200 403 403 403 403 403 303
            GET  /a/A/upload/nojob     404 403 404 404 403 403 303
            GET  /results              200 200 200 200 200 200 303
            GET  /results/1            200 200 200 200 200 200 303
            GET  /results/99           404 404 404 404 404 404 303
            GET  /log                  200 200 200 200 200 200 303
            GET  /users                200 403 200 403 403 403 303
            GET  /no-such-page         404 404 404 404 404 404 404
            POST /users                400 403 400 403 403 403 303
            POST /a/A/upload           400 403 400 400 403 403 303
            POST /a/B/upload           400 403 403 403 403 403 303
            POST /log/receipt          200 200 200 200 200 200 303
            POST /public/receipt       200 200 200 200 200 200 200
            GET  /audits                                        200 200 403 403 403 403 303
            GET  /a/A/audits                                    200 200 200 200 200 200 303
            GET  /a/B/audits                                    200 200 403 403 403 403 303
            GET  /a/A/audits/rla-a                              200 200 200 200 200 200 303
            GET  /a/B/audits/rla-a                              404 404 403 403 403 403 303
            GET  /a/A/audits/nothing                            404 404 404 404 404 404 303
            GET  /a/A/audits/rla-a/rounds/1/retrieval-list.csv  200 200 200 200 200 200 303
            GET  /a/A/audits/rla-a/rounds/1/retrieval-list.pdf  200 200 200 200 200 200 303
            GET  /a/A/audits/rla-a/rounds/9/retrieval-list.csv  404 404 404 404 404 404 303
            GET  /a/A/audits/rla-a/audit-report.pdf             200 200 200 200 200 200 303
            GET  /a/A/audits/rla-a/enter                        403 403 403 403 200 403 303
            GET  /a/B/audits/rla-a/enter                        403 403 403 403 403 403 303
            POST /a/A/audits/rla-a/enter                        403 403 403 403 400 403 303
            POST /a/B/audits/rla-a/enter                        403 403 403 403 403 403 303
            GET  /a/A/certification                             200 200 200 200 200 200 303
            GET  /a/B/certification                             200 200 403 403 403 403 303
            POST /a/A/certification                             400 403 400 403 403 403 303
            POST /a/B/certification                             400 403 403 403 403 403 303
            GET  /public/audits/rla-a                           200 200 200 200 200 200 200
            GET  /public/audits/nothing                         404 404 404 404 404 404 404
            GET  /devices              200 200 403 403 403 403 303
            GET  /a/A/devices          200 200 200 200 403 200 303
            GET  /a/B/devices          200 200 403 403 403 403 303
            GET  /a/A/devices/DEV-A1   200 200 200 200 403 200 303
            GET  /a/A/devices/DEV-B1   404 404 404 404 403 404 303
            GET  /a/B/devices/DEV-B1   200 200 403 403 403 403 303
            GET  /a/A/devices/DEV-A1/seal-log.pdf     200 200 200 200 403 200 303
            GET  /a/A/devices/DEV-A1/custody-log.csv  200 200 200 200 403 200 303
            GET  /a/A/devices/DEV-A1/other.pdf        404 404 404 404 403 404 303
            GET  /incidents            200 200 403 403 403 403 303
            GET  /a/A/incidents        200 200 200 200 403 200 303
            GET  /a/A/incidents/1      200 200 200 200 403 200 303
            GET  /a/A/incidents/2      404 404 404 404 403 404 303
            GET  /a/B/incidents/2      200 200 403 403 403 403 303
            POST /a/A/incidents/1/assign   400 400 400 400 403 403 303
            POST /a/A/incidents/1/resolve  400 400 400 400 403 403 303
            POST /a/B/incidents/2/resolve  400 400 403 403 403 403 303
            GET  /a/A/lat              200 200 200 200 403 200 303
            GET  /a/A/lat/1            200 200 200 200 403 200 303
            GET  /a/A/lat/1/certificate.pdf  200 200 200 200 403 200 303
            GET  /a/B/lat              200 200 403 403 403 403 303
            POST /a/A/lat/1/certificate    400 400 400 400 403 403 303
            """;

    @TempDir
    static Path dir;
    static PortalFixture fixture;
    static Portal portal;
    final Map<Role, WebClient> clients = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() throws IOException {
        fixture = new PortalFixture(dir);
        AuditFixture.addTo(fixture);
        EquipmentFixture.seed(fixture);
        portal = fixture.start();
    }

    /** A client per role, signed in afresh (a minute later, so each TOTP code is a new one). */
    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        fixture.clock.advance(Duration.ofMinutes(1));
        for (Role role : Role.values()) {
            WebClient c = new WebClient(portal.url());
            if (role != Role.PUBLIC) {
                c.signIn(PortalFixture.username(role), PortalFixture.PASSWORD, fixture.secrets.get(role), fixture.clock.instant());
            }
            clients.put(role, c);
        }
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void everyRouteAnswersEveryRoleAsTheTableSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (String line : MATRIX.strip().split("\n")) {
            String[] f = line.trim().split("\\s+");
            String method = f[0];
            String path = f[1].replace("/A", "/" + fixture.authorityA.value()).replace("/B", "/" + fixture.authorityB.value())
                    .replace("/results/1", "/results/" + fixture.stored.ref().id());
            Role[] roles = Role.values();
            for (int i = 0; i < roles.length; i++) {
                WebClient c = clients.get(roles[i]);
                // Each request starts from a fresh page of the visitor, whose CSRF token the POST carries.
                c.get(roles[i] == Role.PUBLIC ? "/public" : "/log");
                int status = switch (method) {
                    case "GET" -> c.get(path).statusCode();
                    case "POST" -> path.endsWith("/upload") ? c.postMultipart(path, Map.of(), Optional.empty()).statusCode()
                            : c.post(path, Map.of()).statusCode();
                    default -> throw new IllegalArgumentException(method);
                };
                cells++;
                if (status != Integer.parseInt(f[2 + i])) {
                    wrong.add(method + " " + f[1] + " as " + roles[i] + ": " + status + ", table says " + f[2 + i]);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(cells).isEqualTo(MATRIX.strip().split("\n").length * 7);
    }

    @Test
    void aPostWithoutTheSessionsTokenIsRefusedAndChangesNothing() {
        WebClient admin = clients.get(Role.STATE_ADMIN);
        admin.get("/users");
        int accounts = fixture.secrets.size() + 1;
        var r = admin.post("/users", Map.of("csrf", "forged", "username", "mallory", "name", "Mallory", "role", "STATE_ADMIN",
                "password", "a long enough password"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("did not come from this portal");
        assertThat(admin.get("/users").body()).doesNotContain("mallory").contains("staff-b");
        assertThat(accounts).isEqualTo(7);
    }

    @Test
    void staffOfAnotherAuthorityAreKeptToTheirOwn() {
        WebClient b = new WebClient(portal.url());
        assertThat(b.signIn("staff-b", PortalFixture.PASSWORD, fixture.staffBSecret, fixture.clock.instant()))
                .isEqualTo("/");
        assertThat(b.get("/").headers().firstValue("Location")).contains("/a/" + fixture.authorityB.value());
        assertThat(b.get("/a/" + fixture.authorityB.value()).statusCode()).isEqualTo(200);
        assertThat(b.get("/a/" + fixture.authorityA.value()).statusCode()).isEqualTo(403);
        assertThat(b.get("/a/" + fixture.authorityA.value() + "/upload").statusCode()).isEqualTo(403);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        var r = clients.get(Role.PUBLIC).get("/public");
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains(Portal.CSP);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("same-origin");
        // Plain HTTP: no HSTS (a browser would ignore it, and it must not pin a name to a test server).
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(Portal.CSP).contains("default-src 'none'").doesNotContain("unsafe-inline").doesNotContain("http");
    }

    @Test
    void anIdleSessionExpiresAfterThirtyMinutes() {
        WebClient c = new WebClient(portal.url());
        c.signIn(PortalFixture.username(Role.STATE_STAFF), PortalFixture.PASSWORD, "", fixture.clock.instant());
        assertThat(c.get("/state").statusCode()).isEqualTo(200);
        fixture.clock.advance(Duration.ofMinutes(29));
        assertThat(c.get("/state").statusCode()).isEqualTo(200);
        fixture.clock.advance(Duration.ofMinutes(30));
        assertThat(c.get("/state").statusCode()).isEqualTo(303);
    }
}
