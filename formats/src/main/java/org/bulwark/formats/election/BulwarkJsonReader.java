package org.bulwark.formats.election;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Candidate;
import org.bulwark.model.CandidateId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionType;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * Reads Bulwark's own JSON election definition (docs/election-definition.md,
 * bulwark-election.schema.json) from a parsed document. Strict: an unknown field, a missing one or
 * a value of the wrong type is reported with its line, column and path, since a typo in a
 * definition must not pass unnoticed. What the election means is checked afterwards by
 * {@link org.bulwark.model.ElectionValidator}.
 */
final class BulwarkJsonReader {
    private static final Set<GpUnitType> PRECINCT_TYPES =
            Set.of(GpUnitType.PRECINCT, GpUnitType.COMBINED_PRECINCT, GpUnitType.POLLING_PLACE);

    private final String file;

    private BulwarkJsonReader(String file) {
        this.file = file;
    }

    static Election read(Node root, String file) {
        return new BulwarkJsonReader(file).election(root);
    }

    private Election election(Node root) {
        fields(root, "format", "version", "election", "jurisdictions", "districts", "parties", "candidates",
                "contests", "ballotStyles", "countingGroups");
        String format = string(root, "format");
        if (!format.equals(BulwarkElectionJson.FORMAT)) {
            throw bad(root.first("format").orElseThrow(), "format is '" + format + "'; expected '"
                    + BulwarkElectionJson.FORMAT + "'");
        }
        int version = integer(root, "version");
        if (version != BulwarkElectionJson.VERSION) {
            throw bad(root.first("version").orElseThrow(), "version " + version
                    + " is not supported; this Bulwark reads version " + BulwarkElectionJson.VERSION);
        }
        Node e = object(root, "election");
        fields(e, "id", "title", "date", "type", "state", "scope");
        LocalDate date = date(e);
        ElectionType type = choice(e, "type", ElectionType.values(), ElectionType::nist);
        List<GpUnit> units = gpUnits(root);
        return new Election(string(e, "id"), string(e, "title"), date, type, string(e, "state"),
                new GpUnitId(id(e, "scope")), units,
                list(root, "parties", this::party),
                list(root, "candidates", this::candidate),
                list(root, "contests", this::contest),
                list(root, "ballotStyles", this::ballotStyle),
                elements(root, "countingGroups").stream().map(n -> choice(n, CountingGroup.values(),
                        CountingGroup::nist)).toList());
    }

