package org.bulwark.tally.rcv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;
import org.bulwark.model.ranked.RankedBallot.RankedChoice;

/**
 * Ballots written the short way: "A B C" ranks A, B, C; "_" skips a rank; "A|B" is an overvote naming A
 * and B; "!" is the source's overvote marker; "?" an undeclared write-in. "3x A B" is three such ballots.
 */
final class Ballots {
    private Ballots() {}

    static RcvBallots of(RcvContest contest, String... ballots) {
        RcvBallots.Builder builder = RcvBallots.builder(contest);
        int id = 0;
        for (String spec : ballots) {
            int copies = 1;
            String text = spec.strip();
            if (text.matches("\\d+x .*|\\d+x")) {
                copies = Integer.parseInt(text.substring(0, text.indexOf('x')));
                text = text.substring(text.indexOf('x') + 1).strip();
            }
            for (int i = 0; i < copies; i++) {
                Optional<String> problem = builder.add(parse("b" + id++, text));
                if (problem.isPresent()) {
                    throw new IllegalArgumentException(problem.get());
                }
            }
        }
        return builder.build();
    }

    static RankedBallot parse(String id, String text) {
        List<RankedChoice> choices = new ArrayList<>();
        int rank = 0;
        for (String cell : text.isBlank() ? new String[0] : text.split(" +")) {
            rank++;
            switch (cell) {
                case "_" -> { }
                case "!" -> choices.add(new RankedChoice(rank, new Choice.Overvote()));
                case "?" -> choices.add(new RankedChoice(rank, new Choice.UndeclaredWriteIn()));
                default -> {
                    for (String name : cell.split("\\|")) {
                        choices.add(new RankedChoice(rank, new Choice.Candidate(name)));
                    }
                }
            }
        }
        return new RankedBallot(id, Optional.empty(), Optional.empty(), choices);
    }

    static RcvContest contest(RcvRules rules, String... names) {
        return contest(rules, false, names);
    }

    static RcvContest contest(RcvRules rules, boolean writeIns, String... names) {
        return new RcvContest("test", List.of(names).stream().map(RcvContest.Candidate::named).toList(), writeIns, rules);
    }
}
