package org.bulwark.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baselines that tabulation is compared with, each run in its own JVM by {@link FoundationBench}
 * so that every measurement pays the same start-up: {@code bytes} reads the files and does nothing
 * else; {@code tokens} walks Jackson's token stream over them and builds no objects.
 */
public final class Probe {
    private Probe() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Probe bytes|tokens FILE...");
            System.exit(2);
        }
        long total = 0;
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            total += switch (args[0]) {
                case "bytes" -> bytes(file);
                case "tokens" -> tokens(file);
                default -> throw new IllegalArgumentException("unknown probe " + args[0]);
            };
        }
        // Printed so that the work cannot be optimised away, and as a sanity figure.
        System.out.println(args[0] + "=" + total);
    }

    static long bytes(Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long sum = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sum += n + buffer[n - 1];
            }
        }
        return sum;
    }

    static long tokens(Path file) throws IOException {
        long count = 0;
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                count += t.id();
            }
        }
        return count;
    }
}
