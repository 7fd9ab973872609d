package org.bulwark.formats.cdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * The shapes the NIST common data formats (SP 1500-100 results, SP 1500-103 CVRs) share between
 * their JSON and XML forms, so that a writer walks its document once, in the XML schema's element
 * order (which JSON accepts too), and each form writes it its own way: "@type"/"@id" and arrays in
 * JSON, xsi:type/ObjectId and repeated elements in XML. The stream stays the caller's: finishing
 * flushes it and leaves it open.
 */
public sealed interface CdfEmitter permits JsonCdfEmitter, XmlCdfEmitter {
    /** Compact for files only programs read (CVR reports run to millions of ballots); indented for people. */
    enum Layout {
        COMPACT,
        INDENTED
    }

    /**
     * JSON as NIST's JSON schemas have it: {@code typePrefix} (such as "CVR.") before every "@type".
     */
    static CdfEmitter json(OutputStream out, String typePrefix, Layout layout) throws IOException {
        return new JsonCdfEmitter(out, typePrefix, layout);
    }

    /** XML in {@code namespace}, which the root element declares as the default one. */
    static CdfEmitter xml(OutputStream out, String namespace, Layout layout) throws IOException {
        return new XmlCdfEmitter(out, namespace, layout);
    }

    /**
     * Starts an object: the root, an item of the current list, or else a single property named
     * {@code name}. {@code type} is its NIST type without prefix (ImageData for a BallotImage); XML
     * leaves it implicit, as the schema declares it.
     */
    void beginObject(String name, String type, Optional<String> id) throws IOException;

    /**
     * Starts an object whose type is a subtype of the one its element declares (CandidateContest for
     * a Contest): XML names it with xsi:type.
     */
    void beginSubtype(String name, String subtype, Optional<String> id) throws IOException;

    void endObject() throws IOException;

    /** Starts a list of objects all named {@code name}: an array in JSON; in XML the elements simply repeat. */
    void beginList(String name) throws IOException;

    void endList() throws IOException;

    void value(String name, String value) throws IOException;

    void number(String name, long value) throws IOException;

    /** An exact decimal (a fractional vote count of a ranked-choice round), in plain notation. */
    void decimal(String name, java.math.BigDecimal value) throws IOException;

    void bool(String name, boolean value) throws IOException;

    /** IDREFS: an array of strings in JSON, one element with the ids separated by spaces in XML. */
    void refs(String name, List<String> ids) throws IOException;

    /** Repeated simple values (an enumeration's): an array of strings in JSON, repeated elements in XML. */
    void values(String name, List<String> values) throws IOException;

    /** An InternationalizedText holding one English text. */
    void text(String name, String content) throws IOException;

    /** Finishes the document (every object must be ended) and flushes; the stream stays open. */
    void finish() throws IOException;
}
