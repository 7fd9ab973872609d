package org.bulwark.formats.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bulwark.formats.cvr.TestElection;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Mark;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;
import org.bulwark.model.ranked.RankedBallot.RankedChoice;
import org.junit.jupiter.api.Test;

/** Vendor ballots as Bulwark CVRs: ranked marks on the contest's selections, overvote markers counted. */
class VendorBallotsTest {
    private final VendorBallots ballots = new VendorBallots("cvr.xlsx", TestElection.INDEX, new ContestId("rcv"),
            new BallotStyleId("style-1"), new GpUnitId("p1"), CountingGroup.ELECTION_DAY);

    private static RankedBallot ballot(Optional<String> precinct, RankedChoice... choices) {
        return new RankedBallot("b-7", precinct, Optional.of("batch 3"), List.of(choices));
    }

    @Test
    void choicesBecomeRankedMarks() {
        CastVoteRecord cvr = ballots.toCastVoteRecord(ballot(Optional.of("Precinct 2"),
                new RankedChoice(1, new Choice.Candidate("can-a")), new RankedChoice(2, new Choice.Candidate("Bob Baker")),
                new RankedChoice(2, new Choice.Overvote())));

        assertThat(cvr.ballotId()).isEqualTo("b-7");
        assertThat(cvr.ballotStyleUnit()).isEqualTo(new GpUnitId("p2"));
        assertThat(cvr.batch()).contains("batch 3");
        assertThat(cvr.contests()).singleElement().satisfies(c -> {
            assertThat(c.marks()).extracting(m -> m.selection().value() + "@" + m.rank()).containsExactly("rcv-a@1", "rcv-b@2");
            assertThat(c.marks()).allMatch(Mark::countsAsVote);
            assertThat(c.recordedOvervotes()).isEqualTo(OptionalInt.of(1));
        });
        assertThat(ballots.toCastVoteRecord(ballot(Optional.empty())).ballotStyleUnit()).isEqualTo(new GpUnitId("p1"));
    }

    @Test
    void whatTheElectionLacksIsNamed() {
        assertThatThrownBy(() -> ballots.toCastVoteRecord(ballot(Optional.empty(), new RankedChoice(1, new Choice.Candidate("Zed")))))
                .isInstanceOf(BadInputException.class).hasMessage("cvr.xlsx: ballot b-7: \"Zed\" is not a candidate of contest rcv");
        assertThatThrownBy(() -> ballots.toCastVoteRecord(ballot(Optional.empty(), new RankedChoice(1, new Choice.UndeclaredWriteIn()))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has no write-in selection");
        assertThatThrownBy(() -> ballots.toCastVoteRecord(ballot(Optional.of("Ward 9"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("precinct \"Ward 9\" is not a unit of the election");
    }
}
