package org.bulwark.formats.cvr;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
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
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Streams a NIST SP 1500-103 XML report with StAX, one CVR at a time. Document type declarations
 * are refused outright (no DTDs, so no entity expansion and no external entities). In strict mode
 * every event read is also fed to a schema {@link ValidatorHandler} for the bundled XSD, so the
 * document is validated in the same single pass and in bounded memory; the validator's own
 * ID/IDREF table (which would hold every id of the file) is switched off in favour of
 * {@link ReportReferences}, which also checks that each reference has the right type.
 */
final class XmlCvrReader {
    static final String NAMESPACE = "http://itl.nist.gov/ns/voting/1500-103/v1";
    /** The namespace of drafts before v1, still written by some vendors' exports. */
    static final String OLD_NAMESPACE = "NIST_V0_cast_vote_records.xsd";
    static final String XSD_RESOURCE = "NIST_V0_cast_vote_records.xsd";
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private static final Schema SCHEMA = loadSchema();
    private static final XMLInputFactory FACTORY = inputFactory();

    private final XMLStreamReader r;
    private final String file;
    private final boolean strict;
    private final ElectionIds ids;
    private final SchemaRules rules = SchemaRules.NIST;
    private final ReportReferences refs;
    private final CvrBuilder cvr;
    private final Optional<ValidatorHandler> validator;
    private final AttributesImpl attributes = new AttributesImpl();
    private final StringBuilder text = new StringBuilder();
    private int depth;

    private Optional<String> generatedDate = Optional.empty();
    private final List<String> reportingDevices = new ArrayList<>();
    private final List<String> generatingDevices = new ArrayList<>();
    private final List<String> electionIds = new ArrayList<>();

    private XmlCvrReader(XMLStreamReader r, String file, boolean strict, CountingGroup group, ElectionIds ids, CvrEmitter emitter) {
        this.r = r;
        this.file = file;
        this.strict = strict;
        this.ids = ids;
        this.refs = new ReportReferences(file);
        this.cvr = new CvrBuilder(file, group, emitter, strict ? Optional.of(refs) : Optional.empty());
        this.validator = strict ? Optional.of(validatorHandler()) : Optional.empty();
    }

    static ReportHeader read(InputStream in, String file, boolean strict, CountingGroup group, ElectionIds ids,
            CvrEmitter emitter) throws IOException {
        XMLStreamReader r;
        try {
            r = FACTORY.createXMLStreamReader(new Utf8Check(in, file), "UTF-8");
        } catch (XMLStreamException e) {
            throw translate(file, e);
        }
        try {
            XmlCvrReader reader = new XmlCvrReader(r, file, strict, group, ids, emitter);
            reader.readDocument();
            return new ReportHeader(reader.generatedDate, reader.reportingDevices, reader.generatingDevices,
                    reader.electionIds);
        } catch (XMLStreamException e) {
            throw translate(file, e);
        } catch (SAXException e) {
            throw new BadInputException(file, place(r.getLocation()), "cannot validate: " + e.getMessage(), e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // closing a reader over a stream the caller owns cannot lose data
            }
        }
    }

    // ---- the report

