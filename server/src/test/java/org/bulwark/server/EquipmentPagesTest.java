package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.custody.Asset;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.AssetStatus;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.Outcome;
import org.bulwark.store.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The equipment pages over real custody records: devices, a device's seals and timeline, incidents acted on, L&A records. */
class EquipmentPagesTest {
    @TempDir
    static Path dir;
    static PortalFixture fixture;
    static Portal portal;
    static String a;
    static String b;
    /** A tag with the characters a path or query treats specially. */
    static final String ODD_TAG = "ZZ 1/2#?%";

    @BeforeAll
    static void start() throws Exception {
        fixture = new PortalFixture(dir);
        EquipmentFixture.seed(fixture);
        // Enough memory cards for three pages of A's devices.
        try (Workspace ws = Workspace.open(fixture.location, fixture.clock, "county clerk (bulwark)")) {
            List<CustodyAction> cards = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                cards.add(new CustodyAction.AddAsset(new Asset(new AssetTag(String.format("MC-Z%03d", i)), "CZ-" + i, AssetKind.MEMORY_CARD,
                        "CF-8GB", Optional.empty(), new AuthorityId(fixture.authorityA.value()), "Vault", "J. Clerk", AssetStatus.IN_SERVICE), "bought"));
            }
            cards.add(new CustodyAction.AddAsset(new Asset(new AssetTag(ODD_TAG), "odd", AssetKind.USB_DRIVE, "USB", Optional.empty(),
                    new AuthorityId(fixture.authorityA.value()), "Vault", "J. Clerk", AssetStatus.IN_SERVICE), "bought"));
            assertThat(ws.custody().recordAll(cards)).allMatch(o -> o instanceof Outcome.Done);
        }
        portal = fixture.start();
        a = "/a/" + fixture.authorityA.value();
        b = "/a/" + fixture.authorityB.value();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static WebClient as(Role role) {
        fixture.clock.advance(Duration.ofMinutes(1)); // a new TOTP step for every sign-in
        WebClient c = new WebClient(portal.url());
        c.signIn(PortalFixture.username(role), PortalFixture.PASSWORD, fixture.secrets.get(role), fixture.clock.instant());
        return c;
    }

    @Test
    void devicesShowEachReadinessCheckAndPageThroughALargeInventory() {
        WebClient staff = as(Role.AUTHORITY_STAFF);
        String first = staff.get(a + "/devices").body();
        assertThat(first).contains("124 assets; showing DEV-A1 to MC-Z046 (50 a page, by tag).", "DEV-A2", "MC-A1", "rel=\"next\"")
                .doesNotContain("DEV-B1", "rel=\"prev\"");
        String a1 = row(first, "DEV-A1");
        assertThat(a1).contains("SN-A1", "DS200 2.17", "Precinct 12", "P. Judge").doesNotContain(">fail<");
        assertThat(row(first, "DEV-A2")).contains("<td class=\"open\">fail</td>", "<td class=\"done\">pass</td>");
        assertThat(row(first, "MC-A1")).contains("memory-card").doesNotContain(">pass<", ">fail<");
        String second = staff.get(link(first, "next")).body();
        assertThat(second).contains("showing MC-Z047 to MC-Z096", "rel=\"prev\"", "rel=\"next\"");
        String third = staff.get(link(second, "next")).body();
        assertThat(third).contains("showing MC-Z097 to ZZ 1/2#?%", "rel=\"prev\"").doesNotContain("rel=\"next\"", ">DEV-A1<");
        assertThat(staff.get(link(third, "prev")).body()).contains("showing MC-Z047 to MC-Z096");

        String failing = staff.get(a + "/devices?fails=lat-passed").body();
        assertThat(failing).contains("1 asset failing L&amp;A passed", "DEV-A2").doesNotContain("DEV-A1\"", "MC-A1");
        assertThat(staff.get(a + "/devices?fails=any").body()).contains("DEV-A2").doesNotContain(">DEV-A1<");
        assertThat(staff.get(a + "/devices?q=precinct&kind=voting-device").body()).contains("1 asset;", "DEV-A1");

        var bad = staff.get(a + "/devices?kind=robot&fails=sealed&after=");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("kind: &quot;robot&quot; is not a kind of asset", "fails: &quot;sealed&quot; is not a readiness check",
                "after: &quot;&quot; is not an asset tag to start a page at");
    }

