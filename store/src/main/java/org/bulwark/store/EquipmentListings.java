package org.bulwark.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bulwark.custody.Asset;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.AssetStatus;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.LatRecord;
import org.bulwark.custody.ReadinessCheck;
import org.bulwark.store.WorkspaceException.DamagedWorkspace;

/**
 * The custody records as the portal's equipment pages list them ({@link Workspace#equipmentListings()}):
 * one page of an inventory of tens of thousands of assets at a time, filtered in the database, each
 * with the readiness bits the custody records maintain; and the L&A records of an authority. Reads
 * only: every change goes through {@link CustodyRecords}.
 */
public final class EquipmentListings {
    /** At most this many assets on one page. */
    public static final int MAX_PAGE = 500;

    /**
     * Which assets, and which page of them.
     *
     * @param authorities the custody names of the authorities to list (an authority is named by its
     *     GpUnit id or its name); empty lists every authority
     * @param text a part of the tag, serial, model, location or custodian (any case); empty matches all
     * @param kind only assets of this kind
     * @param failing only voting devices in service that fail at least one of these checks; empty does not filter
     */
    public record DeviceQuery(Set<String> authorities, String text, Optional<AssetKind> kind, Set<ReadinessCheck> failing,
            int offset, int limit) {
        public DeviceQuery {
            authorities = Set.copyOf(authorities);
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
            failing = Set.copyOf(failing);
            if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
                throw new IllegalArgumentException("a page starts at 0 or later and holds 1 to " + MAX_PAGE + " assets");
            }
        }
    }

    /**
     * An asset and, for a voting device in service, the readiness checks it fails (the same bits the
     * readiness matrix counts); other assets are not judged ready or not.
     */
    public record DeviceRow(Asset asset, Optional<List<ReadinessCheck>> failed) {
        public DeviceRow {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(failed, "failed");
        }
    }

    /** One page of the listing and how many assets match in all. */
    public record DevicePage(List<DeviceRow> rows, long total) {
        public DevicePage {
            rows = List.copyOf(rows);
        }
    }

    /** An L&A record as recorded for a device: its number, the device, when it was recorded and the file's SHA-256. */
    public record LatEntry(long id, AssetTag device, AuthorityId authority, Instant recordedAt, LatRecord record, String fileSha256) {
        public LatEntry {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(fileSha256, "fileSha256");
        }
    }

    private final Workspace workspace;
    private final Connection connection;

    EquipmentListings(Workspace workspace, Connection connection) {
        this.workspace = workspace;
        this.connection = connection;
    }

    /** One page of the assets the query matches, by tag, and how many match in all. */
    public DevicePage devices(DeviceQuery q) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        return read("list the inventory", () -> {
            long total;
            try (PreparedStatement ps = prepared("SELECT COUNT(*) FROM custody_asset_now" + where, args)) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<DeviceRow> rows = new ArrayList<>();
            List<Object> paged = new ArrayList<>(args);
            paged.add(q.limit());
            paged.add(q.offset());
            try (PreparedStatement ps = prepared("""
                    SELECT tag, serial, kind, model, version, authority, location, custodian, status, failed
                    FROM custody_asset_now""" + where + " ORDER BY tag LIMIT ? OFFSET ?", paged)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Asset a = workspace.custody().asset(rs);
                        boolean judged = a.kind() == AssetKind.VOTING_DEVICE && a.status() == AssetStatus.IN_SERVICE;
                        rows.add(new DeviceRow(a, judged ? Optional.of(ReadinessCheck.fromBits(rs.getInt(10))) : Optional.empty()));
                    }
                }
            }
            return new DevicePage(rows, total);
        });
    }

    private static String where(DeviceQuery q, List<Object> args) {
        List<String> terms = new ArrayList<>();
        if (!q.authorities().isEmpty()) {
            terms.add("authority IN (" + String.join(", ", q.authorities().stream().map(a -> "?").toList()) + ")");
            args.addAll(q.authorities().stream().sorted().toList());
        }
        q.kind().ifPresent(k -> {
            terms.add("kind = ?");
            args.add(k.word());
        });
        if (!q.failing().isEmpty()) {
            terms.add("kind = 'voting-device' AND status = 'in-service' AND (failed & ?) <> 0");
            args.add(q.failing().stream().mapToInt(ReadinessCheck::bit).sum());
        }
        String text = q.text().strip().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            // LIKE's own characters are escaped: a tag such as "BC_1" is looked for as written.
            String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<String> any = new ArrayList<>();
            for (String column : List.of("tag", "serial", "model", "location", "custodian")) {
                any.add("LOWER(" + column + ") LIKE ? ESCAPE '\\'");
                args.add(like);
            }
            terms.add("(" + String.join(" OR ", any) + ")");
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    /**
     * The L&A records of the voting devices of these authorities (custody names), by test date.
     * Read through each device's timeline (indexed by tag), not by a scan of every custody event.
     */
    public List<LatEntry> latRecords(Set<String> authorities) {
        if (authorities.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(authorities.stream().sorted().toList());
        return read("list the L&A records", () -> {
            List<LatEntry> out = new ArrayList<>();
            try (PreparedStatement ps = prepared("""
                    SELECT l.id, a.tag, a.authority, e.at, l.record, l.file_sha256
                    FROM custody_asset_now a
                    JOIN custody_event e ON e.tag = a.tag AND e.kind = 'lat'
                    JOIN custody_lat l ON l.id = e.lat_id
                    WHERE a.kind = 'voting-device' AND a.authority IN (""" + String.join(", ", authorities.stream().map(x -> "?").toList())
                    + ") ORDER BY l.lat_date, l.id", args)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        try {
                            out.add(new LatEntry(id, new AssetTag(rs.getString(2)), new AuthorityId(rs.getString(3)),
                                    Instant.ofEpochMilli(rs.getLong(4)), LatRecord.read(rs.getBytes(5), "the stored L&A record #" + id),
                                    rs.getString(6)));
                        } catch (RuntimeException e) {
                            throw damaged("L&A record #" + id + " does not read (" + e.getMessage() + ")");
                        }
                    }
                }
            }
            return out;
        });
    }

    private PreparedStatement prepared(String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private <T> T read(String doing, Workspace.Work<T, RuntimeException> work) {
        synchronized (workspace) {
            return workspace.transaction(false, doing, work);
        }
    }

    private DamagedWorkspace damaged(String problem) {
        return new DamagedWorkspace(workspace.location().describe(), problem + "; was the workspace altered by hand?", null);
    }
}
