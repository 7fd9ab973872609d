package org.bulwark.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.HashMap;

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
        Map<Long, List<Long>> tickets = new HashMap<>();
        Map<Long, Integer> firstRound = new HashMap<>();
        for (int r = 0; r < rounds.size(); r++) {
            for (Sampler.Draw d : rounds.get(r)) {
                tickets.computeIfAbsent(d.pick(), k -> new ArrayList<>(1)).add(d.ticket());
                firstRound.putIfAbsent(d.pick(), r + 1);
            }
        }
        // Rank the batches once by their names; then pulls sort on two numbers, which keeps 100,000 pulls quick.
        List<ManifestBatch> batches = manifest.batches();
        Integer[] order = new Integer[batches.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> batches.get(i).container().orElse(""))
                .thenComparing(i -> batches.get(i).tabulator().orElse(""))
                .thenComparing(i -> batches.get(i).batch())
                .thenComparingInt(i -> i));
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        List<BallotManifest.BallotLocation> located = new ArrayList<>(tickets.size());
        tickets.keySet().forEach(b -> located.add(locator.locate(b)));
        located.sort(Comparator.comparingInt((BallotManifest.BallotLocation l) -> rank[l.batchIndex()])
                .thenComparingLong(BallotManifest.BallotLocation::position));
        List<Pull> pulls = new ArrayList<>(located.size());
        for (BallotManifest.BallotLocation l : located) {
            pulls.add(new Pull(l.batch(), l.position(), l.ballot(), tickets.get(l.ballot()), firstRound.get(l.ballot())));
        }
        return pulls;
    }

    /** For batch comparison: each drawn batch once, in the order of the pulls, as CSV to hand count from. */
    public static String batchCsv(List<Pull> pulls) {
        StringBuilder out = new StringBuilder(Csv.row("Container", "Tabulator", "Batch", "Ballots", "Counted", "Checked"));
        java.util.Set<ManifestBatch> seen = new java.util.HashSet<>();
        for (Pull p : pulls) {
            if (seen.add(p.batch())) {
                out.append(Csv.row(p.batch().container().orElse(""), p.batch().tabulator().orElse(""), p.batch().batch(), p.batch().ballots(), "", ""));
            }
        }
        return out.toString();
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
