package org.bulwark.rctab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.bulwark.formats.vendor.VendorSource;
import org.bulwark.model.BadInputException;
import org.bulwark.tally.rcv.RcvRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    static final Path PORTLAND = ConformanceTest.CASES.resolve("2015_portland_mayor/2015_portland_mayor_config.json");
    static final Path HART = ConformanceTest.CASES.resolve("hart_cedar_park_school_board/hart_cedar_park_school_board_config.json");

    @TempDir
    Path tmp;

    @Test
    void readsRulesSourcesAndCandidatesAsRctabMeansThem() throws IOException {
        RctabConfig portland = ConfigReader.read(PORTLAND);
        RcvRules rules = portland.contest().rules();
        assertThat(rules.winnerMode()).isEqualTo(RcvRules.WinnerMode.SINGLE_WINNER_MAJORITY);
        assertThat(rules.batchElimination()).isTrue();
        assertThat(rules.maxSkippedRanks()).isEqualTo(OptionalInt.of(1));
        assertThat(rules.maxRankings()).isEqualTo(OptionalInt.of(15));
        assertThat(rules.overvoteRule()).isEqualTo(RcvRules.OvervoteRule.EXHAUST_IMMEDIATELY);
        assertThat(portland.contest().candidates()).hasSize(15);
        assertThat(portland.contest().undeclaredWriteIns()).isTrue();
        VendorSource source = portland.sources().get(0);
        assertThat(source.provider()).isEqualTo(VendorSource.Provider.ESS);
        assertThat(source.path()).isEqualTo(PORTLAND.toAbsolutePath().getParent().resolve("2015_portland_mayor_cvr.xlsx").normalize());
        assertThat(source.columns()).hasValueSatisfying(c -> {
            assertThat(c.firstVoteColumn()).isEqualTo(4);
            assertThat(c.precinctColumn()).isEqualTo(OptionalInt.of(2));
        });
        assertThat(source.labels().overvoteLabel()).hasValue("overvote");
        assertThat(source.labels().skippedRankLabel()).hasValue("undervote");

        RctabConfig hart = ConfigReader.read(HART);
        assertThat(hart.contest().rules().maxRankings()).isEmpty(); // "max": as many as there are candidates
        assertThat(hart.contest().candidates().get(0).aliases()).containsExactly("6f2df7d3-5c83-4fc7-b4a5-c2eca9e5fdb4");
        assertThat(hart.contest().rules().randomSeed()).hasValue(9);
    }

    @Test
    void aMissingNameOrAnUnknownFieldIsNamedByItsPath() throws IOException {
        assertProblem(PORTLAND, "\"contestName\" : \"Portland 2015 Mayoral Race\"", "\"contestName\" : \"\"",
                "outputSettings.contestName", "is required");
        assertProblem(PORTLAND, "\"hareQuota\"", "\"hareQuotas\"",
                "rules.hareQuotas", "is not a field RCTab knows here");
    }

    @Test
    void providerSpecificFieldsAreCheckedAsRctabChecksThem() throws IOException {
        assertProblem(HART, "\"firstVoteColumnIndex\" : \"\"", "\"firstVoteColumnIndex\" : \"3\"",
                "cvrFileSources[0].firstVoteColumnIndex", "must be blank for provider hart");
        assertProblem(PORTLAND, "\"firstVoteColumnIndex\" : \"4\"", "\"firstVoteColumnIndex\" : \"\"",
                "cvrFileSources[0].firstVoteColumnIndex", "is required");
        assertProblem(HART, "\"contestId\" : \"b651b997-417a-46d9-a676-a43d4df94ddc\"", "\"contestId\" : \"\"",
                "cvrFileSources[0].contestId", "is required for provider hart");
        assertProblem(PORTLAND, "\"filePath\" : \"2015_portland_mayor_cvr.xlsx\"", "\"filePath\" : \"missing.xlsx\"",
                "cvrFileSources[0].filePath", "\"missing.xlsx\" does not exist");
        assertProblem(PORTLAND, "\"provider\" : \"ess\"", "\"provider\" : \"diebold\"",
                "cvrFileSources[0].provider", "\"diebold\" is not a provider");
    }

    @Test
    void ruleCombinationsRctabRefusesAreRefused() throws IOException {
        assertProblem(HART, "\"randomSeed\" : \"9\"", "\"randomSeed\" : \"\"",
                "rules.randomSeed", "is required when tiebreakMode is random");
        assertProblem(PORTLAND, "\"winnerElectionMode\" : \"singleWinnerMajority\"",
                "\"winnerElectionMode\" : \"bottomsUp\"", "rules.winnerElectionMode", "multi-seat mode but numberOfWinners is 1");
        assertProblem(PORTLAND, "\"maxSkippedRanksAllowed\" : \"1\"", "\"maxSkippedRanksAllowed\" : \"-1\"",
                "rules.maxSkippedRanksAllowed", "\"-1\" is neither \"unlimited\" nor a whole number from 0");
        assertProblem(PORTLAND, "\"hareQuota\" : false", "\"hareQuota\" : true",
                "rules.hareQuota", "is only valid for multiWinnerAllowOnlyOneWinnerPerRound");
    }

    @Test
    void duplicateCandidateNamesAreRefused() throws IOException {
        assertProblem(PORTLAND, "\"Bragdon, Charles E.\"", "\"Brennan, Michael F.\"",
                "candidates[1]", "\"Brennan, Michael F.\" is used by two candidates");
    }

    @Test
    void everyProblemIsListedAtOnce() throws IOException {
        String text = edit(PORTLAND, "\"decimalPlacesForVoteArithmetic\" : \"4\"", "\"decimalPlacesForVoteArithmetic\" : \"40\"")
                .replace("\"overvoteRule\" : \"exhaustImmediately\"", "\"overvoteRule\" : \"ignore\"");
        assertThatThrownBy(() -> readAs(PORTLAND, text)).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.file()).isEqualTo(PORTLAND.toString());
            assertThat(e.problem()).startsWith("2 problems: ")
                    .contains("rules.overvoteRule: \"ignore\" is not valid",
                            "rules.decimalPlacesForVoteArithmetic: \"40\" is not a whole number from 1 to 20");
        });
    }

    @Test
    void brokenJsonIsRefusedWithItsLineAndColumn() throws IOException {
        Path file = Files.writeString(tmp.resolve("broken.json"), "{\n  \"tabulatorVersion\" : \"TEST\",\n  \"rules\" : [\n");
        assertThatThrownBy(() -> ConfigReader.read(file)).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.place()).startsWith("line 4");
            assertThat(e.problem()).startsWith("not valid JSON");
        });
        Path empty = Files.writeString(tmp.resolve("empty.json"), "");
        assertThatThrownBy(() -> ConfigReader.read(empty)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("the file is empty");
    }

    private static String edit(Path config, String from, String to) throws IOException {
        String text = Files.readString(config, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    /** Reads edited content as if it were {@code config} (same folder, so relative CVR paths resolve). */
    static RctabConfig readAs(Path config, String text) throws IOException {
        return ConfigReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), config);
    }

    private static void assertProblem(Path config, String from, String to, String path, String message) {
        assertThatThrownBy(() -> readAs(config, edit(config, from, to))).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.file()).isEqualTo(config.toString());
            assertThat(e.place()).isEqualTo(path);
            assertThat(e.problem()).contains(message);
        });
    }
}
