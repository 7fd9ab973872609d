package org.bulwark.model.results;

import java.util.stream.Collectors;
import org.bulwark.model.Candidate;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Party;

/** The words results are shown with in reports and spreadsheets, shared so every output says the same. */
public final class ResultLabels {
    private ResultLabels() {}

    /** A selection as the ballot shows it: candidates (joined by " / " for a ticket), party, response. */
    public static String selection(ElectionIndex index, ContestSelection selection) {
        return switch (selection) {
            case ContestSelection.CandidateSelection c -> c.candidates().stream()
                    .map(id -> index.candidate(id).map(Candidate::ballotName).orElse(id.value()))
                    .collect(Collectors.joining(" / "));
            case ContestSelection.WriteIn w -> "Write-in";
            case ContestSelection.BallotMeasureSelection b -> b.text();
            case ContestSelection.PartySelection p -> p.parties().stream()
                    .map(id -> index.party(id).map(Party::name).orElse(id.value()))
                    .collect(Collectors.joining(" / "));
        };
    }

    /** A unit's name, or its id with a note when the election does not define it (a CVR named it). */
    public static String unit(ElectionIndex index, GpUnitId unit) {
        return index.gpUnit(unit).map(GpUnit::name).orElse(unit.value() + " (not in the election definition)");
    }
}
