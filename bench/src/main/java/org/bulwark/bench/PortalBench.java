package org.bulwark.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrFormat;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.cvr.CvrReportWriter;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.pkg.CvrMerkle;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.server.Portal;
import org.bulwark.server.PortalUsers;
import org.bulwark.server.Role;
import org.bulwark.store.ElectionSource;
import org.bulwark.store.StoredElection;
import org.bulwark.store.TrustRequest;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;

/**
 * The web portal under load, over real HTTP on this machine: (1) a results package of N CVRs (one
 * NIST JSON file, of one county of 600 precincts, signed by its scanner) uploaded through the upload form,
 * verified and imported, timed from the first byte sent to the outcome page saying "imported";
 * (2) C concurrent readers of the statewide readiness page (116 authorities, a second workspace), each in a closed loop
 * with no pause, for S seconds after a warm-up, with the latency of every request; the same readers
 * against /healthz in the same run as the baseline of what the machine and HTTP stack cost. Usage:
 *
 * <pre>java -cp bench/target/bulwark-bench.jar org.bulwark.bench.PortalBench [--ballots N] [--readers C] [--seconds S] [--work DIR]</pre>
 */
public final class PortalBench {
    static final String PASSWORD = "load test password";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private PortalBench() {}

    public static void main(String[] args) throws Exception {
        long ballots = 100_000;
        int readers = 200;
        int seconds = 20;
        Path work = Files.createTempDirectory("bulwark-portal-bench");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--ballots" -> ballots = Long.parseLong(args[i + 1]);
                case "--readers" -> readers = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--work" -> work = Files.createDirectories(Path.of(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("Portal bench: %,d CVRs in the package, %d readers, %d s; %d cores, Java %s%n", ballots, readers, seconds,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        // The package is one large county's (every CVR of a precinct of the uploading authority, as the
        // upload requires); the readers read the statewide page of a 116-authority state, in a second workspace.
        StatewideGenerator generator = StatewideGenerator.create(new StatewideGenerator.Settings(1, 600, ballots, 2028));
        Election election = generator.election();
        ElectionIndex index = ElectionIndex.of(election);
        GpUnit first = election.gpUnits().stream().filter(GpUnit::authority).findFirst().orElseThrow();
        Path db = work.resolve("portal-bench.db");
        Files.deleteIfExists(db);
        WorkspaceLocation location = new WorkspaceLocation.SqliteFile(db);
        SecureRandom random = new SecureRandom();
        KeyPair stateKeys = Ed25519.generate(random);
        KeyPair clerkKeys = Ed25519.generate(random);
        KeyPair scannerKeys = Ed25519.generate(random);
        PublicKeyInfo state = new PublicKeyInfo(KeyRole.STATE, "sos", Optional.empty(), Validity.ALWAYS, stateKeys.getPublic());
        PublicKeyInfo clerk = new PublicKeyInfo(KeyRole.AUTHORITY, "clerk", Optional.of(first.id().value()), Validity.ALWAYS, clerkKeys.getPublic());
        PublicKeyInfo scanner = new PublicKeyInfo(KeyRole.DEVICE, "scanner", Optional.of(first.id().value()), Validity.ALWAYS,
                scannerKeys.getPublic());
        StoredElection stored;
        try (Workspace ws = Workspace.open(location)) {
            stored = importElection(ws, election);
            ws.changeTrust(new TrustRequest.Bootstrap(state));
            ws.changeTrust(new TrustRequest.Admit(clerk, state.fingerprint()));
            ws.changeTrust(new TrustRequest.Admit(scanner, clerk.fingerprint()));
            PortalUsers.create(ws, new PortalUsers.NewUser("uploader", "Uploader", Role.AUTHORITY_STAFF, Optional.of(first.id().value()),
                    PASSWORD), "bench", random);
        }
        Path cvrFile = work.resolve("cvrs.json");
        try (OutputStream out = Files.newOutputStream(cvrFile);
                CvrReportWriter w = CvrFiles.writer(out, CvrFormat.JSON, election, "scanner", OffsetDateTime.now(ZoneOffset.UTC))) {
            generator.castVoteRecords(c -> {
                try {
                    w.write(c);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        CvrMerkle merkle = new CvrMerkle();
        CvrFiles.read(cvrFile, index, CvrReadOptions.strict(), merkle::add);
        Path pkg = work.resolve("results.zip");
        Files.deleteIfExists(pkg);
        Packages.create(new Packages.Request(new PackageType.Results(), Optional.of(stored.fingerprint()), Mode.OFFICIAL,
                List.of(new PackageFile("cvrs.json", cvrFile, Optional.of(merkle.summary())))),
                new LoadedPrivateKey(KeyRole.DEVICE, "scanner", Optional.of(first.id().value()), scannerKeys.getPrivate(),
                        scannerKeys.getPublic()), pkg, Clock.systemUTC());
        System.out.printf("Package: %,d bytes%n", Files.size(pkg));

        try (Portal portal = Portal.start(new Portal.Settings(location, "127.0.0.1", 0, Optional.empty(), Clock.systemUTC()))) {
            URI base = portal.url();
            Session uploader = Session.signIn(base, "uploader");
            uploader.get("/a/" + first.id().value() + "/upload");
            long start = System.nanoTime();
            HttpResponse<String> response = uploader.upload("/a/" + first.id().value() + "/upload", stored.ref().id(), pkg);
            String status = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(response.body()));
            long posted = System.nanoTime();
            // The page names the step under way: note when each step is first seen (polled every 20 ms).
            Pattern step = Pattern.compile("id=\"outcome\">(Verifying|Verified and imported|Refused)");
            java.util.Map<String, Long> firstSeen = new java.util.LinkedHashMap<>();
            String page;
            do {
                Thread.sleep(20);
                page = uploader.get(status).body();
                Matcher m = step.matcher(page);
                if (m.find()) {
                    firstSeen.putIfAbsent(m.group(1), System.nanoTime());
                }
            } while (page.contains("class=\"working\""));
            long end = System.nanoTime();
            Matcher outcome = Pattern.compile("id=\"outcome\">([^<]+)<").matcher(page);
            System.out.printf("Upload + verify + import of %,d CVRs: %.2f s (%s)%n", ballots, (end - start) / 1e9,
                    outcome.find() ? outcome.group(1) : "no outcome");
            System.out.printf("  sending the file and storing it: %.2f s; verifying and importing (one transaction): %.2f s%n",
                    (posted - start) / 1e9, (end - posted) / 1e9);
            long hashStart = System.nanoTime();
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(pkg)) {
                byte[] buffer = new byte[1 << 20];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            sha.digest();
            System.out.printf("  baseline in the same run: the JDK's SHA-256 over the package's bytes alone: %.2f s%n",
                    (System.nanoTime() - hashStart) / 1e9);

            if (!page.contains("id=\"outcome\">Verified and imported")) {
                throw new IllegalStateException("the upload was not imported: " + page);
            }
        }
        WorkspaceLocation statewide = statewide(work.resolve("portal-bench-state.db"), random);
        try (Portal portal = Portal.start(new Portal.Settings(statewide, "127.0.0.1", 0, Optional.empty(), Clock.systemUTC()))) {
            Session reader = Session.signIn(portal.url(), "reader");
            reader.get("/state"); // computes the shared snapshot once
            Latencies health = readers(reader, "/healthz", readers, seconds);
            Latencies dashboard = readers(reader, "/state", readers, seconds);
            System.out.println("Readers (closed loop, no pause)      requests   per s    p50 ms   p95 ms   p99 ms   max ms");
            health.print("/healthz (baseline)", seconds);
            dashboard.print("/state (statewide readiness, 116 authorities)", seconds);
        }
    }

    /** The election imported as 'bulwark import election' imports its Bulwark JSON. */
    private static StoredElection importElection(Workspace ws, Election election) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ElectionFiles.writeBulwarkJson(election, json);
        return ws.importElection(election, new ElectionSource("election.json", "Bulwark JSON", json.toByteArray(),
                Optional.of(json.toByteArray()), ElectionFingerprint.of(election).sha256()));
    }

    /** A workspace holding a 116-authority statewide election and the reader's account. */
    private static WorkspaceLocation statewide(Path db, SecureRandom random) throws IOException {
        Files.deleteIfExists(db);
        WorkspaceLocation location = new WorkspaceLocation.SqliteFile(db);
        Election election = StatewideGenerator.create(new StatewideGenerator.Settings(116, 600, 0, 2028)).election();
        try (Workspace ws = Workspace.open(location)) {
            importElection(ws, election);
            PortalUsers.create(ws, new PortalUsers.NewUser("reader", "Reader", Role.STATE_STAFF, Optional.empty(), PASSWORD), "bench", random);
        }
        return location;
    }

    record Latencies(long[] nanos, long errors) {
        double percentile(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            return nanos[(int) Math.min(nanos.length - 1, Math.ceil(p * nanos.length) - 1)] / 1e6;
        }

        void print(String what, int seconds) {
            System.out.printf("%-34s %9d %7.0f %8.1f %8.1f %8.1f %8.1f%s%n", what, nanos.length, (double) nanos.length / seconds,
                    percentile(0.50), percentile(0.95), percentile(0.99), percentile(1.0), errors == 0 ? "" : "  (" + errors + " errors)");
        }
    }

    /** C readers on virtual threads, 3 s of warm-up then S s measured. */
    static Latencies readers(Session session, String path, int readers, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(readers);
        for (int i = 0; i < readers; i++) {
            Thread.ofVirtual().start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        HttpResponse<byte[]> r = session.read(path);
                        long t1 = System.nanoTime();
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (t0 >= warmEnd) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = t1 - t0;
                        }
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                } finally {
                    all.add(Arrays.copyOf(mine, n));
                    done.countDown();
                }
            });
        }
        done.await();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Latencies(merged, errors.get());
    }

    /** One signed-in browser session: its cookie and its CSRF token. */
    static final class Session {
        private final HttpClient http;
        private final URI base;
        private String csrf = "";

        private Session(URI base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        static Session signIn(URI base, String username) {
            Session s = new Session(base);
            s.get("/signin");
            s.post("/signin", "username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
            return s;
        }

        HttpResponse<String> get(String path) {
            return remember(send(HttpRequest.newBuilder(base.resolve(path)).GET().build()));
        }

        /** A reader's request: the page's bytes, not searched for a token, so the generator spends little of the machine. */
        HttpResponse<byte[]> read(String path) {
            try {
                return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> post(String path, String form) {
            return remember(send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=" + csrf)).build()));
        }

        HttpResponse<String> upload(String path, long election, Path pkg) throws IOException {
            String boundary = "----bulwark-bench";
            List<byte[]> parts = new ArrayList<>();
            for (String[] field : new String[][] {{"csrf", csrf}, {"election", String.valueOf(election)}, {"mode", "official"},
                    {"group", "election-day"}}) {
                parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"package\"; filename=\"results.zip\"\r\n"
                    + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            List<HttpRequest.BodyPublisher> publishers = new ArrayList<>();
            parts.forEach(p -> publishers.add(HttpRequest.BodyPublishers.ofByteArray(p)));
            publishers.add(HttpRequest.BodyPublishers.ofFile(pkg));
            publishers.add(HttpRequest.BodyPublishers.ofByteArray(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(publishers.toArray(HttpRequest.BodyPublisher[]::new))).build());
        }

        private HttpResponse<String> remember(HttpResponse<String> r) {
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
