package org.bulwark.formats.election;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Candidate;
import org.bulwark.model.CandidateId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionType;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitGroup;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.ValidationIssue;

/**
 * Maps a NIST SP 1500-100 v2 election report (pre-election) or an SP 1500-20 ballot definition,
 * in JSON or XML, onto {@link Election}, keeping NIST object ids as Bulwark ids. The two formats
 * share their election structure and differ in names ({@code ContestSelection} /
 * {@code ContestOption}, {@code PartyContest} / {@code StraightPartyContest}), which
 * {@link Dialect} holds.
 *
 * <p>Every structural problem is reported with the NIST path of the object in the user's file and
 * its line; objects that cannot be represented are left out and reported, never silently. Only a
 * file without the election's date, type or scope cannot be read at all.
 */
final class NistElectionReader {
    enum Dialect {
        ELECTION_REPORT("ContestSelection", "CandidateSelection", "BallotMeasureSelection", "PartySelection",
                List.of("PartyContest")),
        BALLOT_DEFINITION("ContestOption", "CandidateOption", "BallotMeasureOption", "PartyOption",
                List.of("StraightPartyContest", "PartyContest"));

        final String selections;
        final String candidateSelection;
        final String measureSelection;
        final String partySelection;
        final List<String> partyContests;

        Dialect(String selections, String candidateSelection, String measureSelection, String partySelection,
                List<String> partyContests) {
            this.selections = selections;
            this.candidateSelection = candidateSelection;
            this.measureSelection = measureSelection;
            this.partySelection = partySelection;
            this.partyContests = partyContests;
        }
    }

