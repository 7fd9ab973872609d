package org.bulwark.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks an election definition and lists every problem with its place, never just the first: an
 * official fixing a definition should see all that is wrong in one pass. Pure: no I/O.
 *
 * <p>Paths name record components and list positions of {@link Election}:
 * {@code contests[3].selections[1].candidates[0]}.
 */
public final class ElectionValidator {
    /** How many valid choices a message lists before "...": enough to spot a typo, short enough to read. */
    private static final int CHOICES_SHOWN = 8;

    private final Election election;
    private final List<ValidationIssue> issues = new ArrayList<>();
    private final Map<String, GpUnit> units = new LinkedHashMap<>();
    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    private final Map<String, Contest> contests = new LinkedHashMap<>();

    private ElectionValidator(Election election) {
        this.election = election;
        election.gpUnits().forEach(u -> units.putIfAbsent(u.id().value(), u));
        election.parties().forEach(p -> parties.putIfAbsent(p.id().value(), p));
        election.candidates().forEach(c -> candidates.putIfAbsent(c.id().value(), c));
        election.contests().forEach(c -> contests.putIfAbsent(c.id().value(), c));
    }

    /** Every problem in the definition, errors and warnings, in the order of the definition. */
    public static List<ValidationIssue> validate(Election election) {
        ElectionValidator v = new ElectionValidator(election);
        v.checkElection();
        v.checkUniqueIds();
        v.checkGpUnits();
        v.checkParties();
        v.checkCandidates();
        v.checkContests();
        v.checkBallotStyles();
        return List.copyOf(v.issues);
    }

    private void error(String path, String message) {
        issues.add(new ValidationIssue(path, message));
    }

    private void warning(String path, String message) {
        issues.add(ValidationIssue.warning(path, message));
    }

    private void checkElection() {
        requireText("id", election.id(), "the election id");
        requireText("title", election.title(), "the election title");
        if (!units.containsKey(election.scope().value())) {
            error("scope", "election scope '" + election.scope() + "' is not a geopolitical unit of this election; "
                    + "valid units: " + choices(units.keySet()));
        }
    }

    /**
     * Units, parties, candidates, contests and selections share one namespace, as NIST object ids
     * do: a cast vote record or a result names a thing by id alone. Ballot styles have their own,
     * since they are commonly named after the precinct they serve.
     */
    private void checkUniqueIds() {
        Map<String, String> firstUse = new HashMap<>();
        List<GpUnit> gpUnits = election.gpUnits();
        for (int i = 0; i < gpUnits.size(); i++) {
            claim(firstUse, gpUnits.get(i).id().value(), "gpUnits[" + i + "]");
        }
        for (int i = 0; i < election.parties().size(); i++) {
            claim(firstUse, election.parties().get(i).id().value(), "parties[" + i + "]");
        }
        for (int i = 0; i < election.candidates().size(); i++) {
            claim(firstUse, election.candidates().get(i).id().value(), "candidates[" + i + "]");
        }
        for (int i = 0; i < election.contests().size(); i++) {
            Contest c = election.contests().get(i);
            claim(firstUse, c.id().value(), "contests[" + i + "]");
            for (int j = 0; j < c.selections().size(); j++) {
                claim(firstUse, c.selections().get(j).id().value(), "contests[" + i + "].selections[" + j + "]");
            }
        }
        Map<String, String> styleIds = new HashMap<>();
        for (int i = 0; i < election.ballotStyles().size(); i++) {
            String id = election.ballotStyles().get(i).id().value();
            String first = styleIds.putIfAbsent(id, "ballotStyles[" + i + "]");
            if (first != null) {
                error("ballotStyles[" + i + "].id", "ballot style id '" + id + "' is already used by " + first
                        + "; every ballot style needs its own id");
            }
        }
    }

