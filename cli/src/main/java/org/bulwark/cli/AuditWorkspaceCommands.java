package org.bulwark.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bulwark.auditing.AuditReports;
import org.bulwark.auditing.BallotEntries;
import org.bulwark.auditing.RetrievalDocument;
import org.bulwark.auditing.WorkspaceAudit;
import org.bulwark.audit.AuditReport;
import org.bulwark.audit.AuditText;
import org.bulwark.audit.AuditedContest;
import org.bulwark.audit.BallotManifest;
import org.bulwark.audit.BoardEntry;
import org.bulwark.audit.ManifestCheck;
import org.bulwark.audit.ManifestReader;
import org.bulwark.audit.MissouriAudit;
import org.bulwark.audit.PaperReading;
import org.bulwark.audit.RetrievalList;
import org.bulwark.audit.RiskLimitingAudit;
import org.bulwark.audit.RlaMethod;
import org.bulwark.model.BadInputException;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.ValidationIssue;
import org.bulwark.store.AuditRecords;
import org.bulwark.store.StoredElection;
import org.bulwark.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code bulwark audit} steps in a workspace: set up, manifest, seed, draw with retrieval list,
 * hand counts and audit-board entries, closing a round, resolving discrepancies, status, report.
 */
final class AuditWorkspaceCommands {
    /** Dice give digits; 20 of them are about 66 bits, enough that nobody can steer a drawing by choosing the seed. */
    static final int SEED_DIGITS = 20;
    /** Rounds before a full hand count, unless a command says otherwise. */
    static final int MAX_ROUNDS = 5;

    private AuditWorkspaceCommands() {}

    /** The parts every step shares: the workspace, the audit's name and where to write. */
    abstract static class Step implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Parameters(index = "0", paramLabel = "AUDIT", description = "The audit's name.")
        String name;

        PrintWriter out() {
            return Bulwark.of(spec).io().out();
        }

        @Override
        public Integer call() throws Exception {
            try (Workspace ws = workspace.open()) {
                run(ws);
            }
            out().flush();
            return Bulwark.OK;
        }

        abstract void run(Workspace ws) throws Exception;

