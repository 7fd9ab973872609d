package org.bulwark.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.auditing.ResultsCertification;
import org.bulwark.custody.Incident;
import org.bulwark.model.GpUnitId;
import org.bulwark.store.AuditRecords;
import org.bulwark.store.Certifications;
import org.bulwark.store.Certifications.Outcome;
import org.bulwark.store.StoredElection;
import org.bulwark.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark results certify}: records that an authority's results are certified, unless something blocks it. */
@Command(
        name = "certify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Certify an authority's results of an election and log it (BW-RESULTS-CERTIFIED).",
            "Refused (exit 2, every blocker listed) while any custody incident of the authority is open, any discrepancy"
                    + " of its audits is unresolved or any audit of these results has not reached its end; refused as well when"
                    + " these results were certified before."})
final class ResultsCertifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--election", paramLabel = "ID", description = "The election's number in the workspace; may be left out when it holds only one.")
    Optional<Long> election;

    @Option(names = "--authority", required = true, paramLabel = "GPUNIT",
            description = "The election authority: the id of its GpUnit in the election definition. Its custody and audit records"
                    + " count whether they name it by that id or by its name.")
    String authority;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "The official who certifies, as recorded in the log.")
    String by;

    @Override
    public Integer call() {
        Io io = Bulwark.of(spec).io();
        GpUnitId a = CustodyCli.arguments(spec, () -> new GpUnitId(authority));
        String official = CustodyCli.arguments(spec, () -> nonBlank(by));
        try (Workspace w = CustodyCli.open(workspace, io)) {
            StoredElection stored = StoredElections.pick(w, election);
            Outcome recorded;
            switch (ResultsCertification.certify(w, stored.ref(), a, official)) {
                case ResultsCertification.Outcome.Recorded r -> recorded = r.outcome();
                case ResultsCertification.Outcome.AuditsUnfinished u -> {
                    printBlockers(io.err(), a, u.blockers());
                    return Bulwark.BAD_INPUT;
                }
            }
            return switch (recorded) {
                case Outcome.Certified c -> {
                    Certifications.Certification done = c.certification();
                    io.out().println("Certified " + a.value() + "'s results of " + stored.ref() + " by " + done.certifiedBy() + " at "
                            + done.certifiedAt() + " (log entry #" + done.logIndex() + ").");
                    yield Bulwark.OK;
                }
                case Outcome.AlreadyCertified again -> {
                    Certifications.Certification earlier = again.earlier();
                    io.err().println("bulwark: refused: " + a.value() + "'s results of " + stored.ref() + " were certified already, by "
                            + earlier.certifiedBy() + " at " + earlier.certifiedAt() + " (log entry #" + earlier.logIndex()
                            + "). Nothing was recorded.");
                    yield Bulwark.BAD_INPUT;
                }
                case Outcome.Blocked blocked -> {
                    printBlockers(io.err(), a, new ResultsCertification.Blockers(blocked.openIncidents(), blocked.openDiscrepancies(), List.of()));
                    yield Bulwark.BAD_INPUT;
                }
                case Outcome.NotAnAuthority none -> {
                    io.err().println("bulwark: --authority: " + stored.ref() + " has no election authority '" + a.value() + "'; its authorities: "
                            + String.join(", ", none.authorities().stream().map(u -> u.id().value() + " (" + u.name() + ")").toList())
                            + ". Nothing was recorded.");
                    yield Bulwark.BAD_INPUT;
                }
            };
        }
    }

    private static String nonBlank(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("--by must name the official who certifies");
        }
        return name.strip();
    }

    private static void printBlockers(PrintWriter err, GpUnitId a, ResultsCertification.Blockers blocked) {
        int count = blocked.count();
        err.println("bulwark: refused: certification of " + a.value() + "'s results is blocked by " + count
                + (count == 1 ? " open item" : " open items") + ". Nothing was recorded.");
        for (Incident i : blocked.openIncidents()) {
            err.println("  custody incident #" + i.id() + " (" + i.kind().word() + "): " + i.description()
                    + " - resolve it with: bulwark incident resolve --id " + i.id() + " --by NAME --note TEXT");
        }
        for (AuditRecords.OpenDiscrepancy d : blocked.openDiscrepancies()) {
            err.println("  audit " + d.audit() + " discrepancy " + d.key() + ": " + d.description()
                    + " - resolve it with: bulwark audit resolve " + d.audit() + " " + d.key() + " --explanation TEXT --by NAME");
        }
        for (ResultsCertification.UnfinishedAudit u : blocked.unfinishedAudits()) {
            err.println("  audit " + u.audit() + " is not finished: " + u.reason() + " - see: bulwark audit status");
        }
    }
}
