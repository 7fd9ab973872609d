package org.bulwark.auditing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.bulwark.audit.AuditEvidence;
import org.bulwark.audit.AuditText;
import org.bulwark.audit.AuditedContest;
import org.bulwark.audit.BallotManifest;
import org.bulwark.audit.ManifestBatch;
import org.bulwark.audit.ManifestReader;
import org.bulwark.audit.MissouriAudit;
import org.bulwark.audit.MissouriCategory;
import org.bulwark.audit.PaperReading;
import org.bulwark.audit.RetrievalList;
import org.bulwark.audit.RiskLimitingAudit;
import org.bulwark.audit.RlaMethod;
import org.bulwark.audit.Sampler;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.bulwark.model.events.Sha256;
import org.bulwark.model.results.BatchKey;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.report.PlainDocument;
import org.bulwark.store.AuditRecords;
import org.bulwark.store.ElectionRef;
import org.bulwark.store.Workspace;
import org.bulwark.tally.PartialTally;
import org.bulwark.tally.Tabulator;

/**
 * One audit in a workspace as the command line and the portal both work with it: its records,
 * election, machine count and manifest. Each request opens its own (the machine count is computed
 * once per instance).
 */
public final class WorkspaceAudit {
    private final Workspace workspace;
    private final AuditRecords records;
    private final AuditRecords.StoredAudit audit;
    private final Election election;
    private final ElectionIndex index;
    private ElectionResults results;

    private WorkspaceAudit(Workspace workspace, AuditRecords.StoredAudit audit) {
        this.workspace = workspace;
        this.records = workspace.audits();
        this.audit = audit;
        this.election = workspace.loadElection(audit.election());
        this.index = ElectionIndex.of(election);
    }

    /**
     * The audit of that name.
     *
     * @throws BadInputException when the workspace has no such audit
     */
    public static WorkspaceAudit open(Workspace workspace, String name) {
        AuditRecords.StoredAudit audit = workspace.audits().find(name).orElseThrow(() -> new BadInputException(
                workspace.location().describe(), "audit " + name, "there is no such audit; set one up with: bulwark audit create " + name + " ..."));
        return new WorkspaceAudit(workspace, audit);
    }

    /** The audit of these stored records (one the caller has just listed). */
    public static WorkspaceAudit of(Workspace workspace, AuditRecords.StoredAudit audit) {
        return new WorkspaceAudit(workspace, audit);
    }

    public Workspace workspace() {
        return workspace;
    }

    public AuditRecords records() {
        return records;
    }

    public AuditRecords.StoredAudit audit() {
        return audit;
    }

    public Election election() {
        return election;
    }

    public ElectionIndex index() {
        return index;
    }

    public boolean missouri() {
        return audit.kind().equals("missouri");
    }

    /** The machine count: the workspace's CVRs tabulated now, so that it is the count the CVRs give. */
    public ElectionResults results() {
        if (results == null) {
            results = tally(workspace, audit.election(), index);
        }
        return results;
    }

    public static ElectionResults tally(Workspace workspace, ElectionRef election, ElectionIndex index) {
        PartialTally tally = Tabulator.of(index).newPartial();
        workspace.forEachCvr(election, tally::add);
        return tally.results();
    }

    /** Ballots tabulated per batch, to check a manifest against. */
    public static Map<BatchKey, Long> batchCounts(ElectionResults results) {
        Map<BatchKey, Long> counts = new HashMap<>();
        results.ballots().byBatch().forEach((k, v) -> counts.put(k, v.counted()));
        return counts;
    }

    public BallotManifest manifest() {
        AuditRecords.StoredManifest stored = records.manifest(audit).orElseThrow(() -> new BadInputException(
                workspace.location().describe(), "audit " + audit.name(), "has no ballot manifest yet; import one with: bulwark audit manifest "
                        + audit.name() + " FILE"));
        return ManifestReader.read(stored.sourceName(), stored.content());
    }

    public String seed() {
        return records.seed(audit).orElseThrow(() -> new BadInputException(workspace.location().describe(), "audit " + audit.name(),
                "has no seed yet; enter the one rolled at the public ceremony with: bulwark audit seed " + audit.name() + " DIGITS"));
    }

    public List<List<Sampler.Draw>> rounds() {
        return records.rounds(audit).stream().map(r -> r.stream().map(AuditText::parseDraw).toList()).toList();
    }

    public List<Sampler.Draw> allDraws() {
        return rounds().stream().flatMap(List::stream).toList();
    }

