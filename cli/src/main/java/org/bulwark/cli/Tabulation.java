package org.bulwark.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.results.ResultsExport;
import org.bulwark.formats.results.ResultsFormat;
import org.bulwark.formats.results.ResultsHeader;
import org.bulwark.formats.results.ResultsStatus;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.report.ResultsReport;
import org.bulwark.report.ResultsReportInfo;
import org.bulwark.store.ElectionRef;
import org.bulwark.store.Workspace;
import org.bulwark.tally.Tabulator;
import org.bulwark.tally.TallyPipeline;

/** Tabulation as the commands run it: CVRs from files or a workspace, with progress, into results files. */
final class Tabulation {
    /** Chunks of CVRs that may wait for the tally workers: bounds memory whatever the input size. */
    private static final int QUEUE_CHUNKS = 64;
    static final String REPORT_TITLE = "Unofficial Results";

    /** The results files a tabulation writes, by name. */
    enum Report {
        NIST_JSON("results.json"),
        NIST_XML("results.xml"),
        CSV("results.csv"),
        PDF("results.pdf");

        final String fileName;

        Report(String fileName) {
            this.fileName = fileName;
        }
    }

    private Tabulation() {}

    /**
     * Reads up to {@code threads} CVR files at once, each thread counting what it reads, showing
     * progress by bytes. A bad file is reported as if the files had been read one after the other.
     */
    static ElectionResults fromFiles(Io io, ProgressMode mode, ElectionIndex index, List<CvrInput> files, CvrReadOptions.Mode readMode, int threads)
            throws IOException, InterruptedException {
        long totalBytes = 0;
        for (CvrInput f : files) {
            f.requireReadable();
            totalBytes += Files.size(f.file());
        }
        AtomicLong ballots = new AtomicLong();
        AtomicLong bytesRead = new AtomicLong();
        // Threads left over when there are fewer files than threads parse pieces of each file (one county's single file).
        int perFile = Math.max(1, threads / Math.max(1, Math.min(threads, files.size())));
        try (Progress progress = Progress.start(io, mode, "Reading CVRs", totalBytes, Progress.Measure.BYTES)) {
            List<TallyPipeline.Source> sources = new ArrayList<>();
            for (CvrInput f : files) {
                sources.add(new TallyPipeline.Source(sink -> {
                    progress.label("Reading " + f.file().getFileName());
                    long[] fileBytes = {0}; // this file's own count: each file is read by one thread
                    CvrReadOptions options = new CvrReadOptions(readMode, f.countingGroup(), Optional.empty(), perFile)
                            .withProgress(bytes -> {
                                long total = bytesRead.addAndGet(bytes - fileBytes[0]);
                                fileBytes[0] = bytes;
                                progress.update(total, ballots.get());
                            });
                    CvrFiles.read(f.file(), index, options, cvr -> {
                        ballots.incrementAndGet();
                        sink.accept(cvr);
                    });
                }, Files.size(f.file())));
            }
            ElectionResults results = TallyPipeline.runEach(Tabulator.of(index), threads, sources);
            progress.update(totalBytes, ballots.get());
            progress.finish();
            return results;
        }
    }

    /** Counts every CVR of an election in a workspace, showing progress by ballots. */
    static ElectionResults fromWorkspace(Io io, ProgressMode mode, Workspace workspace, ElectionRef election, ElectionIndex index,
            long expectedBallots, int threads) throws IOException, InterruptedException {
        AtomicLong ballots = new AtomicLong();
        try (Progress progress = Progress.start(io, mode, "Counting", expectedBallots, Progress.Measure.BALLOTS)) {
            ElectionResults results = TallyPipeline.run(Tabulator.of(index), threads, QUEUE_CHUNKS, sink ->
                    workspace.forEachCvr(election, cvr -> {
                        long n = ballots.incrementAndGet();
                        sink.accept(cvr);
                        progress.update(n, n);
                    }));
            progress.finish();
            return results;
        }
    }

    /**
     * Writes results.json (NIST SP 1500-100 v2), results.xml, results.csv and results.pdf into the output
     * folder, up to {@code threads} of them at once: each report is a separate file built from the same
     * immutable results, so writing them side by side changes no byte, and for a statewide election they
     * take seconds one after the other. The first failure, in report order, is the one thrown.
     */
    static void writeReports(OutputFolder out, ElectionIndex index, ElectionResults results, Clock clock, int threads)
            throws IOException, InterruptedException {
        String version = SoftwareVersion.get();
        ResultsHeader header = header(index, clock);
        List<Report> reports = List.of(Report.values());
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.clamp(threads, 1, reports.size()),
                Thread.ofPlatform().name("bulwark-report-", 0).daemon().factory())) {
            Map<Report, Future<?>> written = new EnumMap<>(Report.class);
            for (Report r : reports.reversed()) { // the PDF, the longest, first: the threads then end together
                written.put(r, pool.submit(() -> {
                    write(r, out, index, results, header, version, clock);
                    return null;
                }));
            }
            for (Report r : reports) {
                try {
                    written.get(r).get();
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case IOException io -> throw io;
                        case RuntimeException unchecked -> throw unchecked;
                        case Error error -> throw error;
                        default -> throw new IllegalStateException(e.getCause());
                    }
                }
            }
        }
    }

    private static void write(Report r, OutputFolder out, ElectionIndex index, ElectionResults results, ResultsHeader header,
            String version, Clock clock) throws IOException {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out.file(r.fileName)))) {
            switch (r) {
                case NIST_JSON -> ResultsExport.write(ResultsFormat.NIST_JSON, index, results, header, stream);
                case NIST_XML -> ResultsExport.write(ResultsFormat.NIST_XML, index, results, header, stream);
                case CSV -> ResultsExport.write(ResultsFormat.CSV, index, results, header, stream);
                case PDF -> ResultsReport.write(index, results,
                        new ResultsReportInfo(REPORT_TITLE, ElectionFingerprint.of(index.election()).sha256(), version, false),
                        clock, stream);
            }
        }
    }

    /** Results issued in the name of the unit the election is held in, as unofficial until certified. */
    static ResultsHeader header(ElectionIndex index, Clock clock) {
        GpUnit scope = index.gpUnit(index.election().scope()).orElseThrow(
                () -> new IllegalStateException("the election's scope unit is not defined; validation should have refused it"));
        return new ResultsHeader(scope.name(), scope.id().value(), "Bulwark " + SoftwareVersion.get(),
                ResultsStatus.UNOFFICIAL_COMPLETE, OffsetDateTime.now(clock), false);
    }

    /** Where each report is, for the user to open. */
    static void printReportPaths(Io io, Path folder) {
        io.out().println("Reports:");
        io.out().println("  PDF   " + folder.resolve(Report.PDF.fileName));
        io.out().println("  JSON  " + folder.resolve(Report.NIST_JSON.fileName) + "  (NIST SP 1500-100 v2)");
        io.out().println("  XML   " + folder.resolve(Report.NIST_XML.fileName) + "  (NIST SP 1500-100 v2)");
        io.out().println("  CSV   " + folder.resolve(Report.CSV.fileName));
    }
}
