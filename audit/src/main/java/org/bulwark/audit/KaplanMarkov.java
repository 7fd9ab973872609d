package org.bulwark.audit;

/**
 * Ballot-level comparison audits with the Kaplan-Markov ("super-simple", Stark 2010) bound. The
 * error inflation factor gamma trades sample size without discrepancies against growth when
 * discrepancies appear; 1.03905 is the common default.
 */
public final class KaplanMarkov {
    /** The error inflation factor most tools use by default. */
    public static final double DEFAULT_GAMMA = 1.03905;
    /** Expected discrepancy rates for an initial sample size, the reference's defaults. */
    public static final Rates DEFAULT_RATES = new Rates(0.001, 0.0001, 0.001, 0.0001);
    /** No discrepancies expected at all. */
    public static final Rates NO_DISCREPANCIES = new Rates(0, 0, 0, 0);

    private KaplanMarkov() {}

    /**
     * The risk after {@code sampled} ballots with the given discrepancies:
     * (1 - mu/(2g))^n (1 - 1/(2g))^-o1 (1 - 1/g)^-o2 (1 + 1/(2g))^-u1 (1 + 1/g)^-u2, at most 1.
     */
    public static double risk(double dilutedMargin, long sampled, Discrepancies found, double gamma) {
        requireMargin(dilutedMargin);
        requireGamma(gamma);
        double log = sampled * Math.log(1 - dilutedMargin / (2 * gamma)) - weighted(found, gamma);
        return Math.min(1, Math.exp(log));
    }

    /** The ballots needed to stop with these discrepancies found, or empty (a full hand count) when no number suffices. */
    public static long stoppingSize(double dilutedMargin, double riskLimit, Discrepancies expected, double gamma) {
        requireMargin(dilutedMargin);
        requireGamma(gamma);
        Bravo.requireRiskLimit(riskLimit);
        return (long) Math.ceil(-2 * gamma * (Math.log(riskLimit) + weighted(expected, gamma)) / dilutedMargin);
    }

    /**
     * The initial sample size for expected discrepancy rates: n0 = ceil(ln alpha / D), then the
     * counts expected in n0 ballots (one-vote ones rounded up, two-vote ones rounded) go into
     * {@link #stoppingSize}. Empty when D >= 0: no sample can confirm the outcome, count by hand.
     */
    public static java.util.OptionalLong initialSampleSize(double dilutedMargin, double riskLimit, Rates rates, double gamma) {
        requireMargin(dilutedMargin);
        requireGamma(gamma);
        Bravo.requireRiskLimit(riskLimit);
        double d = Math.log(1 - dilutedMargin / (2 * gamma))
                - rates.o1() * Math.log(1 - 1 / (2 * gamma)) - rates.o2() * Math.log(1 - 1 / gamma)
                - rates.u1() * Math.log(1 + 1 / (2 * gamma)) - rates.u2() * Math.log(1 + 1 / gamma);
        if (d >= 0) {
            return java.util.OptionalLong.empty();
        }
        long n0 = (long) Math.ceil(Math.log(riskLimit) / d);
        Discrepancies expected = new Discrepancies(
                (long) Math.ceil(rates.o1() * n0), Math.round(rates.o2() * n0),
                (long) Math.ceil(rates.u1() * n0), Math.round(rates.u2() * n0));
        return java.util.OptionalLong.of(stoppingSize(dilutedMargin, riskLimit, expected, gamma));
    }

    /** o1 ln(1 - 1/(2g)) + o2 ln(1 - 1/g) + u1 ln(1 + 1/(2g)) + u2 ln(1 + 1/g): what discrepancies cost in log risk. */
    private static double weighted(Discrepancies d, double gamma) {
        return d.o1() * Math.log(1 - 1 / (2 * gamma)) + d.o2() * Math.log(1 - 1 / gamma)
                + d.u1() * Math.log(1 + 1 / (2 * gamma)) + d.u2() * Math.log(1 + 1 / gamma);
    }

    private static void requireMargin(double margin) {
        if (!(margin > 0 && margin <= 1)) {
            throw new IllegalArgumentException("a diluted margin is a fraction above 0 and at most 1, not " + margin);
        }
    }

    private static void requireGamma(double gamma) {
        // gamma <= 1 would make a two-vote overstatement's factor (1 - 1/gamma) zero or negative.
        if (!(gamma > 1) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be a number above 1, not " + gamma);
        }
    }

    /** Expected rates of one- and two-vote overstatements (o) and understatements (u), per ballot. */
    public record Rates(double o1, double o2, double u1, double u2) {
        public Rates {
            for (double r : new double[] {o1, o2, u1, u2}) {
                if (!(r >= 0 && r < 1)) {
                    throw new IllegalArgumentException("a discrepancy rate is a fraction from 0 to below 1, not " + r);
                }
            }
        }
    }
}
