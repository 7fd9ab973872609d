package org.bulwark.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a report command writes: a PDF with signature lines and/or a CSV. */
final class ReportFiles {
    @Option(names = "--pdf", paramLabel = "FILE.pdf", description = "Write the report as a PDF with signature lines.")
    Optional<Path> pdf = Optional.empty();

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Write the report's entries as CSV.")
    Optional<Path> csv = Optional.empty();

    /** Writes the report to the files given. */
    void write(CustodyReports.Report report, Io io) {
        report.write(pdf, csv, io);
    }

    boolean none() {
        return pdf.isEmpty() && csv.isEmpty();
    }
}
