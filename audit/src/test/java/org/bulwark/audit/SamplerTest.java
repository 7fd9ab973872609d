package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SamplerTest {
    /** The vectors of audit-reference.md section 1 (range 1..total, with replacement). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1                            | 1000 | 97 89 163
            0                            | 2    | 1 1 2
            0                            | 1000 | 905 573 160
            0000000000                   | 1000 | 978 359 132
            999999999999999999999999     | 1000 | 544 800 654
            3546311556112163624615351222 | 876  | 740 180 264 789 238
            abcde                        | 1000 | 247 427 157
            abc123                       | 1000 | 455 764 629
            """)
    void reproducesTheReferenceVectors(String seed, long total, String expected) {
        List<Long> want = java.util.Arrays.stream(expected.split(" ")).map(Long::valueOf).toList();
        assertThat(Sampler.draw(seed, 1, total, want.size(), false)).containsExactlyElementsOf(want);
    }

    @Test
    void seedLinesAreStrippedAndJoinedButNeverReadAsNumbers() {
        assertThat(Sampler.draw("35463115561121\n  63624615351222 \n", 1, 876, 5, false))
                .containsExactly(740L, 180L, 264L, 789L, 238L);
        assertThat(Sampler.draw("0", 1, 1000, 3, false)).isNotEqualTo(Sampler.draw("0000000000", 1, 1000, 3, false));
    }

    @Test
    void withoutReplacementSkipsRepeatsButUsesUpTheirCounter() {
        // Seed 0 over 1..2 draws 1, 1, 2 with replacement: the repeated 1 (ticket 2) is skipped.
        List<Sampler.Draw> draws = Sampler.over("0", 1, 2, true).next(2);
        assertThat(draws).containsExactly(new Sampler.Draw(1, 1), new Sampler.Draw(3, 2));
        assertThatThrownBy(() -> Sampler.over("0", 1, 2, true).next(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 2 of 2 are left");
    }

    @Property(tries = 50)
    void escalationContinuesTheSequence(@ForAll @StringLength(min = 1, max = 30) String seed,
            @ForAll @IntRange(min = 1, max = 40) int first, @ForAll @IntRange(min = 0, max = 40) int more,
            @ForAll boolean withoutReplacement) {
        Sampler escalating = Sampler.over(seed, 1, 500, withoutReplacement);
        List<Sampler.Draw> rounds = new java.util.ArrayList<>(escalating.next(first));
        rounds.addAll(escalating.next(more));
        assertThat(rounds).containsExactlyElementsOf(Sampler.over(seed, 1, 500, withoutReplacement).next(first + more));
        List<Long> picks = rounds.stream().map(Sampler.Draw::pick).toList();
        assertThat(picks).allMatch(p -> p >= 1 && p <= 500);
        if (withoutReplacement) {
            assertThat(new HashSet<>(picks)).hasSize(picks.size());
        }
    }

    /** The long-arithmetic path for small ranges against a plain BigInteger reference, and the BigInteger path for huge ones. */
    @Property(tries = 200)
    void fastPathAgreesWithTheReference(@ForAll @StringLength(min = 0, max = 25) String seed, @ForAll long rawSize, @ForAll long from) {
        long size = Math.floorMod(rawSize, 1L << 40) + 1;
        long start = Math.floorMod(from, 1L << 40);
        List<Long> got = Sampler.draw(seed, start, start + size - 1, 3, false);
        for (int k = 1; k <= 3; k++) {
            java.math.BigInteger h = new java.math.BigInteger(1, sha256(Sampler.normalizeSeed(seed) + "," + k));
            assertThat(got.get(k - 1)).isEqualTo(start + h.mod(java.math.BigInteger.valueOf(size)).longValueExact());
        }
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
