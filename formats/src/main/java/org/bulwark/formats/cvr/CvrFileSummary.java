package org.bulwark.formats.cvr;

import java.util.List;
import java.util.Optional;

/**
 * What a cast vote record file held besides its CVRs. It carries no hash of the file: reading does
 * not hash (SHA-256 on the reading thread cost about a tenth of reading), and the callers that need one
 * hash the file themselves, once (import: {@code InputFiles.digest}; packages: the manifest).
 *
 * @param file the file as the user named it
 * @param cvrCount how many CVRs were read and passed on
 * @param bytes the file's length
 * @param generatedDate the report's GeneratedDate as written, if any
 * @param reportingDevices the ids of the report's ReportingDevice elements
 * @param reportGeneratingDevices the report's ReportGeneratingDeviceIds
 * @param electionIds the ids of the report's Election elements
 */
public record CvrFileSummary(
        String file,
        CvrFormat format,
        long cvrCount,
        long bytes,
        Optional<String> generatedDate,
        List<String> reportingDevices,
        List<String> reportGeneratingDevices,
        List<String> electionIds) {
    public CvrFileSummary {
        reportingDevices = List.copyOf(reportingDevices);
        reportGeneratingDevices = List.copyOf(reportGeneratingDevices);
        electionIds = List.copyOf(electionIds);
    }
}
