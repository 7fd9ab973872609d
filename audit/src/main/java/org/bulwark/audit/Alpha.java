package org.bulwark.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The ALPHA test supermartingale (Stark 2023) with a fixed alternative mean, sampling without
 * replacement: tests that the mean of an assorter bounded by {@code upper} exceeds 1/2.
 */
public final class Alpha {
    private Alpha() {}

    /**
     * The running risk after each draw, min(1, 1/T_j); the p-value is the smallest of them.
     *
     * @param eta the alternative mean, above 1/2 and below {@code upper}
     * @param population N, the ballots sampled from
     * @param upper u, the assorter's upper bound
     */
    public static List<Double> runningRisk(double eta, long population, double upper, double[] values) {
        if (!(upper > 0.5) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("the upper bound must be above 1/2, not " + upper);
        }
        if (!(eta > 0.5 && eta < upper)) {
            throw new IllegalArgumentException("eta must be above 1/2 and below the upper bound " + upper + ", not " + eta);
        }
        if (values.length > population) {
            throw new IllegalArgumentException(values.length + " values sampled without replacement from only " + population + " ballots");
        }
        List<Double> running = new ArrayList<>(values.length);
        double t = 1;
        double sum = 0;
        boolean nullImpossible = false;
        for (int j = 1; j <= values.length; j++) {
            double x = values[j - 1];
            if (!(x >= 0 && x <= upper)) {
                throw new IllegalArgumentException("value " + j + " is " + x + ", outside 0.." + upper);
            }
            double left = population - j + 1;
            double mu = (population / 2.0 - sum) / left;
            if (nullImpossible || mu <= 0) {
                // The sampled values alone already exceed half the population's total: the null is impossible.
                nullImpossible = true;
                running.add(0.0);
                continue;
            }
            double etaJ = (population * eta - sum) / left;
            // Keep the estimate strictly between mu_j and u, where the factor is a valid bet.
            etaJ = Math.min(Math.max(etaJ, mu + 1e-12), upper * (1 - Math.ulp(1.0)));
            if (mu >= upper) {
                t = 0;
            } else {
                t *= (x * etaJ / mu + (upper - x) * (upper - etaJ) / (upper - mu)) / upper;
            }
            sum += x;
            running.add(t <= 0 ? 1.0 : Math.min(1, 1 / t));
        }
        return running;
    }

    /** The p-value: the smallest running risk, 1 for an empty sample. */
    public static double pValue(double eta, long population, double upper, double[] values) {
        return runningRisk(eta, population, upper, values).stream().mapToDouble(Double::doubleValue).min().orElse(1);
    }
}