    private void claim(Map<String, String> firstUse, String id, String path) {
        String first = firstUse.putIfAbsent(id, path);
        if (first != null) {
            error(path + ".id", "id '" + id + "' is already used by " + first
                    + "; ids of units, parties, candidates, contests and selections must all be different");
        }
    }

    private void checkGpUnits() {
        Map<String, List<String>> precinctsOfSplit = new HashMap<>();
        List<GpUnit> gpUnits = election.gpUnits();
        for (int i = 0; i < gpUnits.size(); i++) {
            GpUnit u = gpUnits.get(i);
            String path = "gpUnits[" + i + "]";
            requireText(path + ".name", u.name(), "the name of unit '" + u.id() + "'");
            if (u.type() == GpUnitType.OTHER && u.otherType().map(String::isBlank).orElse(true)) {
                error(path + ".otherType", "unit '" + u.id() + "' has type other but does not say what it is; "
                        + "give otherType, such as \"fire district\"");
            }
            Set<GpUnitId> seen = new HashSet<>();
            for (int j = 0; j < u.composingUnits().size(); j++) {
                GpUnitId part = u.composingUnits().get(j);
                String partPath = path + ".composingUnits[" + j + "]";
                if (part.equals(u.id())) {
                    error(partPath, "unit '" + u.id() + "' lists itself among the units it is made of");
                } else if (!seen.add(part)) {
                    error(partPath, "unit '" + part + "' is listed twice in unit '" + u.id() + "'");
                } else {
                    refUnit(partPath, part, "composing unit");
                }
                if (u.type() == GpUnitType.PRECINCT) {
                    precinctsOfSplit.computeIfAbsent(part.value(), k -> new ArrayList<>()).add(u.id().value());
                }
            }
        }
        // A split is a part of one precinct: results roll up from the split to exactly one precinct.
        for (int i = 0; i < gpUnits.size(); i++) {
            GpUnit u = gpUnits.get(i);
            if (u.type() != GpUnitType.SPLIT_PRECINCT) {
                continue;
            }
            List<String> owners = precinctsOfSplit.getOrDefault(u.id().value(), List.of());
            if (owners.isEmpty()) {
                error("gpUnits[" + i + "]", "split precinct '" + u.id() + "' is not part of any precinct; "
                        + "list it in the composing units of the precinct it splits");
            } else if (owners.size() > 1) {
                error("gpUnits[" + i + "]", "split precinct '" + u.id() + "' is part of " + owners.size()
                        + " precincts (" + String.join(", ", owners) + "); a split belongs to exactly one precinct");
            }
        }
    }

    private void checkParties() {
        for (int i = 0; i < election.parties().size(); i++) {
            Party p = election.parties().get(i);
            requireText("parties[" + i + "].name", p.name(), "the name of party '" + p.id() + "'");
        }
    }

    private void checkCandidates() {
        for (int i = 0; i < election.candidates().size(); i++) {
            Candidate c = election.candidates().get(i);
            String path = "candidates[" + i + "]";
            requireText(path + ".ballotName", c.ballotName(), "the ballot name of candidate '" + c.id() + "'");
            c.party().ifPresent(p -> refParty(path + ".party", p));
        }
    }

    private void checkContests() {
        Set<ContestId> onABallot = election.ballotStyles().stream()
                .flatMap(b -> b.contests().stream())
                .collect(Collectors.toSet());
        for (int i = 0; i < election.contests().size(); i++) {
            Contest contest = election.contests().get(i);
            String path = "contests[" + i + "]";
            requireText(path + ".name", contest.name(), "the name of contest '" + contest.id() + "'");
            refUnit(path + ".district", contest.district(), "district");
            switch (contest) {
                case Contest.CandidateContest c -> checkCandidateContest(path, c);
                case Contest.BallotMeasureContest m -> checkBallotMeasure(path, m);
                case Contest.PartyContest p -> checkPartyContest(path, p);
            }
            if (!onABallot.contains(contest.id())) {
                warning(path, "contest '" + contest.id() + "' is on no ballot style, so no one can vote in it; "
                        + "add it to the ballot styles of the precincts that vote on it, or remove it");
            }
        }
    }

