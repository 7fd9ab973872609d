package org.bulwark.audit;

/**
 * How a contest is audited. Ballot polling needs only paper; ballot-level comparison matches each
 * sampled paper ballot to its CVR; batch comparison hand counts whole batches and compares them
 * with the batch totals.
 */
public sealed interface RlaMethod {
    /** BRAVO ballot polling (Lindeman, Stark and Yates 2012), drawing with replacement. */
    record Bravo() implements RlaMethod {}

    /** ALPHA ballot polling with the plurality assorter, over the distinct ballots drawn (without replacement). */
    record AlphaPolling() implements RlaMethod {}

    /** Kaplan-Markov ("super-simple") ballot-level comparison, drawing with replacement. */
    record KaplanMarkov(double gamma) implements RlaMethod {
        public KaplanMarkov {
            if (!(gamma > 1)) {
                throw new IllegalArgumentException("gamma must be above 1, not " + gamma);
            }
        }
    }

    /** ALPHA with the overstatement assorter: ballot-level comparison over the distinct ballots drawn. */
    record AlphaComparison() implements RlaMethod {}

    /**
     * Batch comparison: batches drawn with probability proportional to their ballots (a drawn
     * ballot selects its batch), the Kaplan-Markov bound on the batches' taints.
     */
    record BatchComparison() implements RlaMethod {}

    /** The name used in commands and reports. */
    default String label() {
        return switch (this) {
            case Bravo b -> "bravo";
            case AlphaPolling a -> "alpha-polling";
            case KaplanMarkov k -> "kaplan-markov";
            case AlphaComparison a -> "alpha-comparison";
            case BatchComparison b -> "batch-comparison";
        };
    }

    /** The method named by {@link #label()}; Kaplan-Markov with the default gamma. */
    static java.util.Optional<RlaMethod> byLabel(String label) {
        return java.util.Optional.ofNullable(switch (label) {
            case "bravo" -> new Bravo();
            case "alpha-polling" -> new AlphaPolling();
            case "kaplan-markov" -> new KaplanMarkov(org.bulwark.audit.KaplanMarkov.DEFAULT_GAMMA);
            case "alpha-comparison" -> new AlphaComparison();
            case "batch-comparison" -> new BatchComparison();
            default -> null;
        });
    }
}
