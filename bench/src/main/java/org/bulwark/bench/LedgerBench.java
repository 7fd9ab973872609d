package org.bulwark.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.AbstractList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bulwark.ledger.log.Checkpoint;
import org.bulwark.ledger.log.Checkpoints;
import org.bulwark.ledger.log.LogPublisher;
import org.bulwark.ledger.log.LogVerification;
import org.bulwark.ledger.log.NoteSigner;
import org.bulwark.ledger.log.PublishedLogVerifier;

/**
 * Publishes a log of N entries (default 1,000,000 event-sized JSON entries, ~150 bytes each) to a
 * temporary folder with {@link LogPublisher}, then times {@link PublishedLogVerifier#verify} on it
 * (recompute the tree from the bundles, compare every tile, check the checkpoint) several times.
 * Target: 1,000,000 entries verified in 5 s or less. Usage: LedgerBench [entries] [runs].
 */
public final class LedgerBench {
    private LedgerBench() {}

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteSigner signer = new NoteSigner("bench.example.gov/log", pair.getPrivate(), pair.getPublic());
        List<byte[]> entries = new AbstractList<>() {
            @Override
            public byte[] get(int i) {
                return ("{\"seq\":" + i + ",\"time\":\"2028-11-08T02:00:00Z\",\"type\":\"ballot-scanned\",\"category\":\"tabulation\","
                        + "\"actor\":\"scanner-0042\",\"device\":\"SN-0042\",\"jurisdiction\":\"boone\",\"details\":{\"batch\":" + (i / 500) + "}}")
                        .getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public int size() {
                return n;
            }
        };
        Path dir = Files.createTempDirectory("ledger-bench");
        try {
            long t0 = System.nanoTime();
            Checkpoint cp = LogPublisher.publish(dir, "bench.example.gov/log", entries, c -> Checkpoints.sign(c, signer));
            double publishSeconds = (System.nanoTime() - t0) / 1e9;
            long bytes;
            try (Stream<Path> all = Files.walk(dir)) {
                bytes = all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf("published %,d entries (%,d bytes in files) in %.2f s; root %s%n", cp.size(), bytes, publishSeconds, cp.root().hex());
            double best = Double.MAX_VALUE;
            for (int r = 1; r <= runs; r++) {
                long t = System.nanoTime();
                LogVerification v = PublishedLogVerifier.verify(dir, List.of(signer.verifierKey()), Optional.empty());
                double s = (System.nanoTime() - t) / 1e9;
                best = Math.min(best, s);
                System.out.printf("verify run %d: %.2f s (%,.0f entries/s): %s%n", r, s, n / s,
                        v instanceof LogVerification.Verified ? "verified" : v);
            }
            System.out.printf("verify %,d entries: best %.2f s (target 5 s)%n", n, best);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
