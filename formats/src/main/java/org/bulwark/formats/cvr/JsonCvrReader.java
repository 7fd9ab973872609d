package org.bulwark.formats.cvr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.bulwark.formats.cvr.SchemaRules.ObjectRule;
import org.bulwark.formats.cvr.SchemaRules.ValueRule;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Indication;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * Streams a NIST SP 1500-103 JSON report: each CVR is built, checked and handed on, then forgotten,
 * so memory does not grow with the file. The CVR objects are read by hand (switch on the property
 * name, ids looked up from the parser's buffer) because they are nearly the whole file; the rest
 * goes through {@link JsonSchemaWalker} in strict mode and is skimmed in lenient mode.
 */
final class JsonCvrReader {
    /** Longest text value read: far above any id, name or URI, far below what would strain memory. */
    static final int MAX_STRING_LENGTH = 1 << 20;
    /** CVR reports nest about ten deep; anything much deeper is not a CVR report. */
    static final int MAX_NESTING_DEPTH = 64;

    static final JsonFactory FACTORY = new CvrJsonParser.Factory((JsonFactoryBuilder) new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            // Property names interned (once per distinct name, when the parser's symbol table first sees it),
            // so that the switches on them and the schema's look-ups (whose names are interned too) match by
            // identity instead of comparing characters, for every property of every CVR.
            .enable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)); // the stream is the caller's, and is read to its end for the byte count

    private static final OptionalInt[] SMALL = new OptionalInt[64];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = OptionalInt.of(i);
        }
    }

    private final JsonParser p;
    /** The same parser when it can show string values as bytes (UTF-8 input), else null. */
    private final CvrJsonParser bytes;
    private final String file;
    private final boolean strict;
    private final ElectionIds ids;
    private final SchemaRules rules = SchemaRules.NIST;
    private final ReportReferences refs;
    private final JsonSchemaWalker walker;
    private final IdTable<String> strings = new IdTable<>();

    // What the report says about itself, for the summary.
    private Optional<String> generatedDate = Optional.empty();
    private final List<String> reportingDevices = new ArrayList<>();
    private final List<String> generatingDevices = new ArrayList<>();
    private final List<String> electionIds = new ArrayList<>();

    private final CvrBuilder cvr;
    /** CVR parts declare no ids (the schema gives their inner types none); the walker needs somewhere to put them. */
    private final List<JsonSchemaWalker.Declared> noDeclarations = new ArrayList<>();

    private final ObjectRule reportRule;
    private final ObjectRule cvrRule;
    private final ObjectRule snapshotRule;
    private final ObjectRule contestRule;
    private final ObjectRule selectionRule;
    private final ObjectRule positionRule;
    private final ObjectRule writeInRule;
    private final ObjectRule imageDataRule;
    private final ObjectRule imageRule;

    private final NameOrder cvrNames;
    private final NameOrder snapshotNames;
    private final NameOrder contestNames;
    private final NameOrder selectionNames;
    private final NameOrder positionNames;

    private JsonCvrReader(JsonParser p, String file, boolean strict, CountingGroup group, ElectionIds ids, CvrEmitter emitter,
            ReportReferences refs) {
        this.p = p;
        this.bytes = p instanceof CvrJsonParser c ? c : null;
        this.file = file;
        this.strict = strict;
        this.ids = ids;
        this.refs = refs;
        this.walker = new JsonSchemaWalker(p, file, rules, refs);
        this.cvr = new CvrBuilder(file, group, emitter, strict ? Optional.of(refs) : Optional.empty());
        this.reportRule = rules.object("CVR.CastVoteRecordReport");
        this.cvrRule = rules.object("CVR.CVR");
        this.snapshotRule = rules.object("CVR.CVRSnapshot");
        this.contestRule = rules.object("CVR.CVRContest");
        this.selectionRule = rules.object("CVR.CVRContestSelection");
        this.positionRule = rules.object("CVR.SelectionPosition");
        this.writeInRule = rules.object("CVR.CVRWriteIn");
        this.imageDataRule = rules.object("CVR.ImageData");
        this.imageRule = rules.object("CVR.Image");
        this.cvrNames = new NameOrder(p);
        this.snapshotNames = new NameOrder(p);
        this.contestNames = new NameOrder(p);
        this.selectionNames = new NameOrder(p);
        this.positionNames = new NameOrder(p);
    }

    static ReportHeader read(InputStream in, String file, boolean strict, CountingGroup group, ElectionIds ids, CvrEmitter emitter)
            throws IOException {
        return read(in, file, strict, group, ids, emitter, new ReportReferences(file));
    }

    /** As {@link #read}, with the ids used by CVRs read apart already in {@code refs}, checked with the report's own. */
    static ReportHeader read(InputStream in, String file, boolean strict, CountingGroup group, ElectionIds ids, CvrEmitter emitter,
            ReportReferences refs) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonCvrReader reader = new JsonCvrReader(p, file, strict, group, ids, emitter, refs);
            try {
                reader.readReport();
            } catch (JsonProcessingException e) {
                throw translate(file, e, p);
            }
            return new ReportHeader(reader.generatedDate, reader.reportingDevices, reader.generatingDevices, reader.electionIds);
        }
    }

    /**
     * Reads {@code buf[0, length)}, a JSON array of CVR objects cut from a report, into {@code emitter},
     * noting the ids they use in {@code refs}: for a report read on several threads. Places in messages
     * are within the array, not the file.
     */
    static void readCvrArray(byte[] buf, int length, String file, boolean strict, CountingGroup group, ElectionIds ids,
            CvrEmitter emitter, ReportReferences refs) throws IOException {
        try (JsonParser p = FACTORY.createParser(buf, 0, length)) {
            JsonCvrReader reader = new JsonCvrReader(p, file, strict, group, ids, emitter, refs);
            try {
                p.nextToken();
                reader.readCvrs();
                if (p.nextToken() != null) {
                    throw reader.fail("there is more after the CVRs");
                }
            } catch (JsonProcessingException e) {
                throw translate(file, e, p);
            }
        }
    }

    // ---- the report

    private void readReport() throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw fail("a CVR report must be a JSON object, but the file starts with " + describe(t));
        }
        long seen = 0;
        List<JsonSchemaWalker.Declared> declared = new ArrayList<>();
        Map<String, List<String>> captured = new HashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            if (strict) {
                seen = see(reportRule, seen, name);
            }
            switch (name) {
                case "@type" -> checkType(TypeName.REPORT);
                case "CVR" -> readCvrs();
                case "GeneratedDate" -> {
                    String date = text(name);
                    if (strict) {
                        walker.checkText((ValueRule.Text) reportRule.properties().get(name), name, date);
                    }
                    generatedDate = Optional.of(date);
                }
                case "ReportGeneratingDeviceIds" -> {
                    if (strict) {
                        captured.put(name, generatingDevices);
                        walker.value(reportRule.properties().get(name), name, declared, captured);
                        captured.remove(name);
                    } else {
                        textArray(name, generatingDevices);
                    }
                }
                case "Election", "ReportingDevice" -> {
                    if (strict) {
                        walker.value(reportRule.properties().get(name), name, declared, captured);
                    } else {
                        idsOf(name, name.equals("Election") ? electionIds : reportingDevices);
                    }
                }
                default -> other(reportRule, name, declared);
            }
        }
        if (strict) {
            required(reportRule, seen, at(p.currentLocation()));
            for (JsonSchemaWalker.Declared d : declared) {
                refs.declare(d.type(), d.id(), Optional.empty(), d.place());
                if (d.type().equals("CVR.Election")) {
                    electionIds.add(d.id());
                } else if (d.type().equals("CVR.ReportingDevice")) {
                    reportingDevices.add(d.id());
                }
            }
            refs.verify();
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            throw fail("there is more after the end of the report: " + describe(after));
        }
    }

    /** Lenient mode: the @id of each object in an array, the rest skipped. */
    private void idsOf(String property, List<String> into) throws IOException {
        expectArray(property);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                p.nextToken();
                if (name.equals("@id") && p.currentToken() == JsonToken.VALUE_STRING) {
                    into.add(p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private void readCvrs() throws IOException {
        expectArray("CVR");
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw fail("each item of CVR must be an object, found " + describe(t));
            }
            readCvr();
        }
    }

    // ---- one CVR

    private void readCvr() throws IOException {
        long start = tokenStart();
        cvr.start(line(start), column(start));
        long seen = 0;
        String name;
        for (int i = 0; (name = cvrNames.next(i)) != null; i++) {
            p.nextToken();
            if (strict) {
                seen = see(cvrRule, seen, name);
            }
            switch (name) {
                case "@type" -> checkType(TypeName.CVR);
                case "UniqueId" -> cvr.uniqueId = text(name);
                case "BallotPrePrintedId" -> cvr.prePrinted = text(name);
                case "BallotStyleId" -> {
                    requireText(name);
                    BallotStyleId style = lookUp(ids.ballotStyles);
                    cvr.style = style != null ? style : new BallotStyleId(nonBlank(name));
                }
                case "BallotStyleUnitId" -> {
                    requireText(name);
                    GpUnitId unit = lookUp(ids.gpUnits);
                    cvr.unit = unit != null ? unit : new GpUnitId(nonBlank(name));
                }
                case "PartyIds" -> {
                    expectArray(name);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        requireText(name);
                        PartyId party = lookUp(ids.parties);
                        cvr.parties.add(party != null ? party : new PartyId(nonBlank(name)));
                    }
                }
                case "CreatingDeviceId" -> cvr.device = shared(name);
                case "BatchId" -> cvr.batch = shared(name);
                case "ElectionId" -> cvr.electionId(shared(name));
                case "CurrentSnapshotId" -> cvr.currentSnapshot = text(name);
                case "CVRSnapshot" -> {
                    expectArray(name);
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            throw fail("each item of CVRSnapshot must be an object, found " + describe(t));
                        }
                        readSnapshot();
                    }
                    if (strict && cvr.snapshotCount() == 0) {
                        throw fail("CVRSnapshot must have at least 1 item");
                    }
                }
                case "BallotImage" -> {
                    expectArray(name);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        readImageData(name);
                    }
                }
                default -> other(cvrRule, name, null);
            }
        }
        if (strict) {
            required(cvrRule, seen, start);
        }
        cvr.finish(!strict);
    }

    private void readSnapshot() throws IOException {
        long start = tokenStart();
        long seen = 0;
        String id = null;
        boolean skipped = false;
        cvr.startSnapshot();
        String name;
        for (int i = 0; (name = snapshotNames.next(i)) != null; i++) {
            p.nextToken();
            if (strict) {
                seen = see(snapshotRule, seen, name);
            }
            switch (name) {
                case "@type" -> checkType(TypeName.SNAPSHOT);
                case "@id" -> id = text(name);
                case "CVRContest" -> {
                    expectArray(name);
                    if (!strict && id != null && cvr.currentSnapshot != null && !id.equals(cvr.currentSnapshot)) {
                        p.skipChildren(); // an earlier version of the ballot: only the current one counts
                        skipped = true;
                        continue;
                    }
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            throw fail("each item of CVRContest must be an object, found " + describe(t));
                        }
                        readContest();
                    }
                }
                case "Type" -> {
                    if (strict) {
                        walker.checkText((ValueRule.Text) snapshotRule.properties().get(name), name, text(name));
                    } else {
                        p.skipChildren();
                    }
                }
                default -> other(snapshotRule, name, null);
            }
        }
        if (strict) {
            required(snapshotRule, seen, start);
        }
        if (skipped) {
            cvr.skippedSnapshot(id);
        } else {
            cvr.endSnapshot(id == null ? "" : id);
        }
    }

    private void readContest() throws IOException {
        long start = tokenStart();
        long seen = 0;
        ContestId contest = null;
        OptionalInt over = OptionalInt.empty();
        OptionalInt under = OptionalInt.empty();
        cvr.startContest();
        String name;
        for (int i = 0; (name = contestNames.next(i)) != null; i++) {
            p.nextToken();
            if (strict) {
                seen = see(contestRule, seen, name);
            }
            switch (name) {
                case "@type" -> checkType(TypeName.CONTEST);
                case "ContestId" -> {
                    requireText(name);
                    contest = lookUp(ids.contests);
                    if (contest == null) {
                        contest = new ContestId(nonBlank(name));
                    }
                }
                case "CVRContestSelection" -> {
                    expectArray(name);
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            throw fail("each item of CVRContestSelection must be an object, found " + describe(t));
                        }
                        readContestSelection();
                    }
                }
                case "Overvotes" -> over = count(name);
                case "Undervotes" -> under = count(name);
                default -> other(contestRule, name, null);
            }
        }
        if (strict) {
            required(contestRule, seen, start);
        }
        if (contest == null) {
            throw new BadInputException(file, place(start), "a CVRContest must have a ContestId");
        }
        cvr.endContest(contest, over, under);
    }

    private void readContestSelection() throws IOException {
        long start = tokenStart();
        long seen = 0;
        SelectionId selection = null;
        int rank = 0;
        cvr.startSelection();
        String name;
        for (int i = 0; (name = selectionNames.next(i)) != null; i++) {
            p.nextToken();
            if (strict) {
                seen = see(selectionRule, seen, name);
            }
            switch (name) {
                case "@type" -> checkType(TypeName.SELECTION);
                case "ContestSelectionId" -> {
                    requireText(name);
                    selection = lookUp(ids.selections);
                    if (selection == null) {
                        selection = new SelectionId(nonBlank(name));
                    }
                }
                case "Rank" -> rank = nonNegative(name);
                case "SelectionPosition" -> {
                    expectArray(name);
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            throw fail("each item of SelectionPosition must be an object, found " + describe(t));
                        }
                        readPosition();
                    }
                    if (strict && cvr.positionCount() == 0) {
                        throw fail("SelectionPosition must have at least 1 item");
                    }
                }
                default -> other(selectionRule, name, null);
            }
        }
        if (strict) {
            required(selectionRule, seen, start);
        }
        if (selection == null) {
            throw new BadInputException(file, place(start),
                    "a CVRContestSelection must have a ContestSelectionId: without it the marks cannot be counted");
        }
        cvr.endSelection(selection, rank);
    }

    private void readPosition() throws IOException {
        long start = tokenStart();
        long seen = 0;
        Indication indication = null;
        Indication allocable = Indication.UNKNOWN;
        int votes = -1;
        int rank = 0;
        String writeIn = null;
        boolean generated = false;
        String name;
        for (int i = 0; (name = positionNames.next(i)) != null; i++) {
            p.nextToken();
            if (strict) {
                seen = see(positionRule, seen, name);
            }
            switch (name) {
                case "@type" -> checkType(TypeName.POSITION);
                case "HasIndication" -> indication = indication(name);
                case "IsAllocable" -> allocable = indication(name);
                case "NumberVotes" -> votes = nonNegative(name);
                case "Rank" -> rank = nonNegative(name);
                case "Status" -> {
                    expectArray(name);
                    ValueRule.Text rule = strict ? (ValueRule.Text) ((ValueRule.Array) positionRule.properties().get(name)).items() : null;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        requireText(name);
                        if (strict) {
                            walker.checkText(rule, name, p.getText());
                        }
                        generated |= textIs(GENERATED_RULES);
                    }
                }
                case "CVRWriteIn" -> writeIn = readWriteIn(name);
                default -> other(positionRule, name, null);
            }
        }
        if (strict) {
            required(positionRule, seen, start);
        }
        if (indication == null) {
            throw new BadInputException(file, place(start), "a SelectionPosition must have HasIndication");
        }
        if (votes < 0) {
            throw new BadInputException(file, place(start), "a SelectionPosition must have NumberVotes");
        }
        cvr.position(votes, indication, allocable, rank, writeIn, generated);
    }

    private String readWriteIn(String property) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail(property + " must be an object, found " + describe(p.currentToken()));
        }
        long start = tokenStart();
        long seen = 0;
        String text = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            if (strict) {
                seen = see(writeInRule, seen, name);
            }
            switch (name) {
                case "@type" -> checkType(TypeName.WRITE_IN);
                case "Text" -> text = text(name);
                default -> other(writeInRule, name, null);
            }
        }
        if (strict) {
            required(writeInRule, seen, start);
        }
        return text;
    }

    /** A BallotImage: kept as its Location (a URI) or else its file name; image data is not kept. */
    private void readImageData(String property) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail("each item of " + property + " must be an object, found " + describe(p.currentToken()));
        }
        long start = tokenStart();
        long seen = 0;
        String location = null;
        String fileName = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            if (strict) {
                seen = see(imageDataRule, seen, name);
            }
            switch (name) {
                case "@type" -> checkType(TypeName.IMAGE_DATA);
                case "Location" -> {
                    location = text(name);
                    if (strict) {
                        walker.checkText((ValueRule.Text) imageDataRule.properties().get(name), name, location);
                    }
                }
                case "Image" -> fileName = readImageFileName(name);
                default -> other(imageDataRule, name, null);
            }
        }
        if (strict) {
            required(imageDataRule, seen, start);
        }
        if (location != null) {
            cvr.images.add(location);
        } else if (fileName != null) {
            cvr.images.add(fileName);
        }
    }

    private String readImageFileName(String property) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail(property + " must be an object, found " + describe(p.currentToken()));
        }
        long start = tokenStart();
        long seen = 0;
        String fileName = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            if (strict) {
                seen = see(imageRule, seen, name);
            }
            switch (name) {
                case "@type" -> checkType(TypeName.IMAGE);
                case "FileName" -> fileName = text(name);
                default -> other(imageRule, name, null); // Data (base64) is skipped without being buffered
            }
        }
        if (strict) {
            required(imageRule, seen, start);
        }
        return fileName;
    }

    /**
     * The property names of one type of CVR part, in the order the last such part had them. A report
     * writes its CVRs alike, so the next name is nearly always the one expected, and Jackson then
     * matches it in its input buffer instead of decoding it and looking it up: a sixth of the reading
     * time went to property names. Any other name is read as usual and becomes the expected one.
     */
    private static final class NameOrder {
        /** Far more properties than any CVR part has: a lenient read of a hostile file does not make these grow without end. */
        private static final int MOST = 64;
        private final JsonParser p;
        private final SerializedString[] expected = new SerializedString[MOST];
        /**
         * Whether the name at each place differed from the expected one the last time: the expected name
         * changes only when it is missed twice in a row, so that a part of a rarer shape (a contest left
         * blank has no CVRContestSelection) does not make the next part of the usual shape miss too.
         */
        private final boolean[] missed = new boolean[MOST];
        /** Each name met, ready to match (quoted and encoded once): parts of two shapes switch back and forth. */
        private final List<SerializedString> known = new ArrayList<>();

        NameOrder(JsonParser p) {
            this.p = p;
        }

        /** The {@code i}th property name of the current object (interned, as the parser gives them), or null at its end. */
        String next(int i) throws IOException {
            if (i < MOST && expected[i] != null) {
                if (p.nextFieldName(expected[i])) {
                    missed[i] = false;
                    return expected[i].getValue();
                }
                if (p.currentToken() != JsonToken.FIELD_NAME) {
                    return null;
                }
            } else if (p.nextFieldName() == null) {
                return null;
            }
            String name = p.currentName();
            if (i < MOST) {
                if (expected[i] == null || missed[i]) {
                    expected[i] = matcher(name);
                    missed[i] = false;
                } else {
                    missed[i] = true;
                }
            }
            return name;
        }

        private SerializedString matcher(String name) {
            for (int k = 0; k < known.size(); k++) {
                if (known.get(k).getValue() == name) {
                    return known.get(k);
                }
            }
            SerializedString created = new SerializedString(name);
            if (known.size() < MOST) {
                known.add(created);
            }
            return created;
        }
    }

    // ---- values

    /** A property the reader does not use: checked against the schema in strict mode, skipped otherwise. */
    private void other(ObjectRule rule, String name, List<JsonSchemaWalker.Declared> declared) throws IOException {
        if (strict) {
            walker.value(rule.properties().get(name), name, declared == null ? noDeclarations : declared, Map.of());
        } else {
            p.skipChildren();
        }
    }

    /** Strict mode: the property must be one the schema allows, and only once. */
    private long see(ObjectRule rule, long seen, String name) {
        long bit = rule.bit(name);
        if (bit == 0) {
            throw fail("property '" + name + "' is not allowed in a " + rule.type());
        }
        if ((seen & bit) != 0) {
            throw fail("property '" + name + "' appears twice in one " + rule.type());
        }
        return seen | bit;
    }

    private void required(ObjectRule rule, long seen, long start) {
        List<String> missing = rule.missing(seen);
        if (!missing.isEmpty()) {
            throw new BadInputException(file, place(start), "a " + rule.type() + " must have " + String.join(", ", missing));
        }
    }

    /** An {@code @type} value, kept as characters too so that it is compared straight in the parser's buffer. */
    private static final class TypeName {
        static final TypeName REPORT = new TypeName("CVR.CastVoteRecordReport");
        static final TypeName CVR = new TypeName("CVR.CVR");
        static final TypeName SNAPSHOT = new TypeName("CVR.CVRSnapshot");
        static final TypeName CONTEST = new TypeName("CVR.CVRContest");
        static final TypeName SELECTION = new TypeName("CVR.CVRContestSelection");
        static final TypeName POSITION = new TypeName("CVR.SelectionPosition");
        static final TypeName WRITE_IN = new TypeName("CVR.CVRWriteIn");
        static final TypeName IMAGE_DATA = new TypeName("CVR.ImageData");
        static final TypeName IMAGE = new TypeName("CVR.Image");

        final String name;
        final char[] chars;
        final byte[] ascii;
        /** Without the {@code CVR.} prefix, as some vendors write it. */
        final char[] vendorChars;

        private TypeName(String name) {
            this.name = name;
            this.chars = name.toCharArray();
            this.ascii = name.getBytes(StandardCharsets.US_ASCII);
            this.vendorChars = name.substring("CVR.".length()).toCharArray();
        }
    }

    private static final byte[] YES_ASCII = {'y', 'e', 's'};
    private static final byte[] NO_ASCII = {'n', 'o'};
    private static final char[] YES = "yes".toCharArray();
    private static final char[] NO = "no".toCharArray();
    private static final char[] UNKNOWN = "unknown".toCharArray();
    private static final char[] GENERATED_RULES = "generated-rules".toCharArray();

    /**
     * Checks an {@code @type}. Strict: exactly as the schema spells it. Lenient: also without the
     * {@code CVR.} prefix, as some vendors write it.
     */
    private void checkType(TypeName expected) throws IOException {
        requireText("@type");
        if ((bytes != null && bytes.skipIfEquals(expected.ascii)) || textIs(expected.chars) || (!strict && textIs(expected.vendorChars))) {
            return;
        }
        throw fail("@type is '" + p.getText() + "', expected '" + expected.name + "'");
    }

    /** Whether the current text value is {@code s}; compared in the parser's buffer, with no String made. */
    private boolean textIs(char[] s) throws IOException {
        int len = p.getTextLength();
        if (len != s.length) {
            return false;
        }
        int off = p.getTextOffset();
        return Arrays.equals(p.getTextCharacters(), off, off + len, s, 0, len);
    }

    private Indication indication(String property) throws IOException {
        requireText(property);
        if (bytes != null) {
            if (bytes.skipIfEquals(YES_ASCII)) {
                return Indication.YES;
            } else if (bytes.skipIfEquals(NO_ASCII)) {
                return Indication.NO;
            }
        }
        if (textIs(YES)) {
            return Indication.YES;
        } else if (textIs(NO)) {
            return Indication.NO;
        } else if (textIs(UNKNOWN)) {
            return Indication.UNKNOWN;
        }
        throw fail(property + " is '" + p.getText() + "', expected yes, no or unknown");
    }

    private int nonNegative(String property) throws IOException {
        int n = integer(property);
        if (n < 0) {
            throw fail(property + " is " + n + ", but it cannot be negative");
        }
        return n;
    }

    private OptionalInt count(String property) throws IOException {
        int n = nonNegative(property);
        return n < SMALL.length ? SMALL[n] : OptionalInt.of(n);
    }

    /** An integer; lenient mode also takes one written as a string ("1"), as some exports do. */
    private int integer(String property) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (!strict && t == JsonToken.VALUE_STRING) {
            String s = p.getText().strip();
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw fail(property + " is '" + s + "', expected a whole number");
            }
        }
        throw fail(property + " must be an integer, found " + describe(t));
    }

    private void requireText(String property) {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING) {
            throw fail(property + " must be a string, found " + describe(t));
        }
    }

    private String text(String property) throws IOException {
        requireText(property);
        return p.getText();
    }

    /**
     * The value {@code table} holds for the current string value, or null: matched as bytes in the
     * parser's buffer, and then skipped, when it can be; else as characters.
     */
    private <V> V lookUp(IdTable<V> table) throws IOException {
        V found = bytes == null ? null : bytes.lookUpPlain(table);
        return found != null ? found : table.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private String nonBlank(String property) throws IOException {
        String s = p.getText();
        if (s.isBlank()) {
            throw fail(property + " is empty");
        }
        return s;
    }

    /** Device, batch and election ids repeat across CVRs: share one String per distinct id (up to a bound). */
    private String shared(String property) throws IOException {
        requireText(property);
        String s = lookUp(strings);
        if (s == null) {
            s = p.getText();
            if (strings.size() < 4096) {
                strings.putIfAbsent(s, s);
            }
        }
        return s;
    }

    private void textArray(String property, List<String> into) throws IOException {
        expectArray(property);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            into.add(text(property));
        }
    }

    private void expectArray(String property) {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_ARRAY) {
            throw fail(property + " must be an array, found " + describe(t));
        }
    }

    private BadInputException fail(String problem) {
        return new BadInputException(file, place(p.currentTokenLocation()), problem);
    }

    static String place(JsonLocation loc) {
        return place(at(loc));
    }

    /**
     * Where the current token starts, line and column packed by {@link #at}: taken for every object
     * read, for a message about it, so taken without making a {@link JsonLocation} each time.
     */
    private long tokenStart() {
        if (bytes != null) {
            return bytes.tokenStart();
        }
        return at(p.currentTokenLocation());
    }

    static long at(int line, int column) {
        return (long) line << 32 | (column & 0xFFFFFFFFL);
    }

    static long at(JsonLocation loc) {
        return at(loc.getLineNr(), loc.getColumnNr());
    }

    static int line(long at) {
        return (int) (at >>> 32);
    }

    static int column(long at) {
        return (int) at;
    }

    static String place(long at) {
        return "line " + line(at) + ", column " + column(at);
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            case END_OBJECT -> "the end of an object";
            case END_ARRAY -> "the end of an array";
            case FIELD_NAME -> "a property name";
            default -> t.toString();
        };
    }

    /** Jackson's own errors, said in words for the person importing the file. */
    private static BadInputException translate(String file, JsonProcessingException e, JsonParser p) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        String where = place(loc);
        String original = e.getOriginalMessage();
        String problem;
        if (e instanceof StreamConstraintsException) {
            if (original.startsWith("String value length")) {
                problem = "a text value is longer than the limit of " + MAX_STRING_LENGTH + " characters";
            } else if (original.startsWith("Document nesting depth")) {
                problem = "the JSON is nested deeper than the limit of " + MAX_NESTING_DEPTH + " levels";
            } else {
                problem = "the JSON exceeds a size limit: " + original;
            }
        } else if (e instanceof JsonEOFException) {
            problem = "the file ends in the middle of the report (is it truncated?)";
        } else if (e instanceof InputCoercionException) {
            problem = "a number is too large: " + original;
        } else if (original.startsWith("Invalid UTF-8")) {
            problem = "the file is not valid UTF-8: " + original;
        } else {
            problem = "malformed JSON: " + original;
        }
        return new BadInputException(file, where, problem, e);
    }
}
