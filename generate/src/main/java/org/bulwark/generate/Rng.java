package org.bulwark.generate;

/**
 * SplitMix64, written out here rather than taken from the JDK so that the same seed yields the same
 * election on every JDK version and platform: only integer arithmetic and {@link StrictMath}.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    private Rng(long state) {
        this.state = state;
    }

    /** An independent stream for one purpose (and one index, such as an authority) under a seed. */
    static Rng of(long seed, long purpose, long index) {
        return new Rng(mix(mix(seed ^ mix(purpose + GOLDEN)) + index * GOLDEN));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound " + bound + " is not positive");
        }
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    /** Uniform in [low, high). */
    double between(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Standard normal (Box-Muller). */
    double gaussian() {
        double u = 1.0 - nextDouble();
        double v = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** An index drawn with probability proportional to its weight (weights not all zero). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("all weights are zero");
    }
}
