package org.bulwark.model;

import java.util.Optional;

/** A candidate as named on the ballot, with the party they are listed under, if any. */
public record Candidate(CandidateId id, String ballotName, Optional<PartyId> party) {}
