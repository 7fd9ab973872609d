package org.bulwark.model.results;

import org.bulwark.model.ContestId;

/** A contest of the election these results do not count, and why (for example ranked choice). */
public record NotTabulated(ContestId contest, String reason) {}
