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
 * <pre>java -jar bench/target/bulwark-bench.jar [--ballots N] [--repeat R] [--work DIR] [--heap 512m] [--threads K] [--chart FILE.png]</pre>
 */
public final class FoundationBench {
    private FoundationBench() {}

    public static void main(String[] args) throws Exception {
        long ballots = 1_000_000;
        int repeat = 3;
        Path work = Path.of("target", "bench-foundation");
        String heap = "512m";
        int threads = Runtime.getRuntime().availableProcessors();
        Path chart = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ballots" -> ballots = Long.parseLong(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--chart" -> chart = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new Run(ballots, repeat, work, heap, threads, java.util.Optional.ofNullable(chart), System.out).execute();
    }

    private record Run(long ballots, int repeat, Path work, String heap, int threads, java.util.Optional<Path> chart, PrintStream out) {
        void execute() throws IOException, InterruptedException {
            Files.createDirectories(work);
            Path scratch = Files.createDirectories(work.resolve("scratch"));
            Path data = work.resolve("election-" + ballots);
            String jar = Path.of(FoundationBench.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
            List<String> jvm = List.of("-Xmx" + heap, "--enable-native-access=ALL-UNNAMED", "-cp", jar);
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
            List<ChildRun> tabulateOne = new ArrayList<>();
            List<ChildRun> imports = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                bytes.add(ChildRun.run(jvm, concat(List.of(Probe.class.getName(), "bytes"), cvrFiles), scratch));
                tokens.add(ChildRun.run(jvm, concat(List.of(Probe.class.getName(), "tokens"), cvrFiles), scratch));
                tabulate.add(tabulate(jvm, scratch, election, cvrFiles, threads, r));
                tabulateOne.add(tabulate(jvm, scratch, election, cvrFiles, 1, r));
                Path db = scratch.resolve("workspace-" + r + ".db");
                ChildRun stored = ChildRun.run(jvm, cli("import", "election", "--progress", "none", "--workspace", db.toString(), election), scratch);
                String electionNumber = electionNumber(stored.stdout());
                // One `import cvr` for the whole election, a counting group per file, as a user importing it would.
                List<String> imp = new ArrayList<>(cli("import", "cvr", "--progress", "none", "--workspace", db.toString(),
                        "--election", electionNumber));
                imp.addAll(cvrOptions(cvrFiles));
                imports.add(ChildRun.run(jvm, imp, scratch));
                Files.deleteIfExists(db);
                out.printf("round %d of %d done%n", r + 1, repeat);
            }
            report(totalBytes, cvrFiles.size(), median(bytes), median(tokens), median(tabulate), median(tabulateOne), median(imports));
        }

        private ChildRun tabulate(List<String> jvm, Path scratch, String election, List<String> cvrFiles, int k, int round)
                throws IOException, InterruptedException {
            Path outDir = scratch.resolve("results-" + round + "-" + k);
            List<String> tab = new ArrayList<>(cli("tabulate", "--progress", "none", "--threads", Integer.toString(k),
                    "--election", election, "--out", outDir.toString()));
            tab.addAll(cvrOptions(cvrFiles));
            ChildRun run = ChildRun.run(jvm, tab, scratch);
            deleteTree(outDir);
            return run;
        }

        private void report(long totalBytes, int files, ChildRun bytes, ChildRun tokens, ChildRun tabulate, ChildRun tabulateOne,
                ChildRun imports) throws IOException {
            double mb = totalBytes / 1e6;
            out.println();
            out.printf(Locale.ROOT, "%,d ballots in %d NIST JSON CVR files, %.1f MB; heap limit -Xmx%s; median of %d runs; each step its own JVM%n%n",
                    ballots, files, mb, heap, repeat);
            out.println("| step | seconds | ballots/s | MB/s | peak RSS (MB) | peak heap (MB) |");
            out.println("|---|---:|---:|---:|---:|---:|");
            row("(a) read bytes only, 1 thread", bytes, mb);
            row("(b) Jackson token stream, no objects, 1 thread", tokens, mb);
            row("(c) `bulwark tabulate --threads " + threads + "` end to end", tabulate, mb);
            row("(c1) `bulwark tabulate --threads 1` end to end", tabulateOne, mb);
            row("(d) `bulwark import cvr` into SQLite", imports, mb);
            out.println();
            out.printf(Locale.ROOT, "tabulate (%d threads) / token stream = %.2fx (target: 1.5x or less)%n", threads,
                    (double) tabulate.nanos() / tokens.nanos());
            out.printf(Locale.ROOT, "tabulate (1 thread) / token stream = %.2fx (target: 1.5x or less)%n",
                    (double) tabulateOne.nanos() / tokens.nanos());
            out.printf(Locale.ROOT, "import: %,.0f ballots/s (target: 50,000 or more)%n", ballots / (imports.nanos() / 1e9));
            if (chart.isPresent()) {
                StepChart.write(chart.get(), String.format(Locale.ROOT, "%,d ballots, %.0f MB of NIST JSON CVRs: seconds, median of %d",
                        ballots, mb, repeat), List.of(
                        new StepChart.Bar("(a) bytes", bytes.nanos() / 1e9),
                        new StepChart.Bar("(b) tokens", tokens.nanos() / 1e9),
                        new StepChart.Bar("tabulate, " + threads + " thr", tabulate.nanos() / 1e9),
                        new StepChart.Bar("tabulate, 1 thr", tabulateOne.nanos() / 1e9),
                        new StepChart.Bar("import", imports.nanos() / 1e9)));
                out.println("chart: " + chart.get());
            }
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

    /** The election's number in the workspace, from "Imported election N: ..." as {@code import election} prints it. */
    private static String electionNumber(String importOutput) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--election (\\S+)").matcher(importOutput);
        if (!m.find()) {
            throw new IllegalStateException("no election number in the output of import election: " + importOutput);
        }
        return m.group(1);
    }

    /** {@code --counting-group GROUP --cvr FILE...} for every counting group, as tabulate and import cvr take them. */
    private static List<String> cvrOptions(List<String> cvrFiles) {
        List<String> options = new ArrayList<>();
        for (var group : byCountingGroup(cvrFiles).entrySet()) {
            options.add("--counting-group");
            options.add(group.getKey());
            for (String f : group.getValue()) {
                options.add("--cvr");
                options.add(f);
            }
        }
        return options;
    }

    /** The generator's CVR files, cvr-NN-GROUP.json, by counting group in a stable order. */
    private static java.util.SortedMap<String, List<String>> byCountingGroup(List<String> cvrFiles) {
        java.util.SortedMap<String, List<String>> groups = new java.util.TreeMap<>();
        for (String f : cvrFiles) {
            String name = Path.of(f).getFileName().toString();
            String group = name.replaceFirst("^cvr-\\d+-", "").replaceFirst("\\.json$", "");
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(f);
        }
        return groups;
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
