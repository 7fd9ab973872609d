package org.bulwark.formats.election;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.Candidate;
import org.bulwark.model.CandidateId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitGroup;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;

/**
 * Writes the layout of docs/election-definition.md: sections indented, and each small thing
 * (a unit, a party, a candidate, a selection, a ballot style, a list of ids) on one line, so
 * that a definition reads like a table and diffs line by line.
 */
final class BulwarkJsonWriter {
    private final JsonGenerator g;
    private final Election election;
    private final Layout layout = new Layout();

    private BulwarkJsonWriter(JsonGenerator g, Election election) {
        this.g = g;
        this.election = election;
        g.setPrettyPrinter(layout);
    }

    static void write(Election election, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            new BulwarkJsonWriter(g, election).document();
            g.writeRaw('\n');
        }
    }

    private interface Part {
        void write() throws IOException;
    }

    /** Writes the object or array that {@code part} starts on one line. */
    private void oneLine(Part part) throws IOException {
        layout.nextOnOneLine = true;
        part.write();
    }

    private void document() throws IOException {
        g.writeStartObject();
        g.writeStringField("format", BulwarkElectionJson.FORMAT);
        g.writeNumberField("version", BulwarkElectionJson.VERSION);
        g.writeObjectFieldStart("election");
        g.writeStringField("id", election.id());
        g.writeStringField("title", election.title());
        g.writeStringField("date", election.date().toString());
        g.writeStringField("type", election.type().nist());
        g.writeStringField("state", election.state());
        g.writeStringField("scope", election.scope().value());
        g.writeEndObject();
        units();
        g.writeArrayFieldStart("parties");
        for (Party p : election.parties()) {
            oneLine(() -> party(p));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("candidates");
        for (Candidate c : election.candidates()) {
            oneLine(() -> candidate(c));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("contests");
        for (Contest c : election.contests()) {
            contest(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("ballotStyles");
        for (BallotStyle b : election.ballotStyles()) {
            oneLine(() -> ballotStyle(b));
        }
        g.writeEndArray();
        ids("countingGroups", election.countingGroups(), CountingGroup::nist);
        g.writeEndObject();
    }

    private void party(Party p) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id().value());
        g.writeStringField("name", p.name());
        if (!p.abbreviation().isEmpty()) {
            g.writeStringField("abbreviation", p.abbreviation());
        }
        g.writeEndObject();
    }

    private void candidate(Candidate c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id().value());
        g.writeStringField("name", c.ballotName());
        if (c.party().isPresent()) {
            g.writeStringField("party", c.party().get().value());
        }
        g.writeEndObject();
    }

    private void ballotStyle(BallotStyle b) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", b.id().value());
        ids("units", b.gpUnits(), GpUnitId::value);
        ids("contests", b.contests(), ContestId::value);
        if (!b.parties().isEmpty()) {
            ids("parties", b.parties(), PartyId::value);
        }
        g.writeEndObject();
    }

    /** Units grouped as {@link GpUnitGroup} groups them; a split names the first precinct it is part of. */
    private void units() throws IOException {
        List<GpUnit> units = election.gpUnits();
        List<GpUnitGroup> groups = GpUnitGroup.groups(units);
        Map<GpUnitId, GpUnitId> precinctOfSplit = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            if (groups.get(i) == GpUnitGroup.PRECINCT) {
                for (GpUnitId part : units.get(i).composingUnits()) {
                    precinctOfSplit.putIfAbsent(part, units.get(i).id());
                }
            }
        }
        Map<GpUnitId, GpUnit> splits = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            if (groups.get(i) == GpUnitGroup.SPLIT) {
                splits.put(units.get(i).id(), units.get(i));
            }
        }
        precinctOfSplit.keySet().retainAll(splits.keySet());
        g.writeObjectFieldStart("jurisdictions");
        for (int i = 0; i < units.size(); i++) {
            if (groups.get(i) == GpUnitGroup.STATE) {
                GpUnit state = units.get(i);
                g.writeFieldName("state");
                oneLine(() -> {
                    g.writeStartObject();
                    g.writeStringField("id", state.id().value());
                    g.writeStringField("name", state.name());
                    ids("units", state.composingUnits(), GpUnitId::value);
                    g.writeEndObject();
                });
            }
        }
        g.writeArrayFieldStart("authorities");
        for (int i = 0; i < units.size(); i++) {
            if (groups.get(i) == GpUnitGroup.AUTHORITY) {
                unit(units.get(i), units.get(i).composingUnits(), true);
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("precincts");
        for (int i = 0; i < units.size(); i++) {
            if (groups.get(i) == GpUnitGroup.PRECINCT) {
                GpUnit p = units.get(i);
                List<GpUnitId> rest = p.composingUnits().stream()
                        .filter(part -> !p.id().equals(precinctOfSplit.get(part)))
                        .toList();
                unit(p, rest, p.type() != GpUnitType.PRECINCT);
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("splits");
        for (GpUnit s : splits.values()) {
            oneLine(() -> {
                g.writeStartObject();
                g.writeStringField("id", s.id().value());
                g.writeStringField("name", s.name());
                GpUnitId precinct = precinctOfSplit.get(s.id());
                if (precinct != null) {
                    g.writeStringField("precinct", precinct.value());
                }
                g.writeEndObject();
            });
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("districts");
        for (int i = 0; i < units.size(); i++) {
            if (groups.get(i) == GpUnitGroup.DISTRICT) {
                unit(units.get(i), units.get(i).composingUnits(), true);
            }
        }
        g.writeEndArray();
    }

    private void unit(GpUnit u, List<GpUnitId> parts, boolean withType) throws IOException {
        oneLine(() -> unitObject(u, parts, withType));
    }

    private void unitObject(GpUnit u, List<GpUnitId> parts, boolean withType) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", u.id().value());
        g.writeStringField("name", u.name());
        if (withType) {
            g.writeStringField("type", u.type().nist());
        }
        if (u.otherType().isPresent()) {
            g.writeStringField("otherType", u.otherType().get());
        }
        if (!parts.isEmpty()) {
            ids("units", parts, GpUnitId::value);
        }
        g.writeEndObject();
    }

    private void contest(Contest contest) throws IOException {
        g.writeStartObject();
        switch (contest) {
            case Contest.CandidateContest c -> {
                head("candidate", c);
                g.writeNumberField("votesAllowed", c.votesAllowed());
                if (!c.primaryParties().isEmpty()) {
                    ids("primaryParties", c.primaryParties(), PartyId::value);
                }
                if (c.ranks() != 0) {
                    g.writeObjectFieldStart("rankedChoice");
                    g.writeNumberField("ranks", c.ranks());
                    g.writeEndObject();
                }
            }
            case Contest.BallotMeasureContest m -> {
                head("ballot-measure", m);
                g.writeStringField("text", m.fullText());
            }
            case Contest.PartyContest p -> head("straight-party", p);
        }
        g.writeArrayFieldStart("selections");
        for (ContestSelection s : contest.selections()) {
            oneLine(() -> selection(s));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void selection(ContestSelection s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id().value());
        switch (s) {
            case ContestSelection.CandidateSelection c -> ids("candidates", c.candidates(), CandidateId::value);
            case ContestSelection.WriteIn w -> g.writeBooleanField("writeIn", true);
            case ContestSelection.BallotMeasureSelection m -> g.writeStringField("text", m.text());
            case ContestSelection.PartySelection p -> ids("parties", p.parties(), PartyId::value);
        }
        g.writeEndObject();
    }

    private void head(String kind, Contest c) throws IOException {
        g.writeStringField("kind", kind);
        g.writeStringField("id", c.id().value());
        g.writeStringField("name", c.name());
        g.writeStringField("district", c.district().value());
    }

    private <T> void ids(String key, List<T> values, Function<T, String> text) throws IOException {
        g.writeFieldName(key);
        oneLine(() -> {
            g.writeStartArray();
            for (T v : values) {
                g.writeString(text.apply(v));
            }
            g.writeEndArray();
        });
    }

    /**
     * Indents objects and arrays two spaces a level, except those the writer asks for on one line
     * (and everything inside them).
     */
    private static final class Layout implements PrettyPrinter {
        private final Deque<Boolean> oneLine = new ArrayDeque<>();
        boolean nextOnOneLine;

        private void open(JsonGenerator g, char c) throws IOException {
            oneLine.push(nextOnOneLine || (!oneLine.isEmpty() && oneLine.peek()));
            nextOnOneLine = false;
            g.writeRaw(c);
        }

        private void close(JsonGenerator g, char c, int entries) throws IOException {
            boolean flat = oneLine.pop();
            if (!flat && entries > 0) {
                newLine(g);
            }
            g.writeRaw(c);
        }

        private void separate(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (oneLine.peek()) {
                g.writeRaw(' ');
            } else {
                newLine(g);
            }
        }

        private void first(JsonGenerator g) throws IOException {
            if (!oneLine.peek()) {
                newLine(g);
            }
        }

        private void newLine(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < oneLine.size(); i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            // A definition file holds one value.
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            open(g, '{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            close(g, '}', entries);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            separate(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            open(g, '[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            close(g, ']', values);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            separate(g);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            first(g);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            first(g);
        }
    }
}