    private void checkCandidateContest(String path, Contest.CandidateContest c) {
        int n = c.selections().size();
        if (n == 0) {
            error(path + ".selections", "contest '" + c.id() + "' has no candidates and no write-in position");
        }
        if (c.votesAllowed() < 1) {
            error(path + ".votesAllowed", "contest '" + c.id() + "' allows " + c.votesAllowed()
                    + " votes; it must allow at least 1");
        } else if (n > 0 && c.votesAllowed() > n) {
            error(path + ".votesAllowed", "contest '" + c.id() + "' allows " + c.votesAllowed()
                    + " votes but has only " + n + " selections (candidates and write-in positions); "
                    + "allow at most " + n);
        }
        if (c.ranks() < 0) {
            error(path + ".ranks", "contest '" + c.id() + "' has " + c.ranks()
                    + " ranks; use 0 for a plurality contest or 1 to " + n + " for ranked choice");
        } else if (c.ranks() > 0 && c.ranks() > n) {
            error(path + ".ranks", "ranked-choice contest '" + c.id() + "' has " + c.ranks()
                    + " ranks but only " + n + " selections; allow 1 to " + n + " ranks");
        }
        for (int j = 0; j < c.primaryParties().size(); j++) {
            refParty(path + ".primaryParties[" + j + "]", c.primaryParties().get(j));
        }
        for (int j = 0; j < n; j++) {
            String sPath = path + ".selections[" + j + "]";
            switch (c.selections().get(j)) {
                case ContestSelection.CandidateSelection s -> refEachOnce(sPath + ".candidates", s.candidates(),
                        CandidateId::value, "candidate", "is listed twice in selection '" + s.id() + "'", candidates);
                case ContestSelection.WriteIn w -> {
                    // A write-in position needs nothing else: the name comes from the voter.
                }
                case ContestSelection.BallotMeasureSelection s -> wrongKind(sPath, s, c, "a ballot measure response");
                case ContestSelection.PartySelection s -> wrongKind(sPath, s, c, "a straight-party selection");
            }
        }
    }

    private void checkBallotMeasure(String path, Contest.BallotMeasureContest m) {
        int responses = 0;
        for (int j = 0; j < m.selections().size(); j++) {
            String sPath = path + ".selections[" + j + "]";
            switch (m.selections().get(j)) {
                case ContestSelection.BallotMeasureSelection s -> {
                    responses++;
                    requireText(sPath + ".text", s.text(), "the text of response '" + s.id() + "'");
                }
                case ContestSelection.CandidateSelection s -> wrongKind(sPath, s, m, "a candidate");
                case ContestSelection.WriteIn s -> wrongKind(sPath, s, m, "a write-in position");
                case ContestSelection.PartySelection s -> wrongKind(sPath, s, m, "a straight-party selection");
            }
        }
        if (responses < 2) {
            error(path + ".selections", "ballot measure '" + m.id() + "' has " + responses
                    + " responses; it needs at least two, such as \"Yes\" and \"No\"");
        }
    }

    private void checkPartyContest(String path, Contest.PartyContest p) {
        if (p.selections().isEmpty()) {
            error(path + ".selections", "straight-party contest '" + p.id() + "' lists no party");
        }
        for (int j = 0; j < p.selections().size(); j++) {
            String sPath = path + ".selections[" + j + "]";
            switch (p.selections().get(j)) {
                case ContestSelection.PartySelection s -> {
                    if (s.parties().isEmpty()) {
                        error(sPath + ".parties", "straight-party selection '" + s.id() + "' names no party");
                    }
                    for (int k = 0; k < s.parties().size(); k++) {
                        refParty(sPath + ".parties[" + k + "]", s.parties().get(k));
                    }
                }
                case ContestSelection.CandidateSelection s -> wrongKind(sPath, s, p, "a candidate");
                case ContestSelection.WriteIn s -> wrongKind(sPath, s, p, "a write-in position");
                case ContestSelection.BallotMeasureSelection s -> wrongKind(sPath, s, p, "a ballot measure response");
            }
        }
    }

