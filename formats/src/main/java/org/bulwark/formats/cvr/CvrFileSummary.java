package org.bulwark.formats.cvr;

import java.util.List;
import java.util.Optional;

/**
 * What a cast vote record file held besides its CVRs, and its SHA-256 when the read was asked to hash
 * ({@link CvrFiles#readHashing}: import does, tabulation does not).
 *
 * @param file the file as the user named it
 * @param cvrCount how many CVRs were read and passed on
 * @param bytes the file's length
 * @param generatedDate the report's GeneratedDate as written, if any
 * @param reportingDevices the ids of the report's ReportingDevice elements
 * @param reportGeneratingDevices the report's ReportGeneratingDeviceIds
 * @param electionIds the ids of the report's Election elements
 * @param sha256 the SHA-256 of the file's bytes (hex), if the read hashed them
 */
public record CvrFileSummary(
        String file,
        CvrFormat format,
        long cvrCount,
        long bytes,
        Optional<String> generatedDate,
        List<String> reportingDevices,
        List<String> reportGeneratingDevices,
        List<String> electionIds,
        Optional<String> sha256) {
    public CvrFileSummary {
        reportingDevices = List.copyOf(reportingDevices);
        reportGeneratingDevices = List.copyOf(reportGeneratingDevices);
        electionIds = List.copyOf(electionIds);
    }
}
