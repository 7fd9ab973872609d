package org.bulwark.formats.cvr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ContestId;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * Strict mode's check that every id a report uses refers to an element of the right type declared
 * in the same report (NIST SP 1500-103: refTypes in the JSON schema, IDREF in the XML schema). A
 * report may use an id before declaring it (CVRs come first), so uses are remembered and checked at
 * the end. Memory stays small: CVRs have already been checked against the election definition, so
 * the contests, selections, units and parties they use are at most the election's own; only the
 * first use of each id is kept, with its place.
 */
final class ReportReferences {
    static final List<String> CONTEST_TYPES = List.of(
            "CVR.Contest", "CVR.PartyContest", "CVR.BallotMeasureContest", "CVR.CandidateContest", "CVR.RetentionContest");
    static final List<String> SELECTION_TYPES = List.of(
            "CVR.ContestSelection", "CVR.PartySelection", "CVR.BallotMeasureSelection", "CVR.CandidateSelection");

    private record Declared(String type, Optional<String> parent, String place) {}

    private record Use(String property, List<String> refTypes, String id, String place, Optional<String> parent) {}

    private final String file;
    private final Map<String, Declared> declared = new HashMap<>();
    private final List<Use> uses = new ArrayList<>();
    private final Map<ContestId, String> contests = new LinkedHashMap<>();
    private final Map<SelectionId, Use> selections = new LinkedHashMap<>();
    private final Map<GpUnitId, String> units = new LinkedHashMap<>();
    private final Map<PartyId, String> parties = new LinkedHashMap<>();
    private final Map<String, String> devices = new LinkedHashMap<>();
    private final Map<String, String> elections = new LinkedHashMap<>();

    ReportReferences(String file) {
        this.file = file;
    }

    /** An element with an id; {@code parent} is the id of the element it is declared in, if that has one. */
    void declare(String type, String id, Optional<String> parent, String place) {
        Declared before = declared.putIfAbsent(id, new Declared(type, parent, place));
        if (before != null) {
            throw new BadInputException(file, place,
                    "id '" + id + "' is declared twice (first by a " + before.type() + " at " + before.place() + ")");
        }
    }

    /** A reference found outside the CVRs (in Election, GpUnit, ...). */
    void use(String property, List<String> refTypes, String id, String place) {
        uses.add(new Use(property, refTypes, id, place, Optional.empty()));
    }

    boolean seenContest(ContestId id) {
        return contests.containsKey(id);
    }

    void useContest(ContestId id, String place) {
        contests.putIfAbsent(id, place);
    }

    boolean seenSelection(SelectionId id) {
        return selections.containsKey(id);
    }

    void useSelection(SelectionId id, ContestId contest, String place) {
        selections.putIfAbsent(id, new Use("ContestSelectionId", SELECTION_TYPES, id.value(), place, Optional.of(contest.value())));
    }

    boolean seenUnit(GpUnitId id) {
        return units.containsKey(id);
    }

    void useUnit(GpUnitId id, String place) {
        units.putIfAbsent(id, place);
    }

    boolean seenParty(PartyId id) {
        return parties.containsKey(id);
    }

    void useParty(PartyId id, String place) {
        parties.putIfAbsent(id, place);
    }

    boolean seenDevice(String id) {
        return devices.containsKey(id);
    }

    void useDevice(String id, String place) {
        devices.putIfAbsent(id, place);
    }

    boolean seenElection(String id) {
        return elections.containsKey(id);
    }

    void useElection(String id, String place) {
        elections.putIfAbsent(id, place);
    }

    /** Adds the ids {@code other} saw used (in CVRs read apart), keeping the first place of each. */
    void useAll(ReportReferences other) {
        other.contests.forEach(contests::putIfAbsent);
        other.selections.forEach(selections::putIfAbsent);
        other.units.forEach(units::putIfAbsent);
        other.parties.forEach(parties::putIfAbsent);
        other.devices.forEach(devices::putIfAbsent);
        other.elections.forEach(elections::putIfAbsent);
        uses.addAll(other.uses);
    }

    /** Throws for the first reference that does not resolve, saying how many others do not either. */
    void verify() {
        List<BadInputException> problems = new ArrayList<>();
        contests.forEach((id, place) -> check(new Use("ContestId", CONTEST_TYPES, id.value(), place, Optional.empty()), problems));
        selections.values().forEach(use -> check(use, problems));
        units.forEach((id, place) -> check(new Use("BallotStyleUnitId", List.of("CVR.GpUnit"), id.value(), place, Optional.empty()), problems));
        parties.forEach((id, place) -> check(new Use("PartyIds", List.of("CVR.Party"), id.value(), place, Optional.empty()), problems));
        devices.forEach((id, place) -> check(new Use("CreatingDeviceId", List.of("CVR.ReportingDevice"), id, place, Optional.empty()), problems));
        elections.forEach((id, place) -> check(new Use("ElectionId", List.of("CVR.Election"), id, place, Optional.empty()), problems));
        uses.forEach(use -> check(use, problems));
        if (!problems.isEmpty()) {
            BadInputException first = problems.get(0);
            String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more unresolved references)";
            throw new BadInputException(file, first.place(), first.problem() + more);
        }
    }

    private void check(Use use, List<BadInputException> problems) {
        Declared d = declared.get(use.id());
        String wanted = String.join(" or ", use.refTypes());
        if (d == null) {
            problems.add(new BadInputException(file, use.place(),
                    use.property() + " '" + use.id() + "' refers to nothing declared in the report (expected a " + wanted + ")"));
        } else if (!use.refTypes().contains(d.type())) {
            problems.add(new BadInputException(file, use.place(),
                    use.property() + " '" + use.id() + "' refers to a " + d.type() + " (declared at " + d.place()
                            + "), not to a " + wanted));
        } else if (use.parent().isPresent() && !use.parent().equals(d.parent())) {
            problems.add(new BadInputException(file, use.place(),
                    use.property() + " '" + use.id() + "' is not a selection of contest '" + use.parent().get()
                            + "' in the report's Election" + d.parent().map(p -> " (it belongs to '" + p + "')").orElse("")));
        }
    }
}
