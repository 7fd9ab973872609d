package org.bulwark.generate;

import java.util.List;
import java.util.Optional;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/** How synthetic voters behave in one contest: what the ballot maker draws from. */
sealed interface Behaviour {
    /** Share of ballots that leave the contest blank. */
    double skip();

    /** A vote-for-1 office with party candidates: voters mostly follow their party. */
    record Partisan(List<SelectionId> printed, List<Optional<PartyId>> parties, SelectionId writeIn, double skip, double writeInRate)
            implements Behaviour {
        public Partisan {
            printed = List.copyOf(printed);
            parties = List.copyOf(parties);
        }
    }

    /** A vote-for-N office without parties: voters pick by each candidate's appeal, often fewer than N. */
    record Nonpartisan(int votesAllowed, List<SelectionId> printed, double[] appeal, List<SelectionId> writeIns, double skip)
            implements Behaviour {
        public Nonpartisan {
            printed = List.copyOf(printed);
            appeal = appeal.clone();
            writeIns = List.copyOf(writeIns);
        }
    }

    /** A yes/no question; {@code swing} moves the yes share with the precinct's lean. */
    record Measure(SelectionId yes, SelectionId no, double yesShare, double swing, double skip) implements Behaviour {}
}
