package org.bulwark.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.bulwark.custody.ApprovalStatus;
import org.bulwark.custody.Asset;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.AssetStatus;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.Component;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.Person;
import org.bulwark.custody.RegistryEntry;
import org.bulwark.custody.SealStock;
import org.bulwark.custody.Transfer;
import org.bulwark.custody.TwoPeople;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;

/**
 * A synthetic statewide inventory and its custody history, the same for the same plan and seed: the
 * registry, each authority's seal stock and assets (60% voting devices, 30% memory cards, 10% ballot
 * containers), then election cycles of L&A, sealing, delivery, polling-place checks, seal breaks and
 * returns, until the planned number of custody events is reached. A few checks find a wrong seal
 * number and a few L&A tests fail, so incidents and devices that are not ready occur as in life.
 */
public final class CustodyHistory {
    /** What to generate. */
    public record Plan(int authorities, int assets, long events, long seed) {
        public Plan {
            if (authorities < 1 || authorities > 10_000) {
                throw new IllegalArgumentException("authorities must be between 1 and 10,000, not " + authorities);
            }
            if (assets < authorities || assets > 10_000_000) {
                throw new IllegalArgumentException("assets must be between the number of authorities and 10,000,000, not " + assets);
            }
            if (events < 0) {
                throw new IllegalArgumentException("events must not be negative");
            }
        }
    }

    /** The registry entries, the seal stock issued and the assets, ready to record before the events. */
    public record Inventory(List<RegistryEntry> registry, List<SealStock> seals, List<Asset> assets) {
        public Inventory {
            registry = List.copyOf(registry);
            seals = List.copyOf(seals);
            assets = List.copyOf(assets);
        }
    }

    private static final Instant START = LocalDate.parse("2027-01-04").atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Duration CYCLE = Duration.ofDays(120);
    private static final long SEALS_PER_AUTHORITY = 1_000_000;
    private static final String[][] MODELS = {{"DS200", "2.17", "ES&S", "ESS-EVS-6021"}, {"ImageCast X", "5.10", "Dominion", "DVS-DS-5170"},
        {"ExpressVote", "2.4", "ES&S", "ESS-EVS-6030"}};
    private static final List<String> DEVICE_POINTS = List.of("case", "memory-card-door");
    private static final String LID = "lid";

    private final Plan plan;
    private final Inventory inventory;
    private final SplittableRandom random;
    private final long[] nextSeal;
    /** The number of the seal applied last to each asset (a device's two seals are consecutive numbers). */
    private final Map<String, Long> applied = new HashMap<>();
    private long emitted;

    private CustodyHistory(Plan plan) {
        this.plan = plan;
        this.random = new SplittableRandom(plan.seed());
        this.inventory = makeInventory();
        this.nextSeal = new long[plan.authorities()];
        for (int a = 0; a < plan.authorities(); a++) {
            nextSeal[a] = inventory.seals().get(a).first();
        }
    }

    public static Inventory inventory(Plan plan) {
        return new CustodyHistory(plan).inventory;
    }

    /** Streams the custody actions in the order they happen, {@code plan.events()} custody events in all (a replace counts two). */
    public static void events(Plan plan, Consumer<CustodyAction> sink) {
        new CustodyHistory(plan).emit(sink);
    }

    private Inventory makeInventory() {
        List<RegistryEntry> registry = new ArrayList<>();
        for (String[] m : MODELS) {
            registry.add(new RegistryEntry(m[0], m[1], m[2], m[3], LocalDate.parse("2026-06-01"), "", ApprovalStatus.APPROVED,
                    List.of(new Component(m[0] + " application", Component.Kind.SOFTWARE, software(m)),
                            new Component(m[0] + " firmware", Component.Kind.FIRMWARE, fingerprint("firmware " + m[0] + " " + m[1]))),
                    DEVICE_POINTS));
        }
        List<SealStock> seals = new ArrayList<>();
        List<Asset> assets = new ArrayList<>();
        for (int a = 0; a < plan.authorities(); a++) {
            AuthorityId authority = authority(a);
            seals.add(new SealStock(authority, 1 + a * SEALS_PER_AUTHORITY, (a + 1) * SEALS_PER_AUTHORITY));
            int count = plan.assets() / plan.authorities() + (a < plan.assets() % plan.authorities() ? 1 : 0);
            for (int i = 0; i < count; i++) {
                int share = i % 10;
                AssetKind kind = share < 6 ? AssetKind.VOTING_DEVICE : share < 9 ? AssetKind.MEMORY_CARD : AssetKind.BALLOT_CONTAINER;
                String[] model = MODELS[random.nextInt(MODELS.length)];
                String tag = String.format("A%03d-%05d", a + 1, i + 1);
                assets.add(new Asset(new AssetTag(tag), "S" + tag, kind, kind == AssetKind.VOTING_DEVICE ? model[0]
                        : kind == AssetKind.MEMORY_CARD ? "CF-8GB" : "Ballot box", kind == AssetKind.VOTING_DEVICE ? Optional.of(model[1])
                        : Optional.empty(), authority, warehouse(authority), "Clerk of " + authority, AssetStatus.IN_SERVICE));
            }
        }
        return new Inventory(registry, seals, assets);
    }

