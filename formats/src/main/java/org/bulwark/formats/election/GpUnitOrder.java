package org.bulwark.formats.election;

import java.util.ArrayList;
import java.util.List;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitType;

/**
 * The order in which Bulwark lists geopolitical units: the state, the local election authorities,
 * the precincts, the splits, then the districts, each group in its original order. Bulwark's JSON
 * format groups units this way, and imports put them in this order too, so that an imported
 * election written as Bulwark JSON reads back equal, with the same fingerprint.
 */
enum GpUnitOrder {
    STATE,
    AUTHORITY,
    PRECINCT,
    SPLIT,
    DISTRICT;

    /** The group of each unit of {@code units}, by position. Only the first state unit is "the state". */
    static List<GpUnitOrder> groups(List<GpUnit> units) {
        List<GpUnitOrder> groups = new ArrayList<>(units.size());
        boolean stateSeen = false;
        for (GpUnit u : units) {
            GpUnitOrder g;
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
    static List<GpUnit> sorted(List<GpUnit> units) {
        List<GpUnitOrder> groups = groups(units);
        List<GpUnit> out = new ArrayList<>(units.size());
        for (GpUnitOrder g : values()) {
            for (int i = 0; i < units.size(); i++) {
                if (groups.get(i) == g) {
                    out.add(units.get(i));
                }
            }
        }
        return out;
    }
}
