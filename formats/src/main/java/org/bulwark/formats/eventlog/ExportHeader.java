package org.bulwark.formats.eventlog;

import java.time.Instant;
import java.util.Optional;

/**
 * What an export says about itself: the log it comes from (its origin, written as the one Device's
 * Id), the election if the log is about one, when it was written and by which Bulwark version.
 */
public record ExportHeader(String logOrigin, Optional<String> electionId, Instant generatedTime, String bulwarkVersion) {}
