package org.bulwark.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks one cast vote record against the election definition: every id it uses must name a thing
 * of the right kind in this election. A CVR that fails cannot be counted, so the file holding it is
 * unusable. More marks than a contest allows is not a problem here: that is an overvote, which
 * tabulation counts as such.
 */
public final class CvrCheck {
    private CvrCheck() {}

    /** Every problem of {@code cvr}, with paths like {@code contests[2].marks[0].selection}; empty when it fits. */
    public static List<ValidationIssue> check(CastVoteRecord cvr, ElectionIndex election) {
        List<ValidationIssue> issues = new ArrayList<>(0);
        boolean styleKnown = election.ballotStyle(cvr.ballotStyle()).isPresent();
        if (!styleKnown) {
            issues.add(new ValidationIssue("ballotStyle",
                    "ballot style '" + cvr.ballotStyle() + "' is not a ballot style of this election"));
        }
        if (election.gpUnit(cvr.ballotStyleUnit()).isEmpty()) {
            issues.add(new ValidationIssue("ballotStyleUnit",
                    "ballot style unit '" + cvr.ballotStyleUnit() + "' is not a unit of this election"));
        }
        for (int i = 0; i < cvr.parties().size(); i++) {
            PartyId party = cvr.parties().get(i);
            if (election.party(party).isEmpty()) {
                issues.add(new ValidationIssue("parties[" + i + "]", "party '" + party + "' is not a party of this election"));
            }
        }
        List<CvrContest> contests = cvr.contests();
        for (int i = 0; i < contests.size(); i++) {
            checkContest(contests, i, cvr.ballotStyle(), styleKnown, election, issues);
        }
        return issues.isEmpty() ? List.of() : List.copyOf(issues);
    }

    private static void checkContest(
            List<CvrContest> contests, int i, BallotStyleId style, boolean styleKnown, ElectionIndex election,
            List<ValidationIssue> issues) {
        // Paths are built only for a problem: this runs for every contest of every CVR read.
        CvrContest contest = contests.get(i);
        ContestId id = contest.contest();
        if (election.contest(id).isEmpty()) {
            issues.add(new ValidationIssue(path(i) + ".contest", "contest '" + id + "' is not a contest of this election"));
            return;
        }
        if (styleKnown && !election.styleHasContest(style, id)) {
            issues.add(new ValidationIssue(path(i) + ".contest", "contest '" + id + "' is not on ballot style '" + style + "'"));
        }
        // A contest recorded twice would be counted twice; ballots are small, so a linear look-back is cheapest,
        // with the (cached) hash compared first so that ids sharing a long prefix are not compared character by character.
        int hash = id.hashCode();
        for (int j = 0; j < i; j++) {
            ContestId earlier = contests.get(j).contest();
            if (earlier.hashCode() == hash && earlier.equals(id)) {
                issues.add(new ValidationIssue(path(i) + ".contest",
                        "contest '" + id + "' is recorded twice (also at contests[" + j + "])"));
                break;
            }
        }
        List<Mark> marks = contest.marks();
        for (int m = 0; m < marks.size(); m++) {
            SelectionId selection = marks.get(m).selection();
            var owner = election.contestOf(selection);
            if (owner.isEmpty()) {
                issues.add(new ValidationIssue(path(i) + ".marks[" + m + "].selection",
                        "selection '" + selection + "' is not a selection of this election"));
            } else if (!owner.get().id().equals(id)) {
                issues.add(new ValidationIssue(path(i) + ".marks[" + m + "].selection",
                        "selection '" + selection + "' belongs to contest '" + owner.get().id()
                                + "', not to contest '" + id + "'"));
            }
        }
    }

    private static String path(int contest) {
        return "contests[" + contest + "]";
    }
}
