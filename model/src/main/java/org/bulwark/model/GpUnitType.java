package org.bulwark.model;

import java.util.Optional;

/**
 * What a geopolitical unit is, with the NIST ReportingUnitType spelling. A local election authority
 * (in Missouri a county clerk or a board of election commissioners) is a COUNTY or a CITY unit
 * marked as an authority in {@link GpUnit}.
 */
public enum GpUnitType {
    STATE("state"),
    COUNTY("county"),
    CITY("city"),
    TOWN("town"),
    TOWNSHIP("township"),
    VILLAGE("village"),
    PRECINCT("precinct"),
    SPLIT_PRECINCT("split-precinct"),
    COMBINED_PRECINCT("combined-precinct"),
    POLLING_PLACE("polling-place"),
    CONGRESSIONAL("congressional"),
    STATE_SENATE("state-senate"),
    STATE_HOUSE("state-house"),
    COUNTY_COUNCIL("county-council"),
    CITY_COUNCIL("city-council"),
    JUDICIAL("judicial"),
    SCHOOL("school"),
    SPECIAL("special"),
    WARD("ward"),
    OTHER("other");

    private final String nist;

    GpUnitType(String nist) {
        this.nist = nist;
    }

    public String nist() {
        return nist;
    }

    /** Units where ballots are cast and counted, as opposed to districts that contests are held in. */
    public boolean isPrecinctLevel() {
        return this == PRECINCT || this == SPLIT_PRECINCT || this == COMBINED_PRECINCT || this == POLLING_PLACE;
    }

    public static Optional<GpUnitType> fromNist(String value) {
        for (GpUnitType t : values()) {
            if (t.nist.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