    /** The contests under audit with their reported votes (the machine count) and settings. */
    public List<AuditedContest> contests() {
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
    public boolean batchAudit() {
        List<AuditText.ContestSetting> settings = AuditText.parseSettings(audit.settings());
        return !settings.isEmpty() && settings.stream().allMatch(s -> s.method() instanceof RlaMethod.BatchComparison);
    }

    /** The manifest batch named "TABULATOR/BATCH" (or "BATCH" when the manifest names no tabulator). */
    public static Optional<Integer> batchIndex(BallotManifest manifest, String name) {
        for (int i = 0; i < manifest.batches().size(); i++) {
            var b = manifest.batches().get(i);
            if ((b.tabulator().map(t -> t + "/").orElse("") + b.batch()).equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public static String batchName(ManifestBatch b) {
        return b.tabulator().map(t -> t + "/").orElse("") + b.batch();
    }

    /** Every manifest batch's reported votes in the audited contests, counted from its CVRs (an overvoted contest counts no vote). */
    public List<AuditEvidence.BatchTotals> batchTotals(BallotManifest manifest, List<AuditedContest> contests) {
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
    public Map<Long, CastVoteRecord> cvrsOf(BallotManifest manifest, Set<Long> ballots) {
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

    public static final Comparator<CastVoteRecord> BALLOT_ID_ORDER = Comparator.comparing(CastVoteRecord::ballotId, (a, b) -> {
        boolean an = a.matches("\\d{1,18}");
        boolean bn = b.matches("\\d{1,18}");
        if (an && bn) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return an != bn ? (an ? -1 : 1) : a.compareTo(b);
    });

    public static Sha256 sha256(String text) {
        try {
            return Sha256.of(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The authority's precincts: the units the CVRs name (BallotStyleUnitId), in order of their ids. */
    public List<GpUnitId> precincts() {
        return results().ballots().byUnit().keySet().stream().sorted(Comparator.comparing(GpUnitId::value)).toList();
    }

    /** Missouri's drawing of precincts and contests with the seed (15 CSR 30-10.110; docs/audits.md). */
    public MissouriAudit.Selection missouriSelection(String seed) {
        Map<ContestId, MissouriCategory> categories = new LinkedHashMap<>();
        for (var result : results().contests()) {
            index.contest(result.contest()).flatMap(c -> MissouriCategory.of(c, index)).ifPresent(cat -> categories.put(result.contest(), cat));
        }
        return MissouriAudit.select(seed, precincts(), categories);
    }

    /** What a drawing did: the round it recorded, or why nothing was drawn. */
    public sealed interface Drawing {
        record Drawn(int round, List<Sampler.Draw> draws) implements Drawing {
            public Drawn {
                draws = List.copyOf(draws);
            }
        }

        record Refused(String reason) implements Drawing {}
    }

    /** The most draws one round may ask for: far beyond any audit, and a bound on the work a typo can cause. */
    public static final long MAX_DRAWS = 10_000_000;

    /**
     * Draws the next round with the seed in force and records it (logged before anyone sees the
     * sample). Missouri: the one drawing of precincts. An RLA: {@code count} draws, by default the
     * expected sample size for round 1 and the escalation the last round decided for later rounds;
     * the sampler continues its sequence, so a longer sample begins with the shorter one.
     *
     * @throws BadInputException when the audit has no seed or (an RLA) no manifest yet
     */
    public Drawing draw(Optional<Long> count) {
        String seed = seed();
        List<String> texts = new ArrayList<>();
        if (missouri()) {
            if (!rounds().isEmpty()) {
                return new Drawing.Refused("audit " + audit.name() + " has drawn its precincts already; a Missouri audit has one drawing");
            }
            List<GpUnitId> precincts = precincts();
            for (GpUnitId p : missouriSelection(seed).precincts()) {
                texts.add((texts.size() + 1) + ":" + (precincts.indexOf(p) + 1));
            }
        } else {
            BallotManifest manifest = manifest();
            List<Sampler.Draw> before = allDraws();
            long want;
            if (count.isPresent()) {
                want = count.get();
            } else if (before.isEmpty()) {
                want = RiskLimitingAudit.initialSampleSize(contests(), AuditEvidence.ofBallots(manifest.totalBallots(), List.of()));
            } else {
                List<AuditRecords.ClosedRound> closed = records.closedRounds(audit);
                String last = closed.isEmpty() ? "" : closed.getLast().outcome();
                OptionalLong target = AuditText.escalationTarget(last);
                if (target.isEmpty()) {
                    return new Drawing.Refused("audit " + audit.name() + " needs no escalation (last round: "
                            + (last.isEmpty() ? "still open" : last) + "); give a count to draw anyway");
                }
                want = target.getAsLong() - before.size();
            }
            if (want < 1 || want > MAX_DRAWS) {
                return new Drawing.Refused("the count of draws must be from 1 to " + MAX_DRAWS + ", not " + want);
            }
            Sampler sampler = Sampler.over(seed, 1, manifest.totalBallots(), false);
            sampler.next(before.size());
            sampler.next((int) want).forEach(d -> texts.add(AuditText.draw(d)));
        }
        return switch (records.openRound(audit, texts, sha256(String.join(",", texts)))) {
            case AuditRecords.Recorded.Done<Integer> d -> new Drawing.Drawn(d.value(), texts.stream().map(AuditText::parseDraw).toList());
            case AuditRecords.Recorded.Refused<Integer> r -> new Drawing.Refused(r.reason());
        };
    }

    /** The retrieval list of a drawn round (Missouri: the precincts and contests drawn), as CSV and printable PDF. */
    public RetrievalDocument retrievalList(int round) {
        List<List<Sampler.Draw>> rounds = rounds();
        if (round < 1 || round > rounds.size()) {
            throw new IllegalArgumentException("audit " + audit.name() + " has no round " + round);
        }
        String title = "Audit " + audit.name() + ": retrieval list, round " + round;
        String footer = election.title() + " - " + audit.authority();
        String seed = seed();
        if (missouri()) {
            MissouriAudit.Selection selection = missouriSelection(seed);
            List<List<String>> rows = MissouriAudit.selectionRows(selection, p -> index.gpUnit(p).map(u -> u.name()).orElse(p.value()),
                    c -> index.contest(c).map(Contest::name).orElse(c.value()));
            return new RetrievalDocument(title, footer, MissouriAudit.selectionCsv(rows), List.of(
                    new PlainDocument.Block.Paragraph("Missouri manual audit (" + MissouriAudit.RULE + "): " + selection.precincts().size() + " of "
                            + selection.precinctsInAuthority() + " precincts and " + selection.contests().size() + " contests, drawn with seed " + seed + "."),
                    new PlainDocument.Block.Table(List.of("Kind", "Id", "Name", "Category"), rows, new float[] {0, 0.12f, 0.35f, 0.7f}),
                    new PlainDocument.Block.Signatures(List.of("Team member (party)", "Team member (party)"))));
        }
        BallotManifest manifest = manifest();
        List<Sampler.Draw> draws = rounds.get(round - 1);
        List<RetrievalList.Pull> pulls = RetrievalList.of(manifest, List.of(draws));
        List<List<String>> rows = pulls.stream().map(p -> List.of(p.batch().container().orElse(""), p.batch().tabulator().orElse(""),
                p.batch().batch(), Long.toString(p.position()), Long.toString(p.ballot()))).toList();
        return new RetrievalDocument(title, footer, batchAudit() ? RetrievalList.batchCsv(pulls) : RetrievalList.csv(pulls), List.of(
                new PlainDocument.Block.Paragraph("Round " + round + ": " + draws.size() + " draws (tickets " + draws.getFirst().ticket() + " to "
                        + draws.getLast().ticket() + "), " + pulls.size() + " ballots to pull, seed " + seed + ", manifest SHA-256 "
                        + manifest.fingerprint() + ". Count each position from the top of the batch."),
                new PlainDocument.Block.Table(List.of("Container", "Tabulator", "Batch", "Position", "Ballot"), rows,
                        new float[] {0, 0.22f, 0.44f, 0.7f, 0.85f}),
                new PlainDocument.Block.Signatures(List.of("Retrieved by", "Witnessed by"))));
    }

    /** A batch audit's evidence: the batch each draw selects and the teams' counts; refuses while a drawn batch is not counted. */
    private AuditEvidence batchEvidence(BallotManifest manifest, List<AuditedContest> contests) {
        BallotManifest.Locator locator = manifest.locator();
        List<Integer> draws = allDraws().stream().map(d -> locator.locate(d.pick()).batchIndex()).toList();
        Map<String, String> entries = records.entries(audit, "hand-count");
        Map<Integer, Map<ContestId, Map<SelectionId, Long>>> counts = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (int drawnBatch : new TreeSet<>(draws)) {
            String batchName = batchName(manifest.batches().get(drawnBatch));
            Map<ContestId, Map<SelectionId, Long>> batch = new HashMap<>();
            for (AuditedContest c : contests) {
                String entry = entries.get("batch " + batchName + ", contest " + c.contest().value());
                if (entry == null) {
                    missing.add(batchName + " (" + c.contest().value() + ")");
                } else {
                    batch.put(c.contest(), AuditText.parseCounts(entry));
                }
            }
            counts.put(drawnBatch, batch);
        }
        if (!missing.isEmpty()) {
            throw new BadInputException(workspace.location().describe(), "audit " + audit.name(), missing.size()
                    + " drawn batch count(s) not entered yet: " + String.join(", ", missing.stream().limit(20).toList()) + (missing.size() > 20 ? ", ..." : ""));
        }
        return new AuditEvidence(manifest.totalBallots(), List.of(), batchTotals(manifest, contests), draws, counts);
    }

    /** Everything entered so far as evidence, in draw order; refuses while drawn ballots are not entered. */
    private AuditEvidence evidence(BallotManifest manifest) {
        List<Sampler.Draw> draws = allDraws();
        Map<String, String> entries = records.entries(audit, "ballot");
        Set<Long> ballots = new HashSet<>();
        draws.forEach(d -> ballots.add(d.pick()));
        List<Long> missing = ballots.stream().filter(b -> !entries.containsKey("ballot " + b)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new BadInputException(workspace.location().describe(), "audit " + audit.name(), missing.size()
                    + " drawn ballot(s) not entered yet: " + String.join(", ", missing.stream().limit(20).map(String::valueOf).toList())
                    + (missing.size() > 20 ? ", ..." : ""));
        }
        Map<Long, CastVoteRecord> cvrs = cvrsOf(manifest, ballots);
        Map<Long, PaperReading> readings = new HashMap<>();
        ballots.forEach(b -> readings.put(b, AuditText.parseReading(entries.get("ballot " + b))));
        List<AuditEvidence.SampledBallot> sampled = draws.stream()
                .map(d -> new AuditEvidence.SampledBallot(d.pick(), readings.get(d.pick()), Optional.ofNullable(cvrs.get(d.pick())))).toList();
        return AuditEvidence.ofBallots(manifest.totalBallots(), sampled);
    }

    /** What closing a round did: the risks measured and the decision recorded, or why nothing was recorded. */
    public sealed interface Closing {
        record Closed(int round, long draws, List<RiskLimitingAudit.ContestRisk> risks, String outcome) implements Closing {
            public Closed {
                risks = List.copyOf(risks);
            }
        }

        record Refused(String reason) implements Closing {}
    }

    /**
     * Measures each contest's risk with everything entered and records the decision: stop, escalate
     * (to the next draw size) or full hand count after {@code maxRounds} rounds.
     *
     * @throws BadInputException while a drawn ballot (or batch) has not been entered
     */
    public Closing closeRound(int maxRounds) {
        if (missouri()) {
            return new Closing.Refused("audit " + audit.name() + " is a Missouri audit: it has no rounds to close; see bulwark audit status");
        }
        BallotManifest manifest = manifest();
        List<AuditedContest> contests = contests();
        AuditEvidence evidence = batchAudit() ? batchEvidence(manifest, contests) : evidence(manifest);
        List<RiskLimitingAudit.ContestRisk> risks = RiskLimitingAudit.measure(contests, evidence);
        int round = rounds().size();
        long draws = allDraws().size();
        String outcome = AuditText.outcome(RiskLimitingAudit.decide(risks, draws, manifest.totalBallots(), round, maxRounds));
        return switch (records.closeRound(audit, outcome, AuditText.risks(risks))) {
            case AuditRecords.Recorded.Done<Integer> d -> new Closing.Closed(d.value(), draws, risks, outcome);
            case AuditRecords.Recorded.Refused<Integer> r -> new Closing.Refused(r.reason());
        };
    }

    /** The value of a recorded step, or a bad-input error with the refusal's reason. */
    public <T> T done(AuditRecords.Recorded<T> recorded) {
        return switch (recorded) {
            case AuditRecords.Recorded.Done<T> d -> d.value();
            case AuditRecords.Recorded.Refused<T> r -> throw new BadInputException(workspace.location().describe(), "audit " + audit.name(), r.reason());
        };
    }
}
