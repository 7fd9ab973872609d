package org.bulwark.ledger.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.BadInputException;

/**
 * Inclusion proof files: everything needed to check, offline, that one entry is in the log.
 *
 * <pre>{@code
 * {
 *   "format": "bulwark-inclusion-proof/1",
 *   "leafIndex": 17,                      // 0-based position of the entry
 *   "treeSize": 1000,                     // must equal the checkpoint's tree size
 *   "entry": "<base64 of the entry's bytes>",
 *   "hashes": ["<base64 hash>", ...],     // RFC 9162 audit path, leaf-most first
 *   "checkpoint": "<the signed checkpoint note, as text>"
 * }
 * }</pre>
 *
 * Checking: the checkpoint's signatures (by every trusted key), then the tree size, then the
 * RFC 9162 inclusion proof of SHA-256(0x00 || entry) up to the checkpoint's root.
 */
public final class InclusionProofs {
    public static final String FORMAT = "bulwark-inclusion-proof/1";
    private static final int MAX_BYTES = 2 << 20;
    private static final int MAX_HASHES = 64;

    private InclusionProofs() {}

    /** The parts of a proof file, after its JSON was read and before anything was verified. */
    public record ProofFile(long leafIndex, long treeSize, byte[] entry, List<Hash> hashes, String checkpoint) {
        public ProofFile {
            entry = entry.clone();
            hashes = List.copyOf(hashes);
        }
    }

    /** Makes the proof file of entry {@code index} for the signed checkpoint, reading hashes from {@code tiles}. */
    public static String create(long index, byte[] entry, Checkpoint checkpoint, String signedCheckpoint, TileReader tiles) {
        List<Hash> proof = Merkle.inclusionProof(index, checkpoint.size(), new TileHashSource(checkpoint.size(), tiles));
        return write(new ProofFile(index, checkpoint.size(), entry, proof, signedCheckpoint));
    }

    public static String write(ProofFile p) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("leafIndex", p.leafIndex());
            g.writeNumberField("treeSize", p.treeSize());
            g.writeStringField("entry", Base64.getEncoder().encodeToString(p.entry()));
            g.writeArrayFieldStart("hashes");
            for (Hash h : p.hashes()) {
                g.writeString(h.base64());
            }
            g.writeEndArray();
            g.writeStringField("checkpoint", p.checkpoint());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** Reads a proof file; anything malformed is a {@link BadInputException} naming {@code file} and the field. */
    public static ProofFile read(byte[] bytes, String file) {
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(file, "file", "a proof file is at most " + MAX_BYTES + " bytes; this one is " + bytes.length);
        }
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).build()).build();
        String format = null;
        Long index = null;
        Long size = null;
        byte[] entry = null;
        List<Hash> hashes = null;
        String checkpoint = null;
        try (JsonParser p = factory.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInputException(file, where(p), "a proof file is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "format" -> format = text(p, t, file, name);
                    case "leafIndex" -> index = number(p, t, file, name);
                    case "treeSize" -> size = number(p, t, file, name);
                    case "entry" -> entry = base64(p, text(p, t, file, name), file, name);
                    case "checkpoint" -> checkpoint = text(p, t, file, name);
                    case "hashes" -> {
                        if (t != JsonToken.START_ARRAY) {
                            throw new BadInputException(file, "hashes", "expected an array of base64 hashes");
                        }
                        hashes = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            String place = "hashes[" + hashes.size() + "]";
                            if (hashes.size() == MAX_HASHES) {
                                throw new BadInputException(file, place, "a proof has at most " + MAX_HASHES + " hashes");
                            }
                            String h = text(p, p.currentToken(), file, place);
                            hashes.add(Hash.fromBase64(h).orElseThrow(() -> new BadInputException(file, place,
                                    "'" + Checkpoint.abbreviate(h) + "' is not a base64 SHA-256 hash (32 bytes)")));
                        }
                    }
                    default -> throw new BadInputException(file, name, "unknown field: expected format, leafIndex, treeSize, entry, hashes, checkpoint");
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new BadInputException(file, where(p), "unexpected content after the proof object");
            }
        } catch (JsonParseException e) {
            throw new BadInputException(file, where(e.getProcessor()), "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file, "file", "cannot be read: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(format)) {
            throw new BadInputException(file, "format", format == null ? "missing: expected \"" + FORMAT + "\""
                    : "'" + Checkpoint.abbreviate(format) + "' is not \"" + FORMAT + "\"");
        }
        return new ProofFile(require(index, file, "leafIndex"), require(size, file, "treeSize"), require(entry, file, "entry"),
                require(hashes, file, "hashes"), require(checkpoint, file, "checkpoint"));
    }

    private static String where(Object processor) {
        return processor instanceof JsonParser p
                ? "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr()
                : "file";
    }

    private static <T> T require(T value, String file, String field) {
        return Optional.ofNullable(value).orElseThrow(() -> new BadInputException(file, field, "missing"));
    }

    private static String text(JsonParser p, JsonToken t, String file, String field) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new BadInputException(file, field, "expected a string");
        }
        return p.getText();
    }

    private static long number(JsonParser p, JsonToken t, String file, String field) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG
                || p.getLongValue() < 0) {
            throw new BadInputException(file, field, "expected a whole number from 0 up");
        }
        return p.getLongValue();
    }

    private static byte[] base64(JsonParser p, String text, String file, String field) {
        return CanonicalBase64.decode(text).orElseThrow(() -> new BadInputException(file, field, "not base64"));
    }

    /** What checking a proof file found. */
    public sealed interface Outcome {
        record Included(Checkpoint checkpoint, long leafIndex, List<String> signers, List<CheckpointCheck.Cosigned> cosigners) implements Outcome {}

        record NotIncluded(String file, String place, String problem) implements Outcome {
            public String message() {
                return file + ": " + place + ": " + problem;
            }
        }
    }

    /** Checks a proof file's checkpoint signatures, then its inclusion proof. */
    public static Outcome verify(byte[] bytes, String file, List<NoteVerifierKey> trusted) {
        ProofFile p = read(bytes, file);
        return switch (Checkpoints.verify(p.checkpoint().getBytes(StandardCharsets.UTF_8), file + " (checkpoint)", trusted)) {
            case CheckpointCheck.Refused r -> new Outcome.NotIncluded(file, "checkpoint", r.problem());
            case CheckpointCheck.Verified v -> {
                Checkpoint cp = v.checkpoint();
                if (cp.size() != p.treeSize()) {
                    yield new Outcome.NotIncluded(file, "treeSize", "the proof is for tree size " + p.treeSize()
                            + " but the checkpoint is of size " + cp.size());
                }
                yield switch (Merkle.verifyInclusion(p.leafIndex(), p.treeSize(), Merkle.leafHash(p.entry()), p.hashes(), cp.root())) {
                    case ProofCheck.Valid ok -> new Outcome.Included(cp, p.leafIndex(), v.signers(), v.cosigners());
                    case ProofError e -> new Outcome.NotIncluded(file, "hashes", e.message());
                };
            }
        };
    }
}
