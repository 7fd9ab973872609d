package org.bulwark.rctab;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.formats.vendor.VendorSource;
import org.bulwark.formats.vendor.VendorSource.Provider;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ValidationIssue;
import org.bulwark.tally.rcv.RcvContest;
import org.bulwark.tally.rcv.RcvRules;
import org.bulwark.tally.rcv.RcvRules.OvervoteRule;
import org.bulwark.tally.rcv.RcvRules.TiebreakMode;
import org.bulwark.tally.rcv.RcvRules.WinnerMode;

/**
 * Reads an RCTab contest configuration and checks it as RCTab does before it tabulates, collecting
 * every problem with its place; any problem makes the whole file unusable (BadInputException listing
 * them all). Values may be written as JSON strings or numbers, as RCTab accepts both. Fields RCTab does
 * not know are refused rather than ignored, so a misspelt rule cannot silently fall back to a default.
 */
final class ConfigReader {
    static final String MAX_RANKINGS_OPTION = "max";
    static final String UNLIMITED_SKIPS_OPTION = "unlimited";
    private static final Set<String> RESERVED = Set.of("residual surplus", "exhausted", "uncounted");
    private static final Set<String> TOP = Set.of("tabulatorVersion", "outputSettings", "cvrFileSources", "candidates",
            "rules");
    private static final Set<String> OUTPUT = Set.of("contestName", "outputDirectory", "contestDate",
            "contestJurisdiction", "contestOffice", "tabulateByBatch", "tabulateByPrecinct", "generateCdfJson");
    private static final Set<String> SOURCE = Set.of("filePath", "contestId", "firstVoteColumnIndex",
            "firstVoteRowIndex", "idColumnIndex", "batchColumnIndex", "precinctColumnIndex", "overvoteDelimiter",
            "provider", "overvoteLabel", "skippedRankLabel", "undervoteLabel", "undeclaredWriteInLabel",
            "treatBlankAsUndeclaredWriteIn");
    private static final Set<String> CANDIDATE = Set.of("name", "code", "aliases", "excluded");
    private static final Set<String> RULES = Set.of("tiebreakMode", "overvoteRule", "winnerElectionMode", "randomSeed",
            "numberOfWinners", "multiSeatBottomsUpPercentageThreshold", "decimalPlacesForVoteArithmetic",
            "minimumVoteThreshold", "maxSkippedRanksAllowed", "maxRankingsAllowed", "nonIntegerWinningThreshold",
            "doesFirstRoundDetermineThreshold", "hareQuota", "batchElimination", "continueUntilTwoCandidatesRemain",
            "stopTabulationEarlyAfterRound", "exhaustOnDuplicateCandidate", "rulesDescription",
            "treatBlankAsUndeclaredWriteIn");

    private final String file;
    private final Path folder;
    private final List<ValidationIssue> issues = new ArrayList<>();

