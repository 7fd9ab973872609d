package org.bulwark.rctab;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bulwark.tally.rcv.Inactive;
import org.bulwark.tally.rcv.RcvContest;
import org.bulwark.tally.rcv.RcvPass;
import org.bulwark.tally.rcv.RcvRound;
import org.bulwark.tally.rcv.RcvRules.WinnerMode;
import org.bulwark.tally.rcv.Slice;

/**
 * RCTab's detailed report of one tabulation, as JSON (jsonFormatVersion 1) and CSV (CSV Format Version
 * 1), laid out as RCTab 2.0 writes them so that the two tools' reports can be compared line by line:
 * the same rows and keys, vote values with the same digits, percentages truncated to two decimals the
 * same way, and the same order of candidates. A count split by precinct or batch gets one CSV report per
 * precinct or batch, as RCTab writes them (its figures, the whole count's decisions marked with a dagger).
 */
final class DetailedReport {
    private static final String TIE_NOTE = "*Tie resolved in accordance with election law";
    private static final List<Map.Entry<String, Inactive>> INACTIVE_ROWS = List.of(
            Map.entry("Overvotes", Inactive.OVERVOTE),
            Map.entry("Skipped Rankings", Inactive.SKIPPED_RANKINGS),
            Map.entry("Exhausted Choices", Inactive.EXHAUSTED_CHOICES),
            Map.entry("Repeated Rankings", Inactive.REPEATED_RANKING));

    private final RctabConfig config;
    private final RcvPass pass;
    private final String generatedBy;
    private final Optional<SliceId> slice;
    private final List<RcvRound> rounds;
    private final RcvRound first;
    private final RcvRound last;

    /** One precinct or batch of a count split by precinct or batch. */
    record SliceId(Slice kind, String name) {}

    /** The report of the whole count. */
    DetailedReport(RctabConfig config, RcvPass pass, String generatedBy) {
        this(config, pass, generatedBy, Optional.empty(), pass.rounds());
    }

    /** The report of one precinct or batch: its figures, the whole count's decisions. */
    DetailedReport(RctabConfig config, RcvPass pass, String generatedBy, SliceId slice) {
        this(config, pass, generatedBy, Optional.of(slice), pass.slices().get(slice.kind()).get(slice.name()));
    }

    private DetailedReport(RctabConfig config, RcvPass pass, String generatedBy, Optional<SliceId> slice,
            List<RcvRound> rounds) {
        this.config = config;
        this.pass = pass;
        this.generatedBy = generatedBy;
        this.slice = slice;
        this.rounds = rounds;
        this.first = rounds.get(0);
        this.last = rounds.get(rounds.size() - 1);
    }

    private boolean usesSurpluses() {
        return pass.numberOfWinners() > 1 && config.contest().rules().winnerMode() != WinnerMode.BOTTOMS_UP;
    }

    private BigDecimal totalBallots() {
        return first.active().add(first.lockedIn()).add(first.inactiveTotal());
    }

    private BigDecimal noRankings() {
        return first.inactive().get(Inactive.NO_RANKINGS);
    }

    // ---- JSON ----------------------------------------------------------------------------------------

