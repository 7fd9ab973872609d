package org.bulwark.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrFormat;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.cvr.CvrReportWriter;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.pkg.CvrMerkle;
import org.bulwark.ledger.pkg.CvrReader;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.pkg.Verification;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.ledger.trust.TrustRegistry;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;

/**
 * Signed packages at scale, side by side in one run on the same bytes: generate N ballots as NIST
 * JSON CVR files (one per generator chunk) while computing each CVR's canonical bytes, SHA-256 and
 * the Merkle root; then, repeated and interleaved, (a) package create (copy + SHA-256 + CRC-32 +
 * sign), (b) package verify (SHA-256 + CRC-32 of every byte, signature, trust), (c) the JDK's bare
 * SHA-256 over the same file bytes, and (d) the per-CVR work: canonical bytes + SHA-256 + Merkle,
 * against bare SHA-256 over those canonical bytes. Medians of the repeats are reported. Usage:
 *
 * <pre>java -cp bench/target/bulwark-bench.jar org.bulwark.bench.PackageBench [--ballots N] [--repeat R] [--work DIR]</pre>
 */
public final class PackageBench {
    private static final int BUFFER = 1 << 20;
    private static final long PACKAGE_LIMIT = 4_000_000_000L;

    private PackageBench() {}

    public static void main(String[] args) throws Exception {
        long ballots = 1_000_000;
        int repeat = 3;
        Path work = Path.of("target", "bench-package");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ballots" -> ballots = Long.parseLong(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        run(ballots, repeat, work, System.out);
    }

    private static void run(long ballots, int repeat, Path work, PrintStream out) throws Exception {
        Files.createDirectories(work);
        StatewideGenerator generator = StatewideGenerator.create(new StatewideGenerator.Settings(116, 3500, ballots, 2026, 125_000));
        String election = ElectionFingerprint.of(generator.election()).sha256();
        List<PackageFile> files = new ArrayList<>();
        long[] perCvrNanos = {0};
        long start = System.nanoTime();
        for (StatewideGenerator.Chunk chunk : generator.chunks()) {
            Path file = work.resolve("cvr-" + chunk.number() + ".json");
            CvrMerkle merkle = new CvrMerkle();
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                    CvrReportWriter writer = CvrFiles.writer(os, CvrFormat.JSON, generator.election(), "bench",
                            OffsetDateTime.parse("2026-11-03T20:00:00Z"))) {
                generator.castVoteRecords(chunk, cvr -> {
                    try {
                        writer.write(cvr);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    long t = System.nanoTime();
                    merkle.add(cvr);
                    perCvrNanos[0] += System.nanoTime() - t;
                });
            }
            files.add(new PackageFile(file.getFileName().toString(), file, Optional.of(merkle.summary())));
        }
        long fileBytes = 0;
        for (PackageFile f : files) {
            fileBytes += Files.size(f.source());
        }
        out.printf("generated %,d ballots in %d CVR files, %,d bytes (%.1f MB), in %.1f s; per-CVR hashing inline: %.2f s%n",
                ballots, files.size(), fileBytes, fileBytes / 1e6, (System.nanoTime() - start) / 1e9, perCvrNanos[0] / 1e9);

        // A package is under 4 GiB (no zip64): the files go into as few packages as fit.
        List<List<PackageFile>> groups = new ArrayList<>();
        long groupBytes = 0;
        for (PackageFile f : files) {
            long size = Files.size(f.source());
            if (groups.isEmpty() || groupBytes + size > PACKAGE_LIMIT) {
                groups.add(new ArrayList<>());
                groupBytes = 0;
            }
            groups.getLast().add(f);
            groupBytes += size;
        }
        out.printf("%d package(s) of at most %,d bytes each%n", groups.size(), PACKAGE_LIMIT);
        LoadedPrivateKey key = deviceKey();
        TrustRegistry trust = trustOnly(key);
        List<Long> create = new ArrayList<>();
        List<Long> verify = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        List<Long> perCvr = new ArrayList<>();
        List<Long> rawCanonical = new ArrayList<>();
        long canonicalBytes = 0;
        for (int r = 0; r < repeat; r++) {
            long createNanos = 0;
            long verifyNanos = 0;
            for (int g = 0; g < groups.size(); g++) {
                Path pkg = work.resolve("results-" + g + ".zip");
                Files.deleteIfExists(pkg);
                long t0 = System.nanoTime();
                Packages.create(new Packages.Request(new PackageType.Results(), Optional.of(election), Mode.OFFICIAL, groups.get(g)),
                        key, pkg, Clock.systemUTC());
                createNanos += System.nanoTime() - t0;
                long t1 = System.nanoTime();
                Verification v = Packages.verify(pkg, trust, Packages.Expectations.none());
                verifyNanos += System.nanoTime() - t1;
                if (!(v instanceof Verification.Valid)) {
                    throw new IllegalStateException("the benchmark package did not verify: " + v);
                }
                Files.delete(pkg);
            }
            create.add(createNanos);
            verify.add(verifyNanos);

            long t2 = System.nanoTime();
            for (PackageFile f : files) {
                sha256(f.source());
            }
            raw.add(System.nanoTime() - t2);

            long[] split = perCvrPass(generator);
            perCvr.add(split[0]);
            rawCanonical.add(split[1]);
            canonicalBytes = split[2];
        }
        long cvrs = ballots;
        out.printf("package create (copy + SHA-256 + CRC-32 + sign): %.2f s, %.0f MB/s, %,.0f CVRs/s%n",
                median(create) / 1e9, fileBytes / 1e6 / (median(create) / 1e9), cvrs / (median(create) / 1e9));
        out.printf("package verify (SHA-256 + CRC-32 + signature + trust): %.2f s, %.0f MB/s, %,.0f CVRs/s%n",
                median(verify) / 1e9, fileBytes / 1e6 / (median(verify) / 1e9), cvrs / (median(verify) / 1e9));
        out.printf("JDK SHA-256 alone over the same file bytes: %.2f s, %.0f MB/s%n", median(raw) / 1e9, fileBytes / 1e6 / (median(raw) / 1e9));
        out.printf("per-CVR canonical bytes + SHA-256 + Merkle root: %.2f s for %,d CVRs (%,d canonical bytes, %.0f bytes each)%n",
                median(perCvr) / 1e9, cvrs, canonicalBytes, (double) canonicalBytes / cvrs);
        out.printf("JDK SHA-256 alone over the same canonical bytes: %.2f s, %.0f MB/s%n",
                median(rawCanonical) / 1e9, canonicalBytes / 1e6 / (median(rawCanonical) / 1e9));
        out.printf("(medians of %d runs; generation of the ballots themselves is not timed in the per-CVR figure)%n", repeat);

        // Once: verify with the CVR Merkle roots recomputed, which reads (parses) every CVR after the hashes pass.
        ElectionIndex index = ElectionIndex.of(generator.election());
        CvrReader reader = (in, name, sink) -> CvrFiles.read(in, name, index, CvrReadOptions.strict(), sink);
        long full = 0;
        for (int g = 0; g < groups.size(); g++) {
            Path pkg = work.resolve("results-" + g + ".zip");
            Packages.create(new Packages.Request(new PackageType.Results(), Optional.of(election), Mode.OFFICIAL, groups.get(g)),
                    key, pkg, Clock.systemUTC());
            long t = System.nanoTime();
            Verification v = Packages.verify(pkg, trust, Packages.Expectations.none().withCvrs(reader));
            full += System.nanoTime() - t;
            if (!(v instanceof Verification.Valid valid) || !valid.cvrRootsChecked()) {
                throw new IllegalStateException("the benchmark package did not verify with its CVR roots: " + v);
            }
            Files.delete(pkg);
        }
        out.printf("package verify with CVR Merkle roots recomputed (reads every CVR): %.2f s, %,.0f CVRs/s (one run)%n",
                full / 1e9, cvrs / (full / 1e9));
    }

