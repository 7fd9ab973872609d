package org.bulwark.tally.rcv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * RCTab keeps candidates in java.util.HashMap and HashSet and lists them in those collections' iteration
 * order wherever the rules leave the order open (candidates with equal votes in a round's tally, a tie
 * still unbroken by earlier rounds). Reproducing its reports means reproducing that order: these functions build the same
 * collections, filled in the same sequence, and read them back. The order depends only on the names
 * (String.hashCode is specified) and the insertion sequence, not on the JVM run.
 */
final class RctabOrder {
    private RctabOrder() {}

    /** The iteration order of a HashMap (or HashSet) created empty and filled with {@code names} in order. */
    static List<String> hashOrder(Collection<String> names) {
        Map<String, Boolean> map = new HashMap<>();
        for (String name : names) {
            map.put(name, Boolean.TRUE);
        }
        return new ArrayList<>(map.keySet());
    }

    /** The iteration order of a HashSet copied from {@code names} (the copy constructor sizes the table itself). */
    static List<String> copiedSetOrder(Collection<String> names) {
        return new ArrayList<>(new HashSet<>(names));
    }
}
