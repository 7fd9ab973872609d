package org.bulwark.formats.vendor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;

/**
 * A NIST SP 1500-103 CVR report in JSON or XML (by the file's extension), read as RCTab reads it for ranked-choice tabulation: the contest is found
 * by its Name in Election[].Contest; each CVR's current snapshot (CurrentSnapshotId) gives the ballot's
 * rankings in that contest; a selection's candidate is the Name of its first CandidateIds entry, a write-in
 * selection (IsWriteIn) or a position with CVRWriteIn is an undeclared write-in, a candidate whose Name is the
 * overvote label is an overvote. Positions with HasIndication "no" or IsAllocable "no" are not rankings. The
 * rank is the selection's Rank when it has one, else each position's Rank. The file is streamed twice: once for
 * the election's definitions, which may come after the CVRs, once for the CVRs. XML is read into the same
 * small trees as JSON, ObjectId standing for JSON's @id, so that both follow one set of rules.
 */
final class CdfReader {
    private final String file;
    private final String contestName;
    private final ChoiceLabels labels;
    private final Map<String, String> unitNames = new HashMap<>();
    private final Map<String, String> candidateNames = new HashMap<>();
    /** The contest's selections: what each stands for (a write-in selection, or the candidate's name). */
    private final Map<String, Choice> selections = new HashMap<>();
    private Optional<String> contestId = Optional.empty();
    private final BallotBuilder ballot = new BallotBuilder();
    private long ballots;

    private CdfReader(VendorSource source, String contestName) {
        this.file = source.path().toString();
        this.contestName = contestName;
        this.labels = new ChoiceLabels(source.labels());
    }

    /** Elements of the report's top level, one at a time, as trees: JSON arrays' items, or XML child elements. */
    @FunctionalInterface
    interface TopLevel {
        void each(List<String> names, NodeVisitor visitor) throws IOException;
    }

    @FunctionalInterface
    interface NodeVisitor {
        void visit(String name, JsonNode node);
    }

    /** XML elements that may repeat: the arrays of the JSON form. */
    static final Set<String> XML_ARRAYS = Set.of("GpUnit", "Election", "CVR", "Candidate", "Contest", "ContestSelection", "CandidateIds",
            "CVRSnapshot", "CVRContest", "CVRContestSelection", "SelectionPosition", "ReportingDevice", "Party", "Code", "CVRWriteIn",
            "ReportGeneratingDeviceIds", "BallotImage", "PartyIds");

    static long read(VendorSource source, String contestName, Consumer<? super RankedBallot> sink) throws IOException {
        CdfReader reader = new CdfReader(source, contestName);
        Path path = source.path();
        TopLevel topLevel = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")
                ? (names, visitor) -> XmlInput.elements(path, "CastVoteRecordReport", names, XML_ARRAYS, visitor)
                : (names, visitor) -> JsonNode.stream(path, names,
                        (field, index, p) -> visitor.visit(field, JsonNode.read(reader.file, field + "[" + index + "]", p)));
        topLevel.each(List.of("GpUnit", "Election"), (field, node) -> {
            if (field.equals("GpUnit")) {
                reader.unitNames.put(node.required("@id").text(), node.field("Name").map(JsonNode::text).orElse(node.required("@id").text()));
            } else {
                reader.election(node);
            }
        });
        if (reader.contestId.isEmpty()) {
            throw new BadInputException(reader.file, "Election[].Contest", "no contest is named \"" + contestName + "\"");
        }
        topLevel.each(List.of("CVR"), (field, node) -> reader.cvr(node, sink));
        return reader.ballots;
    }

    private void election(JsonNode election) {
        for (JsonNode candidate : election.field("Candidate").map(JsonNode::elements).orElse(List.of())) {
            String id = candidate.required("@id").text();
            if (candidateNames.put(id, candidate.required("Name").text()) != null) {
                throw candidate.problem("candidate " + id + " appears twice");
            }
        }
        for (JsonNode contest : election.field("Contest").map(JsonNode::elements).orElse(List.of())) {
            if (!contest.field("Name").map(JsonNode::text).filter(contestName::equals).isPresent()) {
                continue;
            }
            if (contestId.isPresent()) {
                throw contest.problem("a second contest is named \"" + contestName + "\"");
            }
            contestId = Optional.of(contest.required("@id").text());
            for (JsonNode selection : contest.required("ContestSelection").elements()) {
                String id = selection.required("@id").text();
                if (selections.put(id, choiceOf(selection)) != null) {
                    throw selection.problem("contest selection " + id + " appears twice");
                }
            }
        }
    }

