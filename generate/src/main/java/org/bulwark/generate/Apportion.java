package org.bulwark.generate;

import java.util.Arrays;

/** Shares a whole number out in proportion to weights, exactly (largest remainder method). */
final class Apportion {
    private Apportion() {}

    static long[] largestRemainder(long total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long[] shares = new long[weights.length];
        if (weights.length == 0 || total == 0) {
            return shares;
        }
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * (weights[i] / sum);
            shares[i] = (long) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        Integer[] order = new Integer[weights.length];
        Arrays.setAll(order, i -> i);
        // Ties go to the lower index, so the result depends on nothing but the inputs.
        Arrays.sort(order, (x, y) -> remainders[x] != remainders[y] ? Double.compare(remainders[y], remainders[x]) : Integer.compare(x, y));
        for (int k = 0; given < total; k = (k + 1) % order.length) {
            shares[order[k]]++;
            given++;
        }
        return shares;
    }
}
