package org.bulwark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bulwark.audit.AuditedContest;
import org.bulwark.audit.Sampler;
import org.bulwark.auditing.WorkspaceAudit;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Election;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.bulwark.store.ElectionRef;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;

/**
 * A risk-limiting audit under way in the demo, run with the {@code bulwark audit} commands themselves
 * (in this process, their output kept in {@code audit/commands.log}): a ballot-comparison audit of
 * the first statewide contest, the ballot manifest, the public seed, round 1 drawn and entered by an
 * audit board (two ballots read otherwise than their CVRs say) and closed with the risk measured,
 * then round 2 drawn as the escalation asks and partly entered.
 */
final class DemoAudit {
    static final String NAME = "statewide-rla";
    /** Twenty dice digits, as rolled at the public ceremony (fixed, so every demo draws the same sample). */
    static final String SEED = "20281107451988730062";
    static final String BOARD = "Audit board 1";
    static final List<String> MEMBERS = List.of("Pat Democrat", "Lee Republican");
    static final int ROUND_1 = 12;
    /** Ballots of round 2 entered so far: the audit is under way. */
    static final int ROUND_2_ENTERED = 4;
    /** Ballots of round 1 the board reads as a vote for the runner-up where the CVR has the winner. */
    static final int DISCREPANCIES = 2;

    /** Where the audit stands. */
    record Summary(String contest, int drawn, int entered, int discrepancies, String lastRound) {}

    private final Path workspace;
    private final WorkspaceLocation location;
    private final Path dir;
    private final Runnable step;
    private final StringWriter log = new StringWriter();

    private DemoAudit(Path workspace, Path dir, Runnable step) {
        this.workspace = workspace;
        this.location = new WorkspaceLocation.SqliteFile(workspace);
        this.dir = dir;
        this.step = step;
    }

    /** Commands the audit runs at most (fewer when a ballot is drawn twice). */
    static int commands() {
        return 6 + ROUND_1 + ROUND_2_ENTERED;
    }

    /**
     * Runs the audit so far; {@code step} hears each command done. The workspace must not be open
     * elsewhere in this process while the commands write to it.
     */
    static Summary run(Path workspace, ElectionRef election, Election definition, String authority, Path dir, Runnable step) throws IOException {
        return new DemoAudit(workspace, dir, step).audit(election, definition, authority);
    }

