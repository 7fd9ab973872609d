package org.bulwark.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.audit.AuditEvidence;
import org.bulwark.audit.AuditText;
import org.bulwark.audit.AuditedContest;
import org.bulwark.audit.BallotManifest;
import org.bulwark.audit.ManifestBatch;
import org.bulwark.audit.ManifestReader;
import org.bulwark.audit.RlaMethod;
import org.bulwark.audit.Sampler;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.bulwark.model.events.Sha256;
import org.bulwark.model.results.BatchKey;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.store.AuditRecords;
import org.bulwark.store.ElectionRef;
import org.bulwark.store.Workspace;
import org.bulwark.tally.PartialTally;
import org.bulwark.tally.Tabulator;

/** One audit in a workspace as the audit commands use it: its records, election, machine count and manifest. */
final class AuditContext {
    final Workspace workspace;
    final AuditRecords records;
    final AuditRecords.StoredAudit audit;
    final Election election;
    final ElectionIndex index;
    private ElectionResults results;

    private AuditContext(Workspace workspace, AuditRecords.StoredAudit audit) {
        this.workspace = workspace;
        this.records = workspace.audits();
        this.audit = audit;
        this.election = workspace.loadElection(audit.election());
        this.index = ElectionIndex.of(election);
    }

    static AuditContext open(Workspace workspace, String name) {
        AuditRecords.StoredAudit audit = workspace.audits().find(name).orElseThrow(() -> new BadInputException(
                workspace.location().describe(), "audit " + name, "there is no such audit; set one up with: bulwark audit create " + name + " ..."));
        return new AuditContext(workspace, audit);
    }

    boolean missouri() {
        return audit.kind().equals("missouri");
    }

    /** The machine count: the workspace's CVRs tabulated now, so that it is the count the CVRs give. */
    ElectionResults results() {
        if (results == null) {
            results = tally(workspace, audit.election(), index);
        }
        return results;
    }

    static ElectionResults tally(Workspace workspace, ElectionRef election, ElectionIndex index) {
        PartialTally tally = Tabulator.of(index).newPartial();
        workspace.forEachCvr(election, tally::add);
        return tally.results();
    }

    /** Ballots tabulated per batch, to check a manifest against. */
    static Map<BatchKey, Long> batchCounts(ElectionResults results) {
        Map<BatchKey, Long> counts = new HashMap<>();
        results.ballots().byBatch().forEach((k, v) -> counts.put(k, v.counted()));
        return counts;
    }

    BallotManifest manifest() {
        AuditRecords.StoredManifest stored = records.manifest(audit).orElseThrow(() -> new BadInputException(
                workspace.location().describe(), "audit " + audit.name(), "has no ballot manifest yet; import one with: bulwark audit manifest "
                        + audit.name() + " FILE"));
        return ManifestReader.read(stored.sourceName(), stored.content());
    }

    String seed() {
        return records.seed(audit).orElseThrow(() -> new BadInputException(workspace.location().describe(), "audit " + audit.name(),
                "has no seed yet; enter the one rolled at the public ceremony with: bulwark audit seed " + audit.name() + " DIGITS"));
    }

    List<List<Sampler.Draw>> rounds() {
        return records.rounds(audit).stream().map(r -> r.stream().map(AuditText::parseDraw).toList()).toList();
    }

    List<Sampler.Draw> allDraws() {
        return rounds().stream().flatMap(List::stream).toList();
    }

    /** The contests under audit with their reported votes (the machine count) and settings. */
    List<AuditedContest> contests() {
        List<AuditedContest> contests = new ArrayList<>();
        for (AuditText.ContestSetting s : AuditText.parseSettings(audit.settings())) {
            Contest contest = index.contest(s.contest()).orElseThrow();
            ContestResult result = results().contest(s.contest()).orElseThrow(() -> new BadInputException(workspace.location().describe(),
                    "contest " + s.contest().value(), "was not tabulated, so it cannot be audited"));
            int winners = contest instanceof Contest.CandidateContest c ? c.votesAllowed() : 1;
            contests.add(new AuditedContest(s.contest(), contest.votesAllowed(), winners, result.counts().total().votes(), s.riskLimit(), s.method()));
        }
        return contests;
    }

    /** Whether every contest is audited by batch comparison (an audit is all batch comparison or none). */
    boolean batchAudit() {
        List<AuditText.ContestSetting> settings = AuditText.parseSettings(audit.settings());
        return !settings.isEmpty() && settings.stream().allMatch(s -> s.method() instanceof RlaMethod.BatchComparison);
    }

