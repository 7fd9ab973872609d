package org.bulwark.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.Incident;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.events.LogEvent;

/**
 * Certification of an authority's results of an election (table results_certification, migration
 * V7). The blockers are read and the certification written in ONE write transaction, so an incident
 * opened or a discrepancy found by someone else cannot slip in between the check and the record:
 *
 * <ul>
 *   <li>every open custody incident of the authority ({@link CustodyRecords#certificationBlockers});
 *   <li>every audit discrepancy of the authority that no resolution covers
 *       ({@link AuditRecords#openDiscrepancies}).
 * </ul>
 *
 * The authority is one of the election's GpUnits marked as an election authority, given by its id;
 * custody and audit records name an authority by that id or by the GpUnit's name, and both count.
 * Anything else is refused: a mistyped authority must not be "certified" for want of blockers.
 * An authority's results of an election are certified once; a second certification is refused and
 * names the first (an amended certification is a later decision, not a silent second row).
 */
public final class Certifications {
    private final Workspace workspace;
    private final CustodyRecords custody;

    Certifications(Workspace workspace, CustodyRecords custody) {
        this.workspace = workspace;
        this.custody = custody;
    }

    /** A certification as kept; {@code logIndex} is its RESULTS_CERTIFIED entry. */
    public record Certification(long id, ElectionRef election, GpUnitId authority, String certifiedBy, Instant certifiedAt,
            long logIndex) {}

    /** What a certification request did. */
    public sealed interface Outcome {
        /** Certified and logged. */
        record Certified(Certification certification) implements Outcome {}

        /** Nothing was recorded or logged: these block it (at least one list is not empty). */
        record Blocked(List<Incident> openIncidents, List<AuditRecords.OpenDiscrepancy> openDiscrepancies) implements Outcome {
            public Blocked {
                openIncidents = List.copyOf(openIncidents);
                openDiscrepancies = List.copyOf(openDiscrepancies);
            }
        }

        /** Nothing was recorded or logged: these results were certified before. */
        record AlreadyCertified(Certification earlier) implements Outcome {}

        /** Nothing was recorded or logged: the election has no election authority with that id. */
        record NotAnAuthority(GpUnitId given, List<GpUnit> authorities) implements Outcome {
            public NotAnAuthority {
                authorities = List.copyOf(authorities);
            }
        }
    }

    /**
     * Certifies the authority's results of the election unless something blocks it.
     *
     * @throws WorkspaceException.UnknownElection when the election is not in the workspace
     */
    public Outcome certify(ElectionRef election, GpUnitId authority, String certifiedBy) {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(certifiedBy, "certifiedBy");
        return workspace.inTransaction(true, "certify the results of " + authority.value(), (c, w) -> {
            Workspace.ElectionFacts facts = workspace.electionFacts(election);
            StoredElection stored = workspace.findElection("id = ?", election.id()).orElseThrow();
            List<GpUnit> authorities = workspace.readElection(stored).gpUnits().stream().filter(GpUnit::authority).toList();
            Optional<GpUnit> unit = authorities.stream().filter(u -> u.id().equals(authority)).findFirst();
            if (unit.isEmpty()) {
                return new Outcome.NotAnAuthority(authority, authorities);
            }
            Optional<Certification> earlier = select(c, election, Optional.of(authority)).stream().findFirst();
            if (earlier.isPresent()) {
                return new Outcome.AlreadyCertified(earlier.get());
            }
            List<Incident> incidents = new ArrayList<>();
            List<AuditRecords.OpenDiscrepancy> discrepancies = new ArrayList<>();
            for (String name : new LinkedHashSet<>(List.of(authority.value(), unit.get().name()))) {
                incidents.addAll(custody.certificationBlockersIn(new AuthorityId(name)));
                discrepancies.addAll(AuditRecords.openDiscrepanciesIn(c, name));
            }
            if (!incidents.isEmpty() || !discrepancies.isEmpty()) {
                return new Outcome.Blocked(incidents, discrepancies);
            }
            long at = w.now();
            long index = w.log(new LogEvent.ResultsCertified(w.header(authority.value()), facts.fingerprint(), authority.value(),
                    certifiedBy));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO results_certification"
                    + " (election_id, authority, certified_by, certified_at, log_index) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, election.id());
                ps.setString(2, authority.value());
                ps.setString(3, certifiedBy);
                ps.setLong(4, at);
                ps.setLong(5, index);
                ps.executeUpdate();
            }
            return new Outcome.Certified(select(c, election, Optional.of(authority)).getFirst());
        });
    }

    /** The certifications of an election, oldest first. */
    public List<Certification> list(ElectionRef election) {
        return workspace.inTransaction(false, "read the certifications of " + election, (c, w) -> select(c, election, Optional.empty()));
    }

    private static List<Certification> select(Connection c, ElectionRef election, Optional<GpUnitId> authority) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, authority, certified_by, certified_at, log_index"
                + " FROM results_certification WHERE election_id = ?" + (authority.isPresent() ? " AND authority = ?" : "") + " ORDER BY id")) {
            ps.setLong(1, election.id());
            if (authority.isPresent()) {
                ps.setString(2, authority.get().value());
            }
            List<Certification> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Certification(rs.getLong(1), election, new GpUnitId(rs.getString(2)), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5)));
                }
            }
            return found;
        }
    }
}
