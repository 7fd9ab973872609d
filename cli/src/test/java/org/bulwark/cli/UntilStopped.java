package org.bulwark.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command that runs until stopped (serve, demo), in this process on a thread of its own, with what it prints. */
final class UntilStopped {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger code = new AtomicInteger(-1);
    private final Thread thread;

    private UntilStopped(String... args) {
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), false, Clock.systemUTC());
        thread = Thread.ofPlatform().start(() -> code.set(Bulwark.execute(io, args)));
    }

    static UntilStopped start(String... args) {
        return new UntilStopped(args);
    }

    /** Waits (up to 30 s) until the output holds {@code pattern}; the match, or an empty matcher's failed find. */
    Matcher await(Pattern pattern) throws InterruptedException {
        Matcher m = pattern.matcher(out.toString());
        for (int i = 0; i < 600 && !m.find(); i++) {
            Thread.sleep(50); // the command starts on the other thread
            m = pattern.matcher(out.toString());
        }
        return m;
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Stops the command as a test stops it (an interrupt; Ctrl-C goes through the shutdown hook) and returns its exit code. */
    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
        return code.get();
    }
}
