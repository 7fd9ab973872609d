package org.bulwark.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointsTest {
    static final NoteSigner COUNTY = TestKeys.signer("boone.example.gov/log", 1);
    static final NoteSigner STATE = TestKeys.signer("sos.example.gov", 2);
    static final Checkpoint CP = new Checkpoint("boone.example.gov/log", 8,
            Hash.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328").orElseThrow());

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The example of golang.org/x/mod/sumdb/note (package documentation and note_test.go): key
     * "PeterNeumann+c74f20a3+ARpc2QcU...", private key "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALV...";
     * Ed25519 is deterministic, so our note must be byte for byte theirs.
     */
    @Test
    void reproducesTheGoSignedNoteExample() throws Exception {
        String vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
        NoteVerifierKey key = ((NoteVerifierKey.Parsed.Key) NoteVerifierKey.parse(vkey)).key();
        assertThat(key.verifierString()).isEqualTo(vkey);
        NoteSigner peter = new NoteSigner("PeterNeumann", TestKeys.fromNoteSeed("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"), key.key());
        String text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
        assertThat(SignedNotes.sign(text, peter)).isEqualTo(text
                + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n");
    }

    @Test
    void verifierKeyStringsRoundTripAndBadOnesAreNamed() {
        String s = COUNTY.verifierKey().verifierString();
        assertThat(s).startsWith("boone.example.gov/log+");
        assertThat(NoteVerifierKey.parse(s)).isEqualTo(new NoteVerifierKey.Parsed.Key(COUNTY.verifierKey()));
        assertThat(NoteVerifierKey.parse("nope")).isEqualTo(new NoteVerifierKey.Parsed.Invalid("expected <name>+<key id in hex>+<base64 key>, found 1 parts"));
        // transparency-dev/formats note tests: a verifier key whose base64 holds a '+'.
        assertThat(NoteVerifierKey.parse("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6"))
                .isInstanceOf(NoteVerifierKey.Parsed.Key.class);
        String wrongId = s.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
        assertThat(NoteVerifierKey.parse(wrongId)).isInstanceOfSatisfying(NoteVerifierKey.Parsed.Invalid.class,
                i -> assertThat(i.problem()).startsWith("the key id 00000000 does not match the name and key"));
    }

    @Test
    void signedCheckpointVerifiesAndFollowsTheFormat() {
        String note = Checkpoints.sign(CP, COUNTY);
        assertThat(note).startsWith("boone.example.gov/log\n8\nXcnaeacGWamtVZy3Ad7Zoqudgjqt" );
        assertThat(note.lines().toList().get(4)).startsWith("\u2014 boone.example.gov/log ");
        CheckpointCheck check = Checkpoints.verify(utf8(note), "checkpoint", List.of(COUNTY.verifierKey()));
        assertThat(check).isInstanceOfSatisfying(CheckpointCheck.Verified.class, v -> {
            assertThat(v.checkpoint()).isEqualTo(CP);
            assertThat(v.signers()).containsExactly("boone.example.gov/log");
        });
    }

    @Test
    void aChangedBodyIsRefusedByItsSignatureBeforeItIsRead() {
        String note = Checkpoints.sign(CP, COUNTY).replaceFirst("\n8\n", "\n9\n");
        assertThat(Checkpoints.verify(utf8(note), "checkpoint", List.of(COUNTY.verifierKey())))
                .isEqualTo(new CheckpointCheck.Refused("checkpoint", "line 5: the signature of boone.example.gov/log does not match the note: "
                        + "the note was changed after signing or signed by another key"));
        // A body that is not a checkpoint at all is refused on its signature too, not on its shape.
        String garbage = Checkpoints.sign(CP, COUNTY).replaceFirst("\n8\n", "\nlots\n");
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(garbage), "checkpoint", List.of(COUNTY.verifierKey()))).problem())
                .contains("does not match the note");
    }

    @Test
    void anotherKeyIsNotTrusted() {
        String note = Checkpoints.sign(CP, TestKeys.signer("boone.example.gov/log", 99));
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(note), "cp.txt", List.of(COUNTY.verifierKey()))).message())
                .startsWith("cp.txt: not signed by the trusted key boone.example.gov/log (boone.example.gov/log+");
    }

    @Test
    void malformedNotesAreRefusedWithTheirProblem() {
        String note = Checkpoints.sign(CP, COUNTY);
        List<NoteVerifierKey> keys = List.of(COUNTY.verifierKey());
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(note.substring(0, note.length() - 1)), "c", keys)).problem())
                .isEqualTo("does not end with a newline: the file is truncated or not a signed note");
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(note.replace("\n\n", "\n")), "c", keys)).problem())
                .isEqualTo("has no blank line before the signature lines: it is not a signed note");
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(note.replace("\u2014", "-")), "c", keys)).problem())
                .isEqualTo("line 5: a signature line starts with '\u2014 ' (an em dash and a space)");
        // The last base64 character of a 68-byte signature has 2 unused bits: setting them must not pass.
        assertThat(note).endsWith("=\n");
        String last = note.substring(note.length() - 3, note.length() - 2);
        String unusedBits = note.substring(0, note.length() - 3) + flipUnusedBits(last) + note.substring(note.length() - 2);
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(unusedBits), "c", keys)).problem())
                .isEqualTo("line 5: the signature of boone.example.gov/log is not base64");
        // Found by ParserFuzzTest: a note cut right after its blank line.
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(CP.body() + "\n"), "c", keys)).problem())
                .isEqualTo("ends with a blank line where the signature lines should be: the signatures are missing");
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(new byte[] {(byte) 0xff, '\n'}, "c", keys)).problem())
                .isEqualTo("not UTF-8 text");
    }

    /** The base64 character with the same top 4 bits and different unused low 2 bits. */
    static String flipUnusedBits(String c) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        return Character.toString(alphabet.charAt(alphabet.indexOf(c) ^ 1));
    }

    @Test
    void aBodySignedButMalformedIsNamed() {
        String note = SignedNotes.sign("boone.example.gov/log\n08\nroot\n", COUNTY);
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(note), "c", List.of(COUNTY.verifierKey()))).problem())
                .isEqualTo("line 2: '08' is not a tree size (a decimal number without leading zeros)");
    }

    @Test
    void theStateCosignsAndVerificationChecksBoth() {
        String note = Checkpoints.sign(CP, COUNTY);
        Instant t = Instant.parse("2028-11-08T02:00:00Z");
        Checkpoints.Cosigning c = Checkpoints.cosign(note, "checkpoint", COUNTY.verifierKey(), STATE, t);
        String cosigned = ((Checkpoints.Cosigning.Cosigned) c).signedCheckpoint();
        assertThat(cosigned).startsWith(note).contains("\n\u2014 sos.example.gov ");
        List<NoteVerifierKey> both = List.of(COUNTY.verifierKey(), STATE.verifierKey());
        assertThat(Checkpoints.verify(utf8(cosigned), "checkpoint", both)).isInstanceOfSatisfying(CheckpointCheck.Verified.class, v -> {
            assertThat(v.signers()).containsExactly("boone.example.gov/log");
            assertThat(v.cosigners()).containsExactly(new CheckpointCheck.Cosigned("sos.example.gov", t));
        });
        // Without the cosignature, a verifier that trusts the state refuses.
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(note), "checkpoint", both)).problem())
                .startsWith("not signed by the trusted key sos.example.gov");
        // The cosignature covers the checkpoint: moving it onto another checkpoint fails.
        String otherNote = Checkpoints.sign(new Checkpoint(CP.origin(), 9, CP.root()), COUNTY);
        String moved = otherNote + cosigned.substring(cosigned.indexOf("\u2014 sos.example.gov"));
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(moved), "checkpoint", both)).problem())
                .endsWith("the cosignature of sos.example.gov does not match the checkpoint: it was changed after cosigning or cosigned by another key");
        // Only a cosignature and no log signature is not enough.
        assertThat(((CheckpointCheck.Refused) Checkpoints.verify(utf8(cosigned), "checkpoint", List.of(STATE.verifierKey()))).problem())
                .isEqualTo("only cosignatures, no signature by the log's own key");
    }

    @Test
    void theStateRefusesToCosignWhatTheCountyDidNotSign() {
        String forged = Checkpoints.sign(CP, TestKeys.signer("boone.example.gov/log", 5));
        assertThat(Checkpoints.cosign(forged, "checkpoint", COUNTY.verifierKey(), STATE, Instant.EPOCH))
                .isInstanceOf(Checkpoints.Cosigning.NotCosigned.class);
    }

    @Test
    void splitViewsAreReportedNamingBothCheckpoints() {
        Checkpoint other = new Checkpoint(CP.origin(), 8, Merkle.emptyRoot());
        SplitView.Finding f = SplitView.sameSize("mirror-a/checkpoint", CP, "mirror-b/checkpoint", other).orElseThrow();
        assertThat(f.message()).isEqualTo("split view of log boone.example.gov/log: mirror-a/checkpoint (size 8, root "
                + CP.root().hex() + ") and mirror-b/checkpoint (size 8, root " + Merkle.emptyRoot().hex()
                + "): two different roots signed for the same tree size 8");
        assertThat(SplitView.sameSize("a", CP, "b", CP)).isEmpty();
        assertThat(SplitView.sameSize("a", CP, "b", new Checkpoint("another/log", 8, Merkle.emptyRoot()))).isEmpty();

        // Sizes 6 and 8 of the reference tree with the RFC 6962 proof: consistent; with root 7 in place of 6: not.
        List<Hash> proof = MerkleVectorsTest.hashes(MerkleVectorsTest.CONSISTENCY.get(2).proof());
        Checkpoint six = new Checkpoint(CP.origin(), 6, MerkleVectorsTest.hash(MerkleVectorsTest.ROOTS.get(6)));
        assertThat(SplitView.consistent("new", CP, "old", six, proof)).isEmpty();
        Checkpoint forkedSix = new Checkpoint(CP.origin(), 6, MerkleVectorsTest.hash(MerkleVectorsTest.ROOTS.get(7)));
        assertThat(SplitView.consistent("old", forkedSix, "new", CP, proof).orElseThrow().problem())
                .startsWith("the later tree does not extend the earlier one: root mismatch");
    }
}
