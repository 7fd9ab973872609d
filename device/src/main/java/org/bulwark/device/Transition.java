package org.bulwark.device;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulwark.device.DeviceState.Phase;
import org.bulwark.ledger.pkg.Mode;

/**
 * Every change of state a person can ask of a device, with the states it may start from: the whole
 * relation as data, so that tests and docs/device.md enumerate it. Casting a ballot is not a change
 * of state; it needs {@link Phase#POLLS_OPEN}.
 */
public enum Transition {
    /** Verify the election package on the USB drive and load it; the device starts in test mode (VVSG 1.1 5.1.1). */
    LOAD_ELECTION("load-election", EnumSet.of(Phase.UNCONFIGURED), Optional.empty(), false),
    /** Zero report, seals, readiness clearance in official mode (RSMo 115.233; 15 CSR 30-10.140). */
    OPEN_POLLS("open-polls", EnumSet.of(Phase.CONFIGURED), Optional.empty(), false),
    PAUSE_POLLS("pause-polls", EnumSet.of(Phase.POLLS_OPEN), Optional.empty(), false),
    RESUME_POLLS("resume-polls", EnumSet.of(Phase.POLLS_PAUSED), Optional.empty(), false),
    /** Results report (the tape) with totals and signature lines. */
    CLOSE_POLLS("close-polls", EnumSet.of(Phase.POLLS_OPEN, Phase.POLLS_PAUSED), Optional.empty(), false),
    /** The signed results package to the USB drive; may be repeated onto another drive. */
    EXPORT_RESULTS("export-results", EnumSet.of(Phase.POLLS_CLOSED, Phase.RESULTS_EXPORTED), Optional.empty(), false),
    /** Test ballots are set aside and the counters zeroed, in test mode: to run the deck again. */
    ZERO_TEST_BALLOTS("zero-test-ballots", EnumSet.of(Phase.CONFIGURED, Phase.POLLS_CLOSED, Phase.RESULTS_EXPORTED),
            Optional.of(Mode.TEST), false),
    /** After a passed L&A test: test ballots set aside, counters zeroed, official mode. */
    ENTER_OFFICIAL_MODE("enter-official-mode", EnumSet.of(Phase.CONFIGURED, Phase.POLLS_CLOSED, Phase.RESULTS_EXPORTED),
            Optional.of(Mode.TEST), true),
    /** The post-election re-test: official ballots (already exported) set aside, test mode again. */
    ENTER_TEST_MODE("enter-test-mode", EnumSet.of(Phase.RESULTS_EXPORTED), Optional.of(Mode.OFFICIAL), true),
    /** Back to unconfigured: election, ballots and reports set aside. Only an election official may. */
    RESET("reset", EnumSet.complementOf(EnumSet.of(Phase.UNCONFIGURED)), Optional.empty(), true);

    private final String word;
    private final Set<Phase> from;
    private final Optional<Mode> mode;
    private final boolean officialOnly;

    Transition(String word, Set<Phase> from, Optional<Mode> mode, boolean officialOnly) {
        this.word = word;
        this.from = Set.copyOf(from);
        this.mode = mode;
        this.officialOnly = officialOnly;
    }

    /** The name in the log, on the command line and in messages. */
    public String word() {
        return word;
    }

    /** The phases this transition may start from. */
    public Set<Phase> from() {
        return from;
    }

    /** The mode the device must be in, when the transition needs one. */
    public Optional<Mode> requiredMode() {
        return mode;
    }

    /**
     * True when only an election official may ask for it: the device checks the person's credential
     * against the election package's signed list of officials ({@link Officials}).
     */
    public boolean officialOnly() {
        return officialOnly;
    }

    public boolean allowedFrom(DeviceState state) {
        return from.contains(state.phase()) && (mode.isEmpty() || state.loadedMode().equals(mode));
    }

    /** What a person may ask for in this state, for refusals that say what is allowed. */
    public static List<Transition> allowedIn(DeviceState state) {
        return Arrays.stream(values()).filter(t -> t.allowedFrom(state)).toList();
    }
}
