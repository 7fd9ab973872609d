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
import java.util.Objects;
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
 * containers), then past election cycles (L&A, sealing, delivery, polling-place checks, seal breaks
 * after the canvass, returns), and last the run-up to the coming election, which ends on its eve:
 * every device through L&A, sealed after it, delivered, its seals checked at the polling place. As in
 * life a few of those fail: about 1.5% of L&A tests, and about 1.5% of devices have a seal that reads
 * a wrong number or is found not intact (each opens an incident), so the readiness matrix of the
 * coming election shows some 3% of devices not ready.
 *
 * <p>The number of past cycles is chosen so that the history holds {@code plan.events()} custody
 * events; what a whole number of cycles leaves over is made up by reads of memory cards when the past
 * elections' results were archived. A plan too small for one past cycle and the run-up holds the
 * run-up alone (fewer events than planned); one too small for the run-up stops part-way through it.
 */
public final class CustodyHistory {
    /**
     * What to generate.
     *
     * @param election the coming election's fingerprint (default: a made-up one, {@link #comingElection})
     */
    public record Plan(int authorities, int assets, long events, long seed, Optional<Fingerprint> election) {
        public Plan(int authorities, int assets, long events, long seed) {
            this(authorities, assets, events, seed, Optional.empty());
        }

        public Plan {
            Objects.requireNonNull(election, "election");
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

    /** The coming election's day; its run-up starts a week before, at 15:00 UTC (morning in every US zone). */
    public static final LocalDate ELECTION_DAY = LocalDate.parse("2028-11-07");
    private static final Instant RUN_UP = ELECTION_DAY.minusDays(7).atTime(15, 0).toInstant(ZoneOffset.UTC);
    private static final Duration CYCLE = Duration.ofDays(120);
    /** Phases 0 to 5 of a past cycle; the run-up is phases 0 to 3, the last of them on the eve. */
    private static final int PHASES = 6;
    private static final int RUN_UP_PHASES = 4;
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

    /** The election whose eve the history ends on: the plan's, or a made-up one. */
    public static Fingerprint comingElection(Plan plan) {
        return plan.election().orElseGet(() -> fingerprint("the coming election"));
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
        long perCycle = 0;
        long runUp = 0;
        int cards = 0;
        for (Asset a : inventory.assets()) {
            for (int phase = 0; phase < PHASES; phase++) {
                perCycle += events(a, phase);
                runUp += phase < RUN_UP_PHASES ? events(a, phase) : 0;
            }
            cards += a.kind() == AssetKind.MEMORY_CARD ? 1 : 0;
        }
        int past = (int) Math.max(0, (plan.events() - runUp) / perCycle);
        // Left over by a whole number of cycles: archive reads of memory cards, spread over the past cycles.
        long spare = cards == 0 || past == 0 ? 0 : plan.events() - runUp - past * perCycle;
        for (int cycle = 0; cycle <= past; cycle++) {
            boolean coming = cycle == past;
            Instant base = RUN_UP.minus(CYCLE.multipliedBy(past - cycle));
            Fingerprint election = coming ? comingElection(plan) : fingerprint("election " + cycle);
            // Each phase covers every asset before the next begins, as a county works through its equipment.
            for (int phase = 0; phase < (coming ? RUN_UP_PHASES : PHASES); phase++) {
                Instant at = base.plus(Duration.ofDays(phase * 2L));
                int card = 0;
                for (Asset a : inventory.assets()) {
                    if (emitted >= plan.events()) {
                        return;
                    }
                    step(a, phase, at, election, coming, sink);
                    if (phase == PHASES - 1 && a.kind() == AssetKind.MEMORY_CARD) {
                        long slot = (long) cycle * cards + card++;
                        long extra = spare / ((long) past * cards) + (slot < spare % ((long) past * cards) ? 1 : 0);
                        for (long i = 0; i < extra; i++) {
                            put(sink, new CustodyAction.AccessMemory(a.tag(), "read", "Clerk of " + a.authority(),
                                    "archive the results", Optional.empty(), at.plus(Duration.ofMinutes(i + 1))), 1);
                        }
                    }
                }
            }
        }
    }

    /** How many custody events an asset's step of a phase records (as {@link #step} does). */
    private static int events(Asset a, int phase) {
        return switch (a.kind()) {
            case MEMORY_CARD -> phase == 1 || phase == 4 ? 1 : 0;
            case VOTING_DEVICE -> switch (phase) {
                case 0, 2, 5 -> 1;
                default -> DEVICE_POINTS.size();
            };
            case BALLOT_CONTAINER -> phase == 0 ? 0 : 1;
            default -> 0;
        };
    }

    /**
     * One asset's step of a cycle: 0 L&A, 1 seal, 2 deliver, 3 check at the polls, 4 break seals, 5
     * return. In the coming election's run-up more checks fail, as they do in an election's last
     * days when every device is checked; before it a past cycle's failures were long put right.
     */
    private void step(Asset a, int phase, Instant at, Fingerprint election, boolean coming, Consumer<CustodyAction> sink) {
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
                            boolean passed = random.nextInt(1_000) >= (coming ? 15 : 5);
                            put(sink, new CustodyAction.RecordLat(new LatRecord(LatRecord.Kind.PRE_ELECTION, a.serial(), a.model(),
                                    software(model(a)), election, LocalDate.ofInstant(at, ZoneOffset.UTC), passed, passed ? List.of()
                                    : List.of(new LatRecord.Mismatch("Governor", "Candidate 2", 12, 11))), LatRecord.FILE,
                                    fingerprint("lat " + a.tag() + at), at), 1);
                        }
                    }
                    case 1 -> points.forEach(p -> put(sink, new CustodyAction.ApplySeal(a.tag(), p, seal(a), pair(a), at), 1));
                    case 2 -> put(sink, new CustodyAction.TransferCustody(new Transfer(List.of(a.tag()), "Clerk of " + a.authority(),
                            warehouse(a.authority()), "Judge of " + precinct, precinct, "delivery for election day", List.of(), "good",
                            Optional.empty(), pair(a)), at), 1);
                    case 3 -> points.forEach(p -> {
                        // Of 10,000 checks in the run-up, 50 read a wrong number and 25 find the seal not intact; before it, 5 and none.
                        int draw = random.nextInt(10_000);
                        boolean wrongNumber = draw < (coming ? 50 : 5);
                        boolean broken = coming && draw >= 50 && draw < 75;
                        put(sink, new CustodyAction.VerifySeal(a.tag(), p, lastSeal(a, p, wrongNumber), !broken, precinct, true, pair(a), at), 1);
                    });
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

    /** The number the check reads: the seal applied last to this asset's point, or, when {@code wrong}, another. */
    private long lastSeal(Asset a, String point, boolean wrong) {
        long last = applied.get(a.tag().value());
        long number = point.equals("case") ? last - 1 : last;
        return wrong ? number + 7 : number;
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
