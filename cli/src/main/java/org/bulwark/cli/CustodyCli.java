package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.Incident;
import org.bulwark.custody.Outcome;
import org.bulwark.custody.Person;
import org.bulwark.custody.TwoPeople;
import org.bulwark.model.BadInputException;
import org.bulwark.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What the custody command groups share: the bipartisan pair, times, recording an action and saying what became of it. */
final class CustodyCli {
    /** An inventory or L&A file larger than this is refused before it is read. */
    static final long MAX_FILE = 256L << 20;

    private CustodyCli() {}

    /** Builds domain values from options, turning a rule they break into a usage error (exit 2) that says which. */
    static <T> T arguments(CommandSpec spec, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The two signers, each given as NAME:PARTY. */
    static TwoPeople pair(CommandSpec spec, List<String> witnesses) {
        if (witnesses.size() != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --witness twice, once for each signer of the two major parties ("
                    + witnesses.size() + " given)");
        }
        return new TwoPeople(person(spec, witnesses.get(0)), person(spec, witnesses.get(1)));
    }

    private static Person person(CommandSpec spec, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--witness '" + text + "' must be NAME:PARTY, e.g. 'Ann Dee:Democratic'");
        }
        return arguments(spec, () -> new Person(text.substring(0, colon).strip(), text.substring(colon + 1).strip()));
    }

    /** When it happened: the --at time given, or now. */
    static Instant at(CommandSpec spec, Optional<String> at, Io io) {
        if (at.isEmpty()) {
            return Instant.ofEpochMilli(io.clock().millis());
        }
        try {
            return Instant.parse(at.get());
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at '" + at.get() + "' is not a UTC time like 2028-11-07T05:30:00Z");
        }
    }

    static Optional<AssetTag> tag(CommandSpec spec, Optional<String> text) {
        return text.map(t -> arguments(spec, () -> new AssetTag(t)));
    }

    static Workspace open(WorkspaceOptions workspace, Io io) {
        return LedgerWorkspaceCommands.open(workspace, io);
    }

    /** Records one action and reports its outcome: 0 when done, 2 when refused; incidents opened either way are listed. */
    static int record(WorkspaceOptions workspace, Io io, CustodyAction action) {
        try (Workspace w = open(workspace, io)) {
            return report(io, w.custody().record(action));
        }
    }

    static int report(Io io, Outcome outcome) {
        int code = switch (outcome) {
            case Outcome.Done d -> {
                io.out().println(d.summary());
                yield Bulwark.OK;
            }
            case Outcome.Refused r -> {
                io.err().println("bulwark: refused: " + r.reason() + ". Nothing was recorded" + (r.opened().isEmpty() ? "." : " but the incident below."));
                yield Bulwark.BAD_INPUT;
            }
        };
        for (Incident i : outcome.opened()) {
            (code == Bulwark.OK ? io.out() : io.err()).println("Opened incident #" + i.id() + " (" + i.kind().word() + ") for " + i.authority()
                    + ": " + i.description());
        }
        return code;
    }

    /** A whole input file, refused by name when missing or too large. */
    static byte[] readFile(Path file) throws IOException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE) {
                throw new BadInputException(file.toString(), "byte " + MAX_FILE, "the file is " + size + " bytes; at most " + MAX_FILE
                        + " are read (split it)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "the file", "does not exist");
        }
    }
}
