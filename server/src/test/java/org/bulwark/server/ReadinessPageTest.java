package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bulwark.custody.ApprovalStatus;
import org.bulwark.custody.Asset;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.AssetStatus;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.Component;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.Outcome;
import org.bulwark.custody.RegistryEntry;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.store.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readiness page fed by the custody records: devices, L&A and seals per authority, seen by the portal without a restart. */
class ReadinessPageTest {
    static final Fingerprint SOFTWARE = new Fingerprint("sha256:" + "a".repeat(64));

    @TempDir
    Path dir;

    PortalFixture fixture;
    Portal portal;
    WebClient staff;

    @BeforeEach
    void start() throws Exception {
        fixture = new PortalFixture(dir);
        portal = fixture.start();
        staff = new WebClient(portal.url());
        staff.signIn(PortalFixture.username(Role.STATE_STAFF), PortalFixture.PASSWORD, "", fixture.clock.instant());
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void devicesLatAndSealsComeFromTheCustodyRecords() {
        String before = staff.get("/state").body();
        assertThat(before).doesNotContain("not tracked yet").contains("no devices recorded", "0 of 3");

        // The county records a certified device and its passed L&A test with the command line's code path, outside the portal.
        try (Workspace ws = Workspace.open(fixture.location, fixture.clock, "county clerk")) {
            done(ws, new CustodyAction.RecordRegistryEntry(new RegistryEntry("DS200", "2.17", "ES&S", "ESS-EVS-6021",
                    LocalDate.parse("2028-01-15"), "", ApprovalStatus.APPROVED,
                    List.of(new Component("scanner", Component.Kind.SOFTWARE, SOFTWARE)), List.of("case"))));
            done(ws, new CustodyAction.AddAsset(new Asset(new AssetTag("BC-1"), "SN-1", AssetKind.VOTING_DEVICE, "DS200", Optional.of("2.17"),
                    new AuthorityId(fixture.authorityA.value()), "Warehouse", "J. Clerk", AssetStatus.IN_SERVICE), "delivered"));
            done(ws, new CustodyAction.RecordLat(new LatRecord(LatRecord.Kind.PRE_ELECTION, "SN-1", "DS200", SOFTWARE,
                    new Fingerprint("sha256:" + fixture.fingerprint), LocalDate.parse("2028-10-20"), true, List.of()),
                    "lat-record.json", SOFTWARE, Instant.parse("2028-10-21T15:00:00Z")));
        }
        fixture.clock.advance(PortalData.RECHECK.plus(Duration.ofSeconds(1)));

        String after = staff.get("/state").body();
        String rowA = after.substring(after.indexOf("/a/" + fixture.authorityA.value() + "\""));
        rowA = rowA.substring(0, rowA.indexOf("</tr>"));
        // Devices certified and L&A done: 1 of 1; seals: none applied after the L&A test.
        // The open cell links to the devices that fail it.
        assertThat(rowA).contains("<td class=\"done\">1 of 1 devices</td><td class=\"open\"><a href=\"/a/" + fixture.authorityA.value()
                + "/devices?fails=sealed-after-lat,seals-verified\">0 of 1 devices</a></td><td class=\"done\">1 of 1 devices</td>");
        assertThat(after).contains("1 of 3");

        String dashboard = staff.get("/a/" + fixture.authorityA.value()).body();
        assertThat(dashboard).contains("Devices certified: 1 of 1 devices", "Seals intact: 0 of 1 devices", "L&amp;A done: 1 of 1 devices",
                "Devices not ready", "BC-1", "SN-1", "Sealed after L&amp;A, Seals verified at polls");

        // A device whose L&A test was of another election is not ready for this one.
        try (Workspace ws = Workspace.open(fixture.location, fixture.clock, "county clerk")) {
            done(ws, new CustodyAction.AddAsset(new Asset(new AssetTag("BC-2"), "SN-2", AssetKind.VOTING_DEVICE, "DS200", Optional.of("2.17"),
                    new AuthorityId(fixture.authorityA.value()), "Warehouse", "J. Clerk", AssetStatus.IN_SERVICE), "delivered"));
            done(ws, new CustodyAction.RecordLat(new LatRecord(LatRecord.Kind.PRE_ELECTION, "SN-2", "DS200", SOFTWARE,
                    new Fingerprint("sha256:" + "0".repeat(64)), LocalDate.parse("2028-10-20"), true, List.of()),
                    "lat-record.json", SOFTWARE, Instant.parse("2028-10-21T16:00:00Z")));
        }
        fixture.clock.advance(PortalData.RECHECK.plus(Duration.ofSeconds(1)));
        assertThat(staff.get("/a/" + fixture.authorityA.value()).body()).contains("L&amp;A done: 1 of 2 devices", "BC-2", "Election fingerprint");
        assertThat(staff.get("/state").body()).contains("/devices?fails=lat-passed\">1 of 2 devices</a>");
    }

    private static void done(Workspace ws, CustodyAction action) {
        assertThat(ws.custody().record(action)).isInstanceOf(Outcome.Done.class);
    }
}