    private ConfigReader(Path config) {
        this.file = config.toString();
        Path parent = config.toAbsolutePath().getParent();
        this.folder = parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    static RctabConfig read(Path config) throws IOException {
        try (InputStream in = Files.newInputStream(config)) {
            return read(in, config);
        }
    }

    /** Reads a configuration's content; {@code config} names it and anchors its relative paths. */
    static RctabConfig read(InputStream content, Path config) throws IOException {
        Json root = Json.parse(content, config.toString());
        return new ConfigReader(config).read(root, config);
    }

    private RctabConfig read(Json root, Path config) {
        if (!(root instanceof Json.Obj top)) {
            throw new BadInputException(file, "top level", "expected a JSON object with the contest configuration");
        }
        known(top, TOP);
        if (text(top, "tabulatorVersion").isEmpty()) {
            issue("tabulatorVersion", "is required (the RCTab version that wrote the file, or \"TEST\")");
        }
        Json.Obj out = object(top, "outputSettings");
        known(out, OUTPUT);
        String contestName = text(out, "contestName").orElse("");
        if (contestName.isBlank()) {
            issue(at(out, "contestName"), "is required: the contest's name, printed on every report");
        }
        RctabConfig.Output output = new RctabConfig.Output(contestName, text(out, "contestDate").orElse(""),
                text(out, "contestJurisdiction").orElse(""), text(out, "contestOffice").orElse(""),
                bool(out, "tabulateByPrecinct"), bool(out, "tabulateByBatch"));

        Json.Obj rules = object(top, "rules");
        known(rules, RULES);
        Optional<OvervoteRule> overvoteRule = choice(rules, "overvoteRule", OvervoteRule::fromRctabName,
                "alwaysSkipToNextRank, exhaustImmediately or exhaustIfMultipleContinuing");
        List<VendorSource> sources = sources(top, output, overvoteRule);
        List<RcvContest.Candidate> candidates = candidates(top, sources);
        boolean writeIns = sources.stream().anyMatch(s -> s.labels().undeclaredWriteInLabel().isPresent()
                || s.labels().treatBlankAsUndeclaredWriteIn());
        Optional<RcvRules> parsedRules = rules(rules, overvoteRule, candidates.size());

        if (!issues.isEmpty()) {
            String all = issues.stream().map(i -> i.path() + ": " + i.message()).collect(Collectors.joining("; "));
            throw new BadInputException(file, issues.get(0).path(),
                    issues.size() == 1 ? issues.get(0).message() : issues.size() + " problems: " + all);
        }
        return new RctabConfig(config, output, sources,
                new RcvContest(contestName, candidates, writeIns, parsedRules.orElseThrow()));
    }

    // ---- sources -------------------------------------------------------------------------------------

    private List<VendorSource> sources(Json.Obj top, RctabConfig.Output output, Optional<OvervoteRule> rule) {
        List<VendorSource> sources = new ArrayList<>();
        Optional<Json> list = top.get("cvrFileSources");
        if (list.isEmpty() || !(list.get() instanceof Json.Arr arr) || arr.items().isEmpty()) {
            issue("cvrFileSources", "must list at least one cast vote record source");
            return sources;
        }
        Set<Path> paths = new HashSet<>();
        for (Json item : arr.items()) {
            if (!(item instanceof Json.Obj s)) {
                issue(item.path(), "expected an object describing one cast vote record source");
                continue;
            }
            known(s, SOURCE);
            source(s, output, rule, paths).ifPresent(sources::add);
        }
        return sources;
    }

    private Optional<VendorSource> source(Json.Obj s, RctabConfig.Output output, Optional<OvervoteRule> rule,
            Set<Path> paths) {
        String providerName = text(s, "provider").orElse("");
        Optional<Provider> provider = Provider.fromRctabName(providerName);
        if (provider.isEmpty()) {
            issue(at(s, "provider"), "\"" + providerName + "\" is not a provider; expected one of cdf, clearBallot, "
                    + "dominion, ess, hart, genericCsv");
        }
        Optional<String> filePath = text(s, "filePath");
        Path path = null;
        if (filePath.isEmpty()) {
            issue(at(s, "filePath"), "is required: the cast vote record file or folder");
        } else {
            path = folder.resolve(filePath.get()).normalize();
            if (!paths.add(path)) {
                issue(at(s, "filePath"), "\"" + filePath.get() + "\" is listed twice");
            }
            if (!Files.exists(path)) {
                issue(at(s, "filePath"), "\"" + filePath.get() + "\" does not exist (resolved as " + path + ")");
            }
        }
        Optional<String> overvoteLabel = text(s, "overvoteLabel");
        Optional<String> skippedLabel = text(s, "skippedRankLabel").or(() -> text(s, "undervoteLabel"));
        Optional<String> writeInLabel = text(s, "undeclaredWriteInLabel");
        Optional<String> delimiter = text(s, "overvoteDelimiter");
        boolean blankIsWriteIn = bool(s, "treatBlankAsUndeclaredWriteIn");
        labelsDistinct(s, overvoteLabel, skippedLabel, writeInLabel);
        if (provider.isEmpty() || path == null) {
            return Optional.empty();
        }
        boolean spreadsheet = provider.get() == Provider.ESS || provider.get() == Provider.GENERIC_CSV;
        Optional<String> contestId = text(s, "contestId");
        Optional<VendorSource.Columns> columns = Optional.empty();
        if (spreadsheet) {
            OptionalInt firstColumn = integer(s, "firstVoteColumnIndex", 1, 1000, true);
            OptionalInt firstRow = integer(s, "firstVoteRowIndex", 1, 100000, true);
            OptionalInt id = integer(s, "idColumnIndex", 1, 1000, false);
            OptionalInt precinct = integer(s, "precinctColumnIndex", 1, 1000, false);
            OptionalInt batch = integer(s, "batchColumnIndex", 1, 1000, false);
            if (output.tabulateByPrecinct() && precinct.isEmpty()) {
                issue(at(s, "precinctColumnIndex"), "is required when outputSettings.tabulateByPrecinct is true");
            }
            if (contestId.isPresent()) {
                issue(at(s, "contestId"), "must be blank for provider " + providerName
                        + " (the spreadsheet holds one contest)");
            }
            if (delimiter.isPresent() && delimiter.get().matches(".*\\\\.*|[a-zA-Z0-9.',\\-\"\\s]+")) {
                issue(at(s, "overvoteDelimiter"), "\"" + delimiter.get() + "\" is not usable: it may contain no "
                        + "backslash and needs a character other than a letter, digit, hyphen, period, comma, "
                        + "apostrophe, quote or space");
            }
            if (delimiter.isPresent() && overvoteLabel.isPresent()) {
                issue(at(s, "overvoteDelimiter"), "cannot be given together with overvoteLabel");
            }
            if (provider.get() == Provider.ESS && delimiter.isEmpty()
                    && rule.equals(Optional.of(OvervoteRule.EXHAUST_IF_MULTIPLE_CONTINUING))) {
                issue(at(s, "overvoteDelimiter"), "is required for an ES&S source when overvoteRule is "
                        + "exhaustIfMultipleContinuing (the rule must see which candidates were overvoted)");
            }
            if (firstColumn.isPresent() && firstRow.isPresent()) {
                columns = Optional.of(new VendorSource.Columns(firstColumn.getAsInt(), firstRow.getAsInt(), id,
                        precinct, batch));
            }
        } else {
            for (String field : List.of("firstVoteColumnIndex", "firstVoteRowIndex", "idColumnIndex",
                    "precinctColumnIndex", "batchColumnIndex", "overvoteDelimiter", "skippedRankLabel",
                    "undervoteLabel")) {
                if (text(s, field).isPresent()) {
                    issue(at(s, field), "must be blank for provider " + providerName);
                }
            }
            if (provider.get() != Provider.CDF && overvoteLabel.isPresent()) {
                issue(at(s, "overvoteLabel"), "must be blank for provider " + providerName);
            }
            if (blankIsWriteIn) {
                issue(at(s, "treatBlankAsUndeclaredWriteIn"), "can only be true for an ES&S or generic CSV source");
            }
            if (contestId.isEmpty()) {
                issue(at(s, "contestId"), "is required for provider " + providerName
                        + ": the contest's id as the cast vote records name it");
            }
            if (provider.get() == Provider.CDF && output.tabulateByPrecinct()) {
                issue(at(s, "provider"), "tabulateByPrecinct cannot be used with CDF files");
            }
        }
        if (overvoteLabel.isPresent() && rule.isPresent() && rule.get() == OvervoteRule.EXHAUST_IF_MULTIPLE_CONTINUING) {
            issue(at(s, "overvoteLabel"), "cannot be used with overvoteRule exhaustIfMultipleContinuing: the label "
                    + "does not say which candidates were overvoted; use alwaysSkipToNextRank or exhaustImmediately");
        }
        return Optional.of(new VendorSource(provider.get(), path, contestId, columns,
                new VendorSource.Labels(delimiter, overvoteLabel, skippedLabel, writeInLabel, blankIsWriteIn)));
    }

    private void labelsDistinct(Json.Obj s, Optional<String> overvote, Optional<String> skipped, Optional<String> writeIn) {
        List<String[]> labels = List.of(new String[] {"overvoteLabel", overvote.orElse("")},
                new String[] {"skippedRankLabel", skipped.orElse("")},
                new String[] {"undeclaredWriteInLabel", writeIn.orElse("")});
        for (int i = 0; i < labels.size(); i++) {
            String value = labels.get(i)[1];
            if (value.isEmpty()) {
                continue;
            }
            if (RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
                issue(at(s, labels.get(i)[0]), "\"" + value + "\" is a reserved word of RCTab's reports");
            }
            for (int j = i + 1; j < labels.size(); j++) {
                if (value.equalsIgnoreCase(labels.get(j)[1])) {
                    issue(at(s, labels.get(j)[0]), "\"" + value + "\" is already the " + labels.get(i)[0]);
                }
            }
        }
    }

    // ---- candidates ----------------------------------------------------------------------------------

    private List<RcvContest.Candidate> candidates(Json.Obj top, List<VendorSource> sources) {
        List<RcvContest.Candidate> candidates = new ArrayList<>();
        Optional<Json> list = top.get("candidates");
        List<Json> items = list.isPresent() && list.get() instanceof Json.Arr arr ? arr.items() : List.of();
        Set<String> seen = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (VendorSource s : sources) {
            s.labels().overvoteLabel().ifPresent(l -> labels.add(l.toLowerCase(Locale.ROOT)));
            s.labels().skippedRankLabel().ifPresent(l -> labels.add(l.toLowerCase(Locale.ROOT)));
            s.labels().undeclaredWriteInLabel().ifPresent(l -> labels.add(l.toLowerCase(Locale.ROOT)));
        }
        for (Json item : items) {
            if (!(item instanceof Json.Obj c)) {
                issue(item.path(), "expected an object with the candidate's name");
                continue;
            }
            known(c, CANDIDATE);
            String name = text(c, "name").orElse("");
            if (name.isBlank()) {
                issue(at(c, "name"), "is required for each candidate");
                continue;
            }
            List<String> aliases = new ArrayList<>();
            text(c, "code").ifPresent(aliases::add);
            if (c.get("aliases").orElse(null) instanceof Json.Arr a) {
                for (Json alias : a.items()) {
                    if (alias instanceof Json.Scalar sc && !sc.isNull() && !sc.text().isBlank()) {
                        aliases.add(sc.text());
                    } else {
                        issue(alias.path(), "expected a non-blank text alias");
                    }
                }
            }
            List<String> spellings = new ArrayList<>(aliases);
            spellings.add(0, name);
            for (String spelling : spellings) {
                if (!seen.add(spelling)) {
                    issue(c.path(), "\"" + spelling + "\" is used by two candidates (names and aliases must be unique)");
                } else if (RESERVED.contains(spelling.toLowerCase(Locale.ROOT))
                        || labels.contains(spelling.toLowerCase(Locale.ROOT))
                        || spelling.equals(RcvContest.UNDECLARED_WRITE_INS)) {
                    issue(c.path(), "\"" + spelling + "\" is reserved or is one of the sources' labels");
                }
            }
            candidates.add(new RcvContest.Candidate(name, aliases, bool(c, "excluded")));
        }
        if (candidates.isEmpty()) {
            issue("candidates", "must list at least one declared candidate");
        } else if (candidates.stream().allMatch(RcvContest.Candidate::excluded)) {
            issue("candidates", "at least one candidate must not be excluded");
        }
        return candidates;
    }

    // ---- rules ---------------------------------------------------------------------------------------

    private Optional<RcvRules> rules(Json.Obj r, Optional<OvervoteRule> overvoteRule, int declared) {
        Optional<TiebreakMode> tiebreak = choice(r, "tiebreakMode", TiebreakMode::fromRctabName,
                "random, stopCountingAndAsk, previousRoundCountsThenRandom, previousRoundCountsThenAsk, "
                        + "useCandidateOrder or generatePermutation");
        Optional<WinnerMode> mode = choice(r, "winnerElectionMode", WinnerMode::fromRctabName,
                "singleWinnerMajority, multiWinnerAllowOnlyOneWinnerPerRound, multiWinnerAllowMultipleWinnersPerRound, "
                        + "bottomsUp, bottomsUpUsingPercentageThreshold or multiPassIrv");
        OptionalLong seed = longValue(r, "randomSeed", -140737488355328L, 140737488355327L);
        if (tiebreak.isPresent() && tiebreak.get().needsSeed() && seed.isEmpty() && text(r, "randomSeed").isEmpty()) {
            issue(at(r, "randomSeed"), "is required when tiebreakMode is " + tiebreak.get().rctabName());
        }
        OptionalInt maxRankings = option(r, "maxRankingsAllowed", MAX_RANKINGS_OPTION, 1);
        OptionalInt maxSkips = option(r, "maxSkippedRanksAllowed", UNLIMITED_SKIPS_OPTION, 0);
        OptionalInt winners = integer(r, "numberOfWinners", 0, Math.max(declared, 0), true);
        OptionalInt decimals = integer(r, "decimalPlacesForVoteArithmetic", 1, 20, true);
        OptionalInt minimum = integer(r, "minimumVoteThreshold", 0, 1000000, false);
        OptionalInt percentage = integer(r, "multiSeatBottomsUpPercentageThreshold", 1, 100, false);
        OptionalInt stopAfter = integer(r, "stopTabulationEarlyAfterRound", 1, Integer.MAX_VALUE, false);
        boolean nonInteger = bool(r, "nonIntegerWinningThreshold");
        boolean hare = bool(r, "hareQuota");
        boolean batch = bool(r, "batchElimination");
        boolean untilTwo = bool(r, "continueUntilTwoCandidatesRemain");
        if (winners.isPresent() && mode.isPresent()) {
            combinations(r, mode.get(), winners.getAsInt(), percentage, nonInteger, hare, batch, untilTwo);
        }
        if (nonInteger && hare) {
            issue(at(r, "hareQuota"), "nonIntegerWinningThreshold and hareQuota cannot both be true");
        }
        if (tiebreak.isEmpty() || mode.isEmpty() || overvoteRule.isEmpty() || winners.isEmpty() || decimals.isEmpty()
                || !text(r, "maxRankingsAllowed").isPresent() || !text(r, "maxSkippedRanksAllowed").isPresent()
                || (tiebreak.get().needsSeed() && seed.isEmpty())) {
            return Optional.empty();
        }
        OptionalInt rankings = maxRankings.isPresent() && maxRankings.getAsInt() == Integer.MAX_VALUE
                ? OptionalInt.empty() : maxRankings;
        OptionalInt skips = maxSkips.isPresent() && maxSkips.getAsInt() == Integer.MAX_VALUE
                ? OptionalInt.empty() : maxSkips;
        return Optional.of(new RcvRules(mode.get(), winners.getAsInt(), overvoteRule.get(), tiebreak.get(),
                seed, skips, rankings, decimals.getAsInt(), BigDecimal.valueOf(minimum.orElse(0)), nonInteger, hare,
                batch, untilTwo, bool(r, "exhaustOnDuplicateCandidate"), bool(r, "doesFirstRoundDetermineThreshold"),
                stopAfter, percentage));
    }

    private void combinations(Json.Obj r, WinnerMode mode, int winners, OptionalInt percentage, boolean nonInteger,
            boolean hare, boolean batch, boolean untilTwo) {
        String w = at(r, "winnerElectionMode");
        if (winners == 0) {
            if (mode != WinnerMode.BOTTOMS_UP_PERCENTAGE) {
                issue(w, "numberOfWinners 0 is only valid with bottomsUpUsingPercentageThreshold");
            }
            if (percentage.isEmpty()) {
                issue(at(r, "multiSeatBottomsUpPercentageThreshold"), "is required when numberOfWinners is 0");
            }
        } else if (mode == WinnerMode.BOTTOMS_UP_PERCENTAGE) {
            issue(w, "bottomsUpUsingPercentageThreshold needs numberOfWinners 0");
        } else if (winners == 1 && mode != WinnerMode.SINGLE_WINNER_MAJORITY) {
            issue(w, mode.rctabName() + " is a multi-seat mode but numberOfWinners is 1");
        } else if (winners > 1 && mode == WinnerMode.SINGLE_WINNER_MAJORITY) {
            issue(w, "singleWinnerMajority needs numberOfWinners 1, not " + winners);
        }
        if (winners > 1 && mode != WinnerMode.MULTI_PASS_IRV) {
            if (untilTwo) {
                issue(at(r, "continueUntilTwoCandidatesRemain"), "cannot be true in a multi-seat contest "
                        + "(except multi-pass IRV)");
            }
            if (batch) {
                issue(at(r, "batchElimination"), "cannot be true in a multi-seat contest (except multi-pass IRV)");
            }
        }
        if (mode == WinnerMode.BOTTOMS_UP_PERCENTAGE && batch) {
            issue(at(r, "batchElimination"), "cannot be true with bottomsUpUsingPercentageThreshold");
        }
        boolean stv = mode == WinnerMode.MULTI_WINNER_ONE_PER_ROUND || mode == WinnerMode.MULTI_WINNER_MANY_PER_ROUND;
        if (!stv && nonInteger) {
            issue(at(r, "nonIntegerWinningThreshold"), "is only valid for multiWinnerAllowOnlyOneWinnerPerRound or "
                    + "multiWinnerAllowMultipleWinnersPerRound");
        }
        if (!stv && hare) {
            issue(at(r, "hareQuota"), "is only valid for multiWinnerAllowOnlyOneWinnerPerRound or "
                    + "multiWinnerAllowMultipleWinnersPerRound");
        }
    }

    // ---- field helpers -------------------------------------------------------------------------------

    private void issue(String path, String message) {
        issues.add(new ValidationIssue(path, message));
    }

    private static String at(Json.Obj obj, String name) {
        return obj.path().isEmpty() ? name : obj.path() + "." + name;
    }

    private Json.Obj object(Json.Obj parent, String name) {
        Optional<Json> value = parent.get(name);
        if (value.isPresent() && value.get() instanceof Json.Obj obj) {
            return obj;
        }
        issue(at(parent, name), "is required: an object");
        return new Json.Obj(at(parent, name), java.util.Map.of());
    }

    private void known(Json.Obj obj, Set<String> names) {
        for (String field : obj.fields().keySet()) {
            if (!names.contains(field)) {
                issue(at(obj, field), "is not a field RCTab knows here; expected one of "
                        + names.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    /** A scalar's text, empty when absent, null or blank (RCTab treats blank as not given). */
    private Optional<String> text(Json.Obj obj, String name) {
        Optional<Json> value = obj.get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof Json.Scalar s)) {
            issue(at(obj, name), "expected a text or number, not an object or list");
            return Optional.empty();
        }
        return s.isNull() || s.text().isBlank() ? Optional.empty() : Optional.of(s.text());
    }

    private boolean bool(Json.Obj obj, String name) {
        Optional<String> t = text(obj, name);
        if (t.isEmpty()) {
            return false;
        }
        return switch (t.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                issue(at(obj, name), "\"" + t.get() + "\" is not true or false");
                yield false;
            }
        };
    }

    private OptionalInt integer(Json.Obj obj, String name, int min, int max, boolean required) {
        OptionalLong value = longValue(obj, name, min, max);
        if (value.isEmpty() && required && text(obj, name).isEmpty()) {
            issue(at(obj, name), "is required: a whole number from " + min + " to " + max);
        }
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    private OptionalLong longValue(Json.Obj obj, String name, long min, long max) {
        Optional<String> t = text(obj, name);
        if (t.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(t.get().trim());
            if (v >= min && v <= max) {
                return OptionalLong.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        issue(at(obj, name), "\"" + t.get() + "\" is not a whole number from " + min + " to " + max);
        return OptionalLong.empty();
    }

    /** A whole number or the given word (Integer.MAX_VALUE); empty and reported when neither. */
    private OptionalInt option(Json.Obj obj, String name, String word, int min) {
        Optional<String> t = text(obj, name);
        if (t.isEmpty()) {
            issue(at(obj, name), "is required: \"" + word + "\" or a whole number from " + min);
            return OptionalInt.empty();
        }
        if (t.get().equalsIgnoreCase(word)) {
            return OptionalInt.of(Integer.MAX_VALUE);
        }
        try {
            int v = Integer.parseInt(t.get().trim());
            if (v >= min) {
                return OptionalInt.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        issue(at(obj, name), "\"" + t.get() + "\" is neither \"" + word + "\" nor a whole number from " + min);
        return OptionalInt.empty();
    }

    private <T> Optional<T> choice(Json.Obj obj, String name, java.util.function.Function<String, Optional<T>> parse,
            String expected) {
        Optional<String> t = text(obj, name);
        Optional<T> value = t.flatMap(parse);
        if (value.isEmpty()) {
            issue(at(obj, name), (t.isEmpty() ? "is required" : "\"" + t.get() + "\" is not valid") + "; expected "
                    + expected);
        }
        return value;
    }
}
