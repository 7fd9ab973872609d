package org.bulwark.formats.vendor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.bulwark.model.ranked.RankedBallot;

/**
 * Turns a vendor's ranked ballots for one contest into Bulwark cast vote records of an election, so that vendor
 * exports can be imported like NIST CVRs: each ranked choice becomes a mark with its rank on the contest's
 * selection for that candidate (found by candidate id or ballot name), an undeclared write-in a mark on the
 * contest's write-in selection. An overvote marker names no candidate, so it cannot be a mark: it is counted in
 * the contest's recorded overvotes. The ballot's precinct is looked up among the election's units by id, then
 * by name; a ballot without one goes to the unit given.
 */
public final class VendorBallots {
    private final String source;
    private final ContestId contest;
    private final BallotStyleId ballotStyle;
    private final GpUnitId defaultUnit;
    private final CountingGroup countingGroup;
    private final Map<String, SelectionId> selections = new HashMap<>();
    private final Optional<SelectionId> writeIn;
    private final Map<String, GpUnitId> units = new HashMap<>();

    /**
     * @param source the vendor file or folder the ballots come from, for error messages
     * @throws IllegalArgumentException when the contest is not a ranked-choice contest of the election
     */
    public VendorBallots(String source, ElectionIndex election, ContestId contest, BallotStyleId ballotStyle, GpUnitId defaultUnit,
            CountingGroup countingGroup) {
        this.source = source;
        this.contest = contest;
        this.ballotStyle = ballotStyle;
        this.defaultUnit = defaultUnit;
        this.countingGroup = countingGroup;
        Contest c = election.contest(contest).orElseThrow(() -> new IllegalArgumentException("no contest " + contest.value()));
        if (!(c instanceof Contest.CandidateContest candidateContest) || !candidateContest.isRankedChoice()) {
            throw new IllegalArgumentException("contest " + contest.value() + " is not a ranked-choice contest");
        }
        Optional<SelectionId> writeInSelection = Optional.empty();
        for (ContestSelection s : candidateContest.selections()) {
            switch (s) {
                case ContestSelection.CandidateSelection cs -> cs.candidates().forEach(id -> {
                    selections.putIfAbsent(id.value(), cs.id());
                    election.candidate(id).ifPresent(candidate -> selections.putIfAbsent(candidate.ballotName(), cs.id()));
                });
                case ContestSelection.WriteIn w -> writeInSelection = writeInSelection.or(() -> Optional.of(w.id()));
                case ContestSelection.BallotMeasureSelection b -> { /* not in a candidate contest */ }
                case ContestSelection.PartySelection p -> { /* not in a candidate contest */ }
            }
        }
        this.writeIn = writeInSelection;
        for (GpUnit unit : election.election().gpUnits()) {
            units.putIfAbsent(unit.id().value(), unit.id());
            units.putIfAbsent(unit.name(), unit.id());
        }
    }

    /** The ballot as a Bulwark CVR; BadInputException when it names a candidate or precinct the election lacks. */
    public CastVoteRecord toCastVoteRecord(RankedBallot ballot) {
        String place = "ballot " + ballot.ballotId();
        List<Mark> marks = new ArrayList<>();
        int overvotes = 0;
        for (RankedBallot.RankedChoice rc : ballot.choices()) {
            SelectionId selection;
            switch (rc.choice()) {
                case RankedBallot.Choice.Candidate(String nameOrCode) -> selection = Optional.ofNullable(selections.get(nameOrCode))
                        .orElseThrow(() -> new BadInputException(source, place, "\"" + nameOrCode + "\" is not a candidate of contest " + contest.value()));
                case RankedBallot.Choice.UndeclaredWriteIn w -> selection = writeIn.orElseThrow(() -> new BadInputException(source, place,
                        "an undeclared write-in, but contest " + contest.value() + " has no write-in selection"));
                case RankedBallot.Choice.Overvote o -> {
                    overvotes++;
                    continue;
                }
            }
            marks.add(new Mark(selection, 1, Indication.YES, Indication.UNKNOWN, rc.rank(), Optional.empty(), false));
        }
        GpUnitId unit = ballot.precinct().map(p -> Optional.ofNullable(units.get(p))
                .orElseThrow(() -> new BadInputException(source, place, "precinct \"" + p + "\" is not a unit of the election")))
                .orElse(defaultUnit);
        return new CastVoteRecord(ballot.ballotId(), ballotStyle, unit, List.of(), Optional.empty(), ballot.batch(), countingGroup,
                List.of(), List.of(new CvrContest(contest, marks, overvotes == 0 ? OptionalInt.empty() : OptionalInt.of(overvotes), OptionalInt.empty())));
    }
}
