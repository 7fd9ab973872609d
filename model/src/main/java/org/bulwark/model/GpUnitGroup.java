package org.bulwark.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The groups in which Bulwark lists geopolitical units, in this order: the state, the local
 * election authorities, the precincts, the splits, then the districts. Bulwark's JSON format groups
 * units this way and imports list them this way; the fingerprint takes units in this order, so
 * that the order of units within a file (which means nothing on a ballot) cannot change it.
 */
public enum GpUnitGroup {
    STATE,
    AUTHORITY,
    PRECINCT,
    SPLIT,
    DISTRICT;

    /**
     * The group of each unit of {@code units}, by position: an authority is an AUTHORITY whatever
     * its type; the first other unit of type state is the STATE (later ones are districts); units of
     * type split-precinct are SPLITs, other precinct-level units PRECINCTs; the rest DISTRICTs.
     */
    public static List<GpUnitGroup> groups(List<GpUnit> units) {
        List<GpUnitGroup> groups = new ArrayList<>(units.size());
        boolean stateSeen = false;
        for (GpUnit u : units) {
            GpUnitGroup g;
            if (u.authority()) {
                g = AUTHORITY;
            } else if (u.type() == GpUnitType.STATE && !stateSeen) {
                g = STATE;
                stateSeen = true;
            } else if (u.type() == GpUnitType.SPLIT_PRECINCT) {
                g = SPLIT;
            } else if (u.type().isPrecinctLevel()) {
                g = PRECINCT;
            } else {
                g = DISTRICT;
            }
            groups.add(g);
        }
        return groups;
    }

    /** {@code units} reordered group by group, keeping the order within each group. */
    public static List<GpUnit> sorted(List<GpUnit> units) {
        List<GpUnitGroup> groups = groups(units);
        List<GpUnit> out = new ArrayList<>(units.size());
        for (GpUnitGroup g : values()) {
            for (int i = 0; i < units.size(); i++) {
                if (groups.get(i) == g) {
                    out.add(units.get(i));
                }
            }
        }
        return out;
    }
}
