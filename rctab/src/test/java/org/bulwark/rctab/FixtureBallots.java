package org.bulwark.rctab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;
import org.bulwark.model.ranked.RankedBallot.RankedChoice;

/**
 * The ballots of an RCTab sample case as the vendor readers will give them, stored as a test resource
 * (ballots/CASE.tsv.gz: one line per ballot, tab-separated "rank:choice", "#OV" for an overvote marker
 * and "#UWI" for an undeclared write-in), so the engine and the report writer can be checked against
 * RCTab's expected reports on their own.
 */
final class FixtureBallots {
    private FixtureBallots() {}

    static RctabTabulation.CvrReader reader(String caseName) {
        return (source, sink) -> {
            for (RankedBallot ballot : load(caseName)) {
                sink.accept(ballot);
            }
        };
    }

    static List<RankedBallot> load(String caseName) throws IOException {
        List<RankedBallot> ballots = new ArrayList<>();
        try (InputStream raw = FixtureBallots.class.getResourceAsStream("ballots/" + caseName + ".tsv.gz");
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                List<RankedChoice> choices = new ArrayList<>();
                if (!line.isEmpty()) {
                    for (String entry : line.split("\t")) {
                        int colon = entry.indexOf(':');
                        int rank = Integer.parseInt(entry.substring(0, colon));
                        String value = entry.substring(colon + 1);
                        Choice choice = switch (value) {
                            case "#OV" -> new Choice.Overvote();
                            case "#UWI" -> new Choice.UndeclaredWriteIn();
                            default -> new Choice.Candidate(value);
                        };
                        choices.add(new RankedChoice(rank, choice));
                    }
                }
                ballots.add(new RankedBallot(caseName + "-" + (ballots.size() + 1), Optional.empty(), Optional.empty(),
                        choices));
            }
        }
        return ballots;
    }
}
