package org.bulwark.custody;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Readiness of voting devices per election authority and statewide: for each authority the number of
 * devices in service, how many are ready, how many fail each check, and the failing devices.
 *
 * @param checks the matrix's columns: {@link ReadinessCheck#MATRIX}, and the election fingerprint too
 *     when the matrix is of an election
 */
public record ReadinessMatrix(List<ReadinessCheck> checks, List<Row> rows, Row statewide, List<FailingDevice> failing) {
    /** One authority's counts (or the state's, summed). */
    public record Row(String name, long devices, long ready, Map<ReadinessCheck, Long> failingPerCheck) {
        public Row {
            Objects.requireNonNull(name, "name");
            failingPerCheck = Map.copyOf(failingPerCheck);
        }

        public long failing(ReadinessCheck check) {
            return failingPerCheck.getOrDefault(check, 0L);
        }
    }

    /** A device that is not ready, with the checks it fails. */
    public record FailingDevice(AuthorityId authority, AssetTag device, String serial, List<ReadinessCheck> failed) {
        public FailingDevice {
            failed = List.copyOf(failed);
        }
    }

    public ReadinessMatrix {
        checks = List.copyOf(checks);
        rows = List.copyOf(rows);
        failing = List.copyOf(failing);
    }

    /** The matrix from per-authority rows; the statewide row is their sum. */
    public static ReadinessMatrix of(List<ReadinessCheck> checks, List<Row> rows, List<FailingDevice> failing) {
        long devices = 0;
        long ready = 0;
        Map<ReadinessCheck, Long> perCheck = new EnumMap<>(ReadinessCheck.class);
        for (Row r : rows) {
            devices += r.devices();
            ready += r.ready();
            r.failingPerCheck().forEach((c, n) -> perCheck.merge(c, n, Long::sum));
        }
        return new ReadinessMatrix(checks, rows, new Row("Statewide", devices, ready, perCheck), failing);
    }

    /** The matrix as CSV lines: one per authority, then the statewide total (header first). */
    public List<List<String>> csvRows() {
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("authority", "devices", "ready"));
        checks.forEach(c -> header.add(c.word()));
        out.add(header);
        for (Row r : rows) {
            out.add(csvRow(r));
        }
        out.add(csvRow(statewide));
        return out;
    }

    private List<String> csvRow(Row r) {
        List<String> cells = new ArrayList<>(List.of(r.name(), Long.toString(r.devices()), Long.toString(r.ready())));
        checks.forEach(c -> cells.add(Long.toString(r.failing(c))));
        return cells;
    }
}
