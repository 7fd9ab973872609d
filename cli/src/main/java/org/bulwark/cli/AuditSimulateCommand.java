package org.bulwark.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bulwark.audit.AuditEvidence;
import org.bulwark.audit.AuditedContest;
import org.bulwark.audit.BallotManifest;
import org.bulwark.audit.ManifestBatch;
import org.bulwark.audit.PaperReading;
import org.bulwark.audit.RiskLimitingAudit;
import org.bulwark.audit.RlaMethod;
import org.bulwark.audit.Sampler;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.CvrContest;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.bulwark.model.events.Sha256;
import org.bulwark.model.results.BatchKey;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.tally.PartialTally;
import org.bulwark.tally.Tabulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark audit simulate}: a whole risk-limiting audit on a generated election, in memory.
 * Some paper ballots are made to differ from their CVRs (the paper shows the runner-up where the
 * CVR shows the winner), so that one can watch discrepancies raise the risk and force escalation.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a whole risk-limiting audit on a generated election with injected discrepancies; prints each round and the outcome on the last line.")
final class AuditSimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--authorities", defaultValue = "2", description = "Local election authorities. Default: ${DEFAULT-VALUE}.")
    int authorities;

    @Option(names = "--precincts", defaultValue = "20", description = "Precincts. Default: ${DEFAULT-VALUE}.")
    int precincts;

    @Option(names = "--ballots", defaultValue = "20000", description = "Ballots. Default: ${DEFAULT-VALUE}.")
    long ballots;

    @Option(names = "--election-seed", defaultValue = "1", description = "Seed of the generated election. Default: ${DEFAULT-VALUE}.")
    long electionSeed;

    @Option(names = "--method", defaultValue = "kaplan-markov",
            description = "bravo, alpha-polling, kaplan-markov, alpha-comparison or batch-comparison. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--risk-limit", defaultValue = "0.1", description = "Risk limit of every contest (a fraction). Default: ${DEFAULT-VALUE}.")
    double riskLimit;

    @Option(names = "--contests", defaultValue = "3", description = "Contests audited: those on the most ballots. Default: ${DEFAULT-VALUE}.")
    int contestCount;

    @Option(names = "--error-rate", defaultValue = "0.001",
            description = "Fraction of paper ballots whose audited votes differ from their CVR (two-vote overstatements). Default: ${DEFAULT-VALUE}.")
    double errorRate;

    @Option(names = "--seed", defaultValue = "12345678901234567890", description = "The audit's public seed. Default: ${DEFAULT-VALUE}.")
    String seed;

    @Option(names = "--max-rounds", defaultValue = "" + AuditWorkspaceCommands.MAX_ROUNDS, description = "Rounds before a full hand count. Default: ${DEFAULT-VALUE}.")
    int maxRounds;

    @Override
    public Integer call() {
        RlaMethod rla = RlaMethod.byLabel(method).orElseThrow(() -> new ParameterException(spec.commandLine(), "--method: \"" + method
                + "\" is not bravo, alpha-polling, kaplan-markov, alpha-comparison or batch-comparison"));
        if (!(errorRate >= 0 && errorRate <= 1) || contestCount < 1) {
            throw new ParameterException(spec.commandLine(), "--error-rate is a fraction from 0 to 1 and --contests at least 1");
        }
        PrintWriter out = Bulwark.of(spec).io().out();
        StatewideGenerator generator = AuditCalculatorCommands.calculate(spec,
                () -> StatewideGenerator.create(new StatewideGenerator.Settings(authorities, precincts, ballots, electionSeed)));
        ElectionIndex index = ElectionIndex.of(generator.election());
        List<CastVoteRecord> cvrs = new ArrayList<>();
        generator.castVoteRecords(cvrs::add);
        PartialTally tally = Tabulator.of(index).newPartial();
        cvrs.forEach(tally::add);
        ElectionResults results = tally.results();
        List<AuditedContest> contests = contests(index, results, rla);
        if (contests.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "the generated election has no contest with a winner to audit");
        }

        // The manifest: batches in order of their keys, ballots within a batch by id (the mapping rule of workspace audits).
        Map<BatchKey, List<CastVoteRecord>> byBatch = new java.util.TreeMap<>();
        cvrs.forEach(c -> byBatch.computeIfAbsent(new BatchKey(c.creatingDevice(), c.batch()), k -> new ArrayList<>()).add(c));
        List<ManifestBatch> batches = new ArrayList<>();
        List<CastVoteRecord> ordered = new ArrayList<>();
        byBatch.forEach((key, list) -> {
            list.sort(org.bulwark.auditing.WorkspaceAudit.BALLOT_ID_ORDER);
            ordered.addAll(list);
            batches.add(new ManifestBatch(Optional.empty(), key.device(), key.batch().orElse("(none)"), list.size(), batches.size() + 2));
        });
        BallotManifest manifest = new BallotManifest("simulated", new Sha256("0".repeat(64)), batches);
        List<PaperReading> paper = paper(ordered, contests);

        out.println("Simulated election: " + cvrs.size() + " ballots in " + batches.size() + " batches; auditing " + contests.size()
                + " contest(s) by " + rla.label() + " at risk limit " + riskLimit + "; " + Math.round(errorRate * cvrs.size()) + " ballots altered.");
        for (AuditedContest c : contests) {
            out.println("  " + c.contest().value() + ": margin " + c.smallestMargin() + " votes (diluted " + String.format("%.4f", (double) c.smallestMargin() / cvrs.size()) + ")");
        }
        Sampler sampler = Sampler.over(seed, 1, manifest.totalBallots(), false);
        BallotManifest.Locator locator = manifest.locator();
        List<AuditEvidence.SampledBallot> drawn = new ArrayList<>();
        List<Integer> batchDraws = new ArrayList<>();
        List<AuditEvidence.BatchTotals> batchTotals = rla instanceof RlaMethod.BatchComparison ? totals(byBatch, contests) : List.of();
        List<AuditEvidence.BatchTotals> batchPaper = rla instanceof RlaMethod.BatchComparison ? paperTotals(byBatch, paper, contests) : List.of();
        long target = RiskLimitingAudit.initialSampleSize(contests, new AuditEvidence(manifest.totalBallots(), List.of(), batchTotals, List.of(), Map.of()));
        for (int round = 1; ; round++) {
            for (Sampler.Draw d : sampler.next((int) (target - drawn.size()))) {
                int i = (int) d.pick() - 1;
                drawn.add(new AuditEvidence.SampledBallot(d.pick(), paper.get(i), Optional.of(ordered.get(i))));
                batchDraws.add(locator.locate(d.pick()).batchIndex());
            }
            Map<Integer, Map<ContestId, Map<SelectionId, Long>>> handCounts = new HashMap<>();
            if (!batchPaper.isEmpty()) {
                batchDraws.forEach(b -> handCounts.put(b, batchPaper.get(b).reported()));
            }
            AuditEvidence evidence = new AuditEvidence(manifest.totalBallots(), drawn, batchTotals, batchDraws, handCounts);
            List<RiskLimitingAudit.ContestRisk> risks = RiskLimitingAudit.measure(contests, evidence);
            out.println("Round " + round + ": " + drawn.size() + " draws");
            for (RiskLimitingAudit.ContestRisk r : risks) {
                out.printf("  %s: risk %.6g (%s), discrepancies o1=%d o2=%d u1=%d u2=%d%n", r.contest().value(), r.risk(), r.met() ? "met" : "not met",
                        r.discrepancies().o1(), r.discrepancies().o2(), r.discrepancies().u1(), r.discrepancies().u2());
            }
            RiskLimitingAudit.Decision decision = RiskLimitingAudit.decide(risks, drawn.size(), manifest.totalBallots(), round, maxRounds);
            switch (decision) {
                case RiskLimitingAudit.Decision.Stop s -> {
                    out.println("outcome: every contest met its risk limit after " + drawn.size() + " draws");
                    out.flush();
                    return Bulwark.OK;
                }
                case RiskLimitingAudit.Decision.FullHandCount f -> {
                    out.println("outcome: full hand count of " + String.join(", ", f.contests().stream().map(ContestId::value).toList()));
                    out.flush();
                    return Bulwark.OK;
                }
                case RiskLimitingAudit.Decision.Escalate e -> target = e.totalDraws();
            }
        }
    }

    /** The audited contests: vote-for-N and yes/no contests on the most ballots, with a winner. */
    private List<AuditedContest> contests(ElectionIndex index, ElectionResults results, RlaMethod rla) {
        List<AuditedContest> contests = new ArrayList<>();
        List<ContestResult> byBallots = results.contests().stream()
                .sorted(Comparator.comparingLong((ContestResult r) -> -r.counts().total().ballotsCast())).toList();
        for (ContestResult r : byBallots) {
            Contest contest = index.contest(r.contest()).orElseThrow();
            boolean plurality = contest instanceof Contest.BallotMeasureContest
                    || contest instanceof Contest.CandidateContest c && !c.isRankedChoice();
            int winners = contest instanceof Contest.CandidateContest c ? c.votesAllowed() : 1;
            Map<SelectionId, Long> votes = r.counts().total().votes();
            if (!plurality || votes.size() <= winners || contests.size() >= contestCount) {
                continue;
            }
            AuditedContest audited = new AuditedContest(r.contest(), contest.votesAllowed(), winners, votes, riskLimit, rla);
            if (audited.smallestMargin() > 0) {
                contests.add(audited);
            }
        }
        return contests;
    }

    /** Paper for each ballot: what its CVR shows, except that on a seeded few the winner's votes went to the runner-up. */
    private List<PaperReading> paper(List<CastVoteRecord> ordered, List<AuditedContest> contests) {
        Random random = new Random(electionSeed * 31 + 7);
        List<PaperReading> paper = new ArrayList<>(ordered.size());
        for (CastVoteRecord cvr : ordered) {
            boolean altered = random.nextDouble() < errorRate;
            Map<ContestId, Set<SelectionId>> marks = new LinkedHashMap<>();
            for (CvrContest c : cvr.contests()) {
                Set<SelectionId> votes = new java.util.LinkedHashSet<>(c.marks().stream().filter(Mark::countsAsVote).map(Mark::selection).toList());
                for (AuditedContest a : contests) {
                    AuditedContest.Pair closest = a.pairs().getFirst();
                    if (altered && a.contest().equals(c.contest()) && votes.remove(closest.winner())) {
                        votes.add(closest.loser());
                    }
                }
                marks.put(c.contest(), votes);
            }
            paper.add(new PaperReading.Marks(marks));
        }
        return paper;
    }

    private static List<AuditEvidence.BatchTotals> totals(Map<BatchKey, List<CastVoteRecord>> byBatch, List<AuditedContest> contests) {
        List<AuditEvidence.BatchTotals> totals = new ArrayList<>();
        byBatch.values().forEach(list -> {
            Map<ContestId, Map<SelectionId, Long>> reported = new HashMap<>();
            for (CastVoteRecord cvr : list) {
                for (CvrContest c : cvr.contests()) {
                    if (contests.stream().anyMatch(a -> a.contest().equals(c.contest()))) {
                        c.marks().stream().filter(Mark::countsAsVote)
                                .forEach(m -> reported.computeIfAbsent(c.contest(), k -> new HashMap<>()).merge(m.selection(), 1L, Long::sum));
                    }
                }
            }
            totals.add(new AuditEvidence.BatchTotals(list.size(), reported));
        });
        return totals;
    }

    private static List<AuditEvidence.BatchTotals> paperTotals(Map<BatchKey, List<CastVoteRecord>> byBatch,
            List<PaperReading> paper, List<AuditedContest> contests) {
        List<AuditEvidence.BatchTotals> totals = new ArrayList<>();
        int at = 0;
        for (List<CastVoteRecord> list : byBatch.values()) {
            Map<ContestId, Map<SelectionId, Long>> counted = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                PaperReading.Marks marks = (PaperReading.Marks) paper.get(at + i);
                for (AuditedContest a : contests) {
                    marks.marked().getOrDefault(a.contest(), Set.of())
                            .forEach(s -> counted.computeIfAbsent(a.contest(), k -> new HashMap<>()).merge(s, 1L, Long::sum));
                }
            }
            at += list.size();
            totals.add(new AuditEvidence.BatchTotals(list.size(), counted));
        }
        return totals;
    }
}
