package org.bulwark.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.Candidate;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.ResultLabels;

/** A short results summary for the terminal: the headline figures and the first few contests. */
final class ResultsPrinter {
    private ResultsPrinter() {}

    static void print(PrintWriter out, ElectionIndex index, ElectionResults results, int contests) {
        ElectionFingerprint fingerprint = ElectionFingerprint.of(index.election());
        out.println(index.election().title());
        out.println("Election fingerprint " + fingerprint.shortForm() + " (" + fingerprint.sha256() + ")");
        BallotCounts total = results.ballots().total();
        StringBuilder groups = new StringBuilder();
        for (Map.Entry<CountingGroup, BallotCounts> g : results.ballots().byCountingGroup().entrySet()) {
            groups.append(groups.isEmpty() ? "" : ", ").append(g.getKey().nist()).append(' ').append(Progress.count(g.getValue().counted()));
        }
        out.println("Ballots counted: " + Progress.count(total.counted()) + (groups.isEmpty() ? "" : " (" + groups + ")"));
        out.println("Contests counted: " + results.contests().size()
                + (results.notTabulated().isEmpty() ? "" : "; not counted here: " + results.notTabulated().size()));
        for (ContestResult r : results.contests().subList(0, Math.min(contests, results.contests().size()))) {
            contest(out, index, r);
        }
        out.flush();
    }

    /** As the ballot shows it, with the party of the (first) candidate, as "Jane Roe (DEM)". */
    private static String label(ElectionIndex index, ContestSelection s) {
        String label = ResultLabels.selection(index, s);
        if (s instanceof ContestSelection.CandidateSelection c) {
            Optional<String> party = index.candidate(c.candidates().get(0)).flatMap(Candidate::party).flatMap(index::party)
                    .map(p -> p.abbreviation().isBlank() ? p.name() : p.abbreviation());
            return party.map(p -> label + " (" + p + ")").orElse(label);
        }
        return label;
    }

    private static void contest(PrintWriter out, ElectionIndex index, ContestResult r) {
        Contest contest = index.contest(r.contest()).orElseThrow();
        ContestCounts c = r.counts().total();
        long votes = c.totalVotes();
        out.println();
        out.println(contest.name() + (r.votesAllowed() > 1 ? " (vote for " + r.votesAllowed() + ")" : ""));
        for (ContestSelection s : contest.selections()) {
            long v = c.votesFor(s.id());
            String share = votes == 0 ? "" : String.format(Locale.ROOT, "%6.2f%%", 100.0 * v / votes);
            out.println(String.format(Locale.ROOT, "  %-50s %12s %s", label(index, s), Progress.count(v), share));
        }
        out.println("  overvotes " + Progress.count(c.overvotes()) + ", undervotes " + Progress.count(c.undervotes()));
    }
}
