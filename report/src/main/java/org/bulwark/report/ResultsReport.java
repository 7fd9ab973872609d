package org.bulwark.report;

import static org.bulwark.report.PdfPages.BOLD;
import static org.bulwark.report.PdfPages.LEFT;
import static org.bulwark.report.PdfPages.MONO;
import static org.bulwark.report.PdfPages.REGULAR;
import static org.bulwark.report.PdfPages.RIGHT;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestReconciliation;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.NotTabulated;
import org.bulwark.model.results.Reconciliation;
import org.bulwark.model.results.ResultLabels;

/**
 * The printed results report for the canvass: election, fingerprint, software version and time of
 * printing; ballot counts; per contest the votes of each selection with its share, write-in names,
 * overvotes, undervotes, ballots cast and whether the contest reconciles; and signature lines for
 * the canvass board. Every page is numbered "Page X of Y" and carries the short fingerprint.
 */
public final class ResultsReport {
    private static final float[] SELECTION_COLUMNS = {LEFT + 12, -(RIGHT - 90), -RIGHT};
    private static final float[] TWO_COLUMNS = {LEFT + 12, -(RIGHT - 90)};
    private static final float[] WRITE_IN_COLUMNS = {LEFT + 28, -(RIGHT - 90)};
    private static final DateTimeFormatter ELECTION_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.US);
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx (VV)", Locale.US);

    private final ElectionIndex index;
    private final Election election;
    private final ElectionResults results;
    private final ResultsReportInfo info;
    private final ZonedDateTime printed;
    private final List<ContestReconciliation> discrepancies;
    /** Contests with a check that does not balance: found once, not by a search of every check per contest. */
    private final Set<ContestId> unbalanced;

    private ResultsReport(ElectionIndex index, ElectionResults results, ResultsReportInfo info, Clock clock) {
        this.index = index;
        this.election = index.election();
        this.results = results;
        this.info = info;
        this.printed = ZonedDateTime.now(clock).withNano(0);
        this.discrepancies = Reconciliation.discrepancies(results);
        this.unbalanced = discrepancies.stream().map(ContestReconciliation::contest).collect(Collectors.toSet());
    }

    /**
     * Writes the report as a PDF to {@code out}, which is flushed and left open.
     *
     * @throws IllegalArgumentException when the results belong to another election than {@code index}
     */
    public static void write(ElectionIndex index, ElectionResults results, ResultsReportInfo info, Clock clock, OutputStream out)
            throws IOException {
        write(index, results, info, clock, out, pages -> {});
    }

    /** A section a caller adds to the report, printed after the contests and before the signatures. */
    @FunctionalInterface
    public interface Section {
        void write(PdfPages pages) throws IOException;
    }

    /** As {@link #write(ElectionIndex, ElectionResults, ResultsReportInfo, Clock, OutputStream)}, with the caller's {@code extra} section. */
    public static void write(ElectionIndex index, ElectionResults results, ResultsReportInfo info, Clock clock, OutputStream out,
            Section extra) throws IOException {
        if (!results.electionId().equals(index.election().id())) {
            throw new IllegalArgumentException("results of election " + results.electionId()
                    + " cannot be reported with the definition of election " + index.election().id());
        }
        new ResultsReport(index, results, info, clock).write(out, extra);
    }

    private void write(OutputStream out, Section extra) throws IOException {
        try (PDDocument document = new PDDocument(); PdfPages pages = new PdfPages(document)) {
            PDDocumentInformation meta = document.getDocumentInformation();
            meta.setTitle(info.title() + " - " + election.title());
            meta.setCreator("Bulwark " + info.softwareVersion());
            meta.setSubject("Election fingerprint " + info.electionFingerprint());
            meta.setCreationDate(GregorianCalendar.from(printed));
            meta.setModificationDate(GregorianCalendar.from(printed));

            pages.newPage();
            header(pages);
            ballots(pages);
            reconciliationSummary(pages);
            for (ContestResult contest : results.contests()) {
                contest(pages, contest);
            }
            notTabulated(pages);
            extra.write(pages);
            signatures(pages);
            pages.footers((info.test() ? "TEST BALLOTS - NOT OFFICIAL RESULTS - " : "") + election.title()
                    + " - election fingerprint " + info.shortFingerprint());
            document.save(out);
        }
        out.flush();
    }

    private void header(PdfPages p) throws IOException {
        if (info.test()) {
            p.line(BOLD, 14, LEFT, "TEST BALLOTS - NOT OFFICIAL RESULTS");
        }
        p.paragraph(BOLD, 18, LEFT, info.title());
        p.paragraph(BOLD, 13, LEFT, election.title());
        p.space(4);
        p.line(REGULAR, 10, LEFT, "Election date: " + election.date().format(ELECTION_DATE) + "    Type: " + election.type().nist());
        p.line(REGULAR, 10, LEFT, "Jurisdiction: " + ResultLabels.unit(index, election.scope()));
        p.line(BOLD, 10, LEFT, "Election fingerprint: " + info.shortFingerprint());
        p.line(MONO, 8.5f, LEFT + 12, info.electionFingerprint());
        p.line(REGULAR, 10, LEFT, "Software: Bulwark " + info.softwareVersion());
        p.line(REGULAR, 10, LEFT, "Printed: " + printed.format(PRINTED));
        p.rule();
    }

    private void ballots(PdfPages p) throws IOException {
        BallotCounts total = results.ballots().total();
        p.line(BOLD, 12, LEFT, "Ballots counted: " + number(total.counted()));
        p.row(REGULAR, 10, TWO_COLUMNS, "Blank ballots (no vote in any contest)", number(total.blank()));
        if (total.partyUndetermined() > 0) {
            p.row(REGULAR, 10, TWO_COLUMNS, "Primary ballots of undetermined party (partisan contests not counted)",
                    number(total.partyUndetermined()));
        }
        p.space(4);
        p.row(BOLD, 10, TWO_COLUMNS, "By precinct or split", "Ballots");
        for (Map.Entry<GpUnitId, BallotCounts> e : results.ballots().byUnit().entrySet()) {
            p.row(REGULAR, 10, TWO_COLUMNS, ResultLabels.unit(index, e.getKey()), number(e.getValue().counted()));
        }
        p.space(4);
        p.row(BOLD, 10, TWO_COLUMNS, "By counting group", "Ballots");
        for (Map.Entry<CountingGroup, BallotCounts> e : results.ballots().byCountingGroup().entrySet()) {
            p.row(REGULAR, 10, TWO_COLUMNS, e.getKey().nist(), number(e.getValue().counted()));
        }
        p.rule();
    }

    private void reconciliationSummary(PdfPages p) throws IOException {
        p.line(BOLD, 12, LEFT, "Reconciliation");
        if (discrepancies.isEmpty()) {
            p.paragraph(REGULAR, 10, LEFT, "Every contest reconciles, for the jurisdiction and every precinct, counting group,"
                    + " device and batch: ballots cast x votes allowed = votes + undervotes + overvotes.");
        } else {
            p.paragraph(BOLD, 10, LEFT, discrepancies.size() + " checks do NOT reconcile (ballots cast x votes allowed"
                    + " must equal votes + undervotes + overvotes):");
            for (ContestReconciliation d : discrepancies) {
                for (String problem : d.problems()) {
                    p.paragraph(REGULAR, 9, LEFT + 12, problem);
                }
            }
        }
        p.rule();
    }

    private void contest(PdfPages p, ContestResult result) throws IOException {
        Contest contest = index.contest(result.contest()).orElseThrow();
        ContestCounts c = result.counts().total();
        // Keep a contest on one page when it fits: title, 5 lines of totals, selections, names, space.
        int rows = 1 + c.votes().size() + 1 + (c.writeInNames().isEmpty() ? 0 : 1 + c.writeInNames().size()) + 4;
        p.need(6 + p.paragraphHeight(BOLD, 12, LEFT, contest.name()) + 9 * 1.35f + rows * 10 * 1.35f + 6);
        p.space(6);
        p.paragraph(BOLD, 12, LEFT, contest.name());
        p.line(REGULAR, 9, LEFT, "Vote for " + result.votesAllowed() + "    Contest id " + contest.id());
        p.row(BOLD, 10, SELECTION_COLUMNS, "Selection", "Votes", "Percent");
        long totalVotes = c.totalVotes();
        for (Map.Entry<SelectionId, Long> v : c.votes().entrySet()) {
            String label = contest.selections().stream().filter(s -> s.id().equals(v.getKey())).findFirst()
                    .map(s -> selectionLabel(s)).orElse(v.getKey().value());
            p.row(REGULAR, 10, SELECTION_COLUMNS, label, number(v.getValue()), percent(v.getValue(), totalVotes));
        }
        p.row(BOLD, 10, SELECTION_COLUMNS, "Total votes", number(totalVotes), "");
        if (!c.writeInNames().isEmpty()) {
            p.line(REGULAR, 9, LEFT + 12, "Write-in names as read (not yet resolved):");
            for (Map.Entry<String, Long> w : c.writeInNames().entrySet()) {
                p.row(REGULAR, 9, WRITE_IN_COLUMNS, w.getKey(), number(w.getValue()));
            }
        }
        p.row(REGULAR, 10, TWO_COLUMNS, "Overvotes", number(c.overvotes()));
        p.row(REGULAR, 10, TWO_COLUMNS, "Undervotes", number(c.undervotes()));
        p.row(REGULAR, 10, TWO_COLUMNS, "Ballots cast", number(c.ballotsCast()));
        boolean balanced = !unbalanced.contains(result.contest());
        p.row(balanced ? REGULAR : BOLD, 10, TWO_COLUMNS, "Reconciliation",
                balanced ? "Balanced" : "DOES NOT BALANCE");
        p.rule();
    }

    private String selectionLabel(ContestSelection s) {
        String label = ResultLabels.selection(index, s);
        if (s instanceof ContestSelection.CandidateSelection c) {
            String parties = c.candidates().stream()
                    .flatMap(id -> index.candidate(id).flatMap(x -> x.party()).stream())
                    .distinct()
                    .map(id -> index.party(id).map(party -> party.abbreviation().isBlank() ? party.name() : party.abbreviation())
                            .orElse(id.value()))
                    .reduce((a, b) -> a + "/" + b)
                    .orElse("");
            return parties.isEmpty() ? label : label + " (" + parties + ")";
        }
        return label;
    }

    private void notTabulated(PdfPages p) throws IOException {
        if (results.notTabulated().isEmpty()) {
            return;
        }
        p.space(6);
        p.line(BOLD, 12, LEFT, "Contests not tabulated in this report");
        for (NotTabulated n : results.notTabulated()) {
            String name = index.contest(n.contest()).map(Contest::name).orElse(n.contest().value());
            p.paragraph(REGULAR, 10, LEFT + 12, name + ": " + n.reason());
        }
        p.rule();
    }

    private void signatures(PdfPages p) throws IOException {
        p.need(330);
        p.space(10);
        p.line(BOLD, 12, LEFT, "Certification of the canvass board");
        p.paragraph(REGULAR, 10, LEFT, "We, the undersigned members of the canvass board, certify that we have examined"
                + " this report of the results of " + election.title() + " (election fingerprint "
                + info.shortFingerprint() + ") and that it is a true account of the ballots counted.");
        for (int i = 1; i <= 4; i++) {
            p.space(34);
            p.signatureLine(LEFT, 230);
            p.signatureLine(LEFT + 250, 130);
            p.signatureLine(LEFT + 400, 104);
            p.row(REGULAR, 8, new float[] {LEFT, LEFT + 250, LEFT + 400},
                    "Signature, canvass board member " + i, "Printed name and party", "Date");
        }
    }

    private static String number(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    private static String percent(long votes, long total) {
        return total == 0 ? "-" : String.format(Locale.US, "%.2f%%", 100.0 * votes / total);
    }
}
