package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The calculator forms exactly as issue 6 lists them, with the figures of audit-reference.md. */
class AuditCalculatorTest {
    private static String lastLine(Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void sampleWithReplacement() {
        Run run = Run.of("audit", "sample", "--seed", "3546311556112163624615351222", "--from", "1", "--to", "876", "--count", "5");
        assertThat(run.out()).isEqualTo("740\n180\n264\n789\n238\n");
    }

    @Test
    void sampleWithoutReplacement() {
        Run run = Run.of("audit", "sample", "--seed", "0", "--from", "1", "--to", "2", "--count", "2", "--without-replacement");
        assertThat(run.out()).isEqualTo("1\n2\n");
        Run tooMany = Run.of("audit", "sample", "--seed", "0", "--from", "1", "--to", "2", "--count", "3", "--without-replacement");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("cannot draw 3 more without replacement: only 2 of 2 are left");
    }

    @Test
    void bravoRiskAndSampleSize() {
        assertThat(lastLine(Run.of("audit", "risk", "bravo", "--winner-votes", "600", "--loser-votes", "400", "--ballots", "1000",
                "--sampled-winner", "72", "--sampled-loser", "47"))).isEqualTo("0.07140372947931496");
        assertThat(lastLine(Run.of("audit", "sample-size", "bravo", "--winner-votes", "600", "--loser-votes", "400", "--ballots", "1000",
                "--risk-limit", "0.1"))).isEqualTo("119");
    }

    @Test
    void kaplanMarkovRiskAndSampleSize() {
        assertThat(Double.parseDouble(lastLine(Run.of("audit", "risk", "kaplan-markov", "--diluted-margin", "0.2", "--sampled", "27"))))
                .isBetween(0.06507456877787, 0.06507456877788);
        assertThat(Double.parseDouble(lastLine(Run.of("audit", "risk", "kaplan-markov", "--diluted-margin", "0.2", "--sampled", "27",
                "--o1", "1", "--o2", "0", "--u1", "0", "--u2", "0", "--gamma", "1.03905")))).isGreaterThan(0.1);
        assertThat(lastLine(Run.of("audit", "sample-size", "kaplan-markov", "--diluted-margin", "0.2", "--risk-limit", "0.1"))).isEqualTo("27");
        assertThat(lastLine(Run.of("audit", "sample-size", "kaplan-markov", "--diluted-margin", "0.1", "--risk-limit", "0.1"))).isEqualTo("54");
        assertThat(lastLine(Run.of("audit", "sample-size", "kaplan-markov", "--diluted-margin", "0.2", "--risk-limit", "0.1",
                "--no-discrepancies"))).isEqualTo("24");
    }

    @Test
    void alphaPValue() {
        assertThat(lastLine(Run.of("audit", "risk", "alpha", "--eta", "0.6", "--population", "100", "--values", "1,1,0,1,0.5,1,1,0,1,1")))
                .isEqualTo("0.40226041349281877");
    }

    @Test
    void argumentsTheFormulaCannotTakeAreUsageErrors() {
        Run run = Run.of("audit", "sample-size", "bravo", "--winner-votes", "400", "--loser-votes", "600", "--ballots", "1000", "--risk-limit", "0.1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the winner's 400 votes must be more than the loser's 600");
        Run limit = Run.of("audit", "sample-size", "kaplan-markov", "--diluted-margin", "0.2", "--risk-limit", "10");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("a risk limit is a fraction between 0 and 1 (0.1 for 10%), not 10.0");
        Run range = Run.of("audit", "risk", "alpha", "--eta", "0.6", "--population", "100", "--values", "1,2");
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(range.err()).contains("value 2 is 2.0, outside 0..1.0");
    }
}
