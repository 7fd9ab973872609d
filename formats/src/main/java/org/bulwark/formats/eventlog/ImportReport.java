package org.bulwark.formats.eventlog;

import java.util.List;
import java.util.Optional;

/** What an imported NIST SP 1500-101 log held. */
public record ImportReport(Optional<String> electionId, String generatedTime, List<DeviceReport> devices) {
    public ImportReport {
        devices = List.copyOf(devices);
    }

    public long eventCount() {
        return devices.stream().mapToLong(DeviceReport::events).sum();
    }

    /** One line for all devices, e.g. "2 devices: scanner-1 hash chain verified (...); scanner-2 no hash chain to verify". */
    public String chainSummary() {
        StringBuilder b = new StringBuilder(devices.size() + (devices.size() == 1 ? " device: " : " devices: "));
        for (int i = 0; i < devices.size(); i++) {
            if (i > 0) {
                b.append("; ");
            }
            b.append(devices.get(i).device().id()).append(' ').append(devices.get(i).chain().describe());
        }
        return b.toString();
    }
}