    private void readDocument() throws XMLStreamException, SAXException {
        if (validator.isPresent()) {
            validator.get().startDocument();
        }
        int e;
        do {
            e = next();
        } while (e != XMLStreamConstants.START_ELEMENT && e != XMLStreamConstants.END_DOCUMENT);
        if (e == XMLStreamConstants.END_DOCUMENT) {
            throw fail("the file holds no XML element");
        }
        List<JsonSchemaWalker.Declared> declared = new ArrayList<>();
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "CVR" -> readCvr();
                case "GeneratedDate" -> generatedDate = Optional.of(text());
                case "ReportGeneratingDeviceIds" -> {
                    String where = place(r.getLocation());
                    for (String id : idrefs(text())) {
                        generatingDevices.add(id);
                        noteUse("ReportGeneratingDeviceIds", List.of("CVR.ReportingDevice"), id, where);
                    }
                }
                case "Election", "GpUnit", "Party", "ReportingDevice" -> element("CVR." + r.getLocalName(), declared);
                default -> skip();
            }
        }
        for (JsonSchemaWalker.Declared d : declared) {
            if (strict) {
                refs.declare(d.type(), d.id(), Optional.empty(), d.place());
            }
            if (d.type().equals("CVR.Election")) {
                electionIds.add(d.id());
            } else if (d.type().equals("CVR.ReportingDevice")) {
                reportingDevices.add(d.id());
            }
        }
        while (next() != XMLStreamConstants.END_DOCUMENT) {
            // comments and processing instructions after the root element
        }
        if (strict) {
            refs.verify();
        }
    }

    private void checkRoot() {
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        boolean nsOk = strict ? ns.equals(NAMESPACE) : ns.equals(NAMESPACE) || ns.equals(OLD_NAMESPACE) || ns.isEmpty();
        if (!r.getLocalName().equals("CastVoteRecordReport") || !nsOk) {
            throw fail("the root element is " + r.getLocalName() + (ns.isEmpty() ? " in no namespace" : " in namespace " + ns)
                    + ", expected CastVoteRecordReport in namespace " + NAMESPACE
                    + (strict ? "" : " (or " + OLD_NAMESPACE + ", or none)"));
        }
    }

    /**
     * An element outside the CVRs (Election, GpUnit, ...): notes the ids it declares and the ids it
     * refers to, using the JSON schema's table to know each child's type. Recursion is bounded by
     * the nesting limit.
     */
    private void element(String type, List<JsonSchemaWalker.Declared> declared) throws XMLStreamException {
        String where = place(r.getLocation());
        String id = r.getAttributeValue(null, "ObjectId");
        List<JsonSchemaWalker.Declared> inner = new ArrayList<>();
        ObjectRule rule = rules.object(type);
        while (nextChild()) {
            Optional<ValueRule> property = rule.property(r.getLocalName());
            ValueRule value = property.map(v -> v instanceof ValueRule.Array a ? a.items() : v).orElse(null);
            if (value instanceof ValueRule.Obj obj) {
                String childType = obj.types().size() == 1 ? obj.types().get(0) : xsiType();
                if (childType != null && rules.isObjectType(childType)) {
                    element(childType, inner);
                } else {
                    skip();
                }
            } else if (value instanceof ValueRule.Text t && !t.refTypes().isEmpty()) {
                String name = r.getLocalName();
                String at = place(r.getLocation());
                for (String ref : idrefs(text())) {
                    noteUse(name, t.refTypes(), ref, at);
                }
            } else {
                skip();
            }
        }
        if (id != null) {
            for (JsonSchemaWalker.Declared d : inner) {
                if (strict) {
                    refs.declare(d.type(), d.id(), Optional.of(id), d.place());
                }
            }
            declared.add(new JsonSchemaWalker.Declared(type, id, where));
        } else {
            declared.addAll(inner);
        }
    }

    /** Report-level references are strict mode's concern only. */
    private void noteUse(String property, List<String> refTypes, String id, String place) {
        if (strict) {
            refs.use(property, refTypes, id, place);
        }
    }

    private String xsiType() {
        String t = r.getAttributeValue(XSI, "type");
        if (t == null) {
            return null;
        }
        int colon = t.indexOf(':');
        return "CVR." + (colon < 0 ? t : t.substring(colon + 1)).strip();
    }

    // ---- one CVR

    private void readCvr() throws XMLStreamException {
        Location start = r.getLocation();
        cvr.start(start.getLineNumber(), start.getColumnNumber());
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "UniqueId" -> cvr.uniqueId = text();
                case "BallotPrePrintedId" -> cvr.prePrinted = text();
                case "BallotStyleId" -> {
                    String s = nonBlank("BallotStyleId", text());
                    BallotStyleId style = ids.ballotStyles.get(s);
                    cvr.style = style != null ? style : new BallotStyleId(s);
                }
                case "BallotStyleUnitId" -> {
                    String s = nonBlank("BallotStyleUnitId", text());
                    GpUnitId unit = ids.gpUnits.get(s);
                    cvr.unit = unit != null ? unit : new GpUnitId(s);
                }
                case "PartyIds" -> {
                    for (String s : idrefs(text())) {
                        PartyId party = ids.parties.get(s);
                        cvr.parties.add(party != null ? party : new PartyId(s));
                    }
                }
                case "CreatingDeviceId" -> cvr.device = text();
                case "BatchId" -> cvr.batch = text();
                case "ElectionId" -> cvr.electionId(text());
                case "CurrentSnapshotId" -> cvr.currentSnapshot = text();
                case "CVRSnapshot" -> readSnapshot();
                case "BallotImage" -> readImageData();
                default -> skip();
            }
        }
        cvr.finish(!strict);
    }

    private void readSnapshot() throws XMLStreamException {
        String id = r.getAttributeValue(null, "ObjectId");
        if (!strict && id != null && cvr.currentSnapshot != null && !id.equals(cvr.currentSnapshot)) {
            skip(); // an earlier version of the ballot: only the current one counts
            cvr.skippedSnapshot(id);
            return;
        }
        cvr.startSnapshot();
        while (nextChild()) {
            if (r.getLocalName().equals("CVRContest")) {
                readContest();
            } else {
                skip();
            }
        }
        cvr.endSnapshot(id == null ? "" : id);
    }

    private void readContest() throws XMLStreamException {
        Location start = r.getLocation();
        ContestId contest = null;
        OptionalInt over = OptionalInt.empty();
        OptionalInt under = OptionalInt.empty();
        cvr.startContest();
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "ContestId" -> {
                    String s = nonBlank("ContestId", text());
                    contest = ids.contests.get(s);
                    if (contest == null) {
                        contest = new ContestId(s);
                    }
                }
                case "CVRContestSelection" -> readContestSelection();
                case "Overvotes" -> over = OptionalInt.of(nonNegative("Overvotes"));
                case "Undervotes" -> under = OptionalInt.of(nonNegative("Undervotes"));
                default -> skip();
            }
        }
        if (contest == null) {
            throw new BadInputException(file, place(start), "a CVRContest must have a ContestId");
        }
        cvr.endContest(contest, over, under);
    }

    private void readContestSelection() throws XMLStreamException {
        Location start = r.getLocation();
        SelectionId selection = null;
        int rank = 0;
        cvr.startSelection();
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "ContestSelectionId" -> {
                    String s = nonBlank("ContestSelectionId", text());
                    selection = ids.selections.get(s);
                    if (selection == null) {
                        selection = new SelectionId(s);
                    }
                }
                case "Rank" -> rank = nonNegative("Rank");
                case "SelectionPosition" -> readPosition();
                default -> skip();
            }
        }
        if (selection == null) {
            throw new BadInputException(file, place(start),
                    "a CVRContestSelection must have a ContestSelectionId: without it the marks cannot be counted");
        }
        cvr.endSelection(selection, rank);
    }

    private void readPosition() throws XMLStreamException {
        Location start = r.getLocation();
        Indication indication = null;
        Indication allocable = Indication.UNKNOWN;
        int votes = -1;
        int rank = 0;
        String writeIn = null;
        boolean generated = false;
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "HasIndication" -> indication = indication("HasIndication");
                case "IsAllocable" -> allocable = indication("IsAllocable");
                case "NumberVotes" -> votes = nonNegative("NumberVotes");
                case "Rank" -> rank = nonNegative("Rank");
                case "Status" -> generated |= text().strip().equals("generated-rules");
                case "CVRWriteIn" -> {
                    while (nextChild()) {
                        if (r.getLocalName().equals("Text")) {
                            writeIn = text();
                        } else {
                            skip();
                        }
                    }
                }
                default -> skip();
            }
        }
        if (indication == null) {
            throw new BadInputException(file, place(start), "a SelectionPosition must have HasIndication");
        }
        if (votes < 0) {
            throw new BadInputException(file, place(start), "a SelectionPosition must have NumberVotes");
        }
        cvr.position(votes, indication, allocable, rank, writeIn, generated);
    }

    /** A BallotImage: kept as its Location (a URI) or else its file name; image data is skipped unbuffered. */
    private void readImageData() throws XMLStreamException {
        String location = null;
        String fileName = null;
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "Location" -> location = text();
                case "Image" -> {
                    fileName = r.getAttributeValue(null, "FileName");
                    skip();
                }
                default -> skip();
            }
        }
        if (location != null) {
            cvr.images.add(location);
        } else if (fileName != null) {
            cvr.images.add(fileName);
        }
    }

    // ---- values

    private Indication indication(String element) throws XMLStreamException {
        String s = text().strip();
        return switch (s) {
            case "yes" -> Indication.YES;
            case "no" -> Indication.NO;
            case "unknown" -> Indication.UNKNOWN;
            default -> throw fail(element + " is '" + s + "', expected yes, no or unknown");
        };
    }

    private int nonNegative(String element) throws XMLStreamException {
        String s = text().strip();
        int n;
        try {
            n = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw fail(element + " is '" + s + "', expected a whole number");
        }
        if (n < 0) {
            throw fail(element + " is " + n + ", but it cannot be negative");
        }
        return n;
    }

    private String nonBlank(String element, String s) {
        if (s.isBlank()) {
            throw fail(element + " is empty");
        }
        return s.strip();
    }

    private static List<String> idrefs(String s) {
        String t = s.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    // ---- the event stream, every event of which goes past the validator in strict mode

    /** The text content of the current element, which must hold no elements; bounded in length. */
    private String text() throws XMLStreamException {
        String element = r.getLocalName();
        text.setLength(0);
        while (true) {
            switch (next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + r.getTextLength() > JsonCvrReader.MAX_STRING_LENGTH) {
                        throw fail("a text value is longer than the limit of " + JsonCvrReader.MAX_STRING_LENGTH + " characters");
                    }
                    text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
                case XMLStreamConstants.START_ELEMENT -> throw fail(element + " must hold text, not the element " + r.getLocalName());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                default -> {
                    // comments and processing instructions inside text
                }
            }
        }
    }

    /** Moves to the next child element of the current one: true at its start, false at the parent's end. */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            switch (next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return false;
                }
                case XMLStreamConstants.END_DOCUMENT -> throw fail("the file ends in the middle of the report (is it truncated?)");
                default -> {
                    // white space (or, in lenient mode, stray text), comments, processing instructions
                }
            }
        }
    }

    /** Skips the current element and everything in it, without recursion or buffering. */
    private void skip() throws XMLStreamException {
        int level = 1;
        while (level > 0) {
            switch (next()) {
                case XMLStreamConstants.START_ELEMENT -> level++;
                case XMLStreamConstants.END_ELEMENT -> level--;
                case XMLStreamConstants.END_DOCUMENT -> throw fail("the file ends in the middle of the report (is it truncated?)");
                default -> {
                    // content of the skipped element
                }
            }
        }
    }

    private int next() throws XMLStreamException {
        int e = r.next();
        try {
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth == 1) {
                        checkRoot(); // before the validator, which would only say it does not know the element
                    }
                    if (depth > JsonCvrReader.MAX_NESTING_DEPTH) {
                        throw fail("the XML is nested deeper than the limit of " + JsonCvrReader.MAX_NESTING_DEPTH + " levels");
                    }
                    if (validator.isPresent()) {
                        startElement(validator.get());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (validator.isPresent()) {
                        ValidatorHandler v = validator.get();
                        v.endElement(uri(), r.getLocalName(), qName(r.getPrefix(), r.getLocalName()));
                        for (int i = 0; i < r.getNamespaceCount(); i++) {
                            v.endPrefixMapping(nullToEmpty(r.getNamespacePrefix(i)));
                        }
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (validator.isPresent()) {
                        validator.get().characters(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> {
                    if (validator.isPresent()) {
                        validator.get().endDocument();
                    }
                }
                case XMLStreamConstants.DTD -> throw fail(
                        "the file has a document type declaration (<!DOCTYPE ...>); CVR reports must not, as DTDs can expand "
                                + "entities without bound or read other files");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw fail("the file uses the undeclared entity &" + r.getLocalName() + ";");
                default -> {
                    // comments, processing instructions, the start of the document
                }
            }
        } catch (SAXException ex) {
            throw new BadInputException(file, place(r.getLocation()), "cannot validate: " + ex.getMessage(), ex);
        }
        return e;
    }

    private void startElement(ValidatorHandler v) throws SAXException {
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            v.startPrefixMapping(nullToEmpty(r.getNamespacePrefix(i)), nullToEmpty(r.getNamespaceURI(i)));
        }
        attributes.clear();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String local = r.getAttributeLocalName(i);
            attributes.addAttribute(nullToEmpty(r.getAttributeNamespace(i)), local, qName(r.getAttributePrefix(i), local),
                    "CDATA", r.getAttributeValue(i));
        }
        v.startElement(uri(), r.getLocalName(), qName(r.getPrefix(), r.getLocalName()), attributes);
    }

    private String uri() {
        return nullToEmpty(r.getNamespaceURI());
    }

    private static String qName(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private ValidatorHandler validatorHandler() {
        ValidatorHandler v = SCHEMA.newValidatorHandler();
        try {
            // The validator's ID/IDREF table would hold every id in the file; ReportReferences does this instead.
            v.setFeature("http://apache.org/xml/features/validation/id-idref-checking", false);
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's schema validator lacks a feature Bulwark relies on", e);
        }
        v.setDocumentLocator(new Locator() {
            @Override
            public String getPublicId() {
                return null;
            }

            @Override
            public String getSystemId() {
                return file;
            }

            @Override
            public int getLineNumber() {
                return r.getLocation().getLineNumber();
            }

            @Override
            public int getColumnNumber() {
                return r.getLocation().getColumnNumber();
            }
        });
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a document invalid
            }

            @Override
            public void error(SAXParseException e) {
                throw invalid(e);
            }

            @Override
            public void fatalError(SAXParseException e) {
                throw invalid(e);
            }
        });
        return v;
    }

    private BadInputException invalid(SAXParseException e) {
        return new BadInputException(file, "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                "not valid against the NIST SP 1500-103 v1 schema: " + e.getMessage(), e);
    }

    private BadInputException fail(String problem) {
        return new BadInputException(file, place(r.getLocation()), problem);
    }

    static String place(Location loc) {
        return "line " + loc.getLineNumber() + ", column " + loc.getColumnNumber();
    }

    private static BadInputException translate(String file, XMLStreamException e) {
        String where = e.getLocation() == null ? "line 1, column 1" : place(e.getLocation());
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = message.indexOf("Message: ");
        String original = at >= 0 ? message.substring(at + "Message: ".length()).strip() : message.strip();
        String problem;
        if (original.contains("must start and end within the same entity") || original.contains("end of file")
                || original.contains("Premature end")) {
            problem = "the file ends in the middle of the report (is it truncated?)";
        } else if (original.contains("UTF-8")) {
            problem = "the file is not valid UTF-8: " + original;
        } else {
            problem = "malformed XML: " + original;
        }
        return new BadInputException(file, where, problem, e);
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    private static Schema loadSchema() {
        try {
            SchemaFactory f = SchemaFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var url = XmlCvrReader.class.getResource(XSD_RESOURCE);
            try (InputStream in = url.openStream()) {
                return f.newSchema(new StreamSource(in, url.toExternalForm()));
            }
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot load the bundled NIST CVR schema", e);
        }
    }
}
