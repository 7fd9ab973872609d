package org.bulwark.auditing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bulwark.audit.AuditReport;
import org.bulwark.audit.AuditText;
import org.bulwark.audit.BallotManifest;
import org.bulwark.audit.RiskLimitingAudit;
import org.bulwark.audit.Sampler;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.GpUnitId;
import org.bulwark.report.PlainDocument;
import org.bulwark.store.AuditRecords;

/** The audit report from the workspace's records, and its PDF form. */
public final class AuditReports {
    private AuditReports() {}

    public static AuditReport of(WorkspaceAudit audit) {
        AuditRecords records = audit.records();
        AuditReport.Manifest manifest = records.manifest(audit.audit())
                .map(m -> new AuditReport.Manifest(m.sourceName(), m.sha256().hex(), m.ballots()))
                .orElse(new AuditReport.Manifest("(none: Missouri audits count precincts)", "", 0));
        List<List<Sampler.Draw>> rounds = audit.rounds();
        List<AuditRecords.ClosedRound> closed = records.closedRounds(audit.audit());
        List<AuditReport.Round> reportRounds = new ArrayList<>();
        long draws = 0;
        Set<Long> ballots = new HashSet<>();
        for (int r = 0; r < rounds.size(); r++) {
            draws += rounds.get(r).size();
            rounds.get(r).forEach(d -> ballots.add(d.pick()));
            List<RiskLimitingAudit.ContestRisk> risks = r < closed.size() ? AuditText.parseRisks(closed.get(r).risks()) : List.of();
            reportRounds.add(new AuditReport.Round(r + 1, draws, ballots.size(), risks, r < closed.size() ? closed.get(r).outcome() : "open"));
        }
        List<AuditReport.Sample> samples = new ArrayList<>();
        if (audit.missouri()) {
            List<GpUnitId> precincts = audit.precincts();
            rounds.forEach(round -> round.forEach(d -> samples.add(new AuditReport.Sample(1, d.ticket(), d.pick(),
                    "precinct " + precincts.get((int) d.pick() - 1).value()))));
        } else if (!rounds.isEmpty()) {
            BallotManifest.Locator locator = audit.manifest().locator();
            for (int r = 0; r < rounds.size(); r++) {
                for (Sampler.Draw d : rounds.get(r)) {
                    BallotManifest.BallotLocation at = locator.locate(d.pick());
                    samples.add(new AuditReport.Sample(r + 1, d.ticket(), d.pick(), at.batch().describe() + ", position " + at.position()));
                }
            }
        }
        List<AuditReport.Discrepancy> discrepancies = records.discrepancies(audit.audit()).stream()
                .map(d -> new AuditReport.Discrepancy(d.key(), d.description(), d.resolution().orElse("OPEN"))).toList();
        return new AuditReport(audit.audit().name(), audit.missouri() ? "Missouri manual audit (15 CSR 30-10.110)" : "risk-limiting audit",
                audit.audit().authority(), audit.election().title(), ElectionFingerprint.of(audit.election()).sha256(),
                records.seed(audit.audit()).orElse("(not entered)"), manifest, AuditText.parseSettings(audit.audit().settings()),
                reportRounds, samples, discrepancies);
    }

    public static void pdf(AuditReport report, OutputStream out) throws IOException {
        List<PlainDocument.Block> blocks = new ArrayList<>();
        blocks.add(new PlainDocument.Block.Heading("Settings"));
        blocks.add(new PlainDocument.Block.Paragraph(report.kind() + " of " + report.election() + " for " + report.authority()
                + ". Election fingerprint " + report.electionFingerprint().substring(0, 7) + ". Seed " + report.seed() + "."));
        blocks.add(new PlainDocument.Block.Paragraph("Manifest " + report.manifest().source() + ", " + report.manifest().ballots()
                + " ballots, SHA-256 " + report.manifest().sha256()));
        if (!report.contests().isEmpty()) {
            blocks.add(new PlainDocument.Block.Table(List.of("Contest", "Risk limit", "Method"),
                    report.contests().stream().map(c -> List.of(c.contest().value(), Double.toString(c.riskLimit()), c.method().label())).toList(),
                    new float[] {0, 0.5f, 0.7f}));
        }
        blocks.add(new PlainDocument.Block.Heading("Rounds"));
        List<List<String>> rows = new ArrayList<>();
        for (AuditReport.Round r : report.rounds()) {
            for (RiskLimitingAudit.ContestRisk c : r.risks()) {
                rows.add(List.of(Integer.toString(r.round()), Long.toString(r.draws()), c.contest().value(), String.format("%.6g", c.risk()),
                        c.met() ? "met" : "not met", c.discrepancies().o1() + "/" + c.discrepancies().o2() + "/" + c.discrepancies().u1() + "/"
                                + c.discrepancies().u2()));
            }
            rows.add(List.of(Integer.toString(r.round()), Long.toString(r.draws()), "outcome: " + r.outcome(), "", "", ""));
        }
        blocks.add(new PlainDocument.Block.Table(List.of("Round", "Draws", "Contest", "Risk", "Limit", "o1/o2/u1/u2"), rows,
                new float[] {0, 0.1f, 0.22f, 0.55f, 0.7f, 0.82f}));
        blocks.add(new PlainDocument.Block.Paragraph(report.samples().size() + " draws in all; each is listed with its ticket and place in audit-report.csv."));
        blocks.add(new PlainDocument.Block.Heading("Discrepancies"));
        if (report.discrepancies().isEmpty()) {
            blocks.add(new PlainDocument.Block.Paragraph("None found."));
        }
        report.discrepancies().forEach(d -> blocks.add(new PlainDocument.Block.Paragraph(d.description() + " - resolution: " + d.resolution())));
        blocks.add(new PlainDocument.Block.Signatures(List.of("Election authority", "Audit team member", "Audit team member")));
        PlainDocument.write("Audit report: " + report.audit(), blocks, report.election() + " - " + report.authority(), out);
    }
}
