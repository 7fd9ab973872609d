package org.bulwark.formats.cvr;

import java.util.List;
import java.util.Optional;

/** What a report says about itself besides its CVRs; {@link CvrFiles} adds the byte count and hash. */
record ReportHeader(Optional<String> generatedDate, List<String> reportingDevices, List<String> generatingDevices,
        List<String> electionIds) {}