        RuntimeException usage(String message) {
            return new ParameterException(spec.commandLine(), message);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Set up an audit of an election in the workspace: Missouri's 5%% hand count or a risk-limiting audit of the contests given.")
    static final class Create extends Step {
        @Option(names = "--election", paramLabel = "ID", description = "The election's number in the workspace; may be left out when it holds only one.")
        Optional<Long> election;

        @Option(names = "--authority", required = true, paramLabel = "NAME", description = "The local election authority whose ballots are audited.")
        String authority;

        @Option(names = "--missouri", description = "Missouri's manual audit (15 CSR 30-10.110) instead of a risk-limiting audit.")
        boolean missouri;

        @Option(names = "--contest", paramLabel = "CONTEST:LIMIT:METHOD",
                description = "A contest of a risk-limiting audit, its risk limit and method (bravo, alpha-polling, kaplan-markov, "
                        + "alpha-comparison); repeat for several, e.g. --contest mayor:0.05:bravo --contest measure-1:0.1:bravo.")
        List<String> contests = new ArrayList<>();

        @Override
        void run(Workspace ws) {
            StoredElection stored = StoredElections.pick(ws, election);
            ElectionIndex index = ElectionIndex.of(ws.loadElection(stored.ref()));
            if (missouri == !contests.isEmpty()) {
                throw usage("give either --missouri or one --contest for each contest of a risk-limiting audit");
            }
            List<AuditText.ContestSetting> settings = new ArrayList<>();
            for (String c : contests) {
                AuditText.ContestSetting s;
                try {
                    s = AuditText.parseSetting(c);
                } catch (IllegalArgumentException e) {
                    throw usage("--contest " + e.getMessage());
                }
                Contest contest = index.contest(s.contest()).orElseThrow(() -> usage("--contest: the election has no contest " + s.contest().value()));
                if (contest instanceof Contest.CandidateContest cc && cc.isRankedChoice() || contest instanceof Contest.PartyContest) {
                    throw usage("--contest: " + s.contest().value() + " is not a vote-for-N or yes/no contest; those are the ones audited here");
                }
                settings.add(s);
            }
            long batch = settings.stream().filter(s -> s.method() instanceof RlaMethod.BatchComparison).count();
            if (batch > 0 && batch < settings.size()) {
                throw usage("--contest: an audit by batch comparison audits all its contests that way (batches are hand counted, not ballots)");
            }
            AuditRecords.StoredAudit audit = doneOrRefused(ws, ws.audits().create(stored.ref(), name, missouri ? "missouri" : "rla", authority,
                    AuditText.settings(settings)));
            out().println("Audit " + audit.name() + " set up for " + stored.title() + " (" + authority + "): "
                    + (missouri ? "Missouri's 5% hand count" : settings.size() + " contest(s) under a risk-limiting audit"));
            out().println("Next: " + (missouri ? "" : "bulwark audit manifest " + name + " FILE, then ") + "bulwark audit seed " + name + " DIGITS");
        }
    }

    static <T> T doneOrRefused(Workspace ws, AuditRecords.Recorded<T> recorded) {
        return switch (recorded) {
            case AuditRecords.Recorded.Done<T> d -> d.value();
            case AuditRecords.Recorded.Refused<T> r -> throw new BadInputException(ws.location().describe(), "audits", r.reason());
        };
    }

    @Command(name = "manifest", mixinStandardHelpOptions = true,
            description = "Import the ballot manifest (CSV: Container, Tabulator, Batch, Ballots; Arlo's column names too), checked against the tabulated ballots per batch.")
    static final class Manifest extends Step {
        @Parameters(index = "1", paramLabel = "FILE", description = "The manifest CSV.")
        Path file;

        @Override
        void run(Workspace ws) throws IOException {
            WorkspaceAudit audit = WorkspaceAudit.open(ws, name);
            BallotManifest manifest = ManifestReader.read(file);
            List<ValidationIssue> issues = ManifestCheck.against(manifest, WorkspaceAudit.batchCounts(audit.results()));
            if (!issues.isEmpty()) {
                StringBuilder all = new StringBuilder("the manifest does not match the tabulated ballots (" + issues.size() + " batch(es)):");
                issues.forEach(i -> all.append(System.lineSeparator()).append("  ").append(i.path()).append(": ").append(i.message()));
                throw new BadInputException(file.toString(), "batches", all.toString());
            }
            audit.done(audit.records().importManifest(audit.audit(), file.toString(), Files.readAllBytes(file), manifest.fingerprint(), manifest.totalBallots()));
            out().println("Manifest " + file + " imported: " + manifest.batches().size() + " batches, " + manifest.totalBallots()
                    + " ballots, matching the tabulated count; SHA-256 " + manifest.fingerprint());
        }
    }

    @Command(name = "seed", mixinStandardHelpOptions = true,
            description = "Enter the public random seed rolled with dice at the public ceremony (" + SEED_DIGITS
                    + " digits or more); it goes into the log before any sample is drawn and cannot change once one has been.")
    static final class Seed extends Step {
        @Parameters(index = "1", paramLabel = "DIGITS", description = "The digits as rolled.")
        String seed;

        @Override
        void run(Workspace ws) {
            WorkspaceAudit audit = WorkspaceAudit.open(ws, name);
            // Dice digits are often read out in groups: the spaces between them are not part of the seed.
            String digits = seed.replaceAll("\\s", "");
            if (!digits.matches("\\d{" + SEED_DIGITS + ",256}")) {
                throw usage("the seed must be " + SEED_DIGITS + " or more digits as rolled (spaces allowed), not \"" + seed + "\"");
            }
            audit.done(audit.records().enterSeed(audit.audit(), digits));
            out().println("Seed " + digits + " entered for audit " + name + " and written to the log.");
        }
    }

    @Command(name = "draw", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Draw the next round's sample with the seed (Missouri: the precincts and contests) and write the retrieval list as CSV and PDF.")
    static final class Draw extends Step {
        @Option(names = "--count", paramLabel = "K",
                description = "Draws in this round; default: the expected sample size for round 1, the escalation for later rounds.")
        Optional<Long> count;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder for the retrieval list (created if needed). Default: audit-AUDIT-round-N.")
        Optional<Path> outDir;

        @Override
        void run(Workspace ws) throws IOException {
            WorkspaceAudit audit = WorkspaceAudit.open(ws, name);
            if (count.isPresent() && audit.missouri()) {
                throw usage("--count: a Missouri audit draws its precincts by the rule, not by a count");
            }
            int round = switch (audit.draw(count)) {
                case WorkspaceAudit.Drawing.Refused r -> throw usage(r.reason());
                case WorkspaceAudit.Drawing.Drawn d -> {
                    report(audit, d);
                    yield d.round();
                }
            };
            RetrievalDocument list = audit.retrievalList(round);
            Path target = outDir.orElse(Path.of("audit-" + name + "-round-" + round));
            try (OutputFolder folder = OutputFolder.create(target)) {
                Files.writeString(folder.file("retrieval-list.csv"), list.csv(), StandardCharsets.UTF_8);
                try (OutputStream pdf = Files.newOutputStream(folder.file("retrieval-list.pdf"))) {
                    list.writePdf(pdf);
                }
                folder.commit();
            }
            out().println("Retrieval list: " + target.resolve("retrieval-list.csv") + " and retrieval-list.pdf");
        }

        private void report(WorkspaceAudit audit, WorkspaceAudit.Drawing.Drawn drawn) {
            if (audit.missouri()) {
                MissouriAudit.Selection selection = audit.missouriSelection(audit.seed());
                out().println("Drew " + selection.precincts().size() + " of " + selection.precinctsInAuthority() + " precincts and "
                        + selection.contests().size() + " contests for audit " + name + ":");
                selection.precincts().forEach(p -> out().println("  precinct " + p.value()));
                selection.contests().forEach(c -> out().println("  contest " + c.contest().value() + " (" + c.category().description() + ")"));
            } else {
                int pulls = RetrievalList.of(audit.manifest(), List.of(drawn.draws())).size();
                out().println("Round " + drawn.round() + " of audit " + name + ": drew " + drawn.draws().size() + " (" + pulls + " ballots to pull).");
            }
        }
    }

    @Command(name = "hand-count", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Enter a bipartisan team's hand count of one contest in one drawn precinct (Missouri) or drawn batch (batch comparison); "
                    + "differences from the machine count become discrepancies.")
    static final class HandCount extends Step {
        @Option(names = "--precinct", paramLabel = "ID", description = "The drawn precinct (Missouri).")
        Optional<String> precinctOption;

        @Option(names = "--batch", paramLabel = "TABULATOR/BATCH", description = "The drawn batch (a batch-comparison audit), as the retrieval list names it.")
        Optional<String> batch;

        @Option(names = "--contest", required = true, paramLabel = "ID", description = "The drawn contest.")
        String contest;

        @Option(names = "--votes", required = true, paramLabel = "SEL=N,...", description = "Votes per selection as counted, e.g. alice=120,bob=98.")
        String votes;

        @Option(names = "--team", required = true, split = ",", paramLabel = "FIRST,SECOND", description = "The two team members, one of each major party.")
        List<String> team;

        @Override
        void run(Workspace ws) {
            WorkspaceAudit audit = WorkspaceAudit.open(ws, name);
            if (team.size() != 2) {
                throw usage("--team names two people, not " + team.size());
            }
            if (audit.batchAudit()) {
                batchCount(audit);
                return;
            }
            if (!audit.missouri()) {
                throw usage("audit " + name + " is a ballot-level risk-limiting audit; enter ballots with: bulwark audit enter");
            }
            String precinct = precinctOption.orElseThrow(() -> usage("give the drawn precinct with --precinct"));
            if (audit.rounds().isEmpty()) {
                throw usage("audit " + name + " has drawn no precincts yet: bulwark audit draw " + name);
            }
            MissouriAudit.Selection selection = audit.missouriSelection(audit.seed());
            if (!selection.precincts().contains(new GpUnitId(precinct))) {
                throw usage("precinct " + precinct + " was not drawn; drawn: " + String.join(", ", selection.precincts().stream().map(GpUnitId::value).toList()));
            }
            if (selection.contests().stream().noneMatch(c -> c.contest().value().equals(contest))) {
                throw usage("contest " + contest + " was not drawn; drawn: "
                        + String.join(", ", selection.contests().stream().map(c -> c.contest().value()).toList()));
            }
            MissouriAudit.HandCount count;
            try {
                count = new MissouriAudit.HandCount(new GpUnitId(precinct), new ContestId(contest), AuditText.parseCounts(votes), team.get(0), team.get(1));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            Map<String, String> found = new LinkedHashMap<>();
            MissouriAudit.compare(audit.results(), List.of(count)).forEach(d -> found.put(d.key(), d.describe()));
            String content = AuditText.counts(count.votes());
            audit.done(audit.records().enter(audit.audit(), "precinct " + precinct + ", contest " + contest, "hand-count", content,
                    String.join(", ", team), WorkspaceAudit.sha256(content), found));
            out().println("Hand count entered for precinct " + precinct + ", contest " + contest + ": "
                    + (found.isEmpty() ? "agrees with the machine count." : found.size() + " discrepancy(ies):"));
            found.forEach((k, v) -> out().println("  " + k + ": " + v));
        }

        /** A team's count of one contest in one drawn batch; differences from the batch's CVRs are discrepancies. */
        private void batchCount(WorkspaceAudit audit) {
            String batchName = batch.orElseThrow(() -> usage("give the drawn batch with --batch TABULATOR/BATCH"));
            BallotManifest manifest = audit.manifest();
            int index = WorkspaceAudit.batchIndex(manifest, batchName).orElseThrow(() -> usage("the manifest has no batch " + batchName));
            BallotManifest.Locator locator = manifest.locator();
            if (audit.allDraws().stream().noneMatch(d -> locator.locate(d.pick()).batchIndex() == index)) {
                throw usage("batch " + batchName + " was not drawn in audit " + name);
            }
            List<AuditedContest> contests = audit.contests();
            AuditedContest audited = contests.stream().filter(c -> c.contest().value().equals(contest)).findFirst()
                    .orElseThrow(() -> usage("contest " + contest + " is not audited in " + name));
            Map<SelectionId, Long> counted;
            try {
                counted = AuditText.parseCounts(votes);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            Map<SelectionId, Long> reported = audit.batchTotals(manifest, contests).get(index).reported()
                    .getOrDefault(audited.contest(), Map.of());
            Map<String, String> found = new LinkedHashMap<>();
            Set<SelectionId> selections = new TreeSet<>(Comparator.comparing(SelectionId::value));
            selections.addAll(reported.keySet());
            selections.addAll(counted.keySet());
            for (var sel : selections) {
                long m = reported.getOrDefault(sel, 0L);
                long h = counted.getOrDefault(sel, 0L);
                if (m != h) {
                    found.put(batchName + "/" + contest + "/" + sel.value(), "batch " + batchName + ", contest " + contest + ", " + sel.value()
                            + ": CVRs " + m + ", hand " + h + " (" + (h > m ? "+" : "") + (h - m) + ")");
                }
            }
            String content = AuditText.counts(counted);
            audit.done(audit.records().enter(audit.audit(), "batch " + batchName + ", contest " + contest, "hand-count", content,
                    String.join(", ", team), WorkspaceAudit.sha256(content), found));
            out().println("Hand count entered for batch " + batchName + ", contest " + contest + ": "
                    + (found.isEmpty() ? "agrees with the CVRs." : found.size() + " discrepancy(ies):"));
            found.values().forEach(v -> out().println("  " + v));
        }
    }

    @Command(name = "enter", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Enter what an audit board of two read on a sampled ballot (or that it could not be found); for comparison audits the discrepancy with its CVR is computed per contest.")
    static final class Enter extends Step {
        @Option(names = "--ballot", required = true, paramLabel = "N", description = "The ballot's number in the manifest, as on the retrieval list.")
        long ballot;

        @Option(names = "--board", required = true, paramLabel = "NAME", description = "The audit board.")
        String board;

        @Option(names = "--members", required = true, split = ",", paramLabel = "FIRST,SECOND", description = "The board's two members.")
        List<String> members;

        @Option(names = "--marks", paramLabel = "CONTEST=SEL|SEL;...",
                description = "The marks read, per contest: mayor=alice;council=bob|carol;measure-1= (nothing marked).")
        Optional<String> marks;

        @Option(names = "--not-found", paramLabel = "NOTE", description = "The ballot could not be found; what the board saw. Counts the worst way.")
        Optional<String> notFound;

        @Option(names = "--decoded", paramLabel = "FILE",
                description = "The ballot's paper record as a reader decoded it: a NIST CVR file (JSON or XML) holding that one ballot.")
        Optional<Path> decoded;

        @Option(names = "--paper", paramLabel = "FILE",
                description = "The ballot's paper record as a device printed it (a PNG scan or a PDF), read back from its QR code."
                        + " A record of another election or in test mode is refused.")
        Optional<Path> paper;

        @Override
        void run(Workspace ws) throws IOException {
            WorkspaceAudit audit = WorkspaceAudit.open(ws, name);
            if (Stream.of(marks, notFound, decoded, paper).filter(Optional::isPresent).count() != 1) {
                throw usage("give one of --marks, --not-found, --decoded or --paper");
            }
            BoardEntry entry;
            try {
                PaperReading reading = decoded.isPresent() ? BallotEntries.decoded(audit, decoded.get())
                        : paper.isPresent() ? BallotEntries.paper(audit, paper.get(), paper.get().toString())
                        : notFound.<PaperReading>map(PaperReading.NotFound::new).orElseGet(() -> AuditText.parseReading(marks.get()));
                entry = new BoardEntry(ballot, board, members.get(0), members.size() > 1 ? members.get(1) : "", reading);
                if (members.size() != 2) {
                    throw new IllegalArgumentException("--members names two people, not " + members.size());
                }
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            switch (BallotEntries.enter(audit, entry)) {
                case BallotEntries.Outcome.Refused r -> throw usage(r.reason());
                case BallotEntries.Outcome.Entered e -> {
                    out().println("Ballot " + ballot + " entered by " + board + (e.discrepancies().isEmpty() ? "; no discrepancy." : ":"));
                    e.discrepancies().forEach(v -> out().println("  " + v));
                }
            }
        }
    }

    @Command(name = "close-round", mixinStandardHelpOptions = true,
            description = "Measure each contest's risk with everything entered, and decide: stop, escalate (the next draw size) or count by hand.")
    static final class CloseRound extends Step {
        @Option(names = "--max-rounds", paramLabel = "R", defaultValue = "" + MAX_ROUNDS,
                description = "Rounds after which a contest still above its limit goes to a full hand count. Default: ${DEFAULT-VALUE}.")
        int maxRounds;

        @Override
        void run(Workspace ws) {
            WorkspaceAudit audit = WorkspaceAudit.open(ws, name);
            switch (audit.closeRound(maxRounds)) {
                case WorkspaceAudit.Closing.Refused r -> throw usage(r.reason());
                case WorkspaceAudit.Closing.Closed c -> {
                    out().println("Round " + c.round() + " of audit " + name + " after " + c.draws() + " draws:");
                    for (RiskLimitingAudit.ContestRisk r : c.risks()) {
                        out().printf("  %s: risk %.6g, limit %s, %s%n", r.contest().value(), r.risk(), r.riskLimit(), r.met() ? "met" : "not met");
                    }
                    out().println(c.outcome());
                }
            }
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Record how a discrepancy was investigated and resolved (it stays in the record; the resolution is a new row).")
    static final class Resolve extends Step {
        @Parameters(index = "1", paramLabel = "KEY", description = "The discrepancy as status lists it, e.g. p-12/mayor/alice or ballot 17/mayor.")
        String key;

        @Option(names = "--explanation", required = true, paramLabel = "TEXT", description = "What the investigation found.")
        String explanation;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who resolved it.")
        String by;

        @Override
        void run(Workspace ws) {
            WorkspaceAudit audit = WorkspaceAudit.open(ws, name);
            audit.done(audit.records().resolve(audit.audit(), key, explanation, by));
            out().println("Discrepancy " + key + " of audit " + name + " resolved by " + by + ".");
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write the audit report (PDF and CSV) and the plot of risk against ballots audited (SVG).")
    static final class Report extends Step {
        @Option(names = "--out", paramLabel = "DIR", description = "Folder for the report files (created if needed). Default: audit-AUDIT-report.")
        Optional<Path> outDir;

        @Override
        void run(Workspace ws) throws IOException {
            WorkspaceAudit audit = WorkspaceAudit.open(ws, name);
            AuditReport report = AuditReports.of(audit);
            Path target = outDir.orElse(Path.of("audit-" + name + "-report"));
            try (OutputFolder folder = OutputFolder.create(target)) {
                Files.writeString(folder.file("audit-report.csv"), report.csv(), StandardCharsets.UTF_8);
                Files.writeString(folder.file("risk-plot.svg"), report.svgPlot(), StandardCharsets.UTF_8);
                try (OutputStream pdf = Files.newOutputStream(folder.file("audit-report.pdf"))) {
                    AuditReports.pdf(report, pdf);
                }
                folder.commit();
            }
            out().println("Audit report written to " + target + ": audit-report.pdf, audit-report.csv, risk-plot.svg");
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"The audits in the workspace and the discrepancies still open per authority: certification must wait while any is open.",
                "Exit code 2 when certification of any authority shown is blocked by an open discrepancy, 0 when none is."})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--authority", paramLabel = "NAME", description = "Only this authority.")
        Optional<String> authority;

        @Override
        public Integer call() {
            PrintWriter out = Bulwark.of(spec).io().out();
            try (Workspace ws = workspace.open()) {
                AuditRecords records = ws.audits();
                Set<String> authorities = new TreeSet<>();
                boolean blocked = false;
                for (AuditRecords.StoredAudit a : records.list()) {
                    if (authority.isEmpty() || authority.get().equals(a.authority())) {
                        authorities.add(a.authority());
                        List<AuditRecords.ClosedRound> closed = records.closedRounds(a);
                        out.println("Audit " + a.name() + " (" + a.kind() + ", " + a.authority() + "): " + records.rounds(a).size() + " round(s) drawn"
                                + (closed.isEmpty() ? "" : "; last outcome: " + closed.getLast().outcome()));
                    }
                }
                authority.ifPresent(authorities::add);
                for (String auth : authorities) {
                    List<AuditRecords.OpenDiscrepancy> discrepancies = records.openDiscrepancies(auth);
                    for (AuditRecords.OpenDiscrepancy d : discrepancies) {
                        out.println("  open: " + d.audit() + " " + d.key() + ": " + d.description());
                    }
                    blocked |= !discrepancies.isEmpty();
                    out.println(auth + ": " + (discrepancies.isEmpty() ? "no open discrepancies; certification may proceed"
                            : "certification blocked: " + discrepancies.size() + " open discrepancy(ies) (" + MissouriAudit.RULE + ")"));
                }
                if (authorities.isEmpty()) {
                    out.println("No audits in this workspace.");
                }
                out.flush();
                return blocked ? Bulwark.BAD_INPUT : Bulwark.OK;
            }
        }
    }
}
