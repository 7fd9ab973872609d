package org.bulwark.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bulwark.model.BadInputException;

/**
 * Random mutations (byte flips, truncations, insertions, duplications) of valid seed files: the
 * checkpoint, proof-file and entry-bundle readers answer with a value or a BadInputException,
 * never anything else. (Written with jqwik rather than Jazzer, as the other modules' fuzz tests.)
 */
class ParserFuzzTest {
    static final String NOTE = Checkpoints.sign(CheckpointsTest.CP, CheckpointsTest.COUNTY);
    static final String PROOF = InclusionProofsTest.proof();
    static final List<NoteVerifierKey> TRUST = List.of(CheckpointsTest.COUNTY.verifierKey());

    record Mutation(int kind, int at, int length, byte value) {
        byte[] apply(byte[] seed) {
            int i = seed.length == 0 ? 0 : Math.floorMod(at, seed.length);
            return switch (kind) {
                case 0 -> {
                    byte[] b = seed.clone();
                    if (b.length > 0) {
                        b[i] ^= value == 0 ? 1 : value;
                    }
                    yield b;
                }
                case 1 -> Arrays.copyOf(seed, i);
                case 2 -> {
                    byte[] b = new byte[seed.length + 1];
                    System.arraycopy(seed, 0, b, 0, i);
                    b[i] = value;
                    System.arraycopy(seed, i, b, i + 1, seed.length - i);
                    yield b;
                }
                default -> {
                    int n = Math.min(length, seed.length - i);
                    byte[] b = new byte[seed.length + n];
                    System.arraycopy(seed, 0, b, 0, i + n);
                    System.arraycopy(seed, i, b, i + n, seed.length - i);
                    yield b;
                }
            };
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(1, 40), Arbitraries.bytes()).as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    static byte[] mutate(String seed, List<Mutation> ms) {
        byte[] b = seed.getBytes(StandardCharsets.UTF_8);
        for (Mutation m : ms) {
            b = m.apply(b);
        }
        return b;
    }

    @Property(tries = 2000)
    void checkpointsAreVerifiedOrRefused(@ForAll("mutations") List<Mutation> ms) {
        byte[] note = mutate(NOTE, ms);
        CheckpointCheck c = Checkpoints.verify(note, "checkpoint", TRUST);
        if (c instanceof CheckpointCheck.Verified v) {
            // Only changes the signature does not cover (a signature line by an unknown key, say) may pass.
            assertThat(v.checkpoint()).isEqualTo(CheckpointsTest.CP);
        }
    }

    @Property(tries = 2000)
    void proofFilesAreIncludedNotIncludedOrBadInput(@ForAll("mutations") List<Mutation> ms) {
        byte[] file = mutate(PROOF, ms);
        try {
            InclusionProofs.verify(file, "proof.json", TRUST);
        } catch (BadInputException e) {
            assertThat(e.file()).isEqualTo("proof.json");
        }
    }

    @Property(tries = 2000)
    void bundlesParseOrSayWhy(@ForAll("mutations") List<Mutation> ms) {
        TileAppender a = TileAppender.empty();
        PublishedLogTest.entries(0, 7).forEach(a::append);
        byte[] bundle = a.drain().getLast().content();
        byte[] mutated = ms.stream().reduce(bundle, (b, m) -> m.apply(b), (x, y) -> y);
        assertThat(EntryBundles.parse(mutated, 7)).isNotNull();
    }
}
