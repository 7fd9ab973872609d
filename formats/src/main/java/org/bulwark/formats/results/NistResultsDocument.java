package org.bulwark.formats.results;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bulwark.formats.cdf.CdfEmitter;
import org.bulwark.formats.cdf.CdfTypes;
import org.bulwark.model.Candidate;
import org.bulwark.model.CandidateId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.Breakdown;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;

/**
 * An ElectionReport (NIST SP 1500-100 v2) of tabulated results, walked in the XML schema's element
 * order. It stands alone: besides the counts it carries the units, parties and candidates they
 * refer to, with the ids of the imported election definition. Counts given:
 *
 * <ul>
 *   <li>VoteCounts per selection: Type "total" for the election scope and for each unit the CVRs
 *       name (BallotStyleUnitId), and one per counting group (Type election-day, absentee, ...)
 *       for the election scope;
 *   <li>OtherCounts per contest: Overvotes, Undervotes (NIST vote units) and WriteIns, for the
 *       scope and each unit;
 *   <li>BallotCounts of the election: ballots cast for the scope, each unit and each counting group.
 * </ul>
 *
 * Contests that were not tabulated (ranked choice) are listed with CountStatus "not-processed" and
 * no counts. Units the CVRs name that the election does not define are added as units of type
 * "other", so that every count's GpUnitId resolves.
 */
final class NistResultsDocument {
    static final String NAMESPACE = "http://itl.nist.gov/ns/voting/1500-100/v2";
    /** The JSON schema's "@type" values are its type names with this prefix. */
    static final String TYPE_PREFIX = "ElectionResults.";

    private final ElectionIndex index;
    private final Election election;
    private final ElectionResults results;
    private final ResultsHeader header;

    NistResultsDocument(ElectionIndex index, ElectionResults results, ResultsHeader header) {
        this.index = index;
        this.election = index.election();
        this.results = results;
        this.header = header;
    }

    @FunctionalInterface
    private interface Item<T> {
        void write(T item) throws IOException;
    }

