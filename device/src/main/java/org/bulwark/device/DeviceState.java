package org.bulwark.device;

import java.util.Optional;
import org.bulwark.ledger.pkg.Mode;

/**
 * Where a precinct device is in its life for one election (docs/device.md, "Lifecycle"). A closed
 * union checked by the compiler, as VxSuite models polls state: a device without an election has no
 * mode, every other state carries test or official mode, so test ballots can never be taken for
 * official ones.
 */
public sealed interface DeviceState {
    /** No election loaded. */
    record Unconfigured() implements DeviceState {}

    /** An election is loaded and verified; polls not yet opened (test mode right after loading). */
    record Configured(Mode mode) implements DeviceState {}

    /** Ballots are being cast. */
    record PollsOpen(Mode mode) implements DeviceState {}

    /** Casting suspended (a break, a device swap); counters kept. */
    record PollsPaused(Mode mode) implements DeviceState {}

    /** No more ballots; the results report has been printed. */
    record PollsClosed(Mode mode) implements DeviceState {}

    /** The signed results package has been written to the USB drive. */
    record ResultsExported(Mode mode) implements DeviceState {}

    /** The phases the transition table is written in. */
    enum Phase {
        UNCONFIGURED("unconfigured"),
        CONFIGURED("configured"),
        POLLS_OPEN("polls open"),
        POLLS_PAUSED("polls paused"),
        POLLS_CLOSED("polls closed"),
        RESULTS_EXPORTED("results exported");

        private final String words;

        Phase(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    default Phase phase() {
        return switch (this) {
            case Unconfigured u -> Phase.UNCONFIGURED;
            case Configured c -> Phase.CONFIGURED;
            case PollsOpen o -> Phase.POLLS_OPEN;
            case PollsPaused p -> Phase.POLLS_PAUSED;
            case PollsClosed c -> Phase.POLLS_CLOSED;
            case ResultsExported r -> Phase.RESULTS_EXPORTED;
        };
    }

    /** Test or official; empty only when no election is loaded. */
    default Optional<Mode> loadedMode() {
        return switch (this) {
            case Unconfigured u -> Optional.empty();
            case Configured c -> Optional.of(c.mode());
            case PollsOpen o -> Optional.of(o.mode());
            case PollsPaused p -> Optional.of(p.mode());
            case PollsClosed c -> Optional.of(c.mode());
            case ResultsExported r -> Optional.of(r.mode());
        };
    }

    /** "polls open (official)": as the log, the screen and every report name the state. */
    default String words() {
        return phase().words() + loadedMode().map(m -> " (" + m.word() + ")").orElse("");
    }

    /** The state of a phase in a mode; the mode is ignored for {@link Phase#UNCONFIGURED}. */
    static DeviceState of(Phase phase, Mode mode) {
        return switch (phase) {
            case UNCONFIGURED -> new Unconfigured();
            case CONFIGURED -> new Configured(mode);
            case POLLS_OPEN -> new PollsOpen(mode);
            case POLLS_PAUSED -> new PollsPaused(mode);
            case POLLS_CLOSED -> new PollsClosed(mode);
            case RESULTS_EXPORTED -> new ResultsExported(mode);
        };
    }

    /** The state named by {@link #words()}, as the device's log records it. */
    static Optional<DeviceState> parse(String words) {
        for (Phase phase : Phase.values()) {
            if (phase == Phase.UNCONFIGURED && words.equals(phase.words())) {
                return Optional.of(new Unconfigured());
            }
            for (Mode mode : Mode.values()) {
                if (phase != Phase.UNCONFIGURED && words.equals(phase.words() + " (" + mode.word() + ")")) {
                    return Optional.of(of(phase, mode));
                }
            }
        }
        return Optional.empty();
    }
}
