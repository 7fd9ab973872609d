package org.bulwark.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The straight-party rule, written once: which candidate selections a voter's straight-party mark
 * stands for. It is the rule of NIST's synthetic election gen-01, whose CVRs carry the derived marks
 * with Status "generated-rules" (docs/device.md, "Straight-party voting"):
 *
 * <ul>
 *   <li>one party marked in a straight-party contest (two or more is an overvote: no party, nothing derived);</li>
 *   <li>in every plurality candidate contest of the ballot style, each selection whose candidates all
 *       belong to that party is marked (a ticket counts when every candidate on it is the party's);</li>
 *   <li>a contest the voter marked by hand keeps only the hand marks: an explicit mark overrides the
 *       party's in that contest;</li>
 *   <li>nothing is derived where the party has more selections than the contest allows votes (the
 *       voter must choose), nor in a ranked-choice contest (a party mark says no ranking).</li>
 * </ul>
 *
 * Tabulation needs no rule: it counts the derived marks the CVRs carry, as NIST's results do.
 */
public final class StraightParty {
    private StraightParty() {}

    /**
     * The selections derived by the straight-party vote on one ballot, per contest in ballot style
     * order; empty when no single party is marked.
     *
     * @param handMarked the selections the voter marked, per contest (contests left out are unmarked)
     */
    public static Map<ContestId, List<SelectionId>> derived(ElectionIndex index, BallotStyle style,
            Map<ContestId, List<SelectionId>> handMarked) {
        Map<ContestId, List<SelectionId>> out = new LinkedHashMap<>();
        for (ContestId id : style.contests()) {
            Optional<Contest> contest = index.contest(id);
            List<SelectionId> picks = handMarked.getOrDefault(id, List.of());
            if (contest.orElse(null) instanceof Contest.PartyContest && picks.size() == 1
                    && index.selection(picks.get(0)).orElse(null) instanceof ContestSelection.PartySelection party) {
                party(index, style, handMarked, party.parties()).forEach(out::putIfAbsent);
            }
        }
        return out;
    }

    private static Map<ContestId, List<SelectionId>> party(ElectionIndex index, BallotStyle style,
            Map<ContestId, List<SelectionId>> handMarked, List<PartyId> parties) {
        Map<ContestId, List<SelectionId>> out = new LinkedHashMap<>();
        for (ContestId id : style.contests()) {
            if (!handMarked.getOrDefault(id, List.of()).isEmpty()
                    || !(index.contest(id).orElse(null) instanceof Contest.CandidateContest c) || c.isRankedChoice()) {
                continue;
            }
            List<SelectionId> selections = new ArrayList<>();
            for (ContestSelection s : c.selections()) {
                if (s instanceof ContestSelection.CandidateSelection cs && cs.candidates().stream().allMatch(candidate ->
                        index.candidate(candidate).flatMap(Candidate::party).filter(parties::contains).isPresent())) {
                    selections.add(cs.id());
                }
            }
            if (!selections.isEmpty() && selections.size() <= c.votesAllowed()) {
                out.put(id, List.copyOf(selections));
            }
        }
        return out;
    }
}
