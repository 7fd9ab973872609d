package org.bulwark.auditing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.audit.AuditText;
import org.bulwark.audit.MissouriAudit;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.Incident;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.store.AuditRecords;
import org.bulwark.store.Certifications;
import org.bulwark.store.ElectionRef;
import org.bulwark.store.Workspace;

/**
 * Certifying an authority's results of an election, the one path for {@code bulwark results
 * certify} and the portal's certification page. Three things block it, each listed: open custody
 * incidents and unresolved audit discrepancies (checked again by {@link Certifications#certify} in
 * the transaction that records the certification), and audits of these results that have not
 * reached their end: no round drawn, a round open, an escalation not yet drawn, a Missouri hand count
 * not entered for every drawn precinct and contest. An audit that ended (every contest met its
 * limit, or the audit went to a full hand count) no longer blocks.
 */
public final class ResultsCertification {
    private ResultsCertification() {}

    /** An audit of the results that has not reached its end, and why. */
    public record UnfinishedAudit(String audit, String reason) {}

    /** What stands in the way of certification now (all empty: nothing). */
    public record Blockers(List<Incident> openIncidents, List<AuditRecords.OpenDiscrepancy> openDiscrepancies,
            List<UnfinishedAudit> unfinishedAudits) {
        public Blockers {
            openIncidents = List.copyOf(openIncidents);
            openDiscrepancies = List.copyOf(openDiscrepancies);
            unfinishedAudits = List.copyOf(unfinishedAudits);
        }

        public boolean none() {
            return openIncidents.isEmpty() && openDiscrepancies.isEmpty() && unfinishedAudits.isEmpty();
        }

        public int count() {
            return openIncidents.size() + openDiscrepancies.size() + unfinishedAudits.size();
        }
    }

    /** What a certification request did. */
    public sealed interface Outcome {
        /** Recorded as the store decided: certified, already certified, blocked by incidents or discrepancies, not an authority. */
        record Recorded(Certifications.Outcome outcome) implements Outcome {}

        /** Nothing was recorded: an audit has not reached its end (the other blockers are listed too). */
        record AuditsUnfinished(Blockers blockers) implements Outcome {}
    }

    /** The blockers as they stand, read without writing anything (for a status page). */
    public static Blockers blockers(Workspace workspace, ElectionRef election, GpUnit authority) {
        List<Incident> incidents = new ArrayList<>();
        List<AuditRecords.OpenDiscrepancy> discrepancies = new ArrayList<>();
        for (String name : names(authority)) {
            incidents.addAll(workspace.custody().certificationBlockers(new AuthorityId(name)));
            discrepancies.addAll(workspace.audits().openDiscrepancies(name));
        }
        return new Blockers(incidents, discrepancies, unfinished(workspace, election, authority));
    }

    /** Certifies unless anything blocks it; {@code certifiedBy} is the official, as the log records. */
    public static Outcome certify(Workspace workspace, ElectionRef election, GpUnitId authority, String certifiedBy) {
        Optional<GpUnit> unit = workspace.loadElection(election).gpUnits().stream()
                .filter(GpUnit::authority).filter(u -> u.id().equals(authority)).findFirst();
        if (unit.isPresent()) {
            Blockers now = blockers(workspace, election, unit.get());
            if (!now.unfinishedAudits().isEmpty()) {
                return new Outcome.AuditsUnfinished(now);
            }
        }
        // Not an authority: the store's answer lists the election's authorities.
        return new Outcome.Recorded(workspace.certifications().certify(election, authority, certifiedBy));
    }

    /** The audits of the authority's results of the election that have not reached their end. */
    public static List<UnfinishedAudit> unfinished(Workspace workspace, ElectionRef election, GpUnit authority) {
        List<String> names = names(authority);
        List<UnfinishedAudit> found = new ArrayList<>();
        for (AuditRecords.StoredAudit a : workspace.audits().list()) {
            if (a.election().equals(election) && names.contains(a.authority())) {
                Progress p = progress(WorkspaceAudit.of(workspace, a));
                if (!p.finished()) {
                    found.add(new UnfinishedAudit(a.name(), p.words()));
                }
            }
        }
        return found;
    }

    /** Where an audit stands, in words; {@code finished} once it reached its end. */
    public record Progress(boolean finished, String words) {}

    /** Where the audit stands. */
    public static Progress progress(WorkspaceAudit audit) {
        AuditRecords records = audit.records();
        int drawn = records.rounds(audit.audit()).size();
        if (drawn == 0) {
            return new Progress(false, "no sample drawn yet");
        }
        if (audit.missouri()) {
            MissouriAudit.Selection selection = audit.missouriSelection(audit.seed());
            Map<String, String> counts = records.entries(audit.audit(), "hand-count");
            long wanted = (long) selection.precincts().size() * selection.contests().size();
            long entered = selection.precincts().stream().mapToLong(p -> selection.contests().stream()
                    .filter(c -> counts.containsKey("precinct " + p.value() + ", contest " + c.contest().value())).count()).sum();
            return entered == wanted
                    ? new Progress(true, "every drawn precinct and contest counted by hand (" + wanted + ")")
                    : new Progress(false, entered + " of " + wanted + " hand counts (drawn precinct and contest) entered");
        }
        List<AuditRecords.ClosedRound> closed = records.closedRounds(audit.audit());
        if (closed.size() < drawn) {
            return new Progress(false, "round " + drawn + " is open: enter the drawn ballots, then close the round");
        }
        String outcome = closed.getLast().outcome();
        if (AuditText.escalationTarget(outcome).isPresent()) {
            return new Progress(false, "round " + drawn + " decided to " + outcome + "; the next round is not drawn yet");
        }
        return new Progress(true, "ended after round " + drawn + ": " + outcome);
    }

    /** Custody and audit records name an authority by its GpUnit id or by its name; both count. */
    private static List<String> names(GpUnit authority) {
        return List.copyOf(new LinkedHashSet<>(List.of(authority.id().value(), authority.name())));
    }
}