    private void wrongKind(String path, ContestSelection s, Contest c, String what) {
        String expected = switch (c) {
            case Contest.CandidateContest x -> "candidates and write-in positions";
            case Contest.BallotMeasureContest x -> "responses such as Yes and No";
            case Contest.PartyContest x -> "parties";
        };
        error(path, "selection '" + s.id() + "' is " + what + ", which does not belong in contest '" + c.id()
                + "'; it may hold only " + expected);
    }

    private void checkBallotStyles() {
        for (int i = 0; i < election.ballotStyles().size(); i++) {
            BallotStyle b = election.ballotStyles().get(i);
            String path = "ballotStyles[" + i + "]";
            if (b.gpUnits().isEmpty()) {
                error(path + ".gpUnits", "ballot style '" + b.id() + "' serves no precinct; "
                        + "list the precincts or splits whose voters receive it");
            }
            for (int j = 0; j < b.gpUnits().size(); j++) {
                GpUnitId id = b.gpUnits().get(j);
                String uPath = path + ".gpUnits[" + j + "]";
                if (refUnit(uPath, id, "precinct") && !units.get(id.value()).type().isPrecinctLevel()) {
                    warning(uPath, "ballot style '" + b.id() + "' serves '" + id + "', whose type is "
                            + units.get(id.value()).type().nist() + ", not a precinct or split");
                }
            }
            if (b.contests().isEmpty()) {
                error(path + ".contests", "ballot style '" + b.id() + "' has no contest");
            }
            refEachOnce(path + ".contests", b.contests(), ContestId::value, "contest",
                    "appears twice on ballot style '" + b.id() + "'", contests);
            for (int j = 0; j < b.parties().size(); j++) {
                refParty(path + ".parties[" + j + "]", b.parties().get(j));
            }
        }
    }

    private boolean refUnit(String path, GpUnitId id, String what) {
        if (units.containsKey(id.value())) {
            return true;
        }
        error(path, what + " '" + id + "' is not a geopolitical unit of this election; valid units: "
                + choices(units.keySet()));
        return false;
    }

    /**
     * A list of references: each id listed once ({@code twice} ends the message for one listed
     * again) and each a {@code kind} the election defines.
     */
    private <T> void refEachOnce(
            String path, List<T> ids, Function<T, String> value, String kind, String twice, Map<String, ?> defined) {
        for (int j = 0; j < ids.size(); j++) {
            T id = ids.get(j);
            String idPath = path + "[" + j + "]";
            if (ids.indexOf(id) < j) {
                error(idPath, kind + " '" + id + "' " + twice);
            } else if (!defined.containsKey(value.apply(id))) {
                error(idPath, kind + " '" + id + "' is not a " + kind + " of this election; valid " + kind + "s: "
                        + choices(defined.keySet()));
            }
        }
    }

    private void refParty(String path, PartyId id) {
        if (!parties.containsKey(id.value())) {
            error(path, "party '" + id + "' is not a party of this election; valid parties: " + choices(parties.keySet()));
        }
    }

    private void requireText(String path, String value, String what) {
        if (value == null || value.isBlank()) {
            error(path, what + " is empty; give the text printed on the ballot or shown in reports");
        }
    }

    private static String choices(Collection<String> ids) {
        if (ids.isEmpty()) {
            return "none are defined";
        }
        String shown = ids.stream().limit(CHOICES_SHOWN).map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        return ids.size() > CHOICES_SHOWN ? shown + ", ... (" + ids.size() + " in all)" : shown;
    }
}