    private Summary audit(ElectionRef election, Election definition, String authority) throws IOException {
        Files.createDirectories(dir);
        Contest contest = definition.contests().stream()
                .filter(c -> c instanceof Contest.CandidateContest cc && !cc.isRankedChoice() && cc.votesAllowed() == 1
                        && c.district().equals(definition.scope()))
                .findFirst().orElseThrow(() -> new IllegalStateException("the demo election has no statewide vote-for-one contest"));
        Path manifest = writeManifest(election);
        command("create", NAME, "--authority", authority, "--contest", contest.id().value() + ":0.05:kaplan-markov");
        command("manifest", NAME, manifest.toString());
        command("seed", NAME, SEED);
        command("draw", NAME, "--count", Integer.toString(ROUND_1), "--out", dir.resolve("round-1").toString());
        int entered = enter(Integer.MAX_VALUE, DISCREPANCIES);
        command("close-round", NAME);
        command("draw", NAME, "--out", dir.resolve("round-2").toString()); // as many as close-round's escalation asks
        entered += enter(ROUND_2_ENTERED, 0);
        Files.writeString(dir.resolve("commands.log"), log.toString(), StandardCharsets.UTF_8);
        // What close-round printed: the round, each contest's risk against its limit, and the decision.
        List<String> lines = log.toString().lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("Round 1 of audit " + NAME + " after")).findFirst().orElseThrow());
        String closed = String.join(" ", lines.subList(at, Math.min(lines.size(), at + 3)).stream().map(String::strip).toList());
        try (Workspace ws = Workspace.open(location)) {
            WorkspaceAudit audit = WorkspaceAudit.open(ws, NAME);
            return new Summary(contest.name(), new LinkedHashSet<>(audit.allDraws().stream().map(Sampler.Draw::pick).toList()).size(), entered,
                    audit.records().discrepancies(audit.audit()).size(), closed);
        }
    }

    /** The ballot manifest: every batch the CVRs name, with its ballots, as the authorities' paper is stored. */
    private Path writeManifest(ElectionRef election) throws IOException {
        Map<String, Long> batches = new TreeMap<>();
        try (Workspace ws = Workspace.open(location)) {
            ws.forEachCvr(election, cvr -> batches.merge(cvr.creatingDevice().orElse("") + "," + cvr.batch().orElse(""), 1L, Long::sum));
        }
        StringBuilder csv = new StringBuilder("Container,Tabulator,Batch,Ballots\n");
        batches.forEach((batch, ballots) -> csv.append("Vault ").append(batch.substring(0, batch.indexOf(','))).append(',').append(batch)
                .append(',').append(ballots).append('\n'));
        Path file = dir.resolve("ballot-manifest.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The board enters up to {@code limit} drawn ballots not entered yet, reading what the CVR says,
     * except on the first {@code misread} where it finds a vote for the runner-up instead of the winner.
     */
    private int enter(int limit, int misread) throws IOException {
        List<String> readings = new ArrayList<>();
        List<Long> ballots = new ArrayList<>();
        try (Workspace ws = Workspace.open(location)) {
            WorkspaceAudit audit = WorkspaceAudit.open(ws, NAME);
            Set<String> done = audit.records().entries(audit.audit(), "ballot").keySet();
            AuditedContest contest = audit.contests().getFirst();
            List<SelectionId> ranked = contest.reported().entrySet().stream()
                    .sorted(Map.Entry.<SelectionId, Long>comparingByValue(Comparator.reverseOrder())).map(Map.Entry::getKey).toList();
            LinkedHashSet<Long> drawn = new LinkedHashSet<>(audit.allDraws().stream().map(Sampler.Draw::pick).toList());
            drawn.removeIf(b -> done.contains("ballot " + b));
            Map<Long, CastVoteRecord> cvrs = audit.cvrsOf(audit.manifest(), drawn);
            int misreadLeft = misread;
            for (long b : drawn) {
                if (ballots.size() == limit) {
                    break;
                }
                List<SelectionId> marked = cvrs.containsKey(b) ? marks(cvrs.get(b), contest.contest()) : List.of();
                if (misreadLeft > 0 && marked.equals(List.of(ranked.get(0)))) {
                    marked = List.of(ranked.get(1));
                    misreadLeft--;
                }
                ballots.add(b);
                readings.add(contest.contest().value() + "=" + String.join("|", marked.stream().map(SelectionId::value).toList()));
            }
        }
        for (int i = 0; i < ballots.size(); i++) {
            command("enter", NAME, "--ballot", Long.toString(ballots.get(i)), "--board", BOARD, "--members", String.join(",", MEMBERS),
                    "--marks", readings.get(i));
        }
        return ballots.size();
    }

    /** The selections a CVR counts as votes in the contest (none if the ballot does not hold it). */
    private static List<SelectionId> marks(CastVoteRecord cvr, ContestId contest) {
        return cvr.contests().stream().filter(c -> c.contest().equals(contest)).map(CvrContest::marks).flatMap(List::stream)
                .filter(Mark::countsAsVote).map(Mark::selection).distinct().toList();
    }

    /** One {@code bulwark audit} command in this process; its output goes to the log, and a failure is the demo's own bug. */
    private void command(String... args) {
        StringWriter err = new StringWriter();
        PrintWriter out = new PrintWriter(log, true);
        Io io = new Io(out, new PrintWriter(err, true), false, java.time.Clock.systemUTC());
        List<String> all = new ArrayList<>(List.of("--progress", "none", "audit"));
        all.add(args[0]);
        all.add(args[1]);
        all.addAll(List.of("--workspace", workspace.toString()));
        all.addAll(List.of(args).subList(2, args.length));
        out.println("$ ./bulwark " + String.join(" ", all.subList(2, all.size()).stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).toList()));
        int code = Bulwark.execute(io, all.toArray(String[]::new));
        if (code != Bulwark.OK) {
            throw new IllegalStateException("the demo's audit step 'bulwark " + String.join(" ", all) + "' failed (exit " + code + "): " + err);
        }
        step.run();
    }
}
