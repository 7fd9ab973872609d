package org.bulwark.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.bulwark.report.CustodyReports;
import picocli.CommandLine.Option;

/** Where a report command writes: a PDF with signature lines and/or a CSV. */
final class ReportFiles {
    @Option(names = "--pdf", paramLabel = "FILE.pdf", description = "Write the report as a PDF with signature lines.")
    Optional<Path> pdf = Optional.empty();

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Write the report's entries as CSV.")
    Optional<Path> csv = Optional.empty();

    /** Writes the report to the files given. */
    void write(CustodyReports.Report report, Io io) {
        pdf.ifPresent(f -> {
            LedgerWorkspaceCommands.writeAtomically(f, out -> report.writePdf(io.clock(), out));
            io.out().println("Wrote " + f);
        });
        csv.ifPresent(f -> {
            LedgerWorkspaceCommands.writeAtomically(f, report::writeCsv);
            io.out().println("Wrote " + f);
        });
    }

    boolean none() {
        return pdf.isEmpty() && csv.isEmpty();
    }
}
