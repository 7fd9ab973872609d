package org.bulwark.model;

/** A political party; {@code abbreviation} may be empty. */
public record Party(PartyId id, String name, String abbreviation) {}
