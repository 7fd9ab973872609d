package org.bulwark.tally;

import java.util.HashMap;
import java.util.Map;

/**
 * The counters of one group of ballots: a flat array laid out by {@link Tabulator}, plus the
 * write-in names read, per contest index. Names are rare, so they live in maps outside the array.
 */
final class Counters {
    final long[] counts;
    final Map<Integer, Map<String, Long>> writeInNames = new HashMap<>();

    Counters(int size) {
        this.counts = new long[size];
    }

    void addWriteInName(int contest, String name, long votes) {
        writeInNames.computeIfAbsent(contest, c -> new HashMap<>()).merge(name, votes, Long::sum);
    }

    void addAll(Counters other) {
        long[] from = other.counts;
        for (int i = 0; i < from.length; i++) {
            counts[i] += from[i];
        }
        other.writeInNames.forEach((contest, names) -> names.forEach((name, votes) -> addWriteInName(contest, name, votes)));
    }
}
