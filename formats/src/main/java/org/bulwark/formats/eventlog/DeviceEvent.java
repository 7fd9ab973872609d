package org.bulwark.formats.eventlog;

import java.time.Instant;
import java.util.Optional;
import org.bulwark.model.events.Disposition;

/**
 * One Event of a NIST SP 1500-101 log, as the device wrote it (the strings exactly as in the file,
 * so that the hash chain can be recomputed), plus the parsed time and disposition.
 */
public record DeviceEvent(String id, String sequence, String timeStamp, Instant time, String type,
        Disposition disposition, Optional<String> otherDisposition, Optional<String> userId,
        Optional<String> severity, Optional<String> description, Optional<String> details, Optional<String> hash) {}
