package org.bulwark.tally;

import java.util.HashMap;
import java.util.Map;

/**
 * The counters of one group of ballots. A contest's counter array is made the first time the
 * contest is counted in the group: a statewide election has thousands of contests and thousands of
 * batches, but each batch sees only its own precincts' contests. Write-in names are rare, so they
 * live in maps beside the arrays.
 */
final class Counters {
    static final int BALLOTS = 0;
    static final int BLANK_BALLOTS = 1;
    static final int PARTY_UNDETERMINED = 2;

    /** Per contest index; null until the contest is counted in this group. */
    final long[][] contests;
    final long[] ballots = new long[3];
    final Map<Integer, Map<String, Long>> writeInNames = new HashMap<>();

    Counters(int contestCount) {
        this.contests = new long[contestCount][];
    }

    /** The contest's counters, made on first use. */
    long[] contest(ContestLayout c) {
        long[] k = contests[c.index()];
        if (k == null) {
            k = new long[c.width()];
            contests[c.index()] = k;
        }
        return k;
    }

    void addWriteInName(int contest, String name, long votes) {
        writeInNames.computeIfAbsent(contest, c -> new HashMap<>()).merge(name, votes, Long::sum);
    }

    void addAll(Counters other) {
        for (int c = 0; c < contests.length; c++) {
            long[] from = other.contests[c];
            if (from == null) {
                continue;
            }
            if (contests[c] == null) {
                contests[c] = from.clone();
            } else {
                long[] to = contests[c];
                for (int i = 0; i < from.length; i++) {
                    to[i] += from[i];
                }
            }
        }
        for (int i = 0; i < ballots.length; i++) {
            ballots[i] += other.ballots[i];
        }
        other.writeInNames.forEach((contest, names) -> names.forEach((name, votes) -> addWriteInName(contest, name, votes)));
    }
}