    void writeJson(OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("config");
            g.writeStringField("contest", config.output().contestName());
            g.writeStringField("date", config.output().contestDate());
            g.writeStringField("generatedBy", generatedBy);
            g.writeStringField("jurisdiction", config.output().jurisdiction());
            g.writeStringField("office", config.output().office());
            g.writeEndObject();
            g.writeStringField("jsonFormatVersion", "1");
            g.writeArrayFieldStart("results");
            for (RcvRound round : rounds) {
                writeRound(g, round);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeStringField("finalThreshold", last.threshold().toString());
            g.writeNumberField("numCandidates", pass.candidateNameCount());
            g.writeNumberField("numWinners", pass.numberOfWinners());
            g.writeStringField("totalNumBallots", totalBallots().toString());
            g.writeNumberField("undervotes", noRankings().toBigInteger());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private void writeRound(JsonGenerator g, RcvRound round) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("inactiveBallots");
        Map<String, BigDecimal> inactive = new TreeMap<>();
        inactive.put("overvotes", round.inactive().get(Inactive.OVERVOTE));
        inactive.put("skippedRankings", round.inactive().get(Inactive.SKIPPED_RANKINGS));
        inactive.put("exhaustedChoices", round.inactive().get(Inactive.EXHAUSTED_CHOICES));
        inactive.put("repeatedRankings", round.inactive().get(Inactive.REPEATED_RANKING));
        if (usesSurpluses() && round == last) {
            inactive.put("finalRoundSurplus", round.inactive().get(Inactive.FINAL_ROUND_SURPLUS));
        }
        writeValues(g, inactive);
        g.writeEndObject();
        g.writeNumberField("round", round.number());
        g.writeObjectFieldStart("tally");
        writeValues(g, new TreeMap<>(round.tally()));
        g.writeEndObject();
        g.writeArrayFieldStart("tallyResults");
        // the transfers a decision causes are counted in the next round
        Map<String, Map<String, BigDecimal>> effects = round.number() < rounds.size()
                ? rounds.get(round.number()).transfers() : Map.of();
        for (String name : round.elected()) {
            writeAction(g, "elected", name, effects);
        }
        for (String name : round.eliminated()) {
            writeAction(g, "eliminated", name, effects);
        }
        g.writeEndArray();
        g.writeStringField("threshold", round.threshold().toString());
        g.writeEndObject();
    }

    private static void writeAction(JsonGenerator g, String action, String name,
            Map<String, Map<String, BigDecimal>> effects) throws IOException {
        g.writeStartObject();
        g.writeStringField(action, name);
        g.writeObjectFieldStart("transfers");
        writeValues(g, new TreeMap<>(effects.getOrDefault(name, Map.of())));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeValues(JsonGenerator g, Map<String, BigDecimal> values) throws IOException {
        for (var e : values.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue().toString());
        }
    }

    // ---- CSV -----------------------------------------------------------------------------------------

    void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord("Contest Information");
        csv.printRecord("Generated By", generatedBy);
        csv.printRecord("CSV Format Version", "1");
        csv.printRecord("Type of Election",
                config.contest().rules().winnerMode() == WinnerMode.SINGLE_WINNER_MAJORITY ? "Single-Winner"
                        : "Multi-Winner");
        csv.printRecord("Contest", config.output().contestName());
        csv.printRecord("Jurisdiction", config.output().jurisdiction());
        csv.printRecord("Office", config.output().office());
        csv.printRecord("Date", config.output().contestDate());
        List<String> winners = new ArrayList<>();
        rounds.forEach(r -> winners.addAll(r.elected()));
        csv.printRecord("Winner(s)", String.join(", ", winners));
        if (slice.isPresent()) {
            String word = slice.get().kind().word();
            csv.printRecord(Character.toUpperCase(word.charAt(0)) + word.substring(1), slice.get().name());
        } else {
            csv.printRecord("Final Threshold", last.threshold());
        }
        csv.println();

        csv.printRecord("Contest Summary");
        csv.printRecord("Number to be Elected", pass.numberOfWinners());
        csv.printRecord("Number of Candidates", pass.candidateCount());
        csv.printRecord("Total Number of Ballots", totalBallots());
        csv.printRecord("Number of Undervotes (No Rankings)", noRankings());
        csv.println();

        csv.print("Rounds");
        for (RcvRound r : rounds) {
            csv.print("Round " + r.number() + " Votes");
            csv.print("% of vote");
            csv.print("transfer");
        }
        csv.println();
        // a slice's report shows the whole count's decisions, marked as such
        String mark = slice.isPresent() ? "\u2020" : "";
        boolean anyTie = actionRow(csv, "Eliminated" + mark, false) | actionRow(csv, "Elected" + mark, true);

        for (String candidate : candidateOrder()) {
            csv.print(candidate);
            for (RcvRound r : rounds) {
                BigDecimal votes = r.tally().getOrDefault(candidate, BigDecimal.ZERO);
                csv.print(votes);
                csv.print(percent(votes, r));
                if (r == last) {
                    csv.print(0);
                } else {
                    csv.print(rounds.get(r.number()).tally().getOrDefault(candidate, BigDecimal.ZERO).subtract(votes));
                }
            }
            csv.println();
        }
        csv.print("Active Ballots");
        for (RcvRound r : rounds) {
            csv.print(r.activeAndLockedIn());
            csv.print("");
            csv.print("");
        }
        csv.println();
        if (slice.isEmpty()) {
            csv.print("Current Round Threshold");
            for (RcvRound r : rounds) {
                csv.print(r.threshold());
                csv.print("");
                csv.print("");
            }
            csv.println();
        }
        for (var row : INACTIVE_ROWS) {
            csv.print("Inactive Ballots by " + row.getKey());
            for (RcvRound r : rounds) {
                BigDecimal here = r.inactive().get(row.getValue());
                csv.print(here);
                csv.print("");
                csv.print(r == last ? (Object) 0 : rounds.get(r.number()).inactive().get(row.getValue()).subtract(here));
            }
            csv.println();
        }
        csv.print("Inactive Ballots Total");
        for (RcvRound r : rounds) {
            csv.print(r.inactiveTotal().subtract(noRankings()));
            csv.print("");
            csv.print(r == last ? (Object) 0 : rounds.get(r.number()).inactiveTotal().subtract(r.inactiveTotal()));
        }
        csv.println();
        if (slice.isEmpty() && last.residualSurplus().signum() > 0) {
            csv.print("Residual surplus");
            for (RcvRound r : rounds) {
                csv.print(r.residualSurplus());
                csv.print("");
                csv.print("");
            }
            csv.println();
        }
        if (usesSurpluses()) {
            csv.print("Final Round Surplus");
            for (RcvRound r : rounds) {
                BigDecimal surplus = r.inactive().get(Inactive.FINAL_ROUND_SURPLUS);
                // RCTab leaves the cell blank while the surplus is still the untouched whole-number zero
                csv.print(surplus.equals(BigDecimal.ZERO) ? "" : surplus);
                csv.print("");
                csv.print("");
            }
            csv.println();
        }
        if (slice.isPresent()) {
            csv.println();
            csv.printRecord("\u2020Elect/Eliminate decisions are from the full contest. All other results on this report are "
                    + "at the " + slice.get().kind().word() + " level.");
        } else if (anyTie) {
            csv.println();
            csv.printRecord(TIE_NOTE);
        }
        csv.flush();
    }

