package org.bulwark.rctab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bulwark.formats.ByteMutations;
import org.bulwark.model.BadInputException;

/**
 * Mutation fuzzing of the configuration reader, in plain test runs: random changes to RCTab's sample
 * configurations (bit flips, truncations, JSON and RCTab tokens, junk, duplicated and deleted ranges) are
 * either read or refused with a BadInputException, never anything else.
 */
class ConfigFuzzTest {
    private static final List<String> CASES = List.of("2013_minneapolis_park", "2015_portland_mayor",
            "clear_ballot_kansas_primary", "dominion_alaska", "generic_csv_test", "hart_cedar_park_school_board",
            "test_set_0_skipped_first_choice", "tiebreak_seed_test");
    private static final byte[][] TOKENS = tokens("{", "}", "[", "]", "\"", ":", ",", "null", "true", "false",
            "\"max\"", "\"unlimited\"", "\"0\"", "\"-1\"", "\"1000001\"", "\"99999999999999999999\"", "\"\"",
            "\"random\"", "\"generatePermutation\"", "\"multiPassIrv\"", "\"bottomsUpUsingPercentageThreshold\"",
            "\"multiWinnerAllowOnlyOneWinnerPerRound\"", "\"exhaustIfMultipleContinuing\"", "\"Undeclared Write-ins\"",
            "\"excluded\" : true,", "\"numberOfWinners\" : \"0\",", "1e400", "\\u0000");

    @Provide
    Arbitrary<String> cases() {
        return Arbitraries.of(CASES);
    }

    @Property(tries = 400)
    void mutatedConfigurationsAreReadOrRefusedCleanly(@ForAll("cases") String name, @ForAll long seed) throws IOException {
        Path config = ConformanceTest.CASES.resolve(name).resolve(name + "_config.json");
        byte[] data = Files.readAllBytes(config);
        Random random = new Random(seed);
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            data = ByteMutations.mutate(data, random, TOKENS, 400);
        }
        try {
            RctabConfig read = ConfigReader.read(new ByteArrayInputStream(data), config);
            assertThat(read.contest().candidates()).isNotEmpty();
        } catch (BadInputException e) {
            assertThat(e.file()).isEqualTo(config.toString());
            assertThat(e.problem()).isNotBlank();
        }
    }

    private static byte[][] tokens(String... tokens) {
        byte[][] out = new byte[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = tokens[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
