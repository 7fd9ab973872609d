package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bulwark.custody.Incident;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.store.AuditRecords;
import org.bulwark.store.EquipmentRecords;
import org.bulwark.store.LogCheck;
import org.bulwark.store.StoredElection;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark demo}: prepared once (the slow part), then checked stage by stage, reused, and served. */
class DemoCommandTest {
    @TempDir
    static Path tmp;

    static Path dir;
    static Run prepared;

    @BeforeAll
    static void prepareOnce() {
        dir = tmp.resolve("demo");
        prepared = Run.of("demo", "--no-serve", "--dir", dir.toString());
        assertThat(prepared.exitCode()).as(prepared.err() + prepared.out()).isZero();
    }

    private static Workspace open() {
        return Workspace.open(new WorkspaceLocation.SqliteFile(dir.resolve(DemoCommand.WORKSPACE_FILE)));
    }

    @Test
    void everyStageHasItsData() {
        assertThat(prepared.out()).contains("116 authorities, 600 precincts", "233 keys", "348 devices of 116 authorities",
                "L&A tests: 3 run on real devices", "incidents: 2 (1 open)", "Readiness: 344 of 348 devices ready, 4 not",
                "110 of 116 authorities reported", "Ballots counted: ", "Audit statewide-rla of ", "verified intact",
                "./bulwark serve --port 8080 --workspace " + dir.resolve(DemoCommand.WORKSPACE_FILE), "user name sos-admin, password ",
                "otpauth://totp/Bulwark:sos-admin?secret=", "user name lea-001-admin", "user name lea-001-audit");
        try (Workspace ws = open()) {
            List<StoredElection> elections = ws.listElections();
            assertThat(elections).hasSize(1);
            StoredElection election = elections.getFirst();

            assertThat(ws.trustRegistry().entries()).hasSize(1 + 2 * 116);

            assertThat(ws.custody().registry()).hasSize(2);
            assertThat(ws.custody().assets(Optional.empty())).hasSize(348);
            // As the portal judges readiness: for the coming election, whose definition every device's L&A test was of.
            Optional<Fingerprint> fingerprint = Fingerprint.parse("sha256:" + election.fingerprint());
            assertThat(ws.custody().readinessMatrix(Optional.empty(), fingerprint).failing()).hasSize(4);
            List<Incident> incidents = ws.custody().incidents(Optional.empty(), false);
            assertThat(incidents).hasSize(2);
            assertThat(incidents.stream().filter(Incident::open)).hasSize(1);
            for (String serial : List.of("PS-001-1", "PS-001-2", "BM-001-3")) {
                assertThat(dir.resolve("equipment/lat").resolve(serial).resolve("lat-certificate.pdf")).as(serial).isNotEmptyFile();
            }
            List<EquipmentRecords.LatEntry> first = ws.equipmentRecords().latRecords(Set.of("lea-001"));
            assertThat(first).hasSize(3).allSatisfy(e -> {
                assertThat(e.certificate()).as(e.device().value()).isPresent();
                assertThat(Optional.of(e.record().electionFingerprint())).isEqualTo(fingerprint);
            });
            assertThat(ws.equipmentRecords().latRecords(Set.of("lea-003")).stream().filter(e -> !e.record().passed())).hasSize(1);

            long ballots = ws.importedFiles(election.ref()).stream().mapToLong(f -> f.cvrCount()).sum();
            assertThat(ballots).isBetween(15_000L, 19_999L);
            assertThat(ws.latestResults(election.ref())).isPresent();
            assertThat(dir.resolve("reports/results.pdf")).isNotEmptyFile();

            AuditRecords.StoredAudit audit = ws.audits().find(DemoAudit.NAME).orElseThrow();
            assertThat(ws.audits().seed(audit)).contains(DemoAudit.SEED);
            assertThat(ws.audits().rounds(audit)).hasSize(2);
            assertThat(ws.audits().closedRounds(audit)).hasSize(1);
            assertThat(ws.audits().discrepancies(audit)).hasSize(DemoAudit.DISCREPANCIES);
            assertThat(ws.audits().entries(audit, "ballot")).hasSizeBetween(DemoAudit.ROUND_2_ENTERED + 1, DemoAudit.ROUND_1 + DemoAudit.ROUND_2_ENTERED);

            assertThat(ws.portalAccounts().list()).hasSize(3);
            assertThat(ws.verifyLog()).isInstanceOf(LogCheck.Intact.class);
            assertThat(ws.logSize()).isGreaterThan(3_000);
        }
    }

