package org.bulwark.cli;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.bulwark.audit.Alpha;
import org.bulwark.audit.Bravo;
import org.bulwark.audit.Discrepancies;
import org.bulwark.audit.KaplanMarkov;
import org.bulwark.audit.Sampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The audit calculator: the forms auditors know from the public tools (Rivest's sampler, Stark's
 * calculators), each printing its result on the last line so that scripts can take it with {@code tail -1}.
 */
final class AuditCalculatorCommands {
    private AuditCalculatorCommands() {}

    /** Runs a calculation; an argument the formula cannot take becomes a usage error (exit 2) that says why. */
    static <T> T calculate(CommandSpec spec, Supplier<T> calculation) {
        try {
            return calculation.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Draw a sample with Rivest's SHA-256 sampler: one number per line, in draw order.")
    static final class Sample implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seed", required = true, description = "The public random seed (typed as rolled; never read as a number).")
        String seed;

        @Option(names = "--from", required = true, paramLabel = "A", description = "The lowest number that can be drawn.")
        long from;

        @Option(names = "--to", required = true, paramLabel = "B", description = "The highest number that can be drawn.")
        long to;

        @Option(names = "--count", required = true, paramLabel = "K", description = "How many to draw.")
        int count;

        @Option(names = "--without-replacement", description = "Skip numbers already drawn (their counter is used up).")
        boolean withoutReplacement;

        @Override
        public Integer call() {
            if (count < 0) {
                throw new ParameterException(spec.commandLine(), "--count must be 0 or more, not " + count);
            }
            List<Long> picks = calculate(spec, () -> Sampler.draw(seed, from, to, count, withoutReplacement));
            var out = Bulwark.of(spec).io().out();
            picks.forEach(out::println);
            out.flush();
            return Bulwark.OK;
        }
    }

    @Command(name = "risk", mixinStandardHelpOptions = true, description = "The risk (p-value) an audit has measured so far.",
            synopsisSubcommandLabel = "METHOD", subcommands = {BravoRisk.class, KaplanMarkovRisk.class, AlphaRisk.class})
    static final class Risk extends CommandGroup {}

    @Command(name = "sample-size", mixinStandardHelpOptions = true, description = "How many ballots an audit is expected to need.",
            synopsisSubcommandLabel = "METHOD", subcommands = {BravoSize.class, KaplanMarkovSize.class})
    static final class SampleSize extends CommandGroup {}

    /** The reported pair of a ballot-polling contest. */
    static final class BravoContest {
        @Option(names = "--winner-votes", required = true, paramLabel = "W", description = "The reported winner's votes.")
        long winnerVotes;

        @Option(names = "--loser-votes", required = true, paramLabel = "L", description = "The reported loser's votes.")
        long loserVotes;

        @Option(names = "--ballots", required = true, paramLabel = "N", description = "Ballots cast, blank and invalid ones included.")
        long ballots;

        void check() {
            if (winnerVotes + loserVotes > ballots) {
                throw new IllegalArgumentException(winnerVotes + " + " + loserVotes + " votes is more than the " + ballots + " ballots cast");
            }
        }
    }

    /** The contest as a ballot-comparison audit sees it: its diluted margin, and the error inflation chosen. */
    static final class KaplanMarkovContest {
        @Option(names = "--diluted-margin", required = true, paramLabel = "M", description = "Smallest reported margin in votes / ballots cast.")
        double margin;

        @Option(names = "--gamma", paramLabel = "G", defaultValue = "1.03905", description = "Error inflation factor. Default: ${DEFAULT-VALUE}.")
        double gamma;
    }

    @Command(name = "bravo", mixinStandardHelpOptions = true, description = "BRAVO ballot-polling risk for one winner-loser pair.")
    static final class BravoRisk implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        BravoContest contest;

        @Option(names = "--sampled-winner", required = true, paramLabel = "w", description = "Sampled ballots for the winner.")
        long sampledWinner;

        @Option(names = "--sampled-loser", required = true, paramLabel = "l", description = "Sampled ballots for the loser.")
        long sampledLoser;

        @Override
        public Integer call() {
            double risk = calculate(spec, () -> {
                contest.check();
                return Bravo.risk(contest.winnerVotes, contest.loserVotes, sampledWinner, sampledLoser);
            });
            return print(spec, Double.toString(risk));
        }
    }

