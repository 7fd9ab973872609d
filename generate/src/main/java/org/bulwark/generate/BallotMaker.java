package org.bulwark.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.bulwark.generate.BallotDesign.ContestPlan;
import org.bulwark.generate.StatewidePlan.AuthorityPlan;
import org.bulwark.generate.StatewidePlan.UnitPlan;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * Draws the ballots of one authority, one at a time. Each authority has its own random stream, so
 * its ballots are the same whichever other authorities are drawn, and in whatever order.
 */
final class BallotMaker {
    /** Share of ballots marked for more candidates than allowed in a given contest. */
    private static final double OVERVOTE_RATE = 0.0015;
    /** Share of voters who vote for their party's candidate when there is one. */
    private static final double LOYALTY = 0.9;
    /** Ballots a central-count scanner takes in one batch. */
    private static final int CENTRAL_BATCH = 200;
    /** Ballots one central-count scanner handles before the office uses another. */
    private static final long BALLOTS_PER_CENTRAL_SCANNER = 25_000;

    private BallotMaker() {}

    static void ballots(long seed, AuthorityPlan plan, Consumer<? super CastVoteRecord> sink) {
        Rng rng = Rng.of(seed, 2, plan.authority().index());
        String number = plan.authority().number();
        int centralScanners = (int) Math.min(8, 1 + plan.ballots() / BALLOTS_PER_CENTRAL_SCANNER);
        long serial = 0;
        long central = 0;
        for (UnitPlan unit : plan.units()) {
            String precinctScanner = unit.unit().precinct() + "-scanner";
            for (long b = 0; b < unit.ballots(); b++) {
                CountingGroup group = countingGroup(rng);
                String device;
                String batch;
                if (group == CountingGroup.ELECTION_DAY) {
                    device = precinctScanner;
                    batch = precinctScanner + "-1";
                } else {
                    long batchNumber = central++ / CENTRAL_BATCH;
                    device = "cc-" + number + "-" + (batchNumber % centralScanners + 1);
                    batch = "cc-" + number + "-batch-" + String.format("%05d", batchNumber + 1);
                }
                Voter voter = Voter.draw(rng, unit.unit().lean());
                List<CvrContest> contests = new ArrayList<>(unit.contests().size());
                for (ContestPlan c : unit.contests()) {
                    contests.add(vote(rng, voter, c));
                }
                sink.accept(new CastVoteRecord(
                        number + "-" + String.format("%07d", ++serial),
                        unit.style(),
                        unit.unit().id(),
                        List.of(),
                        Optional.of(device),
                        Optional.of(batch),
                        group,
                        List.of(),
                        contests));
            }
        }
    }

    /** Missouri-like: most vote at the polls, about three in ten absentee, a few provisional. */
    private static CountingGroup countingGroup(Rng rng) {
        double x = rng.nextDouble();
        return x < 0.68 ? CountingGroup.ELECTION_DAY : x < 0.985 ? CountingGroup.ABSENTEE : CountingGroup.PROVISIONAL;
    }

    /** A voter's party and the lean of their precinct, which sway every contest on their ballot. */
    private record Voter(PartyId party, double lean) {
        static Voter draw(Rng rng, double lean) {
            double x = rng.nextDouble();
            PartyId party = x < 0.96 * lean ? BallotDesign.REP
                    : x < 0.96 ? BallotDesign.DEM
                    : x < 0.985 ? BallotDesign.LIB
                    : x < 0.995 ? BallotDesign.GRN
                    : BallotDesign.CST;
            return new Voter(party, lean);
        }

        double weightOf(Optional<PartyId> party) {
            if (party.isEmpty()) {
                return 0.5;
            }
            PartyId p = party.get();
            return p.equals(BallotDesign.REP) ? lean : p.equals(BallotDesign.DEM) ? 1 - lean : 0.06;
        }
    }