    private static <T> void each(CdfEmitter out, String name, List<T> items, Item<T> write) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        out.beginList(name);
        for (T item : items) {
            write.write(item);
        }
        out.endList();
    }

    void write(CdfEmitter out) throws IOException {
        out.beginObject("ElectionReport", "ElectionReport", Optional.empty());
        each(out, "Election", List.of(election), e -> election(out));
        out.value("Format", "precinct-level");
        out.value("GeneratedDate", header.generated().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        each(out, "GpUnit", units(), u -> gpUnit(out, u));
        out.value("Issuer", header.issuer());
        out.value("IssuerAbbreviation", header.issuerAbbreviation());
        out.bool("IsTest", header.test());
        each(out, "Party", distinct(election.parties(), Party::id), p -> party(out, p));
        out.number("SequenceStart", 1);
        out.number("SequenceEnd", 1);
        out.value("Status", header.status().nist());
        out.value("VendorApplicationId", header.vendorApplicationId());
        out.endObject();
        out.finish();
    }

    private void election(CdfEmitter out) throws IOException {
        out.beginObject("Election", "Election", Optional.empty());
        each(out, "BallotCounts", counts(results.ballots()), c -> ballotCounts(out, c));
        each(out, "Candidate", distinct(election.candidates(), Candidate::id), c -> candidate(out, c));
        each(out, "Contest", election.contests().stream().map(Contest::id).distinct().toList(), id -> contest(out, id));
        out.value("ElectionScopeId", election.scope().value());
        out.text("Name", election.title());
        out.value("StartDate", election.date().toString());
        out.value("EndDate", election.date().toString());
        out.value("Type", election.type().nist());
        out.endObject();
    }

    /** A count for one unit, with the NIST CountItemType it is reported under. */
    private record Counted<T>(GpUnitId unit, String type, T value) {}

    /** Total for the scope, total per unit, then per counting group for the scope. */
    private <T> List<Counted<T>> counts(Breakdown<T> b) {
        List<Counted<T>> list = new ArrayList<>();
        list.add(new Counted<>(results.scope(), "total", b.total()));
        b.byUnit().forEach((unit, v) -> list.add(new Counted<>(unit, "total", v)));
        for (Map.Entry<CountingGroup, T> e : b.byCountingGroup().entrySet()) {
            list.add(new Counted<>(results.scope(), e.getKey().nist(), e.getValue()));
        }
        return list;
    }

    private void ballotCounts(CdfEmitter out, Counted<BallotCounts> c) throws IOException {
        out.beginObject("BallotCounts", "BallotCounts", Optional.empty());
        out.value("GpUnitId", c.unit().value());
        out.value("Type", c.type());
        out.number("BallotsCast", c.value().counted());
        out.endObject();
    }

    private void candidate(CdfEmitter out, Candidate c) throws IOException {
        out.beginObject("Candidate", "Candidate", Optional.of(c.id().value()));
        out.text("BallotName", c.ballotName());
        if (c.party().isPresent()) {
            out.value("PartyId", c.party().get().value());
        }
        out.endObject();
    }

    private void contest(CdfEmitter out, ContestId id) throws IOException {
        Contest contest = index.contest(id).orElseThrow();
        Optional<ContestResult> result = results.contest(id);
        out.beginSubtype("Contest", CdfTypes.of(contest), Optional.of(id.value()));
        each(out, "ContestSelection", distinct(contest.selections(), ContestSelection::id), s -> selection(out, s, result));
        if (result.isEmpty()) {
            each(out, "CountStatus", List.of("total"), t -> {
                out.beginObject("CountStatus", "CountStatus", Optional.empty());
                out.value("Status", "not-processed");
                out.value("Type", t);
                out.endObject();
            });
        }
        out.value("ElectionDistrictId", contest.district().value());
        out.value("Name", contest.name());
        if (result.isPresent()) {
            List<Counted<ContestCounts>> counts = counts(result.get().counts()).stream()
                    .filter(c -> c.type().equals("total")).toList();
            each(out, "OtherCounts", counts, c -> otherCounts(out, c));
        }
        switch (contest) {
            case Contest.CandidateContest c -> {
                out.value("VoteVariation", c.isRankedChoice() ? "rcv" : c.votesAllowed() == 1 ? "plurality" : "n-of-m");
                if (!c.primaryParties().isEmpty()) {
                    out.refs("PrimaryPartyIds", c.primaryParties().stream().map(PartyId::value).toList());
                }
                out.number("VotesAllowed", c.votesAllowed());
            }
            case Contest.BallotMeasureContest b -> {
                if (!b.fullText().isBlank()) {
                    out.text("FullText", b.fullText());
                }
            }
            case Contest.PartyContest p -> {}
        }
        out.endObject();
    }

    /** Ids are unique in a NIST file: a definition that repeats one keeps its first (the validator reports it). */
    private static <T> List<T> distinct(List<T> items, Function<T, Object> id) {
        Set<Object> seen = new HashSet<>();
        return items.stream().filter(i -> seen.add(id.apply(i))).toList();
    }

    private void selection(CdfEmitter out, ContestSelection s, Optional<ContestResult> result) throws IOException {
        out.beginSubtype("ContestSelection", CdfTypes.of(s), Optional.of(s.id().value()));
        if (result.isPresent()) {
            each(out, "VoteCounts", counts(result.get().counts()), c -> {
                out.beginObject("VoteCounts", "VoteCounts", Optional.empty());
                out.value("GpUnitId", c.unit().value());
                out.value("Type", c.type());
                out.number("Count", c.value().votesFor(s.id()));
                out.endObject();
            });
        }
        switch (s) {
            case ContestSelection.CandidateSelection c ->
                    out.refs("CandidateIds", c.candidates().stream().map(CandidateId::value).toList());
            case ContestSelection.WriteIn w -> out.bool("IsWriteIn", true);
            case ContestSelection.BallotMeasureSelection b -> out.text("Selection", b.text());
            case ContestSelection.PartySelection p ->
                    out.refs("PartyIds", p.parties().stream().map(PartyId::value).toList());
        }
        out.endObject();
    }

    private void otherCounts(CdfEmitter out, Counted<ContestCounts> c) throws IOException {
        out.beginObject("OtherCounts", "OtherCounts", Optional.empty());
        out.value("GpUnitId", c.unit().value());
        out.number("Overvotes", c.value().overvotes());
        out.number("Undervotes", c.value().undervotes());
        out.number("WriteIns", c.value().writeInVotes());
        out.endObject();
    }

    /** The election's units, then any unit the CVRs named that the election does not define. */
    private List<GpUnit> units() {
        List<GpUnit> units = new ArrayList<>(distinct(election.gpUnits(), GpUnit::id));
        Set<GpUnitId> seen = new HashSet<>();
        units.forEach(u -> seen.add(u.id()));
        List<GpUnitId> named = new ArrayList<>(results.ballots().byUnit().keySet());
        named.add(results.scope());
        for (GpUnitId id : named) {
            if (seen.add(id)) {
                units.add(new GpUnit(id, id.value(), GpUnitType.OTHER,
                        Optional.of("not in the election definition"), false, List.of()));
            }
        }
        return units;
    }

    private void gpUnit(CdfEmitter out, GpUnit u) throws IOException {
        out.beginSubtype("GpUnit", "ReportingUnit", Optional.of(u.id().value()));
        if (!u.composingUnits().isEmpty()) {
            out.refs("ComposingGpUnitIds", u.composingUnits().stream().map(GpUnitId::value).toList());
        }
        out.text("Name", u.name());
        out.value("Type", u.type().nist());
        if (u.otherType().isPresent()) {
            out.value("OtherType", u.otherType().get());
        }
        out.endObject();
    }

    private void party(CdfEmitter out, Party p) throws IOException {
        out.beginObject("Party", "Party", Optional.of(p.id().value()));
        if (!p.abbreviation().isBlank()) {
            out.text("Abbreviation", p.abbreviation());
        }
        out.text("Name", p.name());
        out.endObject();
    }
}
