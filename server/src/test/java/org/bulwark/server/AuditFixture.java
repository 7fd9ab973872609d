package org.bulwark.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bulwark.audit.AuditText;
import org.bulwark.audit.BallotManifest;
import org.bulwark.audit.ManifestReader;
import org.bulwark.audit.BoardEntry;
import org.bulwark.audit.PaperReading;
import org.bulwark.auditing.BallotEntries;
import org.bulwark.auditing.WorkspaceAudit;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.bulwark.store.AuditRecords;
import org.bulwark.store.PackageImports;
import org.bulwark.store.Workspace;

/**
 * An audit under way in a portal fixture's workspace, set up through the same code the command line
 * uses: authority A's results package imported, a comparison RLA of one contest with its manifest
 * (made from the tabulated batches) and seed, and round 1 drawn.
 */
final class AuditFixture {
    static final String AUDIT = "rla-a";
    static final String SEED = "31415926535897932384";
    static final long DRAWS = 6;

    final ContestId contest;

    private AuditFixture(ContestId contest) {
        this.contest = contest;
    }

    static AuditFixture addTo(PortalFixture f) throws IOException {
        return addTo(f, false);
    }

    /**
     * @param secondRound round 1 entered as the CVRs show, closed (its risk measured) and the
     *     escalation drawn as round 2, so the audit page has a risk plot
     */
    static AuditFixture addTo(PortalFixture f, boolean secondRound) throws IOException {
        try (Workspace ws = Workspace.open(f.location, f.clock, "fixture")) {
            PackageImports.Outcome imported = ws.packageImports().importPackage(new PackageImports.Request(f.goodPackage("audit-results"),
                    Optional.of(f.stored.ref()), Mode.OFFICIAL, CountingGroup.ELECTION_DAY, Optional.of(f.authorityA)));
            if (!(imported instanceof PackageImports.Outcome.Imported)) {
                throw new IllegalStateException("the fixture's package was not imported: " + imported);
            }
            ContestId contest = f.ballotsOf(f.authorityA).getFirst().contests().getFirst().contest();
            AuditRecords records = ws.audits();
            AuditRecords.StoredAudit audit = done(records.create(f.stored.ref(), AUDIT, "rla", f.authorityA.value(),
                    AuditText.settings(List.of(AuditText.parseSetting(contest.value() + ":0.1:kaplan-markov")))));
            StringBuilder csv = new StringBuilder("Container,Tabulator,Batch,Ballots\n");
            Map<String, Long> batches = new TreeMap<>();
            WorkspaceAudit.tally(ws, f.stored.ref(), f.index).ballots().byBatch()
                    .forEach((k, v) -> batches.put(k.device().orElseThrow() + "," + k.batch().orElseThrow(), v.counted()));
            batches.forEach((k, v) -> csv.append("Box 1,").append(k).append(',').append(v).append('\n'));
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            BallotManifest manifest = ManifestReader.read("manifest-a.csv", bytes);
            done(records.importManifest(audit, "manifest-a.csv", bytes, manifest.fingerprint(), manifest.totalBallots()));
            done(records.enterSeed(audit, SEED));
            if (!(WorkspaceAudit.open(ws, AUDIT).draw(Optional.of(DRAWS)) instanceof WorkspaceAudit.Drawing.Drawn)) {
                throw new IllegalStateException("round 1 was not drawn");
            }
            AuditFixture fixture = new AuditFixture(contest);
            if (secondRound) {
                WorkspaceAudit rla = WorkspaceAudit.open(ws, AUDIT);
                fixture.votes(rla).forEach((ballot, votes) -> BallotEntries.enter(rla, new BoardEntry(ballot, "Board 0", "Cy Poe", "Di Fox",
                        new PaperReading.Marks(votes.isEmpty() ? Map.of() : Map.of(contest, votes)))));
                if (!(rla.closeRound(5) instanceof WorkspaceAudit.Closing.Closed)
                        || !(WorkspaceAudit.open(ws, AUDIT).draw(Optional.empty()) instanceof WorkspaceAudit.Drawing.Drawn)) {
                    throw new IllegalStateException("round 2 was not drawn");
                }
            }
            return fixture;
        }
    }

    /** The drawn ballots in order of first draw, and the selections their CVRs count in the audited contest. */
    Map<Long, Set<SelectionId>> drawnWithVotes(PortalFixture f) {
        try (Workspace ws = Workspace.open(f.location, f.clock, "test")) {
            return votes(WorkspaceAudit.open(ws, AUDIT));
        }
    }

    private Map<Long, Set<SelectionId>> votes(WorkspaceAudit audit) {
        Map<Long, Set<SelectionId>> out = new LinkedHashMap<>();
        cvrs(audit).forEach((b, cvr) -> out.put(b, cvr.contests().stream().filter(c -> c.contest().equals(contest))
                .flatMap(c -> c.marks().stream().filter(Mark::countsAsVote).map(Mark::selection))
                .collect(Collectors.toSet())));
        return out;
    }

    /** The drawn ballots in order of first draw, each with its CVR by the manifest mapping rule. */
    Map<Long, CastVoteRecord> drawnCvrs(PortalFixture f) {
        try (Workspace ws = Workspace.open(f.location, f.clock, "test")) {
            return cvrs(WorkspaceAudit.open(ws, AUDIT));
        }
    }

    private static Map<Long, CastVoteRecord> cvrs(WorkspaceAudit audit) {
        List<Long> drawn = new ArrayList<>();
        audit.allDraws().forEach(d -> {
            if (!drawn.contains(d.pick())) {
                drawn.add(d.pick());
            }
        });
        Map<Long, CastVoteRecord> cvrs = audit.cvrsOf(audit.manifest(), Set.copyOf(drawn));
        Map<Long, CastVoteRecord> out = new LinkedHashMap<>();
        drawn.forEach(b -> out.put(b, cvrs.get(b)));
        return out;
    }

    private static <T> T done(AuditRecords.Recorded<T> r) {
        return switch (r) {
            case AuditRecords.Recorded.Done<T> d -> d.value();
            case AuditRecords.Recorded.Refused<T> no -> throw new IllegalStateException(no.reason());
        };
    }
}
