package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.bulwark.custody.IncidentDraft;
import org.bulwark.custody.IncidentKind;
import org.bulwark.custody.Outcome;
import org.bulwark.custody.Person;
import org.bulwark.custody.RegistryEntry;
import org.bulwark.custody.SealCheck;
import org.bulwark.custody.SealStock;
import org.bulwark.custody.Transfer;
import org.bulwark.custody.TwoPeople;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.store.Workspace;

/**
 * Custody records for the portal fixture's authorities, recorded through the command line's code
 * path: authority A (named by its GpUnit id) has a ready device DEV-A1 (L&A passed, sealed, delivered,
 * seals verified at the polls), DEV-A2 whose L&A test failed, and a memory card; authority B (named by
 * its name, as custody records may) has DEV-B1. Incident #1 is A's (about DEV-A2), #2 is B's; L&A
 * record #1 is DEV-A1's.
 */
final class EquipmentFixture {
    static final Fingerprint SOFTWARE = new Fingerprint("sha256:" + "a".repeat(64));
    static final TwoPeople PAIR = new TwoPeople(new Person("Ann Dee", "Democratic"), new Person("Bob Arr", "Republican"));
    static final Instant DAY = Instant.parse("2028-10-21T15:00:00Z");
    static final String READY = "DEV-A1";
    static final String FAILED = "DEV-A2";
    static final String OF_B = "DEV-B1";

    private EquipmentFixture() {}

    static void seed(PortalFixture f) {
        String a = f.authorityA.value();
        String b = f.index.gpUnit(f.authorityB).orElseThrow().name();
        Fingerprint election = new Fingerprint("sha256:" + f.fingerprint);
        try (Workspace ws = Workspace.open(f.location, f.clock, "county clerk (bulwark)")) {
            done(ws, new CustodyAction.RecordRegistryEntry(new RegistryEntry("DS200", "2.17", "ES&S", "ESS-EVS-6021", LocalDate.parse("2028-01-15"),
                    "", ApprovalStatus.APPROVED, List.of(new Component("scanner", Component.Kind.SOFTWARE, SOFTWARE)), List.of("case"))));
            done(ws, new CustodyAction.AddAsset(device(READY, "SN-A1", a), "delivered"));
            done(ws, new CustodyAction.AddAsset(device(FAILED, "SN-A2", a), "delivered"));
            done(ws, new CustodyAction.AddAsset(new Asset(new AssetTag("MC-A1"), "C-A1", AssetKind.MEMORY_CARD, "CF-8GB", Optional.empty(),
                    new AuthorityId(a), "Warehouse", "J. Clerk", AssetStatus.IN_SERVICE), "delivered"));
            done(ws, new CustodyAction.AddAsset(device(OF_B, "SN-B1", b), "delivered"));
            done(ws, new CustodyAction.IssueSeals(new SealStock(new AuthorityId(a), 1000, 1999)));
            done(ws, new CustodyAction.RecordLat(new LatRecord(LatRecord.Kind.PRE_ELECTION, "SN-A1", "DS200", SOFTWARE, election,
                    LocalDate.parse("2028-10-20"), true, List.of()), "lat-record.json", SOFTWARE, DAY));
            done(ws, new CustodyAction.RecordLat(new LatRecord(LatRecord.Kind.PRE_ELECTION, "SN-A2", "DS200", SOFTWARE, election,
                    LocalDate.parse("2028-10-20"), false, List.of(new LatRecord.Mismatch("Governor", "Pat <b>Smith</b>", 3, 2))),
                    "lat-record.json", SOFTWARE, DAY));
            AssetTag ready = new AssetTag(READY);
            done(ws, new CustodyAction.ApplySeal(ready, "case", 1100, PAIR, DAY.plusSeconds(600)));
            done(ws, new CustodyAction.AccessMemory(new AssetTag("MC-A1"), "insert", "J. Clerk", "load the election", Optional.of(ready),
                    DAY.plusSeconds(900)));
            done(ws, new CustodyAction.TransferCustody(new Transfer(List.of(ready), "J. Clerk", "Warehouse", "P. Judge", "Precinct 12",
                    "delivery", List.of(new SealCheck(ready, "case", 1100)), "good", Optional.empty(), PAIR), DAY.plusSeconds(3600)));
            done(ws, new CustodyAction.VerifySeal(ready, "case", 1100, true, "Precinct 12", true, PAIR, DAY.plusSeconds(7200)));
            done(ws, new CustodyAction.OpenIncident(new IncidentDraft(IncidentKind.REPORTED, new AuthorityId(a), Optional.of(new AssetTag(FAILED)),
                    "L&A count for Governor off by one")));
            done(ws, new CustodyAction.OpenIncident(new IncidentDraft(IncidentKind.REPORTED, new AuthorityId(b), Optional.of(new AssetTag(OF_B)),
                    "case door scratched")));
        }
    }

    private static Asset device(String tag, String serial, String authority) {
        return new Asset(new AssetTag(tag), serial, AssetKind.VOTING_DEVICE, "DS200", Optional.of("2.17"), new AuthorityId(authority), "Warehouse",
                "J. Clerk", AssetStatus.IN_SERVICE);
    }

    private static void done(Workspace ws, CustodyAction action) {
        Outcome o = ws.custody().record(action);
        assertThat(o).as(o.toString()).isInstanceOf(Outcome.Done.class);
    }
}
