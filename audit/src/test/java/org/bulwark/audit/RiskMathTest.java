package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every figure of audit-reference.md sections 2 to 4. */
class RiskMathTest {
    @Test
    void bravoAverageSampleNumberFor600To400() {
        assertThat(Bravo.averageSampleNumber(600, 400, 1000, 0.1)).isEqualTo(119);
    }

    @Test
    void bravoRiskAfter72And47() {
        assertThat(Bravo.risk(600, 400, 72, 47)).isEqualTo(0.07140372947931496);
        assertThat(Bravo.risk(600, 400, 72, 47)).isCloseTo(1 / (Math.pow(1.2, 72) * Math.pow(0.8, 47)), within(1e-17));
    }

    @Test
    void bravoRiskStaysInRangeForHugeSamples() {
        assertThat(Bravo.risk(600, 400, 100_000, 0)).isEqualTo(0);
        assertThat(Bravo.risk(600, 400, 0, 100_000)).isEqualTo(1);
        assertThat(Bravo.risk(600, 400, 5000, 5000)).isBetween(0.0, 1.0);
    }

    @Test
    void kaplanMarkovWithNoDiscrepanciesStopsAt24ForMargin02() {
        assertThat(KaplanMarkov.initialSampleSize(0.2, 0.1, KaplanMarkov.NO_DISCREPANCIES, KaplanMarkov.DEFAULT_GAMMA)).hasValue(24);
        assertThat(KaplanMarkov.stoppingSize(0.2, 0.1, Discrepancies.NONE, KaplanMarkov.DEFAULT_GAMMA)).isEqualTo(24);
    }

    @ParameterizedTest
    @CsvSource({"0.2, 27", "0.1, 54", "0.15, 36", "1.0, 6"})
    void kaplanMarkovInitialSampleWithDefaultRates(double margin, long expected) {
        assertThat(KaplanMarkov.initialSampleSize(margin, 0.1, KaplanMarkov.DEFAULT_RATES, KaplanMarkov.DEFAULT_GAMMA))
                .hasValue(expected);
    }

    @Test
    void kaplanMarkovRiskAfter27CleanBallots() {
        double risk = KaplanMarkov.risk(0.2, 27, Discrepancies.NONE, KaplanMarkov.DEFAULT_GAMMA);
        // The reference gives 0.06507456877787 "to 13 significant digits": the digits that follow are cut off.
        assertThat(risk).isBetween(0.06507456877787, 0.06507456877788);
    }

    @Test
    void kaplanMarkovDiscrepanciesMoveTheRiskEachTheirWay() {
        double g = KaplanMarkov.DEFAULT_GAMMA;
        double clean = KaplanMarkov.risk(0.1, 50, Discrepancies.NONE, g);
        assertThat(KaplanMarkov.risk(0.1, 50, new Discrepancies(1, 0, 0, 0), g)).isCloseTo(clean / (1 - 1 / (2 * g)), within(1e-12));
        assertThat(KaplanMarkov.risk(0.1, 50, new Discrepancies(0, 1, 0, 0), g)).isGreaterThan(KaplanMarkov.risk(0.1, 50, new Discrepancies(1, 0, 0, 0), g));
        assertThat(KaplanMarkov.risk(0.1, 50, new Discrepancies(0, 0, 1, 0), g)).isLessThan(clean);
        assertThat(KaplanMarkov.risk(0.1, 50, new Discrepancies(0, 0, 0, 1), g)).isLessThan(KaplanMarkov.risk(0.1, 50, new Discrepancies(0, 0, 1, 0), g));
        assertThat(KaplanMarkov.risk(0.01, 1, new Discrepancies(0, 5, 0, 0), g)).isEqualTo(1);
    }

    @Test
    void alphaFixedAlternativeFigure() {
        double[] sample = {1, 1, 0, 1, 0.5, 1, 1, 0, 1, 1};
        assertThat(Alpha.runningRisk(0.6, 100, 1, sample)).containsExactly(0.8333333333333334, 0.6920903954802261,
                0.8651129943502825, 0.7159555815312685, 0.7128602266608349, 0.5866902750394484, 0.480980315572881,
                0.6059102676697332, 0.49473407176703, 0.40226041349281877);
        assertThat(Alpha.pValue(0.6, 100, 1, sample)).isEqualTo(0.40226041349281877);
    }

    @Property(tries = 200)
    void alphaRiskIsAlwaysAProbability(@ForAll @IntRange(min = 0, max = 60) int n, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(3) / 2.0;
        }
        assertThat(Alpha.runningRisk(0.55 + random.nextDouble() * 0.4, 60, 1, values)).allMatch(r -> r >= 0 && r <= 1);
    }
}
