package org.bulwark.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;

/** A small county: one approved scanner version with two seal points, one device, two bipartisan pairs. */
final class Fixtures {
    static final AuthorityId BOONE = new AuthorityId("Boone");
    static final Fingerprint SOFTWARE = new Fingerprint("sha256:" + "a".repeat(64));
    static final Fingerprint ELECTION = new Fingerprint("sha256:" + "e".repeat(64));
    static final RegistryEntry SCANNER = new RegistryEntry("DS200", "2.17", "ES&S", "ESS-EVS-6021", LocalDate.parse("2028-01-15"), "",
            ApprovalStatus.APPROVED, List.of(new Component("scanner", Component.Kind.SOFTWARE, SOFTWARE)), List.of("case", "memory-card-door"));
    static final Asset DEVICE = new Asset(new AssetTag("BC-0001"), "SN-1", AssetKind.VOTING_DEVICE, "DS200", Optional.of("2.17"), BOONE,
            "Warehouse", "J. Clerk", AssetStatus.IN_SERVICE);
    static final TwoPeople PAIR = new TwoPeople(new Person("Ann Dee", "Democratic"), new Person("Bob Arr", "Republican"));
    static final Instant LAT_DAY = Instant.parse("2028-10-20T15:00:00Z");
    static final CustodyRules RULES = CustodyRules.MISSOURI;
    static final CustodyRules.SealNumberFacts ISSUED = new CustodyRules.SealNumberFacts(Optional.of(BOONE), Optional.empty());

    private Fixtures() {}

    static LatRecord lat(boolean passed) {
        return new LatRecord(LatRecord.Kind.PRE_ELECTION, "SN-1", "DS200", SOFTWARE, ELECTION, LocalDate.parse("2028-10-20"), passed,
                passed ? List.of() : List.of(new LatRecord.Mismatch("Governor", "Smith", 3, 2)));
    }
}