    @Command(name = "kaplan-markov", mixinStandardHelpOptions = true,
            description = "Kaplan-Markov (super-simple) ballot-comparison risk after n ballots with the discrepancies found.")
    static final class KaplanMarkovRisk implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        KaplanMarkovContest contest;

        @Option(names = "--sampled", required = true, paramLabel = "n", description = "Ballots sampled.")
        long sampled;

        @Option(names = "--o1", paramLabel = "a", defaultValue = "0", description = "One-vote overstatements found.")
        long o1;

        @Option(names = "--o2", paramLabel = "b", defaultValue = "0", description = "Two-vote overstatements found.")
        long o2;

        @Option(names = "--u1", paramLabel = "c", defaultValue = "0", description = "One-vote understatements found.")
        long u1;

        @Option(names = "--u2", paramLabel = "d", defaultValue = "0", description = "Two-vote understatements found.")
        long u2;

        @Override
        public Integer call() {
            double risk = calculate(spec, () -> KaplanMarkov.risk(contest.margin, sampled, new Discrepancies(o1, o2, u1, u2), contest.gamma));
            return print(spec, Double.toString(risk));
        }
    }

    @Command(name = "alpha", mixinStandardHelpOptions = true,
            description = "ALPHA p-value with a fixed alternative mean, sampling without replacement.")
    static final class AlphaRisk implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--eta", required = true, paramLabel = "E", description = "The alternative mean (above 1/2, below the upper bound).")
        double eta;

        @Option(names = "--population", required = true, paramLabel = "N", description = "Ballots sampled from.")
        long population;

        @Option(names = "--upper", paramLabel = "U", defaultValue = "1", description = "The assorter's upper bound. Default: ${DEFAULT-VALUE}.")
        double upper;

        @Option(names = "--values", required = true, split = ",", paramLabel = "x1,x2,...", description = "Assorter values in draw order.")
        double[] values;

        @Override
        public Integer call() {
            double p = calculate(spec, () -> Alpha.pValue(eta, population, upper, values));
            return print(spec, Double.toString(p));
        }
    }

    @Command(name = "bravo", mixinStandardHelpOptions = true, description = "BRAVO average sample number (ASN).")
    static final class BravoSize implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        BravoContest contest;

        @Option(names = "--risk-limit", required = true, paramLabel = "R", description = "A fraction: 0.1 for 10%%.")
        double riskLimit;

        @Override
        public Integer call() {
            long asn = calculate(spec, () -> {
                contest.check();
                return Bravo.averageSampleNumber(contest.winnerVotes, contest.loserVotes, contest.ballots, riskLimit);
            });
            return print(spec, Long.toString(asn));
        }
    }

    @Command(name = "kaplan-markov", mixinStandardHelpOptions = true,
            description = "Kaplan-Markov initial sample size, with the reference's default discrepancy rates (o1 = u1 = 0.001, o2 = u2 = 0.0001).")
    static final class KaplanMarkovSize implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        KaplanMarkovContest contest;

        @Option(names = "--risk-limit", required = true, paramLabel = "R", description = "A fraction: 0.1 for 10%%.")
        double riskLimit;

        @Option(names = "--no-discrepancies", description = "Expect no discrepancies at all.")
        boolean noDiscrepancies;

        @Override
        public Integer call() {
            KaplanMarkov.Rates rates = noDiscrepancies ? KaplanMarkov.NO_DISCREPANCIES : KaplanMarkov.DEFAULT_RATES;
            OptionalLong n = calculate(spec, () -> KaplanMarkov.initialSampleSize(contest.margin, riskLimit, rates, contest.gamma));
            return print(spec, n.isPresent() ? Long.toString(n.getAsLong())
                    : "full hand count (no sample size can meet the risk limit at these discrepancy rates)");
        }
    }

    private static int print(CommandSpec spec, String result) {
        var out = Bulwark.of(spec).io().out();
        out.println(result);
        out.flush();
        return Bulwark.OK;
    }
}
