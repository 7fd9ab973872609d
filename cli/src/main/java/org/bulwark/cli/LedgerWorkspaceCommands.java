package org.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.formats.eventlog.EventLogFormat;
import org.bulwark.formats.eventlog.EventLogReader;
import org.bulwark.formats.eventlog.EventLogWriter;
import org.bulwark.formats.eventlog.ExportHeader;
import org.bulwark.formats.eventlog.ImportReport;
import org.bulwark.formats.eventlog.ImportedEvent;
import org.bulwark.model.BadInputException;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.DeviceId;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code bulwark ledger} subcommands that work on a workspace's log. */
final class LedgerWorkspaceCommands {
    private LedgerWorkspaceCommands() {}

    /** The log's name in exports and checkpoints when none is given. */
    static final String DEFAULT_ORIGIN = "bulwark-workspace";

    /** Opens the workspace with the command line's clock, crediting the OS user. */
    static Workspace open(WorkspaceOptions workspace, Io io) {
        return Workspace.open(workspace.location(), io.clock(), System.getProperty("user.name", "unknown user") + " (bulwark)");
    }

    /** The header of an event a command logs for the OS user running it, now by the command line's clock. */
    static EventHeader header(Io io, Optional<DeviceId> device, Jurisdiction place) {
        return new EventHeader(io.clock().instant(), new Actor(System.getProperty("user.name", "unknown user") + " (bulwark)"), device,
                place, Disposition.SUCCESS);
    }

    /** Writes through a temporary file in the same folder, moved into place only when complete. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    static void writeAtomically(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        try {
            Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    content.writeTo(out);
                }
                try {
                    Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {"Export the workspace log as a NIST SP 1500-101 ElectionEventLog (JSON or XML).",
                "Each Event's Hash is Bulwark's sha-256 hash chain (docs/event-log.md), so anyone can check the export.",
                "With --documentation, also writes the ElectionEventLogDocumentation of Bulwark's event catalog."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "json or xml.")
        String format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        Path out;

        @Option(names = "--documentation", paramLabel = "FILE", description = "Also write the event catalog's documentation here.")
        Optional<Path> documentation;

        @Option(names = "--origin", paramLabel = "NAME", defaultValue = DEFAULT_ORIGIN,
                description = "The log's name, written as the Device Id. Default: ${DEFAULT-VALUE}.")
        String origin;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            EventLogFormat f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "json" -> EventLogFormat.JSON;
                case "xml" -> EventLogFormat.XML;
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--format takes json or xml, not \"" + format + "\"");
            };
            long[] count = {0};
            try (Workspace ws = open(workspace, io)) {
                ExportHeader header = new ExportHeader(origin, Optional.empty(), io.clock().instant(), SoftwareVersion.get());
                writeAtomically(out, target -> {
                    try (EventLogWriter w = EventLogWriter.open(f, header, target)) {
                        ws.forEachLogEntry(0, e -> {
                            w.write(e.index(), e.event());
                            count[0]++;
                        });
                    }
                });
            }
            documentation.ifPresent(d -> writeAtomically(d, target -> EventLogWriter.writeDocumentation(f,
                    SoftwareVersion.get(), io.clock().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate(), target)));
            io.out().println("Exported " + count[0] + " log events to " + out + " (NIST SP 1500-101 " + f
                    + ", sha-256 hash chain)" + documentation.map(d -> "; catalog documentation in " + d).orElse(""));
            return Bulwark.OK;
        }
    }

    @Command(
            name = "import-eel",
            mixinStandardHelpOptions = true,
            description = {"Import a device's NIST SP 1500-101 event log (JSON or XML) into the workspace log.",
                "Its hash chain is verified when the events carry Hash values; a mismatch names the device and event and",
                "nothing is imported. The device's free-text Details are not copied into the log (only its codes are)."})
    static final class ImportEel implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Parameters(paramLabel = "FILE", description = "The device event log.")
        Path file;

        @Option(names = "--jurisdiction", paramLabel = "NAME", defaultValue = "not stated",
                description = "The jurisdiction the device served, for the log entries. Default: ${DEFAULT-VALUE}.")
        String jurisdiction;

        @Override
        public Integer call() throws IOException {
            Io io = Bulwark.of(spec).io();
            String name = file.toString();
            Jurisdiction place = new Jurisdiction.Named(jurisdiction);
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(name, "file", "the file does not exist");
            }
            Sha256 fileSha = Sha256.of(InputFiles.sha256(file));
            try (Workspace ws = open(workspace, io)) {
                EventHeader header = header(io, Optional.empty(), place);
                // The events stream into one transaction as they are read: a broken chain at the last event undoes it all.
                ImportReport[] report = new ImportReport[1];
                long first = ws.appendStreamToLog(sink -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        report[0] = EventLogReader.read(in, name, e -> sink.accept(toLogEvent(name, e, place)));
                    }
                    sink.accept(new LogEvent.DeviceLogImported(header, clip(name), fileSha, report[0].eventCount(),
                            clip(report[0].chainSummary())));
                });
                io.out().println("Imported " + report[0].eventCount() + " device events from " + name + " into the log at entries "
                        + first + ".." + (first + report[0].eventCount()) + "; " + report[0].chainSummary());
            }
            return Bulwark.OK;
        }

        private static String clip(String s) {
            return s.length() <= 1_024 ? s : s.substring(0, 1_021) + "...";
        }

        /** A device event as a log entry; a value the catalog's rules refuse is bad input, named by place. */
        private static LogEvent toLogEvent(String file, ImportedEvent e, Jurisdiction place) {
            try {
                EventHeader header = new EventHeader(e.event().time(),
                        new Actor(e.event().userId().orElse("device " + e.device().id())),
                        Optional.of(new DeviceId(e.device().id())), place, e.event().disposition());
                return new LogEvent.DeviceEventImported(header, e.event().id(), e.event().type(), e.event().sequence());
            } catch (IllegalArgumentException bad) {
                throw new BadInputException(file, "device " + e.device().id() + ", event sequence " + e.event().sequence(),
                        bad.getMessage());
            }
        }
    }
}
