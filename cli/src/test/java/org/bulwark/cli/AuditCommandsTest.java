package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Mark;
import org.bulwark.model.results.BatchKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every workspace step of an audit, in-process, on a generated election. */
class AuditCommandsTest {
    static final StatewideGenerator.Settings SETTINGS = new StatewideGenerator.Settings(2, 8, 400, 3, 1_000);
    static final String SEED = "1234 5678 9012 3456 7890";

    @TempDir
    Path tmp;

    String ws;
    Path electionFile;
    Map<BatchKey, List<CastVoteRecord>> batches = new TreeMap<>();

    @BeforeEach
    void workspaceWithAnElectionAndItsCvrs() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("gen"));
        StatewideGenerator generator = StatewideGenerator.create(SETTINGS);
        StatewideGenerator.Output files = generator.writeTo(dir, n -> { });
        electionFile = files.election();
        ws = tmp.resolve("bulwark.db").toString();
        ok(Run.of("import", "election", "--workspace", ws, files.election().toString()));
        for (StatewideGenerator.CvrOutput f : files.cvrFiles()) {
            ok(Run.of("import", "cvr", "--workspace", ws, "--election", "1", "--counting-group", f.countingGroup().nist(), f.file().toString()));
        }
        List<CastVoteRecord> all = new ArrayList<>();
        generator.castVoteRecords(all::add);
        all.forEach(c -> batches.computeIfAbsent(new BatchKey(c.creatingDevice(), c.batch()), k -> new ArrayList<>()).add(c));
        batches.values().forEach(l -> l.sort(org.bulwark.auditing.WorkspaceAudit.BALLOT_ID_ORDER));
    }

    static Run ok(Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    Path manifest(int adjust) throws IOException {
        StringBuilder csv = new StringBuilder("Container,Tabulator,Batch,Ballots\n");
        int i = 0;
        for (Map.Entry<BatchKey, List<CastVoteRecord>> b : batches.entrySet()) {
            csv.append("Box ").append(i / 3 + 1).append(',').append(b.getKey().device().orElseThrow()).append(',')
                    .append(b.getKey().batch().orElseThrow()).append(',').append(b.getValue().size() + (i == 1 ? adjust : 0)).append('\n');
            i++;
        }
        Path file = tmp.resolve("manifest-" + adjust + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    /** The CVR of ballot n of the manifest, by the mapping rule. */
    CastVoteRecord cvrOf(long n) {
        long left = n;
        for (List<CastVoteRecord> batch : batches.values()) {
            if (left <= batch.size()) {
                return batch.get((int) left - 1);
            }
            left -= batch.size();
        }
        throw new IllegalArgumentException("no ballot " + n);
    }

    /** What ballot n of the manifest shows, as an audit board would type it. */
    String marksOf(long n) {
        List<String> parts = new ArrayList<>();
        for (CvrContest c : cvrOf(n).contests()) {
            parts.add(c.contest().value() + "=" + String.join("|", c.marks().stream().filter(Mark::countsAsVote).map(m -> m.selection().value()).toList()));
        }
        return String.join(";", parts);
    }

    String firstContest() {
        return batches.values().iterator().next().getFirst().contests().getFirst().contest().value();
    }

    @Test
    void riskLimitingComparisonAuditFromSetUpToReport() throws IOException {
        String contest = firstContest();
        ok(Run.of("audit", "create", "rla-1", "--workspace", ws, "--authority", "County A", "--contest", contest + ":0.1:kaplan-markov"));

        Run wrong = Run.of("audit", "manifest", "rla-1", "--workspace", ws, manifest(+2).toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("the manifest does not match the tabulated ballots (1 batch(es))", "line 3:", "but", "were tabulated (+2)");
        ok(Run.of("audit", "manifest", "rla-1", "--workspace", ws, manifest(0).toString()));

        Run early = Run.of("audit", "draw", "rla-1", "--workspace", ws, "--count", "3");
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("has no seed yet");
        Run shortSeed = Run.of("audit", "seed", "rla-1", "--workspace", ws, "123456");
        assertThat(shortSeed.exitCode()).isEqualTo(2);
        assertThat(shortSeed.err()).contains("the seed must be 20 or more digits");
        ok(Run.of("audit", "seed", "rla-1", "--workspace", ws, SEED));

        Path round1 = tmp.resolve("round1");
        Run draw = ok(Run.of("audit", "draw", "rla-1", "--workspace", ws, "--count", "4", "--out", round1.toString()));
        assertThat(draw.out()).contains("Round 1 of audit rla-1: drew 4");
        assertThat(round1.resolve("retrieval-list.pdf")).exists();
        List<String> list = Files.readAllLines(round1.resolve("retrieval-list.csv"));
        assertThat(list.getFirst()).isEqualTo("Container,Tabulator,Batch,Position,Ballot,Tickets,Round,Pulled,Returned");
        List<Long> drawn = org.bulwark.audit.Sampler.draw(SEED.replace(" ", ""), 1, 400, 4, false);
        assertThat(list.subList(1, list.size()).stream().map(l -> Long.parseLong(l.split(",")[4])).toList())
                .containsExactlyInAnyOrderElementsOf(new java.util.LinkedHashSet<>(drawn));

        Run reseed = Run.of("audit", "seed", "rla-1", "--workspace", ws, "99999999999999999999");
        assertThat(reseed.exitCode()).isEqualTo(2);
        assertThat(reseed.err()).contains("the seed cannot change once a sample has been drawn");

        Run notYet = Run.of("audit", "close-round", "rla-1", "--workspace", ws);
        assertThat(notYet.exitCode()).isEqualTo(2);
        assertThat(notYet.err()).contains("drawn ballot(s) not entered yet");

        for (long b : new java.util.LinkedHashSet<>(drawn.subList(1, drawn.size()))) {
            Run enter = ok(Run.of("audit", "enter", "rla-1", "--workspace", ws, "--ballot", Long.toString(b), "--board", "Board 1",
                    "--members", "Ann Lee,Bo Diaz", "--marks", marksOf(b)));
            assertThat(enter.out()).contains("no discrepancy");
        }
        // The same ballot entered again as its decoded paper record: a correction, still no discrepancy.
        long second = drawn.get(1);
        Path decoded = tmp.resolve("decoded.json");
        try (var os = Files.newOutputStream(decoded); var writer = org.bulwark.formats.cvr.CvrFiles.writer(os,
                org.bulwark.formats.cvr.CvrFormat.JSON, StatewideGenerator.create(SETTINGS).election(), "reader",
                java.time.OffsetDateTime.parse("2026-11-04T10:00:00Z"))) {
            writer.write(cvrOf(second));
        }
        assertThat(ok(Run.of("audit", "enter", "rla-1", "--workspace", ws, "--ballot", Long.toString(second), "--board", "Board 2",
                "--members", "Cy Park,Di Ruiz", "--decoded", decoded.toString())).out()).contains("no discrepancy");
        Run both = Run.of("audit", "enter", "rla-1", "--workspace", ws, "--ballot", Long.toString(second), "--board", "Board 2",
                "--members", "Cy Park,Di Ruiz", "--decoded", decoded.toString(), "--not-found", "x");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give one of --marks, --not-found, --decoded or --paper");
        Run missing = ok(Run.of("audit", "enter", "rla-1", "--workspace", ws, "--ballot", Long.toString(drawn.getFirst()), "--board", "Board 1",
                "--members", "Ann Lee,Bo Diaz", "--not-found", "slot empty"));
        assertThat(missing.out()).contains("could not be found: slot empty");
        Run sameMember = Run.of("audit", "enter", "rla-1", "--workspace", ws, "--ballot", Long.toString(drawn.getFirst()), "--board", "B",
                "--members", "Ann Lee,ann lee", "--not-found", "x");
        assertThat(sameMember.exitCode()).isEqualTo(2);
        assertThat(sameMember.err()).contains("two different members");

        Run close = ok(Run.of("audit", "close-round", "rla-1", "--workspace", ws));
        assertThat(close.out()).contains(contest + ": risk", "not met");
        assertThat(close.out().strip().lines().toList().getLast()).isEqualTo("escalate to 8 draws");

        Run status = blocked(Run.of("audit", "status", "--workspace", ws));
        assertThat(status.out()).contains("open: rla-1 ballot " + drawn.getFirst(), "County A: certification blocked");
        assertThat(status.out()).contains("ballot " + drawn.getFirst() + "/" + contest + ": ", "two-vote overstatement");
        for (String key : openKeys(status, "rla-1")) {
            ok(Run.of("audit", "resolve", "rla-1", key, "--workspace", ws, "--explanation", "misfiled in box 2; found", "--by", "Clerk"));
        }
        assertThat(ok(Run.of("audit", "status", "--workspace", ws, "--authority", "County A")).out())
                .contains("County A: no open discrepancies; certification may proceed");

        ok(Run.of("audit", "draw", "rla-1", "--workspace", ws, "--out", tmp.resolve("round2").toString()));
        Path report = tmp.resolve("report");
        ok(Run.of("audit", "report", "rla-1", "--workspace", ws, "--out", report.toString()));
        String csv = Files.readString(report.resolve("audit-report.csv"));
        assertThat(csv).contains("seed," + SEED.replace(" ", ""), "manifest SHA-256", contest + ",0.1,kaplan-markov", "escalate to 8 draws",
                "misfiled in box 2; found (Clerk)", "Sample round,Ticket,Drawn,Place", "2,8," + org.bulwark.audit.Sampler.draw(SEED.replace(" ", ""), 1, 400, 8, false).getLast() + ",");
        assertThat(Files.readString(report.resolve("risk-plot.svg"))).startsWith("<svg").contains("<polyline", contest);
        assertThat(report.resolve("audit-report.pdf")).exists();
    }

    @Test
    void auditBoardsEnterTheDevicesPaperRecordAndTestOrForeignRecordsAreRefused() throws IOException {
        String contest = firstContest();
        ok(Run.of("audit", "create", "rla-p", "--workspace", ws, "--authority", "County A", "--contest", contest + ":0.1:kaplan-markov"));
        ok(Run.of("audit", "manifest", "rla-p", "--workspace", ws, manifest(0).toString()));
        ok(Run.of("audit", "seed", "rla-p", "--workspace", ws, SEED));
        ok(Run.of("audit", "draw", "rla-p", "--workspace", ws, "--count", "4", "--out", tmp.resolve("p1").toString()));
        long ballot = org.bulwark.audit.Sampler.draw(SEED.replace(" ", ""), 1, 400, 4, false).getFirst();
        CastVoteRecord cvr = cvrOf(ballot);
        List<String> votes = new ArrayList<>();
        for (CvrContest c : cvr.contests()) {
            c.marks().stream().filter(Mark::countsAsVote).forEach(m -> votes.add(c.contest().value() + "=" + m.selection().value()
                    + m.writeInName().map(n -> ":" + n).orElse("")));
        }
        Path keys = tmp.resolve("keys");
        DeviceCommandTest.ok("keys", "generate", "--role", "authority", "--id", "boone-clerk", "--jurisdiction", "boone", "--out", keys.toString());
        Path official = castOnDevice(keys, "official", electionFile, true, cvr.ballotStyle().value(), cvr.ballotStyleUnit().value(), votes);
        Path test = castOnDevice(keys, "test", electionFile, false, cvr.ballotStyle().value(), cvr.ballotStyleUnit().value(), votes);
        Path foreign = castOnDevice(keys, "gen-01", DeviceCommandTest.ELECTION, false, "Precinct 1", "cp-1-4-5-6",
                List.of("cc-president=cs-president-hb"));

        Run testRecord = Run.of("audit", "enter", "rla-p", "--workspace", ws, "--ballot", Long.toString(ballot), "--board", "Board 1",
                "--members", "Ann Lee,Bo Diaz", "--paper", test.toString());
        assertThat(testRecord.exitCode()).isEqualTo(2);
        assertThat(testRecord.err()).contains(test.toString(), "QR code field 3", "this is a test paper record", "stands for no voter's ballot");
        Run foreignRecord = Run.of("audit", "enter", "rla-p", "--workspace", ws, "--ballot", Long.toString(ballot), "--board", "Board 1",
                "--members", "Ann Lee,Bo Diaz", "--paper", foreign.toString());
        assertThat(foreignRecord.exitCode()).isEqualTo(2);
        assertThat(foreignRecord.err()).contains(foreign.toString(), "QR code field 2", "the paper record is for election");

        assertThat(ok(Run.of("audit", "enter", "rla-p", "--workspace", ws, "--ballot", Long.toString(ballot), "--board", "Board 1",
                "--members", "Ann Lee,Bo Diaz", "--paper", official.toString())).out()).contains("Ballot " + ballot + " entered by Board 1; no discrepancy.");
    }

    /** A real device's paper record: the election package loaded on a fresh card, polls opened, one ballot cast. */
    Path castOnDevice(Path keys, String name, Path election, boolean official, String style, String precinct, List<String> votes)
            throws IOException {
        Path trust = Files.createDirectories(tmp.resolve(name + "-trust"));
        Path usb = Files.createDirectories(tmp.resolve(name + "-usb"));
        Path staging = Files.createDirectories(tmp.resolve(name + "-staging"));
        String card = tmp.resolve(name + "-card").toString();
        Files.copy(keys.resolve("boone-clerk.pub"), trust.resolve("boone-clerk.pub"));
        Files.copy(election, staging.resolve("election.json"));
        DeviceCommandTest.ok("device", "certify", "--out", staging.resolve("certified-software.json").toString());
        DeviceCommandTest.ok("package", "create", "--type", "election", "--key", keys.resolve("boone-clerk.key").toString(), "--election",
                election.toString(), "--mode", "official", "--out", usb.resolve("election.zip").toString(),
                staging.resolve("election.json").toString(), staging.resolve("certified-software.json").toString(),
                DeviceCommandTest.officials(staging).toString());
        DeviceCommandTest.ok("device", "init", "--card", card, "--serial", "SN-" + name, "--model", "Bulwark BM-1", "--kind", "bmd",
                "--jurisdiction", "boone", "--trust", trust.toString());
        DeviceCommandTest.ok("device", "load", "--card", card, "--usb", usb.toString(), "--by", "Clerk");
        List<String> open = new ArrayList<>(List.of("device", "open-polls", "--card", card, "--seal", "S-1", "--seal", "S-2",
                "--poll-worker", "Ann", "--poll-worker", "Bob"));
        if (official) {
            DeviceCommandTest.ok("device", "mode", "official", "--card", card, "--official", "Clerk");
            open.addAll(List.of("--override-readiness", "audit test: no custody records here", "--official", "Clerk"));
        }
        DeviceCommandTest.ok(open.toArray(String[]::new));
        List<String> cast = new ArrayList<>(List.of("device", "cast", "--card", card, "--style", style, "--precinct", precinct));
        votes.forEach(v -> cast.addAll(List.of("--vote", v)));
        Run done = DeviceCommandTest.ok(cast.toArray(String[]::new));
        return Path.of(done.out().lines().findFirst().orElseThrow().substring("Ballot cast. Paper record: ".length()));
    }

    static List<String> openKeys(Run status, String audit) {
        String prefix = "  open: " + audit + " ";
        return status.out().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).split(":")[0]).toList();
    }

    @Test
    void missouriAuditBlocksCertificationUntilEveryDiscrepancyIsResolved() {
        // The audit names the county by its GpUnit id, the custody incident by its name: certification sees both.
        org.bulwark.model.GpUnit county = StatewideGenerator.create(SETTINGS).election().gpUnits().stream()
                .filter(org.bulwark.model.GpUnit::authority).findFirst().orElseThrow();
        String id = county.id().value();
        ok(Run.of("audit", "create", "mo", "--workspace", ws, "--authority", id, "--missouri"));
        ok(Run.of("audit", "seed", "mo", "--workspace", ws, SEED));
        Run draw = ok(Run.of("audit", "draw", "mo", "--workspace", ws, "--out", tmp.resolve("mo").toString()));
        assertThat(draw.out()).containsPattern("Drew 1 of 1[0-9] precincts and 6 contests");
        String precinct = draw.out().lines().filter(l -> l.startsWith("  precinct ")).findFirst().orElseThrow().substring("  precinct ".length());
        String contest = draw.out().lines().filter(l -> l.startsWith("  contest ")).findFirst().orElseThrow().split(" ")[3];
        Run undrawn = Run.of("audit", "hand-count", "mo", "--workspace", ws, "--precinct", "nowhere", "--contest", contest, "--votes", "",
                "--team", "Ann,Bo");
        assertThat(undrawn.exitCode()).isEqualTo(2);
        assertThat(undrawn.err()).contains("precinct nowhere was not drawn");
        Run count = ok(Run.of("audit", "hand-count", "mo", "--workspace", ws, "--precinct", precinct, "--contest", contest,
                "--votes", "nobody=1", "--team", "Ann,Bo"));
        assertThat(count.out()).contains("discrepancy(ies)", precinct + "/" + contest + "/nobody");
        Run status = blocked(Run.of("audit", "status", "--workspace", ws));
        assertThat(status.out()).contains("certification blocked");
        ok(Run.of("incident", "open", "--workspace", ws, "--authority", county.name(), "--description", "seal log sheet missing"));

        Run refused = blocked(Run.of("results", "certify", "--workspace", ws, "--authority", id, "--by", "Clerk Lee"));
        assertThat(refused.err()).contains("certification of " + id + "'s results is blocked by " + (openKeys(status, "mo").size() + 2) + " open items",
                "custody incident #1 (reported): seal log sheet missing", "audit mo discrepancy " + precinct + "/" + contest + "/nobody",
                "audit mo is not finished: 1 of 6 hand counts (drawn precinct and contest) entered", "Nothing was recorded");
        // The audit ends when every drawn contest of the drawn precinct is counted.
        for (String other : draw.out().lines().filter(l -> l.startsWith("  contest ")).map(l -> l.split(" ")[3]).skip(1).toList()) {
            ok(Run.of("audit", "hand-count", "mo", "--workspace", ws, "--precinct", precinct, "--contest", other,
                    "--votes", "nobody=1", "--team", "Ann,Bo"));
        }
        status = blocked(Run.of("audit", "status", "--workspace", ws));
        for (String key : openKeys(status, "mo")) {
            ok(Run.of("audit", "resolve", "mo", key, "--workspace", ws, "--explanation", "test entry", "--by", "Clerk"));
        }
        assertThat(ok(Run.of("audit", "status", "--workspace", ws)).out()).contains(id + ": no open discrepancies; certification may proceed");
        assertThat(blocked(Run.of("results", "certify", "--workspace", ws, "--authority", id, "--by", "Clerk Lee")).err())
                .contains("blocked by 1 open item", "custody incident #1").doesNotContain("audit mo");
        ok(Run.of("incident", "resolve", "--workspace", ws, "--id", "1", "--by", "Clerk Lee", "--note", "sheet found in the vault"));

        assertThat(ok(Run.of("results", "certify", "--workspace", ws, "--authority", id, "--by", "Clerk Lee")).out())
                .contains("Certified " + id + "'s results of election #1 by Clerk Lee");
        Run unknown = blocked(Run.of("results", "certify", "--workspace", ws, "--authority", "County Z", "--by", "Clerk Lee"));
        assertThat(unknown.err()).contains("--authority: election #1 has no election authority 'County Z'; its authorities: " + id + " (");
        try (var w = org.bulwark.store.Workspace.open(new org.bulwark.store.WorkspaceLocation.SqliteFile(Path.of(ws)))) {
            assertThat(w.logEntry(w.logSize() - 1).orElseThrow().event().kind()).isEqualTo(org.bulwark.model.events.EventKind.RESULTS_CERTIFIED);
        }
        assertThat(blocked(Run.of("results", "certify", "--workspace", ws, "--authority", id, "--by", "Someone Else")).err())
                .contains("were certified already, by Clerk Lee");
    }

    static Run blocked(Run run) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        return run;
    }

    @Test
    void batchComparisonAuditCountsDrawnBatchesByHand() throws IOException {
        String contest = firstContest();
        ok(Run.of("audit", "create", "batches", "--workspace", ws, "--authority", "County A", "--contest", contest + ":0.1:batch-comparison"));
        ok(Run.of("audit", "manifest", "batches", "--workspace", ws, manifest(0).toString()));
        ok(Run.of("audit", "seed", "batches", "--workspace", ws, SEED));
        Path round1 = tmp.resolve("batches-1");
        ok(Run.of("audit", "draw", "batches", "--workspace", ws, "--count", "3", "--out", round1.toString()));
        List<String> list = Files.readAllLines(round1.resolve("retrieval-list.csv"));
        assertThat(list.getFirst()).isEqualTo("Container,Tabulator,Batch,Ballots,Counted,Checked");
        Run early = Run.of("audit", "close-round", "batches", "--workspace", ws);
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("drawn batch count(s) not entered yet");
        boolean first = true;
        for (String line : list.subList(1, list.size())) {
            String[] cells = line.split(",");
            BatchKey key = new BatchKey(java.util.Optional.of(cells[1]), java.util.Optional.of(cells[2]));
            Map<String, Long> votes = new TreeMap<>();
            for (CastVoteRecord cvr : batches.get(key)) {
                for (CvrContest c : cvr.contests()) {
                    List<Mark> counted = c.marks().stream().filter(Mark::countsAsVote).toList();
                    if (c.contest().value().equals(contest) && counted.size() <= 1) {
                        counted.forEach(m -> votes.merge(m.selection().value(), 1L, Long::sum));
                    }
                }
            }
            if (first && !votes.isEmpty()) {
                votes.replaceAll((k, v) -> v + 1); // the team counts one vote more for everyone
            }
            String text = String.join(",", votes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            Run count = ok(Run.of("audit", "hand-count", "batches", "--workspace", ws, "--batch", cells[1] + "/" + cells[2], "--contest", contest,
                    "--votes", text, "--team", "Ann,Bo"));
            assertThat(count.out()).contains(first && !votes.isEmpty() ? "discrepancy(ies)" : "agrees with the CVRs");
            first = false;
        }
        Run close = ok(Run.of("audit", "close-round", "batches", "--workspace", ws));
        assertThat(close.out()).contains("Round 1 of audit batches after 3 draws:", contest + ": risk");
        assertThat(blocked(Run.of("audit", "status", "--workspace", ws)).out()).contains("certification blocked", "CVRs ", "hand ");
        Run mixed = Run.of("audit", "create", "mixed", "--workspace", ws, "--authority", "County A", "--contest", contest + ":0.1:batch-comparison",
                "--contest", contest + ":0.1:bravo");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("audits all its contests that way");
    }

    @Test
    void simulateRunsAWholeAuditAndEscalatesWhenPaperDisagrees() {
        Run clean = ok(Run.of("audit", "simulate", "--ballots", "3000", "--error-rate", "0", "--contests", "2"));
        assertThat(clean.out().strip().lines().toList().getLast()).startsWith("outcome: every contest met its risk limit");
        Run dirty = ok(Run.of("audit", "simulate", "--ballots", "3000", "--error-rate", "0.4", "--contests", "2", "--max-rounds", "2"));
        assertThat(dirty.out()).contains("o2=");
        assertThat(dirty.out().strip().lines().toList().getLast()).startsWith("outcome: full hand count of");
        for (String method : List.of("bravo", "alpha-polling", "alpha-comparison", "batch-comparison")) {
            Run run = ok(Run.of("audit", "simulate", "--ballots", "3000", "--error-rate", "0", "--method", method, "--contests", "1"));
            assertThat(run.out().strip().lines().toList().getLast()).as(method).startsWith("outcome:");
        }
    }
}