    /** Canonical bytes + per-CVR SHA-256 + Merkle (timed as a whole), and SHA-256 of those bytes alone (timed per digest). */
    private static long[] perCvrPass(StatewideGenerator generator) {
        long[] acc = new long[3];
        MessageDigest sha = sha();
        CvrMerkle merkle = new CvrMerkle();
        generator.castVoteRecords((CastVoteRecord cvr) -> {
            long t = System.nanoTime();
            byte[] canonical = CvrMerkle.canonicalBytes(cvr);
            long t1 = System.nanoTime();
            byte[] hash = sha.digest(canonical);
            long t2 = System.nanoTime();
            merkle.addHash(hash);
            acc[0] += System.nanoTime() - t;
            acc[1] += t2 - t1;
            acc[2] += canonical.length;
        });
        merkle.summary();
        return acc;
    }

    private static byte[] sha256(Path file) throws IOException {
        MessageDigest sha = sha();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(buffer) > 0) {
                buffer.flip();
                sha.update(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
        }
        return sha.digest();
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LoadedPrivateKey deviceKey() {
        var pair = Ed25519.generate(new SecureRandom());
        return new LoadedPrivateKey(KeyRole.DEVICE, "bench-scanner", Optional.of("bench"), pair.getPrivate(), pair.getPublic());
    }

    private static TrustRegistry trustOnly(LoadedPrivateKey key) {
        PublicKeyInfo info = new PublicKeyInfo(KeyRole.DEVICE, key.id(), key.jurisdiction(), Validity.ALWAYS, key.publicKey());
        return TrustRegistry.of(List.of(new org.bulwark.ledger.trust.TrustEntry(info,
                new org.bulwark.ledger.trust.Admission.Listed("bench-scanner.pub"), Optional.empty())));
    }

    private static long median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