    @Test
    void anAssetWithAnyPrintableTagHasAWorkingLink() {
        WebClient staff = as(Role.AUTHORITY_STAFF);
        String list = staff.get(a + "/devices?q=zz").body();
        var m = java.util.regex.Pattern.compile("href=\"(" + java.util.regex.Pattern.quote(a) + "/devices/[^\"]+)\"").matcher(list);
        assertThat(m.find()).isTrue();
        var page = staff.get(m.group(1).replace("&amp;", "&"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>usb-drive ZZ 1/2#?%</h1>");
    }

    @Test
    void theStatewideListLinksEachDeviceUnderItsAuthority() {
        String all = as(Role.STATE_STAFF).get("/devices?q=DEV").body();
        assertThat(all).contains("3 assets;", "href=\"" + b + "/devices/DEV-B1\"", "href=\"" + a + "/devices/DEV-A1\"");
        assertThat(as(Role.STATE_ADMIN).get("/state").body()).contains("href=\"/devices\"", "href=\"/incidents\"",
                "href=\"" + a + "/devices?fails=lat-passed\"");
    }

    @Test
    void aDevicePageHasItsSealLogTimelineOldestFirstAndReports() {
        WebClient team = as(Role.BIPARTISAN_TEAM);
        String page = team.get(a + "/devices/DEV-A1").body();
        assertThat(page).contains("L&amp;A passed: passes", "Seals verified at polls: passes");
        String seals = page.substring(page.indexOf("id=\"seal-log\""), page.indexOf("</table>", page.indexOf("id=\"seal-log\"")));
        assertThat(seals).contains("seal 1100 applied (case)", "Ann Dee (Democratic) and Bob Arr (Republican)", "seal verified (case)")
                .doesNotContain("transfer #");
        String timeline = page.substring(page.indexOf("id=\"timeline\""));
        int lat = timeline.indexOf("L&amp;A pre-election");
        int applied = timeline.indexOf("seal 1100 applied");
        int transfer = timeline.indexOf("transfer #");
        int verified = timeline.indexOf("seal verified (case)");
        assertThat(List.of(lat, applied, transfer, verified)).allMatch(i -> i >= 0).isSorted();

        var pdf = team.get(a + "/devices/DEV-A1/seal-log.pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"seal-log-DEV-A1.pdf\"");
        assertThat(pdf.body()).startsWith("%PDF-");
        var csv = team.get(a + "/devices/DEV-A1/custody-log.csv");
        assertThat(csv.body()).startsWith("asset,time,entry,details").contains("DEV-A1,2028-10-21T15:00:00Z,L&A pre-election", "transfer #");
        assertThat(team.get("/a/" + fixture.authorityA.value() + "/devices/MC-A1").body()).contains("insert by J. Clerk in DEV-A1")
                .doesNotContain("id=\"readiness\"");
        String failed = team.get(a + "/devices/DEV-A2").body();
        assertThat(failed).contains("L&amp;A passed: fails");
        // The incident about it stands in its timeline, linked to its page.
        String failedTimeline = failed.substring(failed.indexOf("id=\"timeline\""), failed.indexOf("</table>", failed.indexOf("id=\"timeline\"")));
        assertThat(failedTimeline).contains("href=\"" + a + "/incidents/1\">incident #1 opened</a>", "L&amp;A count for Governor off by one");
    }

    @Test
    void incidentsAreAssignedAndResolvedUnderThePersonsNameThroughTheCustodyRecords() {
        WebClient team = as(Role.BIPARTISAN_TEAM);
        assertThat(team.get(a + "/incidents/1").body()).contains("L&amp;A count for Governor").doesNotContain("id=\"resolve-form\"");

        WebClient staff = as(Role.AUTHORITY_STAFF);
        String list = staff.get(a + "/incidents").body();
        assertThat(list).contains("1 incidents, 1 not resolved", "#1").doesNotContain("case door scratched");
        staff.get(a + "/incidents/1");
        var empty = staff.post(a + "/incidents/1/resolve", Map.of("note", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Nothing was recorded: a resolution needs a note");
        assertThat(staff.post(a + "/incidents/1/assign", Map.of("assignee", "Chris Tech")).statusCode()).isEqualTo(303);
        assertThat(staff.get(a + "/incidents/1").body()).contains("Chris Tech");
        var resolved = staff.post(a + "/incidents/1/resolve", Map.of("note", "Recounted the deck: operator error, <none> lost."));
        assertThat(resolved.statusCode()).isEqualTo(303);
        assertThat(resolved.headers().firstValue("Location")).contains(a + "/incidents/1");
        String page = staff.get(a + "/incidents/1").body();
        assertThat(page).contains("resolved", "by Test authority staff (authority-staff): Recounted the deck: operator error, &lt;none&gt; lost.")
                .doesNotContain("id=\"resolve-form\"");
        var again = staff.post(a + "/incidents/1/resolve", Map.of("note", "again", "csrf", staff.csrf()));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Not recorded: incident #1 was resolved");

        // In the tamper-evident log under the person's name.
        String log = staff.get("/log").body();
        assertThat(log).contains("Custody incident resolved", "Custody incident assigned", "authority-staff (web)");

        // The state resolves another authority's incident; staff of A cannot.
        assertThat(staff.post(b + "/incidents/2/resolve", Map.of("note", "x")).statusCode()).isEqualTo(403);
        WebClient state = as(Role.STATE_STAFF);
        String statewide = state.get("/incidents").body();
        assertThat(statewide.indexOf("#2")).isLessThan(statewide.indexOf("#1")); // open ones first
        state.get(b + "/incidents/2");
        assertThat(state.post(b + "/incidents/2/resolve", Map.of("note", "Scratch predates delivery; photo on file.")).statusCode()).isEqualTo(303);
        assertThat(state.get("/incidents").body()).contains("2 incidents, 0 not resolved");
    }

    @Test
    void latRecordsListEachTestWithItsResultAndCertificate() {
        WebClient staff = as(Role.AUTHORITY_ADMIN);
        String list = staff.get(a + "/lat").body();
        assertThat(list).contains("2 L&amp;A records, 1 failed", "<td class=\"open\">FAILED</td>", "<td class=\"done\">passed</td>",
                "href=\"" + a + "/lat/1/certificate.pdf\"");
        String failed = staff.get(a + "/lat/2").body();
        assertThat(failed).contains("FAILED: 1 counts differed", "Pat &lt;b&gt;Smith&lt;/b&gt;", "sha256:" + fixture.fingerprint);
        var pdf = staff.get(a + "/lat/1/certificate.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(staff.get(a + "/lat/99").statusCode()).isEqualTo(404);
    }

    @Test
    void theDevicesCertificateIsAttachedWithItsObserversAndWarnings() throws Exception {
        WebClient team = as(Role.BIPARTISAN_TEAM);
        assertThat(team.get(a + "/lat/1").body()).contains("Printable certificate").doesNotContain("id=\"attach-form\"");

        WebClient admin = as(Role.AUTHORITY_ADMIN);
        assertThat(admin.get(a + "/lat/1").body()).contains("id=\"attach-form\"");
        Path notPdf = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a pdf");
        var refused = admin.postMultipart(a + "/lat/1/certificate", Map.of("observers", "Ann Dee: Democratic\nno colon here"),
                "certificate", Optional.of(notPdf));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was attached: observers, line 2: write the name, a colon and the party");
        var notAPdf = admin.postMultipart(a + "/lat/1/certificate", Map.of("observers", "Ann Dee: Democratic"), "certificate", Optional.of(notPdf));
        assertThat(notAPdf.body()).contains("notes.txt: the certificate is not a PDF file");

        Path pdf = java.nio.file.Files.write(dir.resolve("lat-certificate.pdf"), "%PDF-1.7 the device's own certificate".getBytes());
        var attached = admin.postMultipart(a + "/lat/1/certificate", Map.of("observers", "Ann Dee: Democratic\r\n\r\nBob Arr: Republican",
                "warnings", "public notice was given less than 48 hours before the test\n"), "certificate", Optional.of(pdf));
        assertThat(attached.statusCode()).isEqualTo(303);
        String page = admin.get(a + "/lat/1").body();
        assertThat(page).contains("The device&#39;s certificate (PDF)", "<li>Ann Dee (Democratic)</li>", "<li>Bob Arr (Republican)</li>",
                "public notice was given less than 48 hours", "by authority-admin (web)");
        assertThat(admin.get(a + "/lat").body()).contains("Ann Dee (Democratic); Bob Arr (Republican)", "device&#39;s PDF");
        assertThat(admin.get(a + "/lat/1/certificate.pdf").body()).isEqualTo("%PDF-1.7 the device's own certificate");
        assertThat(admin.get("/log").body()).contains("Logic and accuracy test certificate attached");
    }

    @Test
    void theDashboardLinksTheEquipmentPagesForThoseWhoSeeThem() {
        assertThat(as(Role.AUTHORITY_STAFF).get(a).body()).contains("href=\"" + a + "/devices\"", "href=\"" + a + "/incidents\"",
                "href=\"" + a + "/lat\"", "href=\"" + a + "/devices/DEV-A2\"");
        assertThat(as(Role.AUDIT_BOARD).get(a).body()).doesNotContain("href=\"" + a + "/devices", "href=\"" + a + "/lat\"");
    }

    @Test
    void anyQueryOrPathGetsAPageOrAPreciseRefusalNeverAnError() {
        WebClient state = as(Role.STATE_ADMIN);
        java.util.Random random = new java.util.Random(7);
        String alphabet = "aZ-_%&=?#/\\\"'<>;: .,0123456789éT\u0000\t";
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            StringBuilder junk = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                junk.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String v = java.net.URLEncoder.encode(junk.toString(), java.nio.charset.StandardCharsets.UTF_8);
            String path = switch (i % 6) {
                case 0 -> "/devices?q=" + v + "&kind=" + v;
                case 1 -> "/devices?fails=" + v + "&after=" + v;
                case 2 -> a + "/devices?before=" + v + "&after=" + v;
                case 3 -> a + "/devices/" + v.replace("+", "%20");
                case 4 -> a + "/incidents/" + v.replace("+", "%20");
                default -> a + "/lat/" + v.replace("+", "%20") + "/certificate.pdf";
            };
            int status = state.get(path).statusCode();
            if (status >= 500) {
                wrong.add(path + ": " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The target of the page's link with this rel (prev, next), as a path to get. */
    private static String link(String page, String rel) {
        var m = java.util.regex.Pattern.compile("href=\"([^\"]+)\" rel=\"" + rel + "\"").matcher(page);
        assertThat(m.find()).as("a " + rel + " link").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    /** The table row of an asset tag. */
    private static String row(String page, String tag) {
        int at = page.indexOf(">" + tag + "</a>");
        assertThat(at).as(tag + " listed").isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }
}
