package org.bulwark.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bulwark.model.BadInputException;
import org.junit.jupiter.api.Test;

class InclusionProofsTest {
    static final List<NoteVerifierKey> TRUST = List.of(CheckpointsTest.COUNTY.verifierKey());

    /** A proof of entry 300 of a 520-entry log, from tiles held in memory. */
    static String proof() {
        MemoryTiles tiles = new MemoryTiles();
        TileAppender a = TileAppender.empty();
        PublishedLogTest.entries(0, 520).forEach(a::append);
        tiles.store(a.drain());
        Checkpoint cp = new Checkpoint(PublishedLogTest.ORIGIN, a.size(), a.root());
        return InclusionProofs.create(300, PublishedLogTest.entries(300, 301).getFirst(), cp, Checkpoints.sign(cp, CheckpointsTest.COUNTY), tiles);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aProofFileVerifies() {
        String file = proof();
        assertThat(file).contains("\"format\" : \"bulwark-inclusion-proof/1\"").contains("\"leafIndex\" : 300");
        assertThat(InclusionProofs.verify(utf8(file), "proof.json", TRUST)).isInstanceOfSatisfying(InclusionProofs.Outcome.Included.class,
                i -> assertThat(i.checkpoint().size()).isEqualTo(520));
    }

    @Test
    void anotherEntryIsNotIncluded() {
        String other = proof().replaceFirst("\"entry\" : \"[^\"]*\"", "\"entry\" : \"" +
                java.util.Base64.getEncoder().encodeToString(PublishedLogTest.entries(301, 302).getFirst()) + "\"");
        InclusionProofs.Outcome o = InclusionProofs.verify(utf8(other), "proof.json", TRUST);
        assertThat(((InclusionProofs.Outcome.NotIncluded) o).message()).startsWith("proof.json: hashes: root mismatch: expected ");
    }

    @Test
    void aWrongIndexOrSizeIsNamed() {
        String wrongIndex = proof().replace("\"leafIndex\" : 300", "\"leafIndex\" : 301");
        assertThat(((InclusionProofs.Outcome.NotIncluded) InclusionProofs.verify(utf8(wrongIndex), "p", TRUST)).place()).isEqualTo("hashes");
        String wrongSize = proof().replace("\"treeSize\" : 520", "\"treeSize\" : 521");
        assertThat(((InclusionProofs.Outcome.NotIncluded) InclusionProofs.verify(utf8(wrongSize), "p", TRUST)).message())
                .isEqualTo("p: treeSize: the proof is for tree size 521 but the checkpoint is of size 520");
    }

    @Test
    void malformedFilesNameTheField() {
        assertThatThrownBy(() -> InclusionProofs.read(utf8("[]"), "p.json")).isInstanceOf(BadInputException.class)
                .hasMessage("p.json: line 1, column 2: a proof file is a JSON object");
        assertThatThrownBy(() -> InclusionProofs.read(utf8(proof().replace("\"treeSize\" : 520,", "")), "p.json"))
                .hasMessage("p.json: treeSize: missing");
        assertThatThrownBy(() -> InclusionProofs.read(utf8(proof().replace("\"leafIndex\" : 300", "\"leafIndex\" : -1")), "p.json"))
                .hasMessage("p.json: leafIndex: expected a whole number from 0 up");
        assertThatThrownBy(() -> InclusionProofs.read(utf8(proof().replaceFirst("\"hashes\" : \\[ \"", "\"hashes\" : [ \"AAAA\", \"")), "p.json"))
                .hasMessage("p.json: hashes[0]: 'AAAA' is not a base64 SHA-256 hash (32 bytes)");
        assertThatThrownBy(() -> InclusionProofs.read(utf8("{\"format\":\"x\"}"), "p.json"))
                .hasMessage("p.json: format: 'x' is not \"bulwark-inclusion-proof/1\"");
    }
}