    private LocalDate date(Node e) {
        String text = string(e, "date");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException x) {
            throw bad(e.first("date").orElseThrow(), "date '" + text
                    + "' is not a date; write it as YYYY-MM-DD, such as 2026-11-03");
        }
    }

    /** Units in Bulwark order (state, authorities, precincts, splits, districts), as the file groups them. */
    private List<GpUnit> gpUnits(Node root) {
        List<GpUnit> out = new ArrayList<>();
        Optional<Node> j = optionalObject(root, "jurisdictions");
        j.ifPresent(n -> fields(n, "state", "authorities", "precincts", "splits"));
        List<Node> precincts = j.map(n -> elements(n, "precincts")).orElse(List.of());
        List<Node> splits = j.map(n -> elements(n, "splits")).orElse(List.of());
        boolean hasState = j.flatMap(n -> optionalObject(n, "state")).isPresent();
        j.flatMap(n -> optionalObject(n, "state")).ifPresent(s -> {
            fields(s, "id", "name", "units");
            out.add(new GpUnit(new GpUnitId(id(s, "id")), string(s, "name"), GpUnitType.STATE, Optional.empty(),
                    false, ids(s, "units", GpUnitId::new)));
        });
        for (Node a : j.map(n -> elements(n, "authorities")).orElse(List.of())) {
            out.add(unit(a, true, GpUnitType.COUNTY, List.of()));
        }
        // A precinct is made of the splits that name it, in the order the splits are listed.
        Map<String, List<GpUnitId>> splitsOf = new HashMap<>();
        for (Node s : splits) {
            if (s.has("precinct")) {
                splitsOf.computeIfAbsent(id(s, "precinct"), k -> new ArrayList<>()).add(new GpUnitId(id(s, "id")));
            }
        }
        for (Node p : precincts) {
            GpUnit u = unit(p, false, GpUnitType.PRECINCT, splitsOf.getOrDefault(id(p, "id"), List.of()));
            if (!PRECINCT_TYPES.contains(u.type())) {
                throw bad(p.first("type").orElseThrow(), "a precinct has type precinct, combined-precinct or "
                        + "polling-place, not '" + u.type().nist() + "'; other units go in districts");
            }
            out.add(u);
        }
        for (Node s : splits) {
            fields(s, "id", "name", "precinct");
            if (s.has("precinct")) {
                id(s, "precinct");
            }
            out.add(new GpUnit(new GpUnitId(id(s, "id")), string(s, "name"), GpUnitType.SPLIT_PRECINCT,
                    Optional.empty(), false, List.of()));
        }
        for (Node d : elements(root, "districts")) {
            if (!d.has("type")) {
                throw bad(d, "the district has no type; give one such as \"congressional\" or \"school\"");
            }
            GpUnit u = unit(d, false, GpUnitType.OTHER, List.of());
            if (u.type().isPrecinctLevel() || (u.type() == GpUnitType.STATE && !hasState)) {
                throw bad(d.first("type").orElseThrow(), "a unit of type '" + u.type().nist()
                        + "' goes in jurisdictions." + (u.type() == GpUnitType.STATE ? "state" : u.type()
                        == GpUnitType.SPLIT_PRECINCT ? "splits" : "precincts") + ", not in districts");
            }
            out.add(u);
        }
        return out;
    }

    private GpUnit unit(Node n, boolean authority, GpUnitType defaultType, List<GpUnitId> splits) {
        fields(n, "id", "name", "type", "otherType", "units");
        GpUnitType type = n.has("type") ? choice(n, "type", GpUnitType.values(), GpUnitType::nist) : defaultType;
        Optional<String> otherType = optionalString(n, "otherType");
        if (otherType.isPresent() && type != GpUnitType.OTHER) {
            throw bad(n.first("otherType").orElseThrow(), "otherType is only for units of type \"other\"");
        }
        List<GpUnitId> parts = new ArrayList<>(ids(n, "units", GpUnitId::new));
        parts.addAll(splits);
        return new GpUnit(new GpUnitId(id(n, "id")), string(n, "name"), type, otherType, authority, parts);
    }

    private Party party(Node n) {
        fields(n, "id", "name", "abbreviation");
        return new Party(new PartyId(id(n, "id")), string(n, "name"), optionalString(n, "abbreviation").orElse(""));
    }

    private Candidate candidate(Node n) {
        fields(n, "id", "name", "party");
        Optional<PartyId> party = n.has("party") ? Optional.of(new PartyId(id(n, "party"))) : Optional.empty();
        return new Candidate(new CandidateId(id(n, "id")), string(n, "name"), party);
    }

    private Contest contest(Node n) {
        String kind = string(n, "kind");
        ContestId id = new ContestId(id(n, "id"));
        GpUnitId district = new GpUnitId(id(n, "district"));
        return switch (kind) {
            case "candidate" -> {
                fields(n, "kind", "id", "name", "district", "votesAllowed", "primaryParties", "rankedChoice",
                        "selections");
                int ranks = optionalObject(n, "rankedChoice").map(r -> {
                    fields(r, "ranks");
                    return integer(r, "ranks");
                }).orElse(0);
                yield new Contest.CandidateContest(id, string(n, "name"), district, integer(n, "votesAllowed"),
                        list(n, "selections", this::candidateSelection), ids(n, "primaryParties", PartyId::new),
                        ranks);
            }
            case "ballot-measure" -> {
                fields(n, "kind", "id", "name", "district", "text", "selections");
                yield new Contest.BallotMeasureContest(id, string(n, "name"), district, string(n, "text"),
                        list(n, "selections", s -> {
                            fields(s, "id", "text");
                            return new ContestSelection.BallotMeasureSelection(new SelectionId(id(s, "id")),
                                    string(s, "text"));
                        }));
            }
            case "straight-party" -> {
                fields(n, "kind", "id", "name", "district", "selections");
                yield new Contest.PartyContest(id, string(n, "name"), district, list(n, "selections", s -> {
                    fields(s, "id", "parties");
                    return new ContestSelection.PartySelection(new SelectionId(id(s, "id")),
                            ids(s, "parties", PartyId::new));
                }));
            }
            default -> throw bad(n.first("kind").orElseThrow(), "contest kind '" + kind
                    + "' is not one of: candidate, ballot-measure, straight-party");
        };
    }

    private ContestSelection candidateSelection(Node s) {
        fields(s, "id", "candidates", "writeIn");
        SelectionId id = new SelectionId(id(s, "id"));
        boolean writeIn = s.has("writeIn") && bool(s, "writeIn");
        if (writeIn) {
            if (s.has("candidates")) {
                throw bad(s, "a write-in position names no candidates; remove \"candidates\" or \"writeIn\"");
            }
            return new ContestSelection.WriteIn(id);
        }
        List<CandidateId> candidates = ids(s, "candidates", CandidateId::new);
        if (candidates.isEmpty()) {
            throw bad(s, "selection '" + id + "' names no candidate; give \"candidates\", or \"writeIn\": true "
                    + "for a write-in position");
        }
        return new ContestSelection.CandidateSelection(id, candidates);
    }

    private BallotStyle ballotStyle(Node n) {
        fields(n, "id", "units", "contests", "parties");
        return new BallotStyle(new BallotStyleId(id(n, "id")), ids(n, "units", GpUnitId::new),
                ids(n, "contests", ContestId::new), ids(n, "parties", PartyId::new));
    }

    // -- values with their checks ---------------------------------------------------------------

    private void fields(Node n, String... allowed) {
        if (!n.isObject()) {
            throw bad(n, "expected an object, found " + describe(n));
        }
        List<String> valid = Arrays.asList(allowed);
        for (String key : n.keys()) {
            if (!valid.contains(key)) {
                throw bad(n.first(key).orElse(n), "unknown field \"" + key + "\"; the fields here are: "
                        + String.join(", ", valid));
            }
        }
    }

    private Node value(Node n, String key) {
        Optional<Node> v = n.first(key);
        if (v.isEmpty()) {
            throw bad(n, "\"" + key + "\" is " + (n.has(key) ? "an empty list; it must be a single value" : "missing"));
        }
        if (v.get().inList()) {
            throw bad(v.get(), "\"" + key + "\" must be a single value, not a list");
        }
        return v.get();
    }

    private String string(Node n, String key) {
        return string(value(n, key));
    }

    private String string(Node v) {
        if (v.kind() != Node.Kind.STRING) {
            throw bad(v, "expected text in quotes, found " + describe(v));
        }
        return v.text().orElseThrow();
    }

    private Optional<String> optionalString(Node n, String key) {
        return n.has(key) ? Optional.of(string(n, key)) : Optional.empty();
    }

    private String id(Node n, String key) {
        Node v = value(n, key);
        String id = string(v);
        if (id.isBlank()) {
            throw bad(v, "\"" + key + "\" is empty; an id needs at least one character that is not a space");
        }
        return id;
    }

    private int integer(Node n, String key) {
        Node v = value(n, key);
        if (v.kind() != Node.Kind.NUMBER) {
            throw bad(v, "\"" + key + "\" must be a whole number, found " + describe(v));
        }
        try {
            return Integer.parseInt(v.text().orElseThrow());
        } catch (NumberFormatException x) {
            throw bad(v, "\"" + key + "\" must be a whole number, found " + v.text().orElseThrow());
        }
    }

    private boolean bool(Node n, String key) {
        Node v = value(n, key);
        if (v.kind() != Node.Kind.BOOLEAN) {
            throw bad(v, "\"" + key + "\" must be true or false, found " + describe(v));
        }
        return v.text().orElseThrow().equals("true");
    }

    private Node object(Node n, String key) {
        Node v = value(n, key);
        if (!v.isObject()) {
            throw bad(v, "\"" + key + "\" must be an object, found " + describe(v));
        }
        return v;
    }

    private Optional<Node> optionalObject(Node n, String key) {
        return n.has(key) ? Optional.of(object(n, key)) : Optional.empty();
    }

    /** The elements of a JSON array; absent means empty. */
    private List<Node> elements(Node n, String key) {
        List<Node> all = n.all(key);
        if (all.size() == 1 && !all.get(0).inList()) {
            throw bad(all.get(0), "\"" + key + "\" must be a list in [ ], found " + describe(all.get(0)));
        }
        return all;
    }

    private <T> List<T> list(Node n, String key, Function<Node, T> read) {
        return elements(n, key).stream().map(read).toList();
    }

    private <T> List<T> ids(Node n, String key, Function<String, T> make) {
        List<T> out = new ArrayList<>();
        for (Node v : elements(n, key)) {
            String id = string(v);
            if (id.isBlank()) {
                throw bad(v, "an id in \"" + key + "\" is empty");
            }
            out.add(make.apply(id));
        }
        return out;
    }

    private <E> E choice(Node n, String key, E[] values, Function<E, String> spelling) {
        return choice(value(n, key), values, spelling);
    }

    private <E> E choice(Node v, E[] values, Function<E, String> spelling) {
        String text = string(v);
        for (E e : values) {
            if (spelling.apply(e).equals(text)) {
                return e;
            }
        }
        throw bad(v, "'" + text + "' is not one of: "
                + Arrays.stream(values).map(spelling).collect(Collectors.joining(", ")));
    }

    private static String describe(Node v) {
        return switch (v.kind()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "the text \"" + v.text().orElseThrow() + "\"";
            case NUMBER -> "the number " + v.text().orElseThrow();
            case BOOLEAN -> v.text().orElseThrow();
            case NULL -> "null";
        };
    }

    private BadInputException bad(Node at, String problem) {
        String path = at.path();
        return new BadInputException(file, at.place() + (path.isEmpty() ? "" : " (" + path + ")"), problem);
    }
}