    /** The manifest batch named "TABULATOR/BATCH" (or "BATCH" when the manifest names no tabulator). */
    static Optional<Integer> batchIndex(BallotManifest manifest, String name) {
        for (int i = 0; i < manifest.batches().size(); i++) {
            var b = manifest.batches().get(i);
            if ((b.tabulator().map(t -> t + "/").orElse("") + b.batch()).equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    static String batchName(ManifestBatch b) {
        return b.tabulator().map(t -> t + "/").orElse("") + b.batch();
    }

    /** Every manifest batch's reported votes in the audited contests, counted from its CVRs (an overvoted contest counts no vote). */
    List<AuditEvidence.BatchTotals> batchTotals(BallotManifest manifest, List<AuditedContest> contests) {
        Map<BatchKey, Map<ContestId, Map<SelectionId, Long>>> byBatch = new HashMap<>();
        Map<ContestId, Integer> allowed = new HashMap<>();
        contests.forEach(c -> allowed.put(c.contest(), c.votesAllowed()));
        workspace.forEachCvr(audit.election(), cvr -> {
            var reported = byBatch.computeIfAbsent(new BatchKey(cvr.creatingDevice(), cvr.batch()), k -> new HashMap<>());
            for (var c : cvr.contests()) {
                Integer limit = allowed.get(c.contest());
                if (limit == null) {
                    continue;
                }
                List<SelectionId> votes = c.marks().stream().filter(Mark::countsAsVote)
                        .map(Mark::selection).distinct().toList();
                if (votes.size() <= limit) {
                    votes.forEach(s -> reported.computeIfAbsent(c.contest(), k -> new HashMap<>()).merge(s, 1L, Long::sum));
                }
            }
        });
        return manifest.batches().stream().map(b -> new AuditEvidence.BatchTotals(b.ballots(),
                byBatch.getOrDefault(new BatchKey(b.tabulator(), Optional.of(b.batch())), Map.of()))).toList();
    }

    /**
     * The CVRs of the given manifest ballots. The rule: a manifest batch is the CVRs whose
     * CreatingDeviceId is the batch's tabulator and whose BatchId is its name; within a batch the
     * CVRs are in order of their ballot ids (numbers by value, then text), the order scanners
     * imprint them in; position p of the batch is the p-th of them. Ballots no CVR maps to are absent.
     */
    Map<Long, CastVoteRecord> cvrsOf(BallotManifest manifest, Set<Long> ballots) {
        BallotManifest.Locator locator = manifest.locator();
        Map<BatchKey, Map<Long, Long>> wanted = new HashMap<>();
        for (long b : ballots) {
            BallotManifest.BallotLocation at = locator.locate(b);
            wanted.computeIfAbsent(new BatchKey(at.batch().tabulator(), Optional.of(at.batch().batch())), k -> new HashMap<>())
                    .put(at.position(), b);
        }
        Map<BatchKey, List<CastVoteRecord>> batches = new HashMap<>();
        workspace.forEachCvr(audit.election(), cvr -> {
            BatchKey key = new BatchKey(cvr.creatingDevice(), cvr.batch());
            if (wanted.containsKey(key)) {
                batches.computeIfAbsent(key, k -> new ArrayList<>()).add(cvr);
            }
        });
        Map<Long, CastVoteRecord> found = new HashMap<>();
        wanted.forEach((key, positions) -> {
            List<CastVoteRecord> batch = batches.getOrDefault(key, List.of()).stream().sorted(BALLOT_ID_ORDER).toList();
            positions.forEach((position, ballot) -> {
                if (position <= batch.size()) {
                    found.put(ballot, batch.get((int) (position - 1)));
                }
            });
        });
        return found;
    }

    static final Comparator<CastVoteRecord> BALLOT_ID_ORDER = Comparator.comparing(CastVoteRecord::ballotId, (a, b) -> {
        boolean an = a.matches("\\d{1,18}");
        boolean bn = b.matches("\\d{1,18}");
        if (an && bn) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return an != bn ? (an ? -1 : 1) : a.compareTo(b);
    });

    static Sha256 sha256(String text) {
        try {
            return Sha256.of(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The value of a recorded step, or a bad-input error with the refusal's reason. */
    <T> T done(AuditRecords.Recorded<T> recorded) {
        return switch (recorded) {
            case AuditRecords.Recorded.Done<T> d -> d.value();
            case AuditRecords.Recorded.Refused<T> r -> throw new BadInputException(workspace.location().describe(), "audit " + audit.name(), r.reason());
        };
    }
}