    @Test
    void aSecondRunReusesThePreparedDemo() {
        Run again = Run.of("demo", "--no-serve", "--dir", dir.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("The demo in " + dir + " was prepared by an earlier run: reusing it as it is (give --fresh to prepare it anew).")
                .contains("user name sos-admin").doesNotContain("Preparing");
    }

    @Test
    void anUnfinishedOrForeignFolderIsRefusedWithWhatToDo() throws Exception {
        Path unfinished = Files.createDirectories(tmp.resolve("unfinished"));
        Files.writeString(unfinished.resolve(DemoCommand.WORKSPACE_FILE), "");
        Run stopped = Run.of("demo", "--no-serve", "--dir", unfinished.toString());
        assertThat(stopped.exitCode()).isEqualTo(2);
        assertThat(stopped.err()).isEqualTo("bulwark: " + unfinished + ": demo folder: an earlier run stopped before the demo was prepared "
                + "(there is no sign-in.txt); run again with --fresh to delete it and start over, or choose another --dir\n");

        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        Run foreign = Run.of("demo", "--no-serve", "--fresh", "--dir", other.toString());
        assertThat(foreign.exitCode()).isEqualTo(2);
        assertThat(foreign.err()).contains("it is neither a new or empty folder nor a Bulwark demo's");
        assertThat(other.resolve("notes.txt")).hasContent("mine");

        Run file = Run.of("demo", "--no-serve", "--dir", other.resolve("notes.txt").toString());
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err()).contains("notes.txt: demo folder: it is neither a new or empty folder nor a Bulwark demo's");
    }

    @Test
    void aPortInUseIsSaidBeforeAnythingIsPrepared() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path fresh = tmp.resolve("busy");
            Run busy = Run.of("demo", "--port", Integer.toString(taken.getLocalPort()), "--dir", fresh.toString());
            assertThat(busy.exitCode()).isEqualTo(2);
            assertThat(busy.err()).contains("port " + taken.getLocalPort() + " on this machine is in use");
            assertThat(fresh).doesNotExist();
        }
    }

    @Test
    void thePortalServesTheDemoAndThePrintedCredentialsSignIn() throws Exception {
        UntilStopped demo = UntilStopped.start("demo", "--port", "0", "--dir", dir.toString());
        try {
            demo.await(Pattern.compile("Stop it with Ctrl-C\\."));
            String printed = demo.out();
            Matcher at = Pattern.compile("The Bulwark portal is running at (http://localhost:\\d+)/").matcher(printed);
            assertThat(at.find()).as(printed + demo.err()).isTrue();
            URI base = URI.create(at.group(1) + "/");
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
            assertThat(get(http, base, "healthz").statusCode()).isEqualTo(200);
            HttpResponse<String> pub = get(http, base, "public");
            assertThat(pub.statusCode()).isEqualTo(200);
            assertThat(pub.body()).contains("Centralia General Election", "saved results file SHA-256", DemoAudit.NAME, DemoAudit.SEED);
            assertThat(get(http, base, "public/audits/" + DemoAudit.NAME).statusCode()).isEqualTo(200);

            Matcher admin = Pattern.compile("user name sos-admin, password (\\S+)\\n.*two-factor secret ([A-Z2-7]+) ").matcher(printed);
            assertThat(admin.find()).as(printed).isTrue();
            assertThat(signIn(http, base, "sos-admin", admin.group(1), Optional.of(admin.group(2)))).isEqualTo("/");
            assertThat(get(http, base, "").headers().firstValue("Location")).contains("/state");
            HttpResponse<String> state = get(http, base, "state");
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(state.body()).contains("116 authorities", "Stoneridge County");

            HttpClient boardBrowser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
            Matcher board = Pattern.compile("user name lea-001-audit, password (\\S+)").matcher(printed);
            assertThat(board.find()).isTrue();
            assertThat(signIn(boardBrowser, base, "lea-001-audit", board.group(1), Optional.empty())).isEqualTo("/");
            assertThat(get(boardBrowser, base, "").headers().firstValue("Location")).contains("/a/lea-001");
            assertThat(get(boardBrowser, base, "a/lea-001").statusCode()).isEqualTo(200);
            HttpResponse<String> audits = get(boardBrowser, base, "a/lea-001/audits");
            assertThat(audits.statusCode()).isEqualTo(200);
            assertThat(audits.body()).contains(DemoAudit.NAME);
        } finally {
            assertThat(demo.stop()).isZero();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in as a browser would (CSRF token from the form; the code when asked); returns where the portal sends the user. */
    private static String signIn(HttpClient http, URI base, String user, String password, Optional<String> totpSecret) throws Exception {
        String location = post(http, base, "signin", get(http, base, "signin").body(), Map.of("username", user, "password", password));
        if (location.equals("/signin/code")) {
            location = post(http, base, "signin/code", get(http, base, "signin/code").body(),
                    Map.of("code", totp(totpSecret.orElseThrow(), Instant.now())));
        }
        return location;
    }

    private static String post(HttpClient http, URI base, String path, String form, Map<String, String> fields) throws Exception {
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as(form).isTrue();
        String body = new java.util.LinkedHashMap<>(Map.of("csrf", csrf.group(1))).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"))
                + fields.entrySet().stream().map(e -> "&" + e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Location").orElse("");
    }

    /** RFC 6238 (SHA-1, 30 s, six digits), written here from the RFC so that it checks the portal's own implementation. */
    static String totp(String base32Secret, Instant now) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32Secret.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(now.getEpochSecond() / 30).array());
        int offset = h[h.length - 1] & 0xf;
        int value = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
        return String.format("%06d", value % 1_000_000);
    }
}
