package org.bulwark.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.bulwark.device.PaperRecord;
import org.bulwark.device.PaperRecords;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ElectionIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark paper ...}: paper records read back, for audit boards and central count. */
@Command(
        name = "paper",
        mixinStandardHelpOptions = true,
        description = "Paper records: read one back and compare it with the electronic record.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {PaperCommand.Read.class})
final class PaperCommand extends CommandGroup {
    @Command(name = "read", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Read the QR code of a paper record (a PNG scan or a PDF) and print the cast vote record it stands for, as NIST "
                    + "SP 1500-103 JSON.",
                "A record of another election is refused (exit 2); a record in another mode than --mode is printed and reported (exit 1)."})
    static final class Read implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The paper record: PNG (or JPEG) scan, or PDF.")
        Path file;

        @Option(names = "--election", required = true, paramLabel = "FILE", description = "The election definition the record must belong to.")
        Path election;

        @Option(names = "--mode", defaultValue = "official", paramLabel = "MODE", description = "test or official: the mode expected. Default: ${DEFAULT-VALUE}.")
        String mode;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            Mode expected = PackageCommand.mode(mode, spec);
            ElectionIndex index = ElectionIndex.of(Elections.loadUsable(election, io.err()).election());
            PaperRecord record = PaperRecords.read(file);
            CastVoteRecord cvr = PaperRecords.cvr(record, index, file.toString());
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            PaperRecords.writeCvrJson(index, List.of(cvr), "bulwark-paper-read", OffsetDateTime.now(io.clock()), json);
            io.out().println(json.toString(StandardCharsets.UTF_8));
            if (record.mode() != expected) {
                io.err().println("bulwark: " + file + ": QR code field 3: this is a " + record.mode().word() + " paper record, not "
                        + expected.word());
                return Bulwark.FAILURE;
            }
            io.err().println("Read paper record " + record.ballotId() + " (" + record.mode().word() + ", device " + record.deviceSerial()
                    + ", election " + record.electionFingerprint().substring(0, 7) + ")");
            return Bulwark.OK;
        }
    }
}
