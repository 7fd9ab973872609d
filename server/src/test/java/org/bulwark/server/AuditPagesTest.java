package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.bulwark.auditing.WorkspaceAudit;
import org.bulwark.device.PaperRecord;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.SelectionId;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.EventKind;
import org.bulwark.store.LoggedEntry;
import org.bulwark.store.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit pages over HTTP: progress, downloads, the audit board's entry, certification, the public audit page. */
class AuditPagesTest {
    @TempDir
    Path dir;

    PortalFixture fixture;
    AuditFixture audit;
    Portal portal;
    String a;
    String auditPath;

    @BeforeEach
    void start() throws Exception {
        fixture = new PortalFixture(dir);
        audit = AuditFixture.addTo(fixture);
        portal = fixture.start();
        a = fixture.authorityA.value();
        auditPath = "/a/" + a + "/audits/" + AuditFixture.AUDIT;
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    WebClient as(Role role) {
        fixture.clock.advance(Duration.ofMinutes(1));
        WebClient c = new WebClient(portal.url());
        c.signIn(PortalFixture.username(role), PortalFixture.PASSWORD, fixture.secrets.getOrDefault(role, ""), fixture.clock.instant());
        return c;
    }

    /** The form of one ballot's entry: the board, two members, and the choices ticked in the audited contest (field c0). */
    static Map<String, String> entry(long ballot, String member1, String member2) {
        Map<String, String> form = new HashMap<>();
        form.put("ballot", String.valueOf(ballot));
        form.put("board", "Board 1");
        form.put("member1", member1);
        form.put("member2", member2);
        return form;
    }

    HttpResponse<String> post(WebClient c, String path, Map<String, String> form, Set<SelectionId> ticked) {
        c.get(path);
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
        ticked.forEach(s -> pairs.add("c0=" + enc(s.value())));
        pairs.add("csrf=" + enc(c.csrf()));
        return c.postRaw(path, String.join("&", pairs));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theAuditPageShowsProgressAndTheDownloadsAreTheAuditCodesOwn() {
        WebClient staff = as(Role.AUTHORITY_STAFF);
        String page = staff.get(auditPath).body();
        int ballots = audit.drawnWithVotes(fixture).size();
        assertThat(page).contains("Audit " + AuditFixture.AUDIT, "Status: round 1 is open", AuditFixture.SEED, "manifest-a.csv",
                "0 of " + ballots, "kaplan-markov", "not measured yet", "None found so far.");
        assertThat(staff.get("/a/" + a + "/audits").body()).contains(auditPath);
        assertThat(as(Role.STATE_STAFF).get("/audits").body()).contains(auditPath, "round 1 is open");

        String csv = staff.get(auditPath + "/rounds/1/retrieval-list.csv").body();
        try (Workspace ws = Workspace.open(fixture.location, fixture.clock, "test")) {
            assertThat(csv).isEqualTo(WorkspaceAudit.open(ws, AuditFixture.AUDIT).retrievalList(1).csv());
        }
        var pdf = staff.get(auditPath + "/rounds/1/retrieval-list.pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(staff.get(auditPath + "/audit-report.pdf").body()).startsWith("%PDF-");
        assertThat(staff.get(auditPath + "/rounds/2/retrieval-list.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void anAuditBoardMemberEntersBallotsAndSeesEachDiscrepancyWithTheCvr() {
        WebClient board = as(Role.AUDIT_BOARD);
        Map<Long, Set<SelectionId>> drawn = audit.drawnWithVotes(fixture);
        List<Long> ballots = List.copyOf(drawn.keySet());
        String enter = auditPath + "/enter";
        assertThat(board.get(enter).body()).contains(ballots.size() + " of " + ballots.size() + " drawn ballots are still to be entered");
        assertThat(board.get(enter + "?ballot=" + ballots.getFirst()).body()).contains("Ballot " + ballots.getFirst() + ": ", "name=\"c0\"");
        long logBefore = logSize();

        // As the CVR shows it: no discrepancy.
        var same = post(board, enter, entry(ballots.get(0), "Ann Lee", "Bo Diaz"), drawn.get(ballots.get(0)));
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.body()).contains("agrees with its cast vote record");

        // Nothing marked where the CVR counts a vote for the reported winner, or a vote where it counts none: a discrepancy, shown.
        var differs = post(board, enter, entry(ballots.get(1), "Ann Lee", "Bo Diaz"),
                drawn.get(ballots.get(1)).isEmpty() ? Set.of(firstSelection()) : Set.of());
        assertThat(differs.body()).contains("It differs from its cast vote record", "ballot " + ballots.get(1) + " (", "contest "
                + audit.contest.value());

        // Refused, nothing recorded: one member twice, a ballot not drawn, a choice of another contest.
        assertThat(post(board, enter, entry(ballots.get(2), "Ann Lee", "ann lee"), Set.of()).body()).contains("two different members");
        assertThat(post(board, enter, entry(999_999, "Ann Lee", "Bo Diaz"), Set.of()).statusCode()).isEqualTo(400);
        var foreign = post(board, enter, entry(ballots.get(2), "Ann Lee", "Bo Diaz"), Set.of(new SelectionId("no-such-choice")));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("has no choice no-such-choice");

        // Two entries, each logged under the board member's portal identity; no selection in the log.
        List<LoggedEntry> logged = new ArrayList<>();
        try (Workspace ws = Workspace.open(fixture.location, fixture.clock, "test")) {
            ws.forEachLogEntry(logBefore, logged::add);
        }
        List<LoggedEntry> entries = logged.stream().filter(e -> e.event().kind() == EventKind.AUDIT_ENTRY_RECORDED).toList();
        assertThat(entries).hasSize(2).allSatisfy(e -> assertThat(e.event().header().actor()).isEqualTo(new Actor("audit-board (web)")));
        assertThat(board.get(auditPath).body()).contains("2 of " + ballots.size(), "OPEN");
        assertThat(board.get(enter).body()).contains((ballots.size() - 2) + " of " + ballots.size());
    }

    @Test
    void aPaperRecordsQrCodeIsReadInsteadOfTheBoxes() throws Exception {
        WebClient board = as(Role.AUDIT_BOARD);
        Map.Entry<Long, CastVoteRecord> drawn = audit.drawnCvrs(fixture).entrySet().iterator().next();
        String enter = auditPath + "/enter";
        Map<String, String> form = entry(drawn.getKey(), "Ann Lee", "Bo Diaz");

        board.get(enter + "?ballot=" + drawn.getKey());
        var read = board.postMultipart(enter, form, "paper", Optional.of(qrPng("scan.png", paperRecord(drawn.getValue(), Mode.OFFICIAL))));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("agrees with its cast vote record");

        board.get(enter + "?ballot=" + drawn.getKey());
        var test = board.postMultipart(enter, form, "paper", Optional.of(qrPng("lat.png", paperRecord(drawn.getValue(), Mode.TEST))));
        assertThat(test.statusCode()).isEqualTo(400);
        assertThat(test.body()).contains("Not entered: lat.png: QR code field 3: this is a test paper record");

        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        board.get(enter + "?ballot=" + drawn.getKey());
        var none = board.postMultipart(enter, form, "paper", Optional.of(blank));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Not entered: blank.png: image: no readable QR code was found");
    }

    /** The record a ballot-marking device would print for this ballot: the CVR's own picks, by position in each contest of its style. */
    private PaperRecord paperRecord(CastVoteRecord cvr, Mode mode) {
        List<List<PaperRecord.CodedPick>> contests = new ArrayList<>();
        for (ContestId id : fixture.index.ballotStyle(cvr.ballotStyle()).orElseThrow().contests()) {
            List<SelectionId> selections = fixture.index.contest(id).orElseThrow().selections().stream().map(ContestSelection::id).toList();
            contests.add(cvr.contests().stream().filter(c -> c.contest().equals(id))
                    .flatMap(c -> c.marks().stream().filter(m -> m.countsAsVote() && !m.generatedByRules()))
                    .map(m -> new PaperRecord.CodedPick(selections.indexOf(m.selection()), 0, Optional.empty())).toList());
        }
        return new PaperRecord(fixture.fingerprint, mode, "SN-BMD-1", cvr.ballotId(), cvr.ballotStyle(), cvr.ballotStyleUnit(), contests);
    }

    private Path qrPng(String name, PaperRecord record) throws Exception {
        BitMatrix m = new QRCodeWriter().encode(record.encode(),
                BarcodeFormat.QR_CODE, 0, 0);
        int scale = 4;
        int quiet = 4 * scale;
        BufferedImage image = new BufferedImage(m.getWidth() * scale + 2 * quiet, m.getHeight() * scale + 2 * quiet,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int mx = (x - quiet) / scale;
                int my = (y - quiet) / scale;
                boolean dark = x >= quiet && y >= quiet && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private long logSize() {
        try (Workspace ws = Workspace.open(fixture.location, fixture.clock, "test")) {
            return ws.logSize();
        }
    }

    private SelectionId firstSelection() {
        return fixture.index.contest(audit.contest).orElseThrow().selections().getFirst().id();
    }

    @Test
    void certificationListsEveryBlockerAndTheAdministratorCertifiesUnderTheirName() {
        WebClient admin = as(Role.STATE_ADMIN);
        String blocked = admin.get("/a/" + a + "/certification").body();
        assertThat(blocked).contains("Certification is blocked by 1 item:", "Audit ", AuditFixture.AUDIT,
                " is not finished: round 1 is open").doesNotContain("id=\"certify\"");
        var refused = admin.post("/a/" + a + "/certification", Map.of("election", String.valueOf(fixture.stored.ref().id())));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Not certified: an audit of these results is not finished. Nothing was recorded.");

        String b = fixture.authorityB.value();
        assertThat(admin.get("/a/" + b + "/certification").body()).contains("Nothing blocks certification", "No audit of these results",
                "id=\"certify\"");
        var certified = admin.post("/a/" + b + "/certification", Map.of("election", String.valueOf(fixture.stored.ref().id())));
        assertThat(certified.statusCode()).isEqualTo(200);
        assertThat(certified.body()).contains("Certified. The certification is in the tamper-evident log.", "Certified by Test state administrator");
        try (Workspace ws = Workspace.open(fixture.location, fixture.clock, "test")) {
            LoggedEntry last = ws.logEntry(ws.logSize() - 1).orElseThrow();
            assertThat(last.event().kind()).isEqualTo(EventKind.RESULTS_CERTIFIED);
            assertThat(last.event().header().actor()).isEqualTo(new Actor("state-admin (web)"));
        }
        var again = admin.post("/a/" + b + "/certification", Map.of("election", String.valueOf(fixture.stored.ref().id())));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("were certified already, by Test state administrator");
    }

    @Test
    void thePublicSeesSeedsSamplesAndRiskButNoMembersNames() {
        post(as(Role.AUDIT_BOARD), auditPath + "/enter", entry(audit.drawnWithVotes(fixture).keySet().iterator().next(), "Ann Lee", "Bo Diaz"),
                Set.of());
        WebClient anyone = new WebClient(portal.url());
        assertThat(anyone.get("/public").body()).contains("/public/audits/" + AuditFixture.AUDIT, AuditFixture.SEED);
        String page = anyone.get("/public/audits/" + AuditFixture.AUDIT).body();
        assertThat(page).contains(AuditFixture.SEED, "manifest-a.csv", "bulwark audit sample --seed", "Risk per contest")
                .doesNotContain("Ann Lee").doesNotContain("Bo Diaz").doesNotContain("Board 1");
        String samples = page.substring(page.indexOf("id=\"samples\""));
        assertThat(samples.split("<tr>").length - 1).isEqualTo(AuditFixture.DRAWS + 1);
        assertThat(anyone.get("/public/audits/nothing").statusCode()).isEqualTo(404);
    }
}
