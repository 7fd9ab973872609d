package org.bulwark.audit;

/**
 * BRAVO ballot-polling (Lindeman, Stark and Yates 2012) for one reported winner-loser pair. The
 * shares p_w, p_l are of all ballots cast, blank and invalid ones included, because those are
 * drawn too and tell the audit nothing about the pair.
 */
public final class Bravo {
    private Bravo() {}

    /**
     * The risk (p-value) after sampling {@code sampledWinner} ballots for the winner and
     * {@code sampledLoser} for the loser: 1/T with T = (2 s_w)^n_w (2 - 2 s_w)^n_l, at most 1.
     */
    public static double risk(long winnerVotes, long loserVotes, long sampledWinner, long sampledLoser) {
        requirePair(winnerVotes, loserVotes);
        double share = (double) winnerVotes / (winnerVotes + loserVotes);
        double t = Math.pow(2 * share, sampledWinner) * Math.pow(2 - 2 * share, sampledLoser);
        if (!Double.isFinite(t) || t == 0) {
            // Beyond double range the product is formed in logs; the figure in range stays exact.
            double logT = sampledWinner * Math.log(2 * share) + sampledLoser * Math.log(2 - 2 * share);
            return Math.min(1, Math.exp(-logT));
        }
        return Math.min(1, 1 / t);
    }

    /**
     * The average sample number: ceil((ln(1/alpha) + ln(2 s_w)/2) / (p_w ln(2 s_w) + p_l ln(2 - 2 s_w))).
     *
     * @return the ASN, or {@code ballots} when the contest is tied or the formula exceeds the ballots (a full hand count)
     */
    public static long averageSampleNumber(long winnerVotes, long loserVotes, long ballots, double riskLimit) {
        requirePair(winnerVotes, loserVotes);
        if (winnerVotes + loserVotes > ballots) {
            throw new IllegalArgumentException(winnerVotes + " + " + loserVotes + " votes is more than the " + ballots + " ballots cast");
        }
        requireRiskLimit(riskLimit);
        double share = (double) winnerVotes / (winnerVotes + loserVotes);
        double pw = (double) winnerVotes / ballots;
        double pl = (double) loserVotes / ballots;
        double drift = pw * Math.log(2 * share) + pl * Math.log(2 - 2 * share);
        if (drift <= 0) {
            return ballots;
        }
        double asn = Math.ceil((Math.log(1 / riskLimit) + Math.log(2 * share) / 2) / drift);
        return asn >= ballots ? ballots : (long) asn;
    }

    private static void requirePair(long winnerVotes, long loserVotes) {
        if (winnerVotes < 0 || loserVotes < 0 || winnerVotes <= loserVotes) {
            throw new IllegalArgumentException("the winner's " + winnerVotes + " votes must be more than the loser's " + loserVotes);
        }
    }

    static void requireRiskLimit(double riskLimit) {
        if (!(riskLimit > 0 && riskLimit < 1)) {
            throw new IllegalArgumentException("a risk limit is a fraction between 0 and 1 (0.1 for 10%), not " + riskLimit);
        }
    }
}