    /**
     * The election, the problems found in the file while reading it, and where in the file each
     * unit, party, candidate, contest, selection and ballot style came from, by its path in the
     * election ({@code contests[3]}, {@code contests[3].selections[1]}).
     */
    record Imported(Election election, List<ValidationIssue> issues, Map<String, Node> sources) {
        /**
         * {@code issue} with the place in the file of the object it is about added to its message,
         * so that a problem found in the election can be found in the NIST file.
         */
        ValidationIssue located(ValidationIssue issue) {
            String path = issue.path();
            String best = null;
            for (String prefix : sources.keySet()) {
                boolean covers = prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + ".");
                if (covers && (best == null || prefix.length() > best.length())) {
                    best = prefix;
                }
            }
            if (best == null) {
                return issue;
            }
            Node n = sources.get(best);
            return new ValidationIssue(path, issue.message() + " (in the file: " + where(n) + ", " + n.place() + ")",
                    issue.severity());
        }
    }

    private final Dialect dialect;
    private final String file;
    private final List<ValidationIssue> issues = new ArrayList<>();
    private final Map<String, Node> sources = new HashMap<>();
    private final Map<GpUnit, Node> unitSources = new IdentityHashMap<>();

    private NistElectionReader(Dialect dialect, String file) {
        this.dialect = dialect;
        this.file = file;
    }

    static Imported read(Node root, Dialect dialect, String file) {
        return new NistElectionReader(dialect, file).report(root);
    }

    private Imported report(Node root) {
        List<Node> elections = root.all("Election");
        if (elections.isEmpty()) {
            throw new BadInputException(file, at(root), "the file holds no Election; an election definition needs one");
        }
        if (elections.size() > 1) {
            error(elections.get(1), "the file holds " + elections.size() + " elections; Bulwark reads one election "
                    + "per file, so only the first was read");
        }
        Node e = elections.get(0);
        String title = intlText(e, "Name").orElseGet(() -> {
            error(e, "the election has no Name");
            return "";
        });
        String id = e.first("ExternalIdentifier").flatMap(x -> text(x, "Value")).orElse(title);
        Optional<LocalDate> date = text(e, "StartDate").or(() -> text(e, "EndDate")).or(() -> {
            error(e, "Election has no StartDate");
            return Optional.empty();
        }).flatMap(d -> date(e, d));
        Optional<ElectionType> type = required(e, "Type").flatMap(t -> electionType(e, t));
        Optional<String> scope = required(e, "ElectionScopeId");

        List<GpUnit> units = gpUnits(root, scope);
        List<Party> parties = parties(root);
        List<Candidate> candidates = candidates(e);
        List<Contest> contests = contests(e);
        List<BallotStyle> styles = ballotStyles(e);
        if (date.isEmpty() || type.isEmpty() || scope.isEmpty()) {
            String all = issues.stream().filter(ValidationIssue::isError).map(ValidationIssue::toString)
                    .collect(Collectors.joining("; "));
            throw new BadInputException(file, at(e), "the election cannot be read: " + all);
        }
        String state = units.stream()
                .filter(u -> u.type() == GpUnitType.STATE)
                .map(GpUnit::name)
                .findFirst()
                .orElse("");
        List<GpUnit> sorted = GpUnitGroup.sorted(units);
        for (int i = 0; i < sorted.size(); i++) {
            sources.put("gpUnits[" + i + "]", unitSources.get(sorted.get(i)));
        }
        sources.put("", e);
        Election election = new Election(id, title, date.get(), type.get(), state, new GpUnitId(scope.get()),
                sorted, parties, candidates, contests, styles, List.of());
        return new Imported(election, List.copyOf(issues), Map.copyOf(sources));
    }

    private Optional<LocalDate> date(Node e, String value) {
        try {
            return Optional.of(LocalDate.parse(value, DateTimeFormatter.ISO_DATE));
        } catch (DateTimeParseException x) {
            error(e, "StartDate '" + value + "' is not a date; write it as YYYY-MM-DD, such as 2026-11-03");
            return Optional.empty();
        }
    }

    private Optional<ElectionType> electionType(Node e, String value) {
        Optional<ElectionType> t = ElectionType.fromNist(value);
        if (t.isEmpty()) {
            error(e, "election Type '" + value + "' is not a NIST election type; valid types: "
                    + Arrays.stream(ElectionType.values()).map(ElectionType::nist).collect(Collectors.joining(", ")));
        }
        return t;
    }

    // -- geopolitical units, parties, candidates ------------------------------------------------------

    /** A county or city that is the scope of the election is the local election authority running it. */
    private List<GpUnit> gpUnits(Node root, Optional<String> scope) {
        List<GpUnit> out = new ArrayList<>();
        for (Node u : root.all("GpUnit")) {
            Optional<String> kind = type(u);
            if (kind.isPresent() && !kind.get().equals("ReportingUnit")) {
                error(u, "GpUnit of type '" + kind.get() + "' is not supported; only ReportingUnit is");
                continue;
            }
            Optional<String> id = objectId(u);
            if (id.isEmpty()) {
                continue;
            }
            String name = intlText(u, "Name").orElseGet(() -> {
                warning(u, "reporting unit '" + id.get() + "' has no Name; its id is shown as its name");
                return id.get();
            });
            String nist = required(u, "Type").orElse("other");
            GpUnitType type = GpUnitType.fromNist(nist).orElse(GpUnitType.OTHER);
            Optional<String> otherType = type != GpUnitType.OTHER
                    ? Optional.empty()
                    : nist.equals("other") ? text(u, "OtherType") : Optional.of(nist);
            boolean authority = scope.equals(id) && (type == GpUnitType.COUNTY || type == GpUnitType.CITY);
            List<GpUnitId> parts = ids(u, "ComposingGpUnitIds").stream().map(GpUnitId::new).toList();
            GpUnit unit = new GpUnit(new GpUnitId(id.get()), name, type, otherType, authority, parts);
            unitSources.put(unit, u);
            out.add(unit);
        }
        return out;
    }

    private List<Party> parties(Node root) {
        List<Party> out = new ArrayList<>();
        for (Node p : root.all("Party")) {
            Optional<String> id = objectId(p);
            if (id.isPresent()) {
                String name = intlText(p, "Name").orElseGet(() -> {
                    error(p, "party '" + id.get() + "' has no Name");
                    return "";
                });
                sources.put("parties[" + out.size() + "]", p);
                out.add(new Party(new PartyId(id.get()), name, intlText(p, "Abbreviation").orElse("")));
            }
        }
        return out;
    }

    private List<Candidate> candidates(Node e) {
        List<Candidate> out = new ArrayList<>();
        for (Node c : e.all("Candidate")) {
            Optional<String> id = objectId(c);
            if (id.isPresent()) {
                String name = intlText(c, "BallotName").orElseGet(() -> {
                    error(c, "candidate '" + id.get() + "' has no BallotName");
                    return "";
                });
                sources.put("candidates[" + out.size() + "]", c);
                out.add(new Candidate(new CandidateId(id.get()), name, text(c, "PartyId").map(PartyId::new)));
            }
        }
        return out;
    }

    // -- contests -------------------------------------------------------------------------------------

    private List<Contest> contests(Node e) {
        List<Contest> out = new ArrayList<>();
        for (Node c : e.all("Contest")) {
            Optional<String> kind = type(c);
            Optional<String> id = objectId(c);
            Optional<String> district = required(c, "ElectionDistrictId");
            String name = intlText(c, "Name").orElseGet(() -> {
                error(c, "contest has no Name");
                return "";
            });
            if (kind.isEmpty() || id.isEmpty() || district.isEmpty()) {
                if (kind.isEmpty()) {
                    error(c, "contest has no @type, so it is not known whether it is a candidate contest, "
                            + "a ballot measure or a straight-party contest; it was left out");
                }
                continue;
            }
            ContestId cid = new ContestId(id.get());
            GpUnitId did = new GpUnitId(district.get());
            String k = kind.get();
            String at = "contests[" + out.size() + "]";
            if (k.equals("CandidateContest")) {
                sources.put(at, c);
                out.add(candidateContest(c, at, cid, name, did));
            } else if (k.equals("BallotMeasureContest") || k.equals("RetentionContest")) {
                // A retention question is answered yes or no, like any ballot measure.
                String text = intlText(c, "FullText").or(() -> intlText(c, "SummaryText")).orElse("");
                if (k.equals("RetentionContest")) {
                    text(c, "CandidateId").ifPresent(who -> warning(c, "retention contest '" + id.get()
                            + "' is read as a yes/no question; the candidate it retains ('" + who
                            + "') is named only by its name and text"));
                }
                sources.put(at, c);
                out.add(new Contest.BallotMeasureContest(cid, name, did, text, measureSelections(c, at)));
            } else if (dialect.partyContests.contains(k)) {
                sources.put(at, c);
                out.add(new Contest.PartyContest(cid, name, did, partySelections(c, at)));
            } else {
                error(c, "contest type '" + k + "' is not supported (supported: CandidateContest, BallotMeasureContest, "
                        + "RetentionContest, " + String.join(", ", dialect.partyContests) + "); contest '" + id.get()
                        + "' was left out");
            }
        }
        return out;
    }

    private Contest candidateContest(Node c, String at, ContestId id, String name, GpUnitId district) {
        int votesAllowed = integer(c, "VotesAllowed").orElseGet(() -> {
            if (!c.has("VotesAllowed")) {
                error(c, "candidate contest '" + id + "' has no VotesAllowed; read as vote for 1");
            }
            return 1;
        });
        List<ContestSelection> selections = new ArrayList<>();
        for (Node s : c.all(dialect.selections)) {
            Optional<String> sid = selection(s, dialect.candidateSelection);
            if (sid.isEmpty()) {
                continue;
            }
            sources.put(at + ".selections[" + selections.size() + "]", s);
            boolean writeIn = bool(s, "IsWriteIn").orElse(false);
            List<CandidateId> who = ids(s, "CandidateIds").stream().map(CandidateId::new).toList();
            if (writeIn) {
                if (!who.isEmpty()) {
                    warning(s, "write-in position '" + sid.get() + "' names candidates; Bulwark keeps it as a "
                            + "write-in position and does not keep the names");
                }
                selections.add(new ContestSelection.WriteIn(new SelectionId(sid.get())));
            } else if (who.isEmpty()) {
                sources.remove(at + ".selections[" + selections.size() + "]");
                error(s, "candidate selection '" + sid.get() + "' names no candidate and is not a write-in; "
                        + "it was left out");
            } else {
                selections.add(new ContestSelection.CandidateSelection(new SelectionId(sid.get()), who));
            }
        }
        List<PartyId> primary = ids(c, "PrimaryPartyIds").stream().map(PartyId::new).toList();
        // SP 1500-20 gives the number of ranks; SP 1500-100 only says the contest is ranked, so every
        // selection may be ranked.
        int ranks = integer(c, "RanksAllowed").orElseGet(() -> text(c, "VoteVariation")
                .filter(v -> v.equals("rcv") || v.equals("irv"))
                .map(v -> selections.size())
                .orElse(0));
        return new Contest.CandidateContest(id, name, district, votesAllowed, selections, primary, ranks);
    }

    private List<ContestSelection> measureSelections(Node c, String at) {
        List<ContestSelection> out = new ArrayList<>();
        for (Node s : c.all(dialect.selections)) {
            selection(s, dialect.measureSelection).ifPresent(sid -> {
                sources.put(at + ".selections[" + out.size() + "]", s);
                String text = intlText(s, "Selection").orElseGet(() -> {
                    error(s, "ballot measure selection '" + sid + "' has no Selection text, such as Yes or No");
                    return "";
                });
                out.add(new ContestSelection.BallotMeasureSelection(new SelectionId(sid), text));
            });
        }
        return out;
    }

    private List<ContestSelection> partySelections(Node c, String at) {
        List<ContestSelection> out = new ArrayList<>();
        for (Node s : c.all(dialect.selections)) {
            selection(s, dialect.partySelection).ifPresent(sid -> {
                sources.put(at + ".selections[" + out.size() + "]", s);
                out.add(new ContestSelection.PartySelection(
                        new SelectionId(sid), ids(s, "PartyIds").stream().map(PartyId::new).toList()));
            });
        }
        return out;
    }

    /** The id of a selection of the expected type, or empty (reported) when it cannot be used. */
    private Optional<String> selection(Node s, String expectedType) {
        Optional<String> kind = type(s);
        if (kind.isPresent() && !kind.get().equals(expectedType)) {
            error(s, "selection of type '" + kind.get() + "' does not belong in this contest, which takes "
                    + expectedType + "; it was left out");
            return Optional.empty();
        }
        return objectId(s);
    }

    // -- ballot styles --------------------------------------------------------------------------------

    /**
     * NIST ballot styles have no object id; cast vote records name them by their external
     * identifier ("Precinct 1"), so that value is the ballot style's id.
     */
    private List<BallotStyle> ballotStyles(Node e) {
        List<BallotStyle> out = new ArrayList<>();
        List<Node> styles = e.all("BallotStyle");
        for (int i = 0; i < styles.size(); i++) {
            Node b = styles.get(i);
            int position = i + 1;
            String id = text(b, "@id")
                    .or(() -> b.all("ExternalIdentifier").stream().flatMap(x -> text(x, "Value").stream()).findFirst())
                    .orElseGet(() -> {
                        warning(b, "ballot style has no ExternalIdentifier to name it by; it is named 'ballot-style-"
                                + position + "' after its position");
                        return "ballot-style-" + position;
                    });
            List<ContestId> contests = new ArrayList<>();
            orderedContests(b, contests);
            sources.put("ballotStyles[" + out.size() + "]", b);
            out.add(new BallotStyle(new BallotStyleId(id),
                    ids(b, "GpUnitIds").stream().map(GpUnitId::new).toList(),
                    contests,
                    ids(b, "PartyIds").stream().map(PartyId::new).toList()));
        }
        return out;
    }

    /** Contests in ballot order; a header (a heading printed on the ballot) holds contests of its own. */
    private void orderedContests(Node holder, List<ContestId> out) {
        for (Node o : holder.all("OrderedContent")) {
            Optional<String> kind = type(o);
            if (o.has("HeaderId") || kind.filter("OrderedHeader"::equals).isPresent()) {
                orderedContests(o, out);
            } else {
                required(o, "ContestId").ifPresent(c -> out.add(new ContestId(c)));
            }
        }
    }

    // -- reading values -------------------------------------------------------------------------------

    /** The @type without its "ElectionResults." or "BallotDefinition." prefix. */
    private Optional<String> type(Node n) {
        return text(n, "@type").map(t -> t.substring(t.lastIndexOf('.') + 1));
    }

    private Optional<String> objectId(Node n) {
        Optional<String> id = text(n, "@id");
        if (id.isEmpty()) {
            error(n, n.name() + " has no " + (n.syntax() == Node.Syntax.XML ? "ObjectId" : "@id")
                    + "; without an id nothing can refer to it, so it was left out");
        }
        return id;
    }

    private Optional<String> required(Node n, String key) {
        Optional<String> value = text(n, key);
        if (value.isEmpty()) {
            Optional<Node> given = n.first(key);
            if (given.isEmpty()) {
                error(n, n.name() + " has no " + key);
            } else if (given.get().text().map(String::isBlank).orElse(given.get().kind() == Node.Kind.NULL)) {
                error(given.get(), key + " is empty");
            }
        }
        return value;
    }

    /** A text value; a blank one counts as absent. */
    private Optional<String> text(Node n, String key) {
        Optional<Node> v = n.first(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Node value = v.get();
        if (value.syntax() == Node.Syntax.JSON && (value.isObject() || n.all(key).size() > 1)) {
            error(value, key + " must be a single value, not " + (value.isObject() ? "an object" : "a list"));
            return Optional.empty();
        }
        return value.text().map(String::strip).filter(s -> !s.isEmpty());
    }

    private Optional<Integer> integer(Node n, String key) {
        return text(n, key).flatMap(t -> {
            try {
                return Optional.of(Integer.parseInt(t));
            } catch (NumberFormatException x) {
                error(n.first(key).orElseThrow(), key + " '" + t + "' is not a whole number");
                return Optional.empty();
            }
        });
    }

    private Optional<Boolean> bool(Node n, String key) {
        return text(n, key).flatMap(t -> switch (t) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> {
                error(n.first(key).orElseThrow(), key + " '" + t + "' is not true or false");
                yield Optional.empty();
            }
        });
    }

    /** A list of ids: a JSON array of strings, or an XML element holding ids separated by spaces. */
    private List<String> ids(Node n, String key) {
        List<String> out = new ArrayList<>();
        for (Node v : n.all(key)) {
            if (v.syntax() == Node.Syntax.XML) {
                v.text().ifPresent(t -> out.addAll(List.of(t.strip().split("\\s+"))));
            } else if (v.isObject()) {
                error(v, key + " must list ids, not objects");
            } else {
                v.text().map(String::strip).filter(s -> !s.isEmpty()).ifPresentOrElse(out::add,
                        () -> error(v, key + " holds an empty id"));
            }
        }
        return out;
    }

    /**
     * An InternationalizedText in English ("en", "en-US", ...) where there is one, else in its first
     * language. A plain
     * string is accepted too, as some producers write one.
     */
    private Optional<String> intlText(Node n, String key) {
        Optional<Node> v = n.first(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Node value = v.get();
        if (!value.isObject() || (value.syntax() == Node.Syntax.XML && !value.has("Text"))) {
            return value.text().map(String::strip).filter(s -> !s.isEmpty());
        }
        List<Node> texts = value.all("Text");
        Optional<Node> chosen = texts.stream()
                .filter(t -> text(t, value.syntax() == Node.Syntax.XML ? "@Language" : "Language")
                        .filter(l -> l.equalsIgnoreCase("en") || l.toLowerCase(Locale.ROOT).startsWith("en-"))
                        .isPresent())
                .findFirst()
                .or(() -> texts.stream().findFirst());
        return chosen.flatMap(t -> t.syntax() == Node.Syntax.XML ? t.text() : text(t, "Content"))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    // -- issues ---------------------------------------------------------------------------------------

    private void error(Node n, String message) {
        issues.add(new ValidationIssue(where(n), message + " (" + n.place() + ")"));
    }

    private void warning(Node n, String message) {
        issues.add(ValidationIssue.warning(where(n), message + " (" + n.place() + ")"));
    }

    private static String where(Node n) {
        String path = n.path();
        return path.isEmpty() ? "(top level)" : path;
    }

    private static String at(Node n) {
        return (n.path().isEmpty() ? "" : n.path() + ", ") + n.place();
    }
}
