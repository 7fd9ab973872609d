package org.bulwark.formats.vendor;

import java.util.Optional;
import org.bulwark.formats.vendor.VendorSource.Labels;
import org.bulwark.model.ranked.RankedBallot.Choice;

/** Turns the text a source writes for one choice into a {@link Choice}, by the source's special labels. */
record ChoiceLabels(Labels labels) {
    private static final Choice OVERVOTE = new Choice.Overvote();
    private static final Choice UNDECLARED_WRITE_IN = new Choice.UndeclaredWriteIn();

    /** The choice the text stands for, or empty for the skipped-rank label (nothing was marked at that rank). */
    Optional<Choice> choiceFor(String text) {
        if (labels.skippedRankLabel().filter(text::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(markedChoice(text));
    }

    /** The choice for text that names something marked: an overvote label, a write-in label or a candidate. */
    Choice markedChoice(String text) {
        if (labels.overvoteLabel().filter(text::equals).isPresent()) {
            return OVERVOTE;
        }
        if (isUndeclaredWriteIn(text)) {
            return UNDECLARED_WRITE_IN;
        }
        return new Choice.Candidate(text);
    }

    boolean isUndeclaredWriteIn(String text) {
        return labels.undeclaredWriteInLabel().filter(text::equals).isPresent();
    }

    static Choice undeclaredWriteIn() {
        return UNDECLARED_WRITE_IN;
    }
}
