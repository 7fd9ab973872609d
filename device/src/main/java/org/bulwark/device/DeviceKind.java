package org.bulwark.device;

import java.util.Arrays;
import java.util.Optional;

/** What the device is: it decides how an overvote is handled (docs/device.md, "Overvotes"). */
public enum DeviceKind {
    /** A precinct scanner reading hand-marked ballots: overvotes are handled as the election's settings say. */
    SCANNER("scanner"),
    /** A ballot-marking device: the voter cannot overvote, so an overvoted ballot is refused. */
    BALLOT_MARKING_DEVICE("bmd");

    private final String word;

    DeviceKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<DeviceKind> parse(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }
}
