package org.bulwark.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The foundation's benchmark, every figure side by side in one run on the same files: generate a
 * statewide election with N ballots as NIST JSON CVRs, then, repeated and interleaved, (a) read the
 * bytes only, (b) walk Jackson's token stream, (c) {@code bulwark tabulate} end to end, and (d)
 * {@code bulwark import} into a fresh SQLite workspace. Each step runs in its own JVM with the same
 * heap limit; the median of the repeats is reported. Usage:
 *
 * <pre>java -jar bench/target/bulwark-bench.jar [--ballots N] [--repeat R] [--work DIR] [--heap 512m]</pre>
 */
public final class FoundationBench {
    private FoundationBench() {}

    public static void main(String[] args) throws Exception {
        long ballots = 1_000_000;
        int repeat = 3;
        Path work = Path.of("target", "bench-foundation");
        String heap = "512m";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ballots" -> ballots = Long.parseLong(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--heap" -> heap = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new Run(ballots, repeat, work, heap, System.out).execute();
    }

    private record Run(long ballots, int repeat, Path work, String heap, PrintStream out) {
        void execute() throws IOException, InterruptedException {
            Files.createDirectories(work);
            Path scratch = Files.createDirectories(work.resolve("scratch"));
            Path data = work.resolve("election-" + ballots);
            String jar = Path.of(FoundationBench.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
            List<String> jvm = List.of("-Xmx" + heap, "-cp", jar);
            if (!Files.exists(data.resolve("election.json"))) {
                out.printf("generating %,d ballots into %s%n", ballots, data);
                ChildRun gen = ChildRun.run(jvm, cli("generate", "--authorities", "116", "--precincts", "3500",
                        "--ballots", Long.toString(ballots), "--seed", "2026", "--out", data.toString()), scratch);
                out.printf("generated in %.1f s%n", gen.nanos() / 1e9);
            }
            List<String> cvrFiles;
            try (Stream<Path> s = Files.list(data)) {
                cvrFiles = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .filter(p -> !p.getFileName().toString().equals("election.json"))
                        .sorted().map(Path::toString).toList();
            }
            long totalBytes = 0;
            for (String f : cvrFiles) {
                totalBytes += Files.size(Path.of(f));
            }
            String election = data.resolve("election.json").toString();
            List<ChildRun> bytes = new ArrayList<>();
            List<ChildRun> tokens = new ArrayList<>();
            List<ChildRun> tabulate = new ArrayList<>();
            List<ChildRun> imports = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                bytes.add(ChildRun.run(jvm, concat(List.of(Probe.class.getName(), "bytes"), cvrFiles), scratch));
                tokens.add(ChildRun.run(jvm, concat(List.of(Probe.class.getName(), "tokens"), cvrFiles), scratch));
                Path outDir = scratch.resolve("results-" + r);
                List<String> tab = new ArrayList<>(cli("tabulate", "--progress", "none", "--election", election, "--out", outDir.toString()));
                for (String f : cvrFiles) {
                    tab.add("--cvr");
                    tab.add(f);
                }
                tabulate.add(ChildRun.run(jvm, tab, scratch));
                Path db = scratch.resolve("workspace-" + r + ".db");
                ChildRun.run(jvm, cli("import", "election", "--progress", "none", "--workspace", db.toString(), election), scratch);
                List<String> imp = new ArrayList<>(cli("import", "cvr", "--progress", "none", "--workspace", db.toString(),
                        "--election", electionId(election)));
                imp.addAll(cvrFiles);
                imports.add(ChildRun.run(jvm, imp, scratch));
                deleteTree(outDir);
                Files.deleteIfExists(db);
                out.printf("round %d of %d done%n", r + 1, repeat);
            }
            report(totalBytes, cvrFiles.size(), median(bytes), median(tokens), median(tabulate), median(imports));
        }

        private void report(long totalBytes, int files, ChildRun bytes, ChildRun tokens, ChildRun tabulate, ChildRun imports) {
            double mb = totalBytes / 1e6;
            out.println();
            out.printf(Locale.ROOT, "%,d ballots in %d NIST JSON CVR files, %.1f MB; heap limit -Xmx%s; median of %d runs; each step its own JVM%n%n",
                    ballots, files, mb, heap, repeat);
            out.println("| step | seconds | ballots/s | MB/s | peak RSS (MB) | peak heap (MB) |");
            out.println("|---|---:|---:|---:|---:|---:|");
            row("(a) read bytes only", bytes, mb);
            row("(b) Jackson token stream, no objects", tokens, mb);
            row("(c) `bulwark tabulate` end to end", tabulate, mb);
            row("(d) `bulwark import cvr` into SQLite", imports, mb);
            out.println();
            out.printf(Locale.ROOT, "tabulate / token stream = %.2fx (target: 1.5x or less)%n", (double) tabulate.nanos() / tokens.nanos());
            out.printf(Locale.ROOT, "import: %,.0f ballots/s (target: 50,000 or more)%n", ballots / (imports.nanos() / 1e9));
        }

        private void row(String name, ChildRun run, double mb) {
            double s = run.nanos() / 1e9;
            out.printf(Locale.ROOT, "| %s | %.2f | %,.0f | %.1f | %.0f | %.0f |%n",
                    name, s, ballots / s, mb / s, run.peakRssBytes() / 1048576.0, run.peakHeapBytes() / 1048576.0);
        }
    }

    private static List<String> cli(String... args) {
        return concat(List.of("org.bulwark.cli.Bulwark"), Arrays.asList(args));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static ChildRun median(List<ChildRun> runs) {
        List<ChildRun> sorted = runs.stream().sorted(Comparator.comparingLong(ChildRun::nanos)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String electionId(String electionFile) throws IOException {
        // The generator's election id, as `bulwark import election` registers it.
        return org.bulwark.formats.election.ElectionFiles.read(Path.of(electionFile)).election().id();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
