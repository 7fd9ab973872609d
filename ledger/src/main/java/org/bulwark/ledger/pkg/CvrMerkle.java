package org.bulwark.ledger.pkg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.bulwark.ledger.log.Hash;
import org.bulwark.ledger.log.Merkle;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Mark;

/**
 * Per-CVR hashes and their Merkle root, fed one CVR at a time in file order with O(log n) memory.
 *
 * <p>A CVR's canonical bytes (docs/packages-and-keys.md, "Per-CVR hashes") are compact JSON in
 * UTF-8 with keys in a fixed order, independent of the file format it came in (NIST JSON or XML):
 * {@code {"format":"bulwark-cvr-canonical/1","ballotId":...,"ballotStyle":...,"ballotStyleUnit":...,
 * "parties":[...],"creatingDevice":...,"batch":...,"ballotImages":[...],
 * "contests":[{"contest":...,"overvotes":n,"undervotes":n,"marks":[{"selection":...,"votes":n,
 * "hasIndication":...,"allocable":...,"rank":n,"writeInName":...,"generatedByRules":b}]}]}};
 * absent optional values are left out. The counting group is left out too: a NIST CVR file does not
 * record it per CVR (Bulwark assigns it when importing the file), so it is not part of what the
 * device recorded, and the same CVR must hash the same however it is imported. The per-CVR hash is SHA-256 of those bytes; the root is the
 * RFC 9162 Merkle Tree Hash with those hashes as the entries.
 */
public final class CvrMerkle {
    public static final String CANONICAL_FORMAT = "bulwark-cvr-canonical/1";
    private static final JsonFactory JSON = new JsonFactory();

    private final MessageDigest sha256 = sha256();
    private final Deque<Hash> stack = new ArrayDeque<>();
    private final Deque<Integer> heights = new ArrayDeque<>();
    private long count;

    /** Adds one CVR, the next in file order. */
    public void add(CastVoteRecord cvr) {
        addHash(sha256.digest(canonicalBytes(cvr)));
    }

    /** Adds one per-CVR hash (SHA-256 of its canonical bytes). */
    public void addHash(byte[] cvrHash) {
        // RFC 9162: the tree over n entries splits at the largest power of two below n, so the
        // finished perfect subtrees on the stack merge as soon as two of equal height meet.
        Hash node = Merkle.leafHash(cvrHash);
        int height = 0;
        while (!heights.isEmpty() && heights.peek() == height) {
            node = Merkle.nodeHash(stack.pop(), node);
            heights.pop();
            height++;
        }
        stack.push(node);
        heights.push(height);
        count++;
    }

    public Manifest.CvrSummary summary() {
        return new Manifest.CvrSummary(count, root().hex());
    }

    private Hash root() {
        if (stack.isEmpty()) {
            return Merkle.emptyRoot();
        }
        // The smaller subtrees sit on top: fold them from the right.
        var it = stack.iterator();
        Hash acc = it.next();
        while (it.hasNext()) {
            acc = Merkle.nodeHash(it.next(), acc);
        }
        return acc;
    }

    public static byte[] canonicalBytes(CastVoteRecord cvr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", CANONICAL_FORMAT);
            g.writeStringField("ballotId", cvr.ballotId());
            g.writeStringField("ballotStyle", cvr.ballotStyle().value());
            g.writeStringField("ballotStyleUnit", cvr.ballotStyleUnit().value());
            g.writeArrayFieldStart("parties");
            for (var p : cvr.parties()) {
                g.writeString(p.value());
            }
            g.writeEndArray();
            optional(g, "creatingDevice", cvr.creatingDevice());
            optional(g, "batch", cvr.batch());
            g.writeArrayFieldStart("ballotImages");
            for (String i : cvr.ballotImages()) {
                g.writeString(i);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("contests");
            for (CvrContest c : cvr.contests()) {
                g.writeStartObject();
                g.writeStringField("contest", c.contest().value());
                if (c.recordedOvervotes().isPresent()) {
                    g.writeNumberField("overvotes", c.recordedOvervotes().getAsInt());
                }
                if (c.recordedUndervotes().isPresent()) {
                    g.writeNumberField("undervotes", c.recordedUndervotes().getAsInt());
                }
                g.writeArrayFieldStart("marks");
                for (Mark m : c.marks()) {
                    g.writeStartObject();
                    g.writeStringField("selection", m.selection().value());
                    g.writeNumberField("votes", m.votes());
                    g.writeStringField("hasIndication", m.hasIndication().nist());
                    g.writeStringField("allocable", m.allocable().nist());
                    g.writeNumberField("rank", m.rank());
                    optional(g, "writeInName", m.writeInName());
                    g.writeBooleanField("generatedByRules", m.generatedByRules());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void optional(JsonGenerator g, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