    private void emit(Consumer<CustodyAction> sink) {
        for (int cycle = 0; emitted < plan.events(); cycle++) {
            Instant base = START.plus(CYCLE.multipliedBy(cycle));
            Fingerprint election = fingerprint("election " + cycle);
            // Each phase covers every asset before the next begins, as a county works through its equipment.
            for (int phase = 0; phase < 6 && emitted < plan.events(); phase++) {
                Instant at = base.plus(Duration.ofDays(phase * 2L));
                for (Asset a : inventory.assets()) {
                    if (emitted >= plan.events()) {
                        return;
                    }
                    step(a, phase, at, election, sink);
                }
            }
        }
    }

    /** One asset's step of a cycle: 0 L&A, 1 seal, 2 deliver, 3 check at the polls, 4 break seals, 5 return. */
    private void step(Asset a, int phase, Instant at, Fingerprint election, Consumer<CustodyAction> sink) {
        List<String> points = a.kind() == AssetKind.VOTING_DEVICE ? DEVICE_POINTS : List.of(LID);
        String precinct = "Precinct " + (1 + Math.floorMod(a.tag().hashCode(), 40)) + ", " + a.authority();
        switch (a.kind()) {
            case MEMORY_CARD -> {
                if (phase == 1 || phase == 4) {
                    put(sink, new CustodyAction.AccessMemory(a.tag(), phase == 1 ? "write" : "read", "Clerk of " + a.authority(),
                            phase == 1 ? "load the election" : "read the results", Optional.empty(), at), 1);
                }
            }
            case VOTING_DEVICE, BALLOT_CONTAINER -> {
                switch (phase) {
                    case 0 -> {
                        if (a.kind() == AssetKind.VOTING_DEVICE) {
                            boolean passed = random.nextInt(200) != 0;
                            put(sink, new CustodyAction.RecordLat(new LatRecord(LatRecord.Kind.PRE_ELECTION, a.serial(), a.model(),
                                    software(model(a)), election, LocalDate.ofInstant(at, ZoneOffset.UTC), passed, passed ? List.of()
                                    : List.of(new LatRecord.Mismatch("Governor", "Candidate 2", 12, 11))), "lat-record.json",
                                    fingerprint("lat " + a.tag() + at), at), 1);
                        }
                    }
                    case 1 -> points.forEach(p -> put(sink, new CustodyAction.ApplySeal(a.tag(), p, seal(a), pair(a), at), 1));
                    case 2 -> put(sink, new CustodyAction.TransferCustody(new Transfer(List.of(a.tag()), "Clerk of " + a.authority(),
                            warehouse(a.authority()), "Judge of " + precinct, precinct, "delivery for election day", List.of(), "good",
                            Optional.empty(), pair(a)), at), 1);
                    case 3 -> points.forEach(p -> put(sink, new CustodyAction.VerifySeal(a.tag(), p, lastSeal(a, p), true, precinct, true,
                            pair(a), at), 1));
                    case 4 -> points.forEach(p -> put(sink, new CustodyAction.BreakSeal(a.tag(), p, "canvass", pair(a), at), 1));
                    default -> put(sink, new CustodyAction.TransferCustody(new Transfer(List.of(a.tag()), "Judge of " + precinct, precinct,
                            "Clerk of " + a.authority(), warehouse(a.authority()), "return after the canvass", List.of(), "good", Optional.empty(),
                            pair(a)), at), 1);
                }
            }
            default -> { }
        }
    }

    private void put(Consumer<CustodyAction> sink, CustodyAction action, int events) {
        emitted += events;
        sink.accept(action);
    }

    private long seal(Asset a) {
        int authority = Integer.parseInt(a.tag().value().substring(1, 4)) - 1;
        long number = nextSeal[authority]++;
        applied.put(a.tag().value(), number);
        return number;
    }

    /** The number the check reads: the seal applied last to this asset's point, rarely misread or swapped. */
    private long lastSeal(Asset a, String point) {
        long last = applied.get(a.tag().value());
        long number = point.equals("case") ? last - 1 : last;
        return random.nextInt(2_000) == 0 ? number + 7 : number;
    }

    private static TwoPeople pair(Asset a) {
        return new TwoPeople(new Person("D. Judge of " + a.authority(), "Democratic"), new Person("R. Judge of " + a.authority(), "Republican"));
    }

    private static String[] model(Asset a) {
        for (String[] m : MODELS) {
            if (m[0].equals(a.model())) {
                return m;
            }
        }
        throw new IllegalStateException("no model " + a.model());
    }

    private static Fingerprint software(String[] model) {
        return fingerprint("software " + model[0] + " " + model[1]);
    }

    static AuthorityId authority(int index) {
        return new AuthorityId(String.format("Authority %03d", index + 1));
    }

    private static String warehouse(AuthorityId authority) {
        return "Warehouse, " + authority;
    }

    private static Fingerprint fingerprint(String text) {
        try {
            return new Fingerprint("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