    /** What a selection stands for; candidates are looked up by name once all elections are read. */
    private Choice choiceOf(JsonNode selection) {
        if (selection.field("IsWriteIn").filter(w -> w.value() instanceof Boolean b ? b : "true".equals(w.text())).isPresent()) {
            return ChoiceLabels.undeclaredWriteIn();
        }
        List<JsonNode> ids = selection.field("CandidateIds").map(JsonNode::elements).orElse(List.of());
        if (ids.isEmpty()) {
            throw selection.problem("the selection has no CandidateIds");
        }
        // An id for now, named in candidateChoice; XML may list several ids in one element (IDREFS): the first counts.
        return new Choice.Candidate(ids.getFirst().text().trim().split("\\s+")[0]);
    }

    private Choice candidateChoice(JsonNode where, Choice choice) {
        if (choice instanceof Choice.Candidate(String id)) {
            String name = candidateNames.get(id);
            if (name == null) {
                throw where.problem("candidate " + id + " is not in Election[].Candidate");
            }
            return labels.labels().overvoteLabel().filter(name::equals).isPresent() ? new Choice.Overvote() : new Choice.Candidate(name);
        }
        return choice;
    }

    private void cvr(JsonNode cvr, Consumer<? super RankedBallot> sink) {
        String current = cvr.required("CurrentSnapshotId").text();
        Optional<JsonNode> snapshot = cvr.required("CVRSnapshot").elements().stream()
                .filter(s -> s.required("@id").text().equals(current)).findFirst();
        JsonNode snap = snapshot.orElseThrow(() -> cvr.problem("no CVRSnapshot has the CurrentSnapshotId " + current));
        Optional<JsonNode> contest = snap.field("CVRContest").map(JsonNode::elements).orElse(List.of()).stream()
                .filter(c -> c.required("ContestId").text().equals(contestId.orElseThrow())).findFirst();
        if (contest.isEmpty()) {
            return; // the ballot does not carry the contest
        }
        for (JsonNode selection : contest.get().field("CVRContestSelection").map(JsonNode::elements).orElse(List.of())) {
            JsonNode idNode = selection.required("ContestSelectionId");
            Choice defined = selections.get(idNode.text());
            if (defined == null) {
                throw idNode.problem("contest selection " + idNode.text() + " is not a selection of contest \"" + contestName + "\"");
            }
            Choice choice = candidateChoice(idNode, defined);
            Optional<JsonNode> selectionRank = selection.field("Rank");
            if (selectionRank.isPresent()) {
                ballot.add(rank(selectionRank.get()), choice);
                continue;
            }
            for (JsonNode position : selection.required("SelectionPosition").elements()) {
                if (isNo(position.field("HasIndication")) || isNo(position.field("IsAllocable"))) {
                    continue;
                }
                Choice marked = position.field("CVRWriteIn").isPresent() ? ChoiceLabels.undeclaredWriteIn() : choice;
                ballot.add(rank(position.required("Rank")), marked);
            }
        }
        Optional<String> precinct = cvr.field("BallotStyleUnitId").map(u -> Optional.ofNullable(unitNames.get(u.text()))
                .orElseThrow(() -> u.problem("GpUnit " + u.text() + " is not in GpUnit")));
        String ballotId = cvr.field("UniqueId").or(() -> cvr.field("BallotPrePrintedId")).map(JsonNode::text).orElse(cvr.path());
        ballots++;
        sink.accept(ballot.build(ballotId, precinct, cvr.field("BatchId").map(JsonNode::text)));
    }

    private static boolean isNo(Optional<JsonNode> status) {
        return status.filter(s -> "no".equals(s.text())).isPresent();
    }

    private static int rank(JsonNode node) {
        long rank = node.integer();
        BallotBuilder.rankProblem(rank).ifPresent(p -> {
            throw node.problem(p);
        });
        return (int) rank;
    }
}
