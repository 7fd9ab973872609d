package org.bulwark.formats.vendor;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.bulwark.model.ranked.RankedBallot;

/**
 * One of RCTab's sample cases in testdata/rctab: its config's first CVR source as a {@link VendorSource}, the
 * candidates' aliases, and the expected report's ballot count, undervotes and first-round tally.
 */
record RctabCase(String name, VendorSource source, Map<String, String> nameByAlias, String overvoteRule,
        int maxSkipped, OptionalInt maxRankings, long totalBallots, long undervotes, Map<String, Long> firstRound) {
    static final Path ROOT = Path.of("..", "testdata", "rctab");

    static RctabCase load(String name) {
        Path dir = ROOT.resolve(name);
        JsonNode config = json(dir.resolve(name + "_config.json"));
        JsonNode rules = config.required("rules");
        OptionalInt maxRankings = rules.required("maxRankingsAllowed").text().equals("max") ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(rules.required("maxRankingsAllowed").text()));
        JsonNode cvr = config.required("cvrFileSources").elements().getFirst();
        VendorSource.Provider provider = VendorSource.Provider.fromRctabName(cvr.required("provider").text()).orElseThrow();
        Optional<VendorSource.Columns> columns = text(cvr, "firstVoteColumnIndex").map(first -> new VendorSource.Columns(
                Integer.parseInt(first), Integer.parseInt(text(cvr, "firstVoteRowIndex").orElseThrow()),
                number(cvr, "idColumnIndex"), number(cvr, "precinctColumnIndex"), number(cvr, "batchColumnIndex"), maxRankings));
        VendorSource.Labels labels = new VendorSource.Labels(text(cvr, "overvoteDelimiter"), text(cvr, "overvoteLabel"),
                text(cvr, "skippedRankLabel"), text(cvr, "undeclaredWriteInLabel"),
                cvr.field("treatBlankAsUndeclaredWriteIn").map(JsonNode::bool).orElse(false));
        VendorSource source = new VendorSource(provider, dir.resolve(cvr.required("filePath").text()).normalize(),
                text(cvr, "contestId"), columns, labels);
        Map<String, String> aliases = new HashMap<>();
        for (JsonNode c : config.required("candidates").elements()) {
            String candidate = c.required("name").text();
            aliases.put(candidate, candidate);
            c.field("aliases").ifPresent(a -> a.elements().forEach(alias -> aliases.put(alias.text(), candidate)));
            c.field("code").map(JsonNode::text).filter(s -> !s.isEmpty()).ifPresent(code -> aliases.put(code, candidate));
        }
        JsonNode report = json(dir.resolve(name + "_expected_detailed_report.json"));
        JsonNode summary = report.required("summary");
        Map<String, Long> tally = new HashMap<>();
        JsonNode round1 = report.required("results").elements().getFirst().required("tally");
        for (String candidate : ((Map<?, ?>) round1.value()).keySet().stream().map(Object::toString).toList()) {
            tally.put(candidate, Long.parseLong(round1.required(candidate).text()));
        }
        String skipped = rules.required("maxSkippedRanksAllowed").text();
        return new RctabCase(name, source, aliases, rules.required("overvoteRule").text(),
                skipped.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(skipped), maxRankings,
                Long.parseLong(summary.required("totalNumBallots").text()), summary.required("undervotes").integer(), tally);
    }

    List<RankedBallot> read() throws IOException {
        List<RankedBallot> ballots = new ArrayList<>();
        long count = VendorCvrs.read(source, ballots::add);
        if (count != ballots.size()) {
            throw new AssertionError("read returned " + count + " but passed " + ballots.size() + " ballots");
        }
        return ballots;
    }

    /**
     * The first-round choice of a ballot under the case's rules, as RCTab counts it: the candidate's name, or
     * empty when the ballot is an undervote or inactive from the start (skipped too many ranks, overvoted).
     */
    Optional<String> firstChoice(RankedBallot ballot) {
        int last = 0;
        int i = 0;
        List<RankedBallot.RankedChoice> choices = ballot.choices();
        while (i < choices.size()) {
            int rank = choices.get(i).rank();
            if (maxRankings.isPresent() && rank > maxRankings.getAsInt()) {
                return Optional.empty();
            }
            if (rank - last - 1 > maxSkipped) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            boolean overvote = false;
            for (; i < choices.size() && choices.get(i).rank() == rank; i++) {
                switch (choices.get(i).choice()) {
                    case RankedBallot.Choice.Candidate(String code) -> {
                        String candidate = nameByAlias.getOrDefault(code, code);
                        if (!names.contains(candidate)) {
                            names.add(candidate);
                        }
                    }
                    case RankedBallot.Choice.Overvote o -> overvote = true;
                    case RankedBallot.Choice.UndeclaredWriteIn w -> {
                        if (!names.contains("Undeclared Write-ins")) {
                            names.add("Undeclared Write-ins");
                        }
                    }
                }
            }
            if (overvote || names.size() > 1) {
                if (!overvoteRule.equals("alwaysSkipToNextRank")) {
                    return Optional.empty();
                }
                last = rank;
                continue;
            }
            return Optional.of(names.getFirst());
        }
        return Optional.empty();
    }

    static JsonNode json(Path file) {
        try (JsonParser p = JsonNode.FACTORY.createParser(Files.newInputStream(file))) {
            p.nextToken();
            return JsonNode.read(file.toString(), "", p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.field(field).map(JsonNode::text).filter(s -> !s.isEmpty());
    }

    private static OptionalInt number(JsonNode node, String field) {
        return text(node, field).map(s -> OptionalInt.of(Integer.parseInt(s))).orElse(OptionalInt.empty());
    }
}
