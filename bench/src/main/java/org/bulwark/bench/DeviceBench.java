package org.bulwark.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bulwark.device.Ballot;
import org.bulwark.device.CertifiedSoftware;
import org.bulwark.device.Officials;
import org.bulwark.device.DeviceKind;
import org.bulwark.device.Outcome;
import org.bulwark.device.PaperRecords;
import org.bulwark.device.PollingPlaceSimulation;
import org.bulwark.device.PrecinctDevice;
import org.bulwark.device.SoftwareFingerprint;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;

/**
 * Precinct device speed, one thread: casting ballots with their paper records (PDF with QR code), CVRs
 * and log events on a memory card, and reading paper records back. The card is put once on the
 * given folder (a disk: every ballot's files are synced) and once in /dev/shm (memory: syncing
 * costs nothing), so the cost of the medium shows beside the cost of the work. Targets: 100 ballots/s,
 * 50 pages/s read back. Usage: DeviceBench [election.json] [ballots] [disk folder].
 */
public final class DeviceBench {
    private static final char[] PASS = "bench only".toCharArray();
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private DeviceBench() {}

    public static void main(String[] args) throws IOException {
        Path electionFile = Path.of(args.length > 0 ? args[0] : "testdata/nist-cdf/gen-01/err_v2/pe-err-gen-01.json");
        int ballots = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path disk = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
        Election election = ElectionFiles.read(electionFile).election();
        List<Path> cleanup = new ArrayList<>();
        try {
            for (Path base : List.of(disk, Path.of("/dev/shm"))) {
                if (!Files.isDirectory(base)) {
                    continue;
                }
                Path root = Files.createTempDirectory(base, "device-bench");
                cleanup.add(root);
                PrecinctDevice device = openPolls(election, root);
                Random random = new Random(1);
                List<BallotStyle> styles = election.ballotStyles().stream().filter(s -> !s.gpUnits().isEmpty()).toList();
                cast(device, election, styles, random, Math.min(200, ballots)); // warm-up
                long t = System.nanoTime();
                long cpu = CPU.getCurrentThreadCpuTime();
                cast(device, election, styles, random, ballots);
                report("cast " + String.format("%,d", ballots) + " ballots with paper records on " + base, ballots, t, cpu, "ballots", 100);
                if (base.equals(disk)) {
                    readBack(root.resolve("card").resolve("paper"), root);
                }
            }
        } finally {
            for (Path p : cleanup) {
                try (Stream<Path> all = Files.walk(p)) {
                    all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /**
     * Wall time and this thread's CPU time: on a shared, loaded machine the thread waits for a core,
     * so the CPU time is what one core does ("per core"); the wall time includes waiting for the disk.
     */
    private static void report(String what, int n, long wallStart, long cpuStart, String unit, int target) {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%s: wall %.2f s (%.1f %s/s), CPU %.2f s (%.1f %s/s per core); target %d %s/s%n", what, wall, n / wall, unit, cpu,
                n / cpu, unit, target, unit);
    }

    private static void cast(PrecinctDevice device, Election election, List<BallotStyle> styles, Random random, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Ballot b = PollingPlaceSimulation.randomBallot(election, styles.get(random.nextInt(styles.size())), random);
            if (device.cast(b) instanceof Outcome.Refused<PrecinctDevice.Cast>) {
                i--; // a returned overvote: the voter corrects it; count only ballots taken
            }
        }
    }

    /** Paper records read back: PDFs as the device wrote them, then PNG scans at 150 dpi. */
    private static void readBack(Path paper, Path root) throws IOException {
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(paper)) {
            pdfs = s.sorted().limit(1_000).toList();
        }
        for (Path p : pdfs.subList(0, Math.min(50, pdfs.size()))) {
            PaperRecords.read(p); // warm-up
        }
        long t = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        for (Path p : pdfs) {
            PaperRecords.read(p);
        }
        report("read back " + pdfs.size() + " paper record PDFs", pdfs.size(), t, cpu, "pages", 50);
        Path scans = Files.createDirectories(root.resolve("scans"));
        List<Path> pngs = new ArrayList<>();
        for (Path p : pdfs.subList(0, Math.min(100, pdfs.size()))) {
            try (PDDocument doc = Loader.loadPDF(p.toFile())) {
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
                Path png = scans.resolve(p.getFileName() + ".png");
                ImageIO.write(page, "png", png.toFile());
                pngs.add(png);
            }
        }
        t = System.nanoTime();
        cpu = CPU.getCurrentThreadCpuTime();
        for (Path p : pngs) {
            PaperRecords.read(p);
        }
        report("read back " + pngs.size() + " PNG scans (150 dpi Letter pages)", pngs.size(), t, cpu, "pages", 50);
    }

    /** Keys, a signed election package certifying this software, a new card, the election loaded, test polls open. */
    private static PrecinctDevice openPolls(Election election, Path root) throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-11-03T12:00:00Z"), ZoneOffset.UTC);
        Path keys = root.resolve("keys");
        Keys.generate(new Keys.Request(KeyRole.AUTHORITY, "bench-clerk", Optional.of("bench"), Validity.ALWAYS), keys, PASS,
                new SecureRandom(), 1_000);
        LoadedPrivateKey authority = Keys.loadPrivate(keys.resolve("bench-clerk.key"), PASS);
        Path trust = Files.createDirectories(root.resolve("trust"));
        Files.copy(keys.resolve("bench-clerk.pub"), trust.resolve("bench-clerk.pub"));
        Path usb = Files.createDirectories(root.resolve("usb"));
        Path def = root.resolve("election.json");
        try (OutputStream o = Files.newOutputStream(def)) {
            ElectionFiles.writeBulwarkJson(election, o);
        }
        Path cert = root.resolve(CertifiedSoftware.fileName());
        Files.write(cert, new CertifiedSoftware(List.of(SoftwareFingerprint.ofRunningDevice())).bytes());
        // No official-only step is benchmarked: an empty list of officials will do.
        Path officials = root.resolve(Officials.fileName());
        Files.write(officials, new Officials(List.of()).bytes());
        Packages.create(new Packages.Request(new PackageType.Election(), Optional.of(ElectionFingerprint.of(election).sha256()),
                Mode.OFFICIAL, List.of(PackageFile.of(def), PackageFile.of(cert), PackageFile.of(officials))), authority,
                usb.resolve("election.zip"), clock);
        PrecinctDevice d = PrecinctDevice.initialize(root.resolve("card"), new PrecinctDevice.Setup("Bench", "BENCH-1",
                DeviceKind.BALLOT_MARKING_DEVICE, "bench", trust), "bench", clock, new SecureRandom());
        d.loadElection(usb, "bench").orThrow();
        d.openPolls(new PrecinctDevice.OpenPolls(List.of("S-1"), "A", "B", Optional.empty(), Optional.empty())).orThrow();
        return d;
    }
}
