package org.bulwark.formats.results;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The shape NIST SP 1500-100 shares between its JSON and XML forms. The document is walked once
 * ({@link NistResultsDocument}), in the XML schema's element order, and each form writes it its own
 * way: "@type"/"@id" and arrays in JSON, xsi:type/ObjectId and repeated elements in XML.
 */
interface NistEmitter {
    /**
     * Starts an object: an element of the given name whose NIST type is {@code type} (a subtype of
     * the declared type, such as CandidateContest for a Contest, is written as such).
     */
    void beginObject(String name, String type, Optional<String> id) throws IOException;

    void endObject() throws IOException;

    /** Starts a list of objects all named {@code name}; every list holds at least one object. */
    void beginList(String name) throws IOException;

    void endList() throws IOException;

    void value(String name, String value) throws IOException;

    void number(String name, long value) throws IOException;

    void bool(String name, boolean value) throws IOException;

    /** IDREFS: a space-separated list in XML, an array of strings in JSON. */
    void refs(String name, List<String> ids) throws IOException;

    /** An InternationalizedText holding one English text. */
    void text(String name, String content) throws IOException;

    /** Finishes the document and flushes; the underlying stream stays open. */
    void finish() throws IOException;
}
