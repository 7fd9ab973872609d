package org.bulwark.ledger.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signing, cosigning and verifying checkpoints as C2SP signed notes. Verification checks the
 * signatures before it reads the body (STYLE 8): every trusted key must have signed, either with
 * a note signature (the log's own key) or a tlog-cosignature/v1 (the state countersigning a
 * county's checkpoint), and at least one must be a note signature. Signature lines by keys that
 * are not trusted are ignored, as the signed-note spec says.
 */
public final class Checkpoints {
    private Checkpoints() {}

    /** The checkpoint as a note signed by the log's key. */
    public static String sign(Checkpoint checkpoint, NoteSigner log) {
        return SignedNotes.sign(checkpoint.body(), log);
    }

    /**
     * The state (or any second authority) countersigns a county's checkpoint: it first verifies the
     * county's signature with {@code logKey}, then adds its tlog-cosignature/v1 line stating
     * {@code time}. Refused when the note does not verify.
     */
    public static Cosigning cosign(String signedCheckpoint, String source, NoteVerifierKey logKey, NoteSigner cosigner, Instant time) {
        return switch (verify(signedCheckpoint.getBytes(StandardCharsets.UTF_8), source, List.of(logKey))) {
            case CheckpointCheck.Verified v -> new Cosigning.Cosigned(
                    SignedNotes.cosign(signedCheckpoint, v.checkpoint().body(), cosigner, time), v.checkpoint());
            case CheckpointCheck.Refused r -> new Cosigning.NotCosigned(r);
        };
    }

    public sealed interface Cosigning {
        record Cosigned(String signedCheckpoint, Checkpoint checkpoint) implements Cosigning {}

        record NotCosigned(CheckpointCheck.Refused why) implements Cosigning {}
    }

    /**
     * Verifies a signed checkpoint read from {@code source}: its signatures by every one of
     * {@code trusted} first, then its body.
     */
    public static CheckpointCheck verify(byte[] note, String source, List<NoteVerifierKey> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("verifying a checkpoint needs at least one trusted key");
        }
        SignedNotes.Split split;
        switch (SignedNotes.split(note)) {
            case SignedNotes.SplitResult.Ok ok -> split = ok.split();
            case SignedNotes.SplitResult.Malformed m -> {
                return new CheckpointCheck.Refused(source, m.problem());
            }
        }
        List<String> signers = new ArrayList<>();
        List<CheckpointCheck.Cosigned> cosigners = new ArrayList<>();
        for (NoteVerifierKey key : trusted) {
            switch (SignedNotes.check(split, key)) {
                case SignedNotes.KeyCheck.NoteSignature s -> signers.add(s.key().name());
                case SignedNotes.KeyCheck.Cosignature c -> cosigners.add(new CheckpointCheck.Cosigned(c.key().name(), c.time()));
                case SignedNotes.KeyCheck.Bad b -> {
                    return new CheckpointCheck.Refused(source, "line " + b.lineNumber() + ": " + b.problem());
                }
                case SignedNotes.KeyCheck.Absent a -> {
                    return new CheckpointCheck.Refused(source, "not signed by the trusted key " + a.key().name()
                            + " (" + a.key().verifierString() + ")");
                }
            }
        }
        if (signers.isEmpty()) {
            return new CheckpointCheck.Refused(source, "only cosignatures, no signature by the log's own key");
        }
        return switch (Checkpoint.parseBody(split.text())) {
            case Checkpoint.Parsed.Valid v -> new CheckpointCheck.Verified(v.checkpoint(), signers, cosigners,
                    new String(note, StandardCharsets.UTF_8));
            case Checkpoint.Parsed.Invalid i -> new CheckpointCheck.Refused(source, i.problem());
        };
    }
}
