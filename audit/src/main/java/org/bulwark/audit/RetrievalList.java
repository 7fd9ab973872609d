package org.bulwark.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The list the people who pull ballots work from: each sampled ballot once, by container,
 * tabulator, batch and position from the top, with the tickets that drew it (a ballot drawn twice
 * is pulled once and entered once).
 */
public final class RetrievalList {
    private RetrievalList() {}

    /** One ballot to pull. */
    public record Pull(ManifestBatch batch, long position, long ballot, List<Long> tickets, int firstRound) {
        public Pull {
            tickets = List.copyOf(tickets);
        }
    }

    /**
     * The pulls for draws of numbered ballots, sorted by container, tabulator, batch (in manifest
     * order where names tie) and position.
     *
     * @param rounds each round's draws in order
     */
    public static List<Pull> of(BallotManifest manifest, List<List<Sampler.Draw>> rounds) {
        BallotManifest.Locator locator = manifest.locator();
        Map<Long, List<Long>> tickets = new TreeMap<>();
        Map<Long, Integer> firstRound = new TreeMap<>();
        for (int r = 0; r < rounds.size(); r++) {
            for (Sampler.Draw d : rounds.get(r)) {
                tickets.computeIfAbsent(d.pick(), k -> new ArrayList<>()).add(d.ticket());
                firstRound.putIfAbsent(d.pick(), r + 1);
            }
        }
        List<Pull> pulls = new ArrayList<>();
        List<BallotManifest.BallotLocation> located = new ArrayList<>();
        tickets.keySet().forEach(b -> located.add(locator.locate(b)));
        located.sort(Comparator.comparing((BallotManifest.BallotLocation l) -> l.batch().container().orElse(""))
                .thenComparing(l -> l.batch().tabulator().orElse(""))
                .thenComparing(l -> l.batch().batch())
                .thenComparingInt(BallotManifest.BallotLocation::batchIndex)
                .thenComparingLong(BallotManifest.BallotLocation::position));
        for (BallotManifest.BallotLocation l : located) {
            pulls.add(new Pull(l.batch(), l.position(), l.ballot(), tickets.get(l.ballot()), firstRound.get(l.ballot())));
        }
        return pulls;
    }

    /** The list as CSV: Container, Tabulator, Batch, Position, Ballot, Tickets, Round, then empty columns to tick. */
    public static String csv(List<Pull> pulls) {
        StringBuilder out = new StringBuilder("Container,Tabulator,Batch,Position,Ballot,Tickets,Round,Pulled,Returned\r\n");
        for (Pull p : pulls) {
            out.append(Csv.row(p.batch().container().orElse(""), p.batch().tabulator().orElse(""), p.batch().batch(), p.position(),
                    p.ballot(), String.join(" ", p.tickets().stream().map(String::valueOf).toList()), p.firstRound(), "", ""));
        }
        return out.toString();
    }
}
