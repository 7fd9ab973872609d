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
import org.bulwark.custody.Person;
import org.bulwark.custody.ReadinessCheck;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.store.WorkspaceException.DamagedWorkspace;

/**
 * The custody records as the portal's equipment pages use them ({@link Workspace#equipmentRecords()}):
 * one page of an inventory of tens of thousands of assets at a time, filtered in the database, each
 * with the readiness bits the custody records maintain; the L&A records of an authority; and the
 * certificates devices printed at their L&A tests, attached to those records (table
 * custody_lat_certificate, migration V10) with their observers and warnings. Every other change goes
 * through {@link CustodyRecords}.
 */
public final class EquipmentRecords {
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
     * @param from where the page starts, by tag
     */
    public record DeviceQuery(Set<String> authorities, String text, Optional<AssetKind> kind, Set<ReadinessCheck> failing, From from,
            int limit) {
        public DeviceQuery {
            authorities = Set.copyOf(authorities);
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
            failing = Set.copyOf(failing);
            Objects.requireNonNull(from, "from");
            if (limit < 1 || limit > MAX_PAGE) {
                throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " assets");
            }
        }
    }

    /**
     * Where a page starts: at the first tag, just after a tag (the next page) or just before one (the
     * previous page). Pages are cut by tag, not by an offset, so the thousandth page of a state's
     * inventory costs what the first does.
     */
    public sealed interface From {
        record First() implements From {}

        record After(AssetTag tag) implements From {}

        record Before(AssetTag tag) implements From {}
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

    /** One page of the listing, how many assets match in all, and whether there are pages before and after it. */
    public record DevicePage(List<DeviceRow> rows, long total, boolean earlier, boolean later) {
        public DevicePage {
            rows = List.copyOf(rows);
        }
    }

    /**
     * An L&A record as recorded for a device: its number, the device, when it was recorded, the file's
     * SHA-256, and the newest certificate attached to it.
     */
    public record LatEntry(long id, AssetTag device, AuthorityId authority, Instant recordedAt, LatRecord record, String fileSha256,
            Optional<Certificate> certificate) {
        public LatEntry {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(fileSha256, "fileSha256");
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** What a device's L&A certificate says besides its counts: who observed (with their parties) and what it warned of. */
    public record Certificate(List<Person> observers, List<String> warnings, String pdfSha256, Instant attachedAt, String attachedBy) {
        public Certificate {
            observers = List.copyOf(observers);
            warnings = List.copyOf(warnings);
        }
    }

    /** The largest certificate PDF kept: a device's certificate is a page or two. */
    public static final int MAX_CERTIFICATE = 10 * 1024 * 1024;

    /** What attaching a certificate did. */
    public sealed interface Attachment {
        /** Attached and logged. */
        record Attached(LatEntry entry) implements Attachment {}

        /** Nothing was recorded or logged, for this reason. */
        record Refused(String reason) implements Attachment {}
    }

    private final Workspace workspace;
    private final Connection connection;

    EquipmentRecords(Workspace workspace, Connection connection) {
        this.workspace = workspace;
        this.connection = connection;
    }

    /** One page of the assets the query matches, by tag, and how many match in all. */
    public DevicePage devices(DeviceQuery q) {
        List<Object> countArgs = new ArrayList<>();
        String countWhere = where(q, countArgs, false);
        List<Object> pageArgs = new ArrayList<>();
        List<String> pageTerms = new ArrayList<>();
        String pageWhere = where(q, pageArgs, true);
        boolean backwards = q.from() instanceof From.Before;
        switch (q.from()) {
            case From.First f -> { }
            case From.After a -> {
                pageTerms.add("tag > ?");
                pageArgs.add(a.tag().value());
            }
            case From.Before b -> {
                pageTerms.add("tag < ?");
                pageArgs.add(b.tag().value());
            }
        }
        pageArgs.add(q.limit() + 1); // one more than the page tells whether another page follows
        String cut = pageTerms.isEmpty() ? "" : (pageWhere.isEmpty() ? " WHERE " : " AND ") + String.join(" AND ", pageTerms);
        return read("list the inventory", () -> {
            long total;
            try (PreparedStatement ps = prepared("SELECT COUNT(*) FROM custody_asset_now" + countWhere, countArgs)) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<DeviceRow> rows = new ArrayList<>();
            try (PreparedStatement ps = prepared("""
                    SELECT tag, serial, kind, model, version, authority, location, custodian, status, failed
                    FROM custody_asset_now""" + pageWhere + cut + " ORDER BY tag" + (backwards ? " DESC" : "") + " LIMIT ?", pageArgs)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Asset a = workspace.custody().asset(rs);
                        boolean judged = a.kind() == AssetKind.VOTING_DEVICE && a.status() == AssetStatus.IN_SERVICE;
                        rows.add(new DeviceRow(a, judged ? Optional.of(ReadinessCheck.fromBits(rs.getInt(10))) : Optional.empty()));
                    }
                }
            }
            boolean more = rows.size() > q.limit();
            List<DeviceRow> page = new ArrayList<>(rows.subList(0, Math.min(rows.size(), q.limit())));
            if (backwards) {
                java.util.Collections.reverse(page);
            }
            return switch (q.from()) {
                case From.First f -> new DevicePage(page, total, false, more);
                case From.After a -> new DevicePage(page, total, true, more);
                case From.Before b -> new DevicePage(page, total, more, true);
            };
        });
    }

    /**
     * The query's filters. For the page ({@code walkTags}) the indexed columns are wrapped
     * ({@code kind || ''}) so the database walks the tag index and stops after one page, instead of
     * collecting every match through the readiness index and sorting them (70 ms against 0.1 ms for a
     * page of 18,000 failing devices); the count keeps them, as that index covers it.
     */
    private static String where(DeviceQuery q, List<Object> args, boolean walkTags) {
        java.util.function.UnaryOperator<String> column = c -> walkTags ? "(" + c + " || '')" : c;
        List<String> terms = new ArrayList<>();
        if (!q.authorities().isEmpty()) {
            terms.add(column.apply("authority") + " IN (" + String.join(", ", q.authorities().stream().map(a -> "?").toList()) + ")");
            args.addAll(q.authorities().stream().sorted().toList());
        }
        q.kind().ifPresent(k -> {
            terms.add(column.apply("kind") + " = ?");
            args.add(k.word());
        });
        if (!q.failing().isEmpty()) {
            terms.add(column.apply("kind") + " = 'voting-device' AND " + column.apply("status") + " = 'in-service' AND (failed & ?) <> 0");
            args.add(q.failing().stream().mapToInt(ReadinessCheck::bit).sum());
        }
        String text = q.text().strip().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            // LIKE's own characters are escaped: a tag such as "BC_1" is looked for as written.
            String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<String> any = new ArrayList<>();
            for (String c : List.of("tag", "serial", "model", "location", "custodian")) {
                any.add("LOWER(" + c + ") LIKE ? ESCAPE '\\'");
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
            try (PreparedStatement ps = prepared(LAT + " WHERE a.kind = 'voting-device' AND a.authority IN ("
                    + String.join(", ", authorities.stream().map(x -> "?").toList()) + ") ORDER BY l.lat_date, l.id, c.id", args)) {
                return latEntries(ps);
            }
        });
    }

    /** L&A records with their devices and certificates: one row per attached certificate, the newest last. */
    private static final String LAT = """
            SELECT l.id, a.tag, a.authority, e.at, l.record, l.file_sha256,
                c.observers, c.warnings, c.pdf_sha256, c.attached_at, c.attached_by
            FROM custody_asset_now a
            JOIN custody_event e ON e.tag = a.tag AND e.kind = 'lat'
            JOIN custody_lat l ON l.id = e.lat_id
            LEFT JOIN custody_lat_certificate c ON c.lat_id = l.id""";

    private List<LatEntry> latEntries(PreparedStatement ps) throws SQLException {
        java.util.Map<Long, LatEntry> byId = new java.util.LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                try {
                    Optional<Certificate> certificate = rs.getString(9) == null ? Optional.empty()
                            : Optional.of(new Certificate(observers(rs.getString(7)), lines(rs.getString(8)), rs.getString(9),
                                    Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11)));
                    byId.put(id, new LatEntry(id, new AssetTag(rs.getString(2)), new AuthorityId(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), LatRecord.read(rs.getBytes(5), "the stored L&A record #" + id), rs.getString(6),
                            certificate));
                } catch (RuntimeException e) {
                    throw damaged("L&A record #" + id + " does not read (" + e.getMessage() + ")");
                }
            }
        }
        return List.copyOf(byId.values());
    }

    /**
     * Attaches the certificate a device printed at its L&A test to the record of that test, with the
     * observers and warnings it shows, and logs it under {@code attachedBy}, in one transaction.
     */
    public Attachment attachCertificate(long latId, List<Person> observers, List<String> warnings, byte[] pdf, String attachedBy) {
        Objects.requireNonNull(attachedBy, "attachedBy");
        if (observers.isEmpty()) {
            return new Attachment.Refused("name the observers who attended the test");
        }
        for (String w : warnings) {
            if (w.isBlank() || w.length() > 1_000 || w.chars().anyMatch(Character::isISOControl)) {
                return new Attachment.Refused("a warning must be one line of 1 to 1000 characters");
            }
        }
        if (pdf.length > MAX_CERTIFICATE) {
            return new Attachment.Refused("the certificate is " + pdf.length + " bytes; at most " + MAX_CERTIFICATE + " are kept");
        }
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return new Attachment.Refused("the certificate is not a PDF file (it does not begin with %PDF-)");
        }
        Sha256 sha256 = Workspace.sha256(pdf);
        return workspace.inTransaction(true, "attach the certificate of L&A record #" + latId, (c, w) -> {
            Optional<LatEntry> entry = latEntry(c, latId);
            if (entry.isEmpty()) {
                return new Attachment.Refused("there is no L&A record #" + latId + " of a voting device in the inventory");
            }
            String listed = String.join("; ", observers.stream().map(Person::toString).toList());
            EventHeader header = new EventHeader(Instant.ofEpochMilli(w.now()), new Actor(attachedBy), Optional.empty(),
                    new Jurisdiction.Named(entry.get().authority().value()), Disposition.SUCCESS);
            long index = w.log(new LogEvent.LatCertificateAttached(header, latId, entry.get().record().deviceSerial(),
                    listed.length() <= 1_000 ? listed : listed.substring(0, 997) + "...", warnings.size(), sha256));
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO custody_lat_certificate (lat_id, observers, warnings, pdf, pdf_sha256, attached_at, attached_by, log_index)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, latId);
                ps.setString(2, String.join("\n", observers.stream().map(o -> o.name() + "\t" + o.party()).toList()));
                ps.setString(3, String.join("\n", warnings));
                ps.setBytes(4, pdf);
                ps.setString(5, sha256.hex());
                ps.setLong(6, w.now());
                ps.setString(7, attachedBy);
                ps.setLong(8, index);
                ps.executeUpdate();
            }
            return new Attachment.Attached(latEntry(c, latId).orElseThrow());
        });
    }

    /** The newest certificate PDF attached to an L&A record. */
    public Optional<byte[]> certificatePdf(long latId) {
        return read("read the certificate of L&A record #" + latId, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT pdf FROM custody_lat_certificate WHERE lat_id = ? ORDER BY id DESC LIMIT 1")) {
                ps.setLong(1, latId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** One L&A record, found through its device (by serial, indexed) rather than a scan of every custody event. */
    private Optional<LatEntry> latEntry(java.sql.Connection c, long latId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LAT.replace("FROM custody_asset_now a", "FROM custody_lat k JOIN custody_asset_now a"
                + " ON a.serial = k.serial AND a.kind = 'voting-device'") + " WHERE k.id = ? AND l.id = k.id ORDER BY c.id")) {
            ps.setLong(1, latId);
            return latEntries(ps).stream().findFirst();
        }
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static List<Person> observers(String text) {
        return lines(text).stream().map(line -> {
            String[] f = line.split("\t", 2);
            return new Person(f[0], f[1]);
        }).toList();
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
