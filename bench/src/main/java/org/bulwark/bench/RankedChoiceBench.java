package org.bulwark.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.bulwark.formats.vendor.VendorCvrs;
import org.bulwark.rctab.RctabConfig;
import org.bulwark.rctab.RctabTabulation;
import org.bulwark.tally.rcv.RcvOutcome;
import org.bulwark.tally.rcv.TieOperator;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Issue 8's performance target, measured end to end as RCTab users run it: an RCTab contest configuration and a
 * Minneapolis-2013-mayor-sized ES&S workbook (1,041,313 ballots, 35 candidates, 3 ranks; written by
 * {@link RcvXlsxGenerator}) in, RCTab's detailed reports and NIST results out, in a child JVM capped at 256 MB of
 * heap. Beside it, in the same run and on the same file, the baseline of how RCTab reads the workbook: POI's
 * event API with its XSSFSheetXMLHandler (the read alone, no tabulation). Medians of the repeats. Usage:
 *
 * <pre>java -cp bench/target/bulwark-bench.jar org.bulwark.bench.RankedChoiceBench [--ballots N] [--repeat R] [--work DIR]</pre>
 */
public final class RankedChoiceBench {
    private RankedChoiceBench() {}

    public static void main(String[] args) throws Exception {
        long ballots = 1_041_313;
        int repeat = 3;
        Path work = Path.of("target", "rcv-bench");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--ballots" -> ballots = Long.parseLong(args[i + 1]);
                case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "load average at start: %.1f on %d processors%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        Path xlsx = work.resolve("minneapolis-like-" + ballots + ".xlsx");
        if (!Files.exists(xlsx)) {
            long t = System.nanoTime();
            RcvXlsxGenerator.write(xlsx, ballots, 35, 2013);
            System.out.printf(Locale.ROOT, "generated %s (%.1f MB) in %.1f s%n", xlsx, Files.size(xlsx) / 1e6, (System.nanoTime() - t) / 1e9);
        }
        Path config = writeConfig(work.resolve("mayor_config.json"), xlsx);
        String classpath = System.getProperty("java.class.path");
        List<ChildRun> bulwark = new ArrayList<>();
        List<ChildRun> poi = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            bulwark.add(ChildRun.run(List.of("-Xmx256m", "-cp", classpath),
                    List.of(EndToEnd.class.getName(), config.toString(), work.resolve("out").toString()), work));
            poi.add(ChildRun.run(List.of("-Xmx256m", "-cp", classpath), List.of(PoiSaxRead.class.getName(), xlsx.toString()), work));
            System.out.print("run " + (r + 1) + ": bulwark " + bulwark.getLast().stdout() + "         poi-sax " + poi.getLast().stdout());
        }
        report("Bulwark: read + tabulate + reports (child JVM, -Xmx256m)", bulwark);
        report("Baseline: POI XSSFSheetXMLHandler read only, as RCTab reads (child JVM, -Xmx256m)", poi);
        double ratio = median(poi, ChildRun::nanos) / median(bulwark, ChildRun::nanos);
        System.out.printf(Locale.ROOT, "baseline read / Bulwark end to end: %.1fx (wall)%n", ratio);
        System.out.printf(Locale.ROOT, "load average at end: %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void report(String what, List<ChildRun> runs) {
        System.out.printf(Locale.ROOT, "%s: median wall %.2f s (runs %s), peak heap %d MB, peak RSS %d MB%n", what,
                median(runs, ChildRun::nanos) / 1e9, runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.nanos() / 1e9)).toList(),
                runs.stream().mapToLong(ChildRun::peakHeapBytes).max().orElse(0) >> 20,
                runs.stream().mapToLong(ChildRun::peakRssBytes).max().orElse(0) >> 20);
    }

    private static double median(List<ChildRun> runs, java.util.function.ToLongFunction<ChildRun> f) {
        long[] v = runs.stream().mapToLong(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    /** CPU time of the whole JVM (main thread, JIT compilers, garbage collector): what a quiet machine's wall time tracks. */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static Path writeConfig(Path file, Path xlsx) throws IOException {
        StringBuilder candidates = new StringBuilder();
        for (String name : RcvXlsxGenerator.candidates(35)) {
            candidates.append(candidates.isEmpty() ? "" : ",").append("{\"name\":\"").append(name).append("\",\"excluded\":false,\"aliases\":[]}");
        }
        return Files.writeString(file, """
                {"tabulatorVersion":"1.3.2","outputSettings":{"contestName":"Minneapolis-like Mayor","outputDirectory":"out","contestDate":"2013-11-05",
                "contestJurisdiction":"Minneapolis","contestOffice":"Mayor","tabulateByBatch":false,"tabulateByPrecinct":false,"generateCdfJson":false},
                "cvrFileSources":[{"filePath":"%s","contestId":"","firstVoteColumnIndex":"2","firstVoteRowIndex":"2","idColumnIndex":"",
                "batchColumnIndex":"","precinctColumnIndex":"1","overvoteDelimiter":"","provider":"ess","overvoteLabel":"overvote",
                "skippedRankLabel":"undervote","undeclaredWriteInLabel":"UWI","treatBlankAsUndeclaredWriteIn":false}],
                "candidates":[%s],
                "rules":{"tiebreakMode":"useCandidateOrder","overvoteRule":"alwaysSkipToNextRank","winnerElectionMode":"singleWinnerMajority",
                "randomSeed":"","numberOfWinners":"1","multiSeatBottomsUpPercentageThreshold":"","decimalPlacesForVoteArithmetic":"4",
                "minimumVoteThreshold":"0","maxSkippedRanksAllowed":"unlimited","maxRankingsAllowed":"3","nonIntegerWinningThreshold":false,
                "doesFirstRoundDetermineThreshold":false,"hareQuota":false,"batchElimination":false,"continueUntilTwoCandidatesRemain":false,
                "stopTabulationEarlyAfterRound":"","exhaustOnDuplicateCandidate":false,"rulesDescription":"Minneapolis rules",
                "treatBlankAsUndeclaredWriteIn":false}}
                """.formatted(xlsx.toAbsolutePath().toString().replace("\\", "\\\\"), candidates));
    }

    /** The child: Bulwark's whole RCTab-compatible run, as `bulwark rcv tabulate` does it. */
    public static final class EndToEnd {
        private EndToEnd() {}

        public static void main(String[] args) throws Exception {
            long start = System.nanoTime();
            RctabConfig config = RctabTabulation.readConfig(Path.of(args[0]));
            RctabTabulation.Report report = RctabTabulation.run(config, VendorCvrs::read, TieOperator.none(), Path.of(args[1]),
                    "Bulwark bench", Clock.systemUTC());
            long nanos = System.nanoTime() - start;
            int rounds = report.outcome() instanceof RcvOutcome.Tabulated t ? t.passes().getFirst().rounds().size() : -1;
            System.out.printf(Locale.ROOT, "%d ballots, %d rounds, %.2f s in main, CPU %.2f s main thread, %.2f s whole JVM%n", report.ballots(),
                    rounds, nanos / 1e9, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9, processCpuSeconds());
        }
    }

    /** The baseline child: POI's streaming event API with XSSFSheetXMLHandler, formatting every cell, as RCTab reads. */
    public static final class PoiSaxRead {
        private PoiSaxRead() {}

        public static void main(String[] args) throws Exception {
            long start = System.nanoTime();
            long[] cells = new long[2];
            try (OPCPackage pkg = OPCPackage.open(args[0], PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                XSSFSheetXMLHandler.SheetContentsHandler contents = new XSSFSheetXMLHandler.SheetContentsHandler() {
                    @Override
                    public void startRow(int row) {
                        cells[1]++;
                    }

                    @Override
                    public void endRow(int row) {
                        // counted at the start
                    }

                    @Override
                    public void cell(String ref, String value, XSSFComment comment) {
                        cells[0]++;
                    }
                };
                SAXParserFactory f = SAXParserFactory.newInstance();
                f.setNamespaceAware(true);
                XMLReader xml = f.newSAXParser().getXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, contents, true));
                try (InputStream sheet = reader.getSheetsData().next()) {
                    xml.parse(new InputSource(sheet));
                }
            }
            System.out.printf(Locale.ROOT, "%d rows, %d cells, %.2f s in main, CPU %.2f s main thread, %.2f s whole JVM%n", cells[1], cells[0],
                    (System.nanoTime() - start) / 1e9, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9, processCpuSeconds());
        }
    }
}
