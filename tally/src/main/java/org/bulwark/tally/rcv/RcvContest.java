package org.bulwark.tally.rcv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A ranked-choice contest: its declared candidates in the order the configuration lists them, whether
 * undeclared write-ins are counted (as one pseudo-candidate that is always eliminated first), and its rules.
 */
public record RcvContest(String name, List<Candidate> candidates, boolean undeclaredWriteIns, RcvRules rules) {
    /** RCTab's name for the pseudo-candidate that collects undeclared write-ins. */
    public static final String UNDECLARED_WRITE_INS = "Undeclared Write-ins";

    public RcvContest {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("contest " + name + " has no candidates");
        }
        Set<String> seen = new HashSet<>();
        for (Candidate c : candidates) {
            if (!seen.add(c.name()) || c.name().equals(UNDECLARED_WRITE_INS)) {
                throw new IllegalArgumentException("candidate name " + c.name() + " is used twice or reserved");
            }
        }
        if (candidates.stream().allMatch(Candidate::excluded)) {
            throw new IllegalArgumentException("every candidate of contest " + name + " is excluded");
        }
    }

    /**
     * @param aliases other spellings the cast vote records may use (codes, ids)
     * @param excluded ignored in tabulation, as if eliminated before the first round
     */
    public record Candidate(String name, List<String> aliases, boolean excluded) {
        public Candidate {
            aliases = List.copyOf(aliases);
        }

        public static Candidate named(String name) {
            return new Candidate(name, List.of(), false);
        }
    }

    /** Every name the tabulation knows, declared candidates first, then the write-in pseudo-candidate if any. */
    List<String> allNames() {
        List<String> names = new ArrayList<>();
        candidates.forEach(c -> names.add(c.name()));
        if (undeclaredWriteIns) {
            names.add(UNDECLARED_WRITE_INS);
        }
        return names;
    }

    int maxRankings() {
        return rules.maxRankings().orElse(candidates.size());
    }
}
