package org.bulwark.model;

import java.util.List;
import java.util.Optional;

/**
 * A geopolitical unit: the state, a local election authority, a district, a precinct or a precinct
 * split (NIST GpUnit / ReportingUnit). {@code composingUnits} lists the units it is made of, as
 * NIST's ComposingGpUnitIds: a district lists its precincts, a precinct its splits.
 *
 * @param otherType the NIST OtherType text when {@code type} is OTHER, else empty
 * @param authority true for a local election authority (county clerk or board of election commissioners)
 */
public record GpUnit(
        GpUnitId id,
        String name,
        GpUnitType type,
        Optional<String> otherType,
        boolean authority,
        List<GpUnitId> composingUnits) {
    public GpUnit {
        composingUnits = List.copyOf(composingUnits);
    }
}
