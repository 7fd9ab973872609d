package org.bulwark.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/** One in-process run of the command line, with what it wrote to stdout and stderr. */
record Run(int exitCode, String out, String err) {
    static Run of(String... args) {
        return with(false, args);
    }

    /** As if stderr were a terminal (or not), with a clock that stands still. */
    static Run with(boolean errIsTerminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), errIsTerminal,
                Clock.fixed(Instant.parse("2028-11-08T02:00:00Z"), ZoneOffset.UTC));
        int code = Bulwark.execute(io, args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run of(CommandLine commandLine, StringWriter out, StringWriter err, String... args) {
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
