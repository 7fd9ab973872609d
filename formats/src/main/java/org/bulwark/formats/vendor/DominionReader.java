package org.bulwark.formats.vendor;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ranked.RankedBallot;

/**
 * Dominion's CVR export folder, read as RCTab reads it: ContestManifest.json, CandidateManifest.json,
 * PrecinctPortionManifest.json and (newer exports) PrecinctManifest.json, then CvrExport.json or
 * CvrExport_1.json, CvrExport_2.json, ... Each session's "Original" record is used when it is current, its
 * "Modified" (adjudicated) record otherwise; a session with neither is skipped, as RCTab skips it. Each card's
 * contest entry for the contest is one ballot; its marks are rankings, ambiguous marks skipped. A contest entry
 * flagged with outstack condition 7 (Invalid Contest) is a partial-count ballot - a voter who may not vote in
 * this contest - and is left out, as RCTab leaves it out (RCTab issue 909).
 */
final class DominionReader {
    /** Dominion's outstack condition "Invalid Contest", which marks partial-count ballots. */
    static final long INVALID_CONTEST_CONDITION = 7;

    private final Path folder;
    private final String contestId;
    private final ChoiceLabels labels;
    private final Consumer<? super RankedBallot> sink;
    private final Map<String, String> precincts;
    private final Map<String, String> portions;
    private final Set<String> candidates = new HashSet<>();
    private final BallotBuilder ballot = new BallotBuilder();
    private long ballots;

    private DominionReader(VendorSource source, String contestId, Consumer<? super RankedBallot> sink) throws IOException {
        this.folder = source.path();
        this.contestId = contestId;
        this.labels = new ChoiceLabels(source.labels());
        this.sink = sink;
        Path precinctManifest = folder.resolve("PrecinctManifest.json");
        this.precincts = Files.exists(precinctManifest) ? descriptions(manifest(precinctManifest)) : Map.of();
        this.portions = descriptions(manifest(folder.resolve("PrecinctPortionManifest.json")));
        Path contestManifest = folder.resolve("ContestManifest.json");
        if (manifest(contestManifest).stream().noneMatch(c -> c.required("Id").text().equals(contestId))) {
            throw new BadInputException(contestManifest.toString(), "List", "has no contest with Id " + contestId);
        }
        for (JsonNode c : manifest(folder.resolve("CandidateManifest.json"))) {
            if (c.required("ContestId").text().equals(contestId)) {
                candidates.add(c.required("Id").text());
            }
        }
    }

    static long read(VendorSource source, String contestId, Consumer<? super RankedBallot> sink) throws IOException {
        DominionReader reader = new DominionReader(source, contestId, sink);
        for (Path export : exports(source.path())) {
            JsonNode.stream(export, List.of("Sessions"), (field, index, parser) -> reader.session(export, index, parser));
        }
        return reader.ballots;
    }

    /** CvrExport.json, or the numbered files CvrExport_1.json, CvrExport_2.json, ... up to the first gap. */
    private static List<Path> exports(Path folder) {
        Path single = folder.resolve("CvrExport.json");
        if (Files.exists(single)) {
            return List.of(single);
        }
        List<Path> numbered = new ArrayList<>();
        for (int i = 1; Files.exists(folder.resolve("CvrExport_" + i + ".json")); i++) {
            numbered.add(folder.resolve("CvrExport_" + i + ".json"));
        }
        if (numbered.isEmpty()) {
            throw new BadInputException(folder.toString(), "the Dominion export folder", "has neither CvrExport.json nor CvrExport_1.json");
        }
        return numbered;
    }

    private static List<JsonNode> manifest(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new BadInputException(file.toString(), "the Dominion export folder", "the manifest is missing");
        }
        List<JsonNode> entries = new ArrayList<>();
        JsonNode.stream(file, List.of("List"), (field, index, p) -> entries.add(JsonNode.read(file.toString(), "List[" + index + "]", p)));
        return entries;
    }

    private static Map<String, String> descriptions(List<JsonNode> entries) {
        Map<String, String> byId = new HashMap<>();
        for (JsonNode e : entries) {
            byId.put(e.required("Id").text(), e.required("Description").text());
        }
        return byId;
    }

    private void session(Path export, int index, JsonParser parser) throws IOException {
        JsonNode session = JsonNode.read(export.toString(), "Sessions[" + index + "]", parser);
        String tabulator = session.required("TabulatorId").text();
        String batch = session.required("BatchId").text();
        String record = session.required("RecordId").text();
        JsonNode original = session.required("Original");
        Optional<JsonNode> data = original.required("IsCurrent").bool() ? Optional.of(original) : session.field("Modified");
        if (data.isEmpty()) {
            return; // superseded and never adjudicated: RCTab skips it too
        }
        Optional<String> precinct = data.get().field("PrecinctId").map(id -> lookUp(precincts, id, "precinct"));
        Optional<String> portion = data.get().field("PrecinctPortionId").map(id -> lookUp(portions, id, "precinct portion"));
        List<JsonNode> cards = data.get().field("Cards").map(JsonNode::elements).orElse(List.of(data.get()));
        for (JsonNode card : cards) {
            for (JsonNode contest : card.required("Contests").elements()) {
                if (contest.required("Id").text().equals(contestId) && !partialCount(contest)) {
                    marks(contest);
                    ballots++;
                    sink.accept(ballot.build(tabulator + "-" + batch + "-" + record, precinct.or(() -> portion), Optional.of(batch)));
                }
            }
        }
    }

    private static boolean partialCount(JsonNode contest) {
        return contest.field("OutstackConditionIds").map(JsonNode::elements).orElse(List.of()).stream()
                .anyMatch(id -> id.integer() == INVALID_CONTEST_CONDITION);
    }

    private void marks(JsonNode contest) {
        for (JsonNode mark : contest.required("Marks").elements()) {
            if (mark.required("IsAmbiguous").bool()) {
                continue;
            }
            JsonNode candidateNode = mark.required("CandidateId");
            String candidate = candidateNode.text();
            boolean writeIn = labels.isUndeclaredWriteIn(candidate);
            if (!writeIn && !candidates.contains(candidate)) {
                throw candidateNode.problem("candidate " + candidate + " is not a candidate of contest " + contestId
                        + " in CandidateManifest.json");
            }
            JsonNode rankNode = mark.required("Rank");
            long rank = rankNode.integer();
            BallotBuilder.rankProblem(rank).ifPresent(p -> {
                throw rankNode.problem(p);
            });
            ballot.add((int) rank, writeIn ? ChoiceLabels.undeclaredWriteIn() : labels.markedChoice(candidate));
        }
    }

    private static String lookUp(Map<String, String> names, JsonNode id, String what) {
        String name = names.get(id.text());
        if (name == null) {
            throw id.problem(what + " " + id.text() + " is not in the " + what + " manifest");
        }
        return name;
    }
}
