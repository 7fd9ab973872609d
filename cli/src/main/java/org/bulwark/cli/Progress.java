package org.bulwark.cli;

import java.util.Locale;

/**
 * Progress of one long piece of work on stderr: a bar redrawn in place on a terminal, or a plain
 * line every few seconds when stderr goes to a file. Safe to update from several threads.
 */
final class Progress implements AutoCloseable {
    /** What the amount of work is measured in. */
    enum Measure {
        BYTES,
        BALLOTS,
        /** Steps of a job that are not ballots, such as keys made or packages signed; the label says what they are. */
        STEPS
    }

    private static final long BAR_REDRAW_MILLIS = 100;
    private static final long LINE_INTERVAL_MILLIS = 5_000;
    private static final int BAR_WIDTH = 24;

    private final Io io;
    private final boolean bar;
    private final boolean silent;
    private final Measure measure;
    private final long total;
    private final long startMillis;
    private String label;
    private long done;
    private long ballots;
    private long lastDrawMillis;
    private int lastWidth;
    private boolean ended;
    /** Whether something changed since the last line was drawn (true at first, so the end is always shown). */
    private boolean changed = true;

    private Progress(Io io, ProgressMode mode, String label, long total, Measure measure) {
        this.io = io;
        this.bar = mode == ProgressMode.BAR || (mode == ProgressMode.AUTO && io.errIsTerminal());
        this.silent = mode == ProgressMode.NONE;
        this.label = label;
        this.total = total;
        this.measure = measure;
        this.startMillis = io.clock().millis();
        this.lastDrawMillis = startMillis;
    }

    /** Starts showing progress of work of {@code total} bytes or ballots. */
    static Progress start(Io io, ProgressMode mode, String label, long total, Measure measure) {
        return new Progress(io, mode, label, total, measure);
    }

    /** The work has reached {@code done} of the total, with {@code ballots} ballots so far. */
    synchronized void update(long done, long ballots) {
        this.done = done;
        this.ballots = ballots;
        this.changed = true;
        long now = io.clock().millis();
        if (!silent && !ended && now - lastDrawMillis >= (bar ? BAR_REDRAW_MILLIS : LINE_INTERVAL_MILLIS)) {
            lastDrawMillis = now;
            draw(now);
        }
    }

    /** What is being worked on now, such as the file being read. */
    synchronized void label(String label) {
        this.label = label;
    }

    /** The work is done: shows the final state once. */
    synchronized void finish() {
        if (!silent && !ended) {
            if (changed) {
                draw(io.clock().millis());
            }
            if (bar) {
                io.err().println();
            }
            io.err().flush();
        }
        ended = true;
    }

    /** Ends the bar line if the work stopped early, so that an error message starts on a line of its own. */
    @Override
    public synchronized void close() {
        if (!silent && !ended && bar && lastWidth > 0) {
            io.err().println();
            io.err().flush();
        }
        ended = true;
    }

    private void draw(long now) {
        changed = false;
        String line = bar ? barLine(now) : plainLine(now);
        if (bar) {
            // Pad over what the previous, longer line left behind.
            String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
            io.err().print("\r" + padded);
            lastWidth = line.length();
        } else {
            io.err().println(line);
        }
        io.err().flush();
    }

    private String barLine(long now) {
        int filled = total > 0 ? (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total) : 0;
        String gauge = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
        return label + " " + gauge + " " + percent() + "  " + amount() + "  " + rate(now);
    }

    private String plainLine(long now) {
        return label + ": " + percent() + " (" + amount() + "), " + rate(now);
    }

    private String percent() {
        return total > 0 ? String.format(Locale.ROOT, "%3d%%", Math.min(100, 100 * done / total)) : "  ?%";
    }

    private String amount() {
        return switch (measure) {
            case BYTES -> megabytes(done) + " of " + megabytes(total) + " MB, " + count(ballots) + " ballots";
            case BALLOTS -> count(done) + " of " + count(total) + " ballots";
            case STEPS -> count(done) + " of " + count(total);
        };
    }

    private String rate(long now) {
        double seconds = Math.max(0.001, (now - startMillis) / 1000.0);
        return measure == Measure.STEPS ? count(Math.round(done / seconds)) + "/s" : count(Math.round(ballots / seconds)) + " ballots/s";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_000_000.0);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