    private static CvrContest vote(Rng rng, Voter voter, ContestPlan plan) {
        int allowed = plan.contest().votesAllowed();
        if (rng.chance(plan.behaviour().skip())) {
            return counted(plan, List.of(), allowed);
        }
        return switch (plan.behaviour()) {
            case Behaviour.Partisan p -> {
                if (p.printed().size() > 1 && rng.chance(OVERVOTE_RATE)) {
                    yield overvoted(plan, pickDistinct(rng, p.printed(), 2), allowed);
                }
                if (rng.chance(p.writeInRate())) {
                    yield counted(plan, List.of(writeIn(rng, p.writeIn())), allowed);
                }
                int own = p.parties().indexOf(Optional.of(voter.party()));
                int choice;
                if (own >= 0 && rng.chance(LOYALTY)) {
                    choice = own;
                } else {
                    double[] weights = p.parties().stream().mapToDouble(voter::weightOf).toArray();
                    choice = rng.weighted(weights);
                }
                yield counted(plan, List.of(vote(p.printed().get(choice))), allowed);
            }
            case Behaviour.Nonpartisan n -> {
                if (n.printed().size() > allowed && rng.chance(OVERVOTE_RATE)) {
                    yield overvoted(plan, pickDistinct(rng, n.printed(), allowed + 1), allowed);
                }
                double x = rng.nextDouble();
                int wanted = x < 0.55 ? allowed : x < 0.85 ? Math.max(1, allowed - 1) : 1;
                double[] appeal = n.appeal().clone();
                for (int i = 0; i < wanted; i++) {
                    appeal[rng.weighted(appeal)] = 0;
                }
                // Marks in ballot order: the candidates picked (appeal spent), then a write-in line.
                List<Mark> marks = new ArrayList<>();
                boolean writesIn = rng.chance(0.004);
                for (int i = 0; i < appeal.length; i++) {
                    if (appeal[i] == 0 && !(writesIn && marks.size() == wanted - 1)) {
                        marks.add(vote(n.printed().get(i)));
                    }
                }
                if (writesIn) {
                    marks.add(writeIn(rng, n.writeIns().get(0)));
                }
                yield counted(plan, marks, allowed);
            }
            case Behaviour.Measure m -> {
                if (rng.chance(OVERVOTE_RATE / 3)) {
                    yield overvoted(plan, List.of(m.yes(), m.no()), allowed);
                }
                double yes = Math.max(0.05, Math.min(0.95, m.yesShare() + m.swing() * (voter.lean() - 0.5)));
                yield counted(plan, List.of(vote(rng.chance(yes) ? m.yes() : m.no())), allowed);
            }
        };
    }

    private static List<SelectionId> pickDistinct(Rng rng, List<SelectionId> from, int count) {
        List<SelectionId> pool = new ArrayList<>(from);
        List<SelectionId> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(pool.remove(rng.nextInt(pool.size())));
        }
        return picked;
    }

    private static Mark vote(SelectionId selection) {
        return new Mark(selection, 1, Indication.YES, Indication.YES, 0, Optional.empty(), false);
    }

    private static Mark writeIn(Rng rng, SelectionId selection) {
        return new Mark(selection, 1, Indication.YES, Indication.YES, 0, Optional.of(Names.writeIn(rng)), false);
    }

    private static CvrContest counted(ContestPlan plan, List<Mark> marks, int allowed) {
        return new CvrContest(plan.contest().id(), marks, OptionalInt.of(0), OptionalInt.of(allowed - marks.size()));
    }

    /**
     * The scanner saw more marks than the contest allows: it records them, leaves their allocation to
     * the contest rules (NIST IsAllocable "unknown"), which make the contest overvoted, and records
     * the contest's whole vote-for as overvotes, as results report them.
     */
    private static CvrContest overvoted(ContestPlan plan, List<SelectionId> selections, int allowed) {
        List<Mark> marks = selections.stream()
                .map(s -> new Mark(s, 1, Indication.YES, Indication.UNKNOWN, 0, Optional.<String>empty(), false))
                .toList();
        return new CvrContest(plan.contest().id(), marks, OptionalInt.of(allowed), OptionalInt.of(0));
    }
}