    /** Prints the row of eliminated (or elected) candidates per round; true if a tie decided any of them. */
    private boolean actionRow(CSVPrinter csv, String label, boolean elected) throws IOException {
        boolean tie = false;
        csv.print(label);
        for (RcvRound r : rounds) {
            List<String> cell = new ArrayList<>();
            for (String name : elected ? r.elected() : r.eliminated()) {
                boolean byTie = slice.isEmpty() && r.decidedByTie().contains(name);
                tie |= byTie;
                cell.add(byTie ? name + "*" : name);
            }
            csv.print(String.join("; ", cell));
            csv.print("");
            csv.print("");
        }
        csv.println();
        return tie;
    }

    /** RCTab's order of candidate rows: most first-round votes first, undeclared write-ins last, ties as RCTab's tally lists them. */
    private List<String> candidateOrder() {
        // the whole count's first round decides the order, in a slice's report too
        Map<String, BigDecimal> firstTally = pass.rounds().get(0).tally();
        List<String> order = new ArrayList<>(firstTally.keySet());
        order.sort((a, b) -> a.equals(RcvContest.UNDECLARED_WRITE_INS) ? 1
                : b.equals(RcvContest.UNDECLARED_WRITE_INS) ? -1
                : firstTally.get(b).compareTo(firstTally.get(a)));
        return order;
    }

    /** Share of the round's active votes (first round's in multi-seat counts), truncated to hundredths of a percent. */
    private String percent(BigDecimal votes, RcvRound round) {
        BigDecimal divisor = config.contest().rules().winnerMode() == WinnerMode.SINGLE_WINNER_MAJORITY
                || config.contest().rules().firstRoundDeterminesThreshold()
                ? round.activeAndLockedIn() : first.activeAndLockedIn();
        if (divisor.signum() == 0) {
            return "";
        }
        BigDecimal share = votes.divide(divisor, MathContext.DECIMAL32);
        return share.scaleByPowerOfTen(4).intValue() / 100.0 + "%";
    }
}
