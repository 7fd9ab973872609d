package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2028-11-08T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ManualClock clock = new ManualClock();

    private Io io(boolean terminal) {
        return new Io(new PrintWriter(out, true), new PrintWriter(err, true), terminal, clock);
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceWithBytesAndBallotsPerSecond() {
        try (Progress p = Progress.start(io(true), ProgressMode.AUTO, "Reading cvr-01.json", 10_000_000, Progress.Measure.BYTES)) {
            clock.advance(Duration.ofSeconds(1));
            p.update(5_000_000, 20_000);
            clock.advance(Duration.ofSeconds(1));
            p.update(10_000_000, 40_000);
            p.finish();
        }
        assertThat(err.toString()).isEqualTo(
                "\rReading cvr-01.json [############............]  50%  5.0 of 10.0 MB, 20,000 ballots  20,000 ballots/s"
                + "\rReading cvr-01.json [########################] 100%  10.0 of 10.0 MB, 40,000 ballots  20,000 ballots/s"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void offATerminalPlainLinesComeEveryFewSecondsAndAtTheEnd() {
        try (Progress p = Progress.start(io(false), ProgressMode.AUTO, "Generating", 1_000, Progress.Measure.BALLOTS)) {
            clock.advance(Duration.ofSeconds(1));
            p.update(100, 100); // too soon for a line
            clock.advance(Duration.ofSeconds(5));
            p.update(600, 600);
            clock.advance(Duration.ofSeconds(2));
            p.update(1_000, 1_000);
            p.finish();
        }
        String nl = System.lineSeparator();
        assertThat(err.toString()).isEqualTo(
                "Generating:  60% (600 of 1,000 ballots), 100 ballots/s" + nl
                + "Generating: 100% (1,000 of 1,000 ballots), 125 ballots/s" + nl);
    }

    @Test
    void forcedBarIsDrawnEvenOffATerminal_andNoneDrawsNothing() {
        try (Progress p = Progress.start(io(false), ProgressMode.BAR, "Work", 10, Progress.Measure.BALLOTS)) {
            p.finish();
        }
        assertThat(err.toString()).startsWith("\rWork [");
        StringWriter quiet = new StringWriter();
        Io silent = new Io(new PrintWriter(out, true), new PrintWriter(quiet, true), true, clock);
        try (Progress p = Progress.start(silent, ProgressMode.NONE, "Work", 10, Progress.Measure.BALLOTS)) {
            clock.advance(Duration.ofSeconds(10));
            p.update(5, 5);
            p.finish();
        }
        assertThat(quiet.toString()).isEmpty();
    }

    @Test
    void barInterruptedByAnErrorEndsItsLineSoTheMessageStandsAlone() {
        try (Progress p = Progress.start(io(true), ProgressMode.AUTO, "Reading", 100, Progress.Measure.BYTES)) {
            clock.advance(Duration.ofSeconds(1));
            p.update(10, 1);
        }
        assertThat(err.toString()).startsWith("\rReading [").endsWith(System.lineSeparator());
    }
}
