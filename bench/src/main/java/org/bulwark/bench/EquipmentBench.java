package org.bulwark.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bulwark.custody.ApprovalStatus;
import org.bulwark.custody.AssetCsv;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.Component;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.IncidentDraft;
import org.bulwark.custody.IncidentKind;
import org.bulwark.custody.RegistryEntry;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.GpUnit;
import org.bulwark.server.Portal;
import org.bulwark.server.PortalUsers;
import org.bulwark.server.Role;
import org.bulwark.store.ElectionSource;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;

/**
 * The portal's equipment pages over a state's inventory, over real HTTP on this machine: a workspace
 * with 116 authorities and an inventory of 30,000 assets (60% voting devices, none yet through L&A,
 * so every device fails a check: the heaviest case for the "not ready" filter), an L&A record and an
 * incident per authority. Then C concurrent readers (a state staff session) in a closed loop for S
 * seconds per page, after a warm-up, with /healthz in the same run as the baseline; /state is
 * measured too, to show the equipment links left it as it was. Usage:
 *
 * <pre>java -cp bench/target/bulwark-bench.jar org.bulwark.bench.EquipmentBench [--assets N] [--readers C] [--seconds S] [--work DIR]</pre>
 */
public final class EquipmentBench {
    private EquipmentBench() {}

    public static void main(String[] args) throws Exception {
        int assets = 30_000;
        int readers = 20;
        int seconds = 10;
        Path work = Files.createTempDirectory("bulwark-equipment-bench");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--assets" -> assets = Integer.parseInt(args[i + 1]);
                case "--readers" -> readers = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--work" -> work = Files.createDirectories(Path.of(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("Equipment pages bench: %,d assets, %d readers, %d s a page; %d cores, Java %s%n", assets, readers, seconds,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        Election election = StatewideGenerator.create(new StatewideGenerator.Settings(116, 600, 1_000, 2028)).election();
        String fingerprint = ElectionFingerprint.of(election).sha256();
        List<GpUnit> authorities = election.gpUnits().stream().filter(GpUnit::authority).toList();
        Path db = work.resolve("equipment-bench.db");
        Files.deleteIfExists(db);
        WorkspaceLocation location = new WorkspaceLocation.SqliteFile(db);
        Fingerprint software = new Fingerprint("sha256:" + "a".repeat(64));
        long setup = System.nanoTime();
        try (Workspace ws = Workspace.open(location)) {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            ElectionFiles.writeBulwarkJson(election, json);
            ws.importElection(election, new ElectionSource("election.json", "Bulwark JSON", json.toByteArray(), Optional.of(json.toByteArray()),
                    fingerprint));
            ws.custody().record(new CustodyAction.RecordRegistryEntry(new RegistryEntry("DS200", "2.17", "ES&S", "ESS-EVS-6021",
                    LocalDate.parse("2028-01-15"), "", ApprovalStatus.APPROVED, List.of(new Component("scanner", Component.Kind.SOFTWARE, software)),
                    List.of("case", "memory-card-door"))));
            StringBuilder csv = new StringBuilder(String.join(",", AssetCsv.COLUMNS)).append('\n');
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < assets; i++) {
                String authority = authorities.get(i % authorities.size()).id().value();
                String kind = i % 10 < 6 ? "voting-device,DS200,2.17" : i % 10 < 9 ? "memory-card,CF-8GB," : "ballot-container,BOX-1,";
                csv.append(String.format("T-%05d,SN-%05d,%s,%s,Warehouse %d,Clerk %d,in-service%n", i, i, kind, authority,
                        random.nextInt(5), random.nextInt(20)));
            }
            var imported = ws.custody().importAssets(AssetCsv.read(csv.toString().getBytes(StandardCharsets.UTF_8), "inventory.csv"),
                    "inventory.csv", new byte[32], false);
            if (imported.imported() != assets) {
                throw new IllegalStateException("imported " + imported.imported() + ": " + imported.problems());
            }
            List<CustodyAction> perAuthority = new java.util.ArrayList<>();
            for (int a = 0; a < authorities.size(); a++) {
                // Voting devices are every i with i % 10 < 6: the authority's first is i = a when a % 10 < 6, else a + 116 * k.
                int device = a;
                while (device % 10 >= 6) {
                    device += authorities.size();
                }
                perAuthority.add(new CustodyAction.RecordLat(new LatRecord(LatRecord.Kind.PRE_ELECTION, String.format("SN-%05d", device), "DS200",
                        software, new Fingerprint("sha256:" + fingerprint), LocalDate.parse("2028-10-20"), true, List.of()), "lat-record.json",
                        software, java.time.Instant.parse("2028-10-21T15:00:00Z")));
                perAuthority.add(new CustodyAction.OpenIncident(new IncidentDraft(IncidentKind.REPORTED,
                        new AuthorityId(authorities.get(a).id().value()), Optional.empty(), "bench incident")));
            }
            ws.custody().recordAll(perAuthority);
            PortalUsers.create(ws, new PortalUsers.NewUser("reader", "Reader", Role.STATE_STAFF, Optional.empty(), PortalBench.PASSWORD),
                    "bench", new SecureRandom());
        }
        System.out.printf("Workspace made in %.1f s%n", (System.nanoTime() - setup) / 1e9);

        String a = "/a/" + authorities.getFirst().id().value();
        List<String[]> pages = List.of(
                new String[] {"/healthz", "/healthz (baseline)"},
                new String[] {"/state", "/state (statewide readiness)"},
                new String[] {"/devices", "/devices (first page of 600)"},
                new String[] {"/devices?after=T-29949", "/devices?after=T-29949 (last page)"},
                new String[] {"/devices?fails=any&after=T-15000", "/devices not ready, a middle page"},
                new String[] {"/devices?q=sn-2999", "/devices?q=sn-2999 (text search)"},
                new String[] {a + "/devices", "/a/A/devices (259 assets)"},
                new String[] {a + "/devices/T-00000", "/a/A/devices/T-00000 (device)"},
                new String[] {a + "/lat", "/a/A/lat"},
                new String[] {a + "/incidents", "/a/A/incidents"},
                new String[] {"/incidents", "/incidents (116)"});
        try (Portal portal = Portal.start(new Portal.Settings(location, "127.0.0.1", 0, Optional.empty(), Clock.systemUTC()))) {
            PortalBench.Session reader = PortalBench.Session.signIn(portal.url(), "reader");
            for (String[] p : pages) {
                int status = reader.get(p[0]).statusCode();
                if (status != 200) {
                    throw new IllegalStateException(p[0] + " answered " + status);
                }
            }
            System.out.println("Readers (closed loop, no pause)      requests   per s    p50 ms   p95 ms   p99 ms   max ms");
            for (String[] p : pages) {
                PortalBench.readers(reader, p[0], readers, seconds).print(p[1], seconds);
            }
        }
    }
}
