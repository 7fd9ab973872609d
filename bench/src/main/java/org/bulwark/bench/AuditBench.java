package org.bulwark.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.bulwark.audit.AuditEvidence;
import org.bulwark.audit.AuditedContest;
import org.bulwark.audit.BallotManifest;
import org.bulwark.audit.ManifestReader;
import org.bulwark.audit.PaperReading;
import org.bulwark.audit.RetrievalList;
import org.bulwark.audit.RiskLimitingAudit;
import org.bulwark.audit.RlaMethod;
import org.bulwark.audit.Sampler;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;

/**
 * The two audit targets of issue 6, each beside a baseline in the same run, medians of repeats:
 * (1) read a 10,000,000-ballot manifest (10,000 batches), draw 100,000 ballots without
 * replacement with Rivest's sampler, locate each in the manifest and sort the retrieval list
 * (target under 2 s), against bare SHA-256 of the same 100,000 seed strings; (2) the risk of 100
 * contests after a round of 2,000 sampled ballots, 25 contests each by BRAVO, ALPHA polling,
 * Kaplan-Markov and ALPHA comparison (target under 1 s), against one pass over the ballots that
 * only looks up each contest's marks. Usage:
 *
 * <pre>java -cp bench/target/bulwark-bench.jar org.bulwark.bench.AuditBench [--repeat R]</pre>
 */
public final class AuditBench {
    static final long BALLOTS = 10_000_000;
    static final int BATCHES = 10_000;
    static final int SAMPLE = 100_000;
    static final int CONTESTS = 100;
    static final int ROUND = 2_000;
    static final String SEED = "12345678901234567890";

    private AuditBench() {}

    public static void main(String[] args) throws Exception {
        int repeat = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        run(repeat, System.out);
    }

    static void run(int repeat, PrintStream out) throws Exception {
        StringBuilder csv = new StringBuilder("Container,Tabulator,Batch,Ballots\n");
        for (int b = 0; b < BATCHES; b++) {
            csv.append("box-").append(b / 20).append(",tab-").append(b % 40).append(",batch-").append(b).append(',').append(BALLOTS / BATCHES).append('\n');
        }
        byte[] manifestBytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        long[] sample = new long[repeat];
        long[] sha = new long[repeat];
        int pulls = 0;
        for (int r = 0; r < repeat; r++) {
            long t = System.nanoTime();
            BallotManifest manifest = ManifestReader.read("manifest.csv", manifestBytes);
            List<Sampler.Draw> draws = Sampler.over(SEED, 1, manifest.totalBallots(), true).next(SAMPLE);
            pulls = RetrievalList.of(manifest, List.of(draws)).size();
            sample[r] = System.nanoTime() - t;
            t = System.nanoTime();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] prefix = (SEED + ",").getBytes(StandardCharsets.UTF_8);
            long sink = 0;
            for (int k = 1; k <= SAMPLE; k++) {
                md.update(prefix);
                sink += md.digest(Integer.toString(k).getBytes(StandardCharsets.US_ASCII))[0];
            }
            sha[r] = System.nanoTime() - t + (sink == Long.MIN_VALUE ? 1 : 0);
        }
        out.printf("sample %,d of %,d ballots (%,d batches): manifest read + draw + locate + retrieval list (%,d pulls): median %.3f s (target < 2 s)%n",
                SAMPLE, BALLOTS, BATCHES, pulls, median(sample) / 1e9);
        out.printf("  baseline, bare SHA-256 of the %,d seed strings: median %.3f s%n", SAMPLE, median(sha) / 1e9);

        List<AuditedContest> contests = new ArrayList<>();
        RlaMethod[] methods = {new RlaMethod.Bravo(), new RlaMethod.AlphaPolling(), new RlaMethod.KaplanMarkov(1.03905), new RlaMethod.AlphaComparison()};
        for (int c = 0; c < CONTESTS; c++) {
            Map<SelectionId, Long> votes = new LinkedHashMap<>();
            votes.put(new SelectionId("c" + c + "-a"), 5_600_000L);
            votes.put(new SelectionId("c" + c + "-b"), 4_000_000L);
            votes.put(new SelectionId("c" + c + "-c"), 400_000L);
            contests.add(new AuditedContest(new ContestId("c" + c), 1, 1, votes, 0.05, methods[c % methods.length]));
        }
        Random random = new Random(7);
        List<AuditEvidence.SampledBallot> ballots = new ArrayList<>();
        for (int i = 0; i < ROUND; i++) {
            Map<ContestId, Set<SelectionId>> marks = new LinkedHashMap<>();
            List<CvrContest> cvrContests = new ArrayList<>();
            for (int c = 0; c < CONTESTS; c++) {
                SelectionId s = new SelectionId("c" + c + "-" + "aab".charAt(random.nextInt(3)));
                marks.put(new ContestId("c" + c), Set.of(s));
                cvrContests.add(new CvrContest(new ContestId("c" + c), List.of(new Mark(s, 1, Indication.YES, Indication.YES, 0, Optional.empty(), false)),
                        java.util.OptionalInt.empty(), java.util.OptionalInt.empty()));
            }
            CastVoteRecord cvr = new CastVoteRecord("b" + i, new BallotStyleId("s"), new GpUnitId("p"), List.of(), Optional.empty(), Optional.empty(),
                    CountingGroup.ELECTION_DAY, List.of(), cvrContests);
            ballots.add(new AuditEvidence.SampledBallot(1 + random.nextLong(BALLOTS), new PaperReading.Marks(marks), Optional.of(cvr)));
        }
        AuditEvidence evidence = AuditEvidence.ofBallots(BALLOTS, ballots);
        long[] risk = new long[repeat];
        long[] pass = new long[repeat];
        long met = 0;
        for (int r = 0; r < repeat; r++) {
            long t = System.nanoTime();
            met = RiskLimitingAudit.measure(contests, evidence).stream().filter(RiskLimitingAudit.ContestRisk::met).count();
            risk[r] = System.nanoTime() - t;
            t = System.nanoTime();
            long seen = 0;
            for (AuditEvidence.SampledBallot b : ballots) {
                PaperReading.Marks m = (PaperReading.Marks) b.paper();
                for (AuditedContest c : contests) {
                    seen += m.marked().getOrDefault(c.contest(), Set.of()).size();
                }
            }
            pass[r] = System.nanoTime() - t + (seen < 0 ? 1 : 0);
        }
        out.printf("risk of %d contests after a round of %,d ballots (%d met their limit): median %.3f s (target < 1 s)%n",
                CONTESTS, ROUND, met, median(risk) / 1e9);
        out.printf("  baseline, one pass looking up every contest's marks: median %.3f s%n", median(pass) / 1e9);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
