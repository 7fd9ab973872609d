package org.bulwark.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TileAppenderTest {
    static byte[] entry(long i) {
        return ("entry " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<Hash> leafHashes(long n) {
        List<Hash> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(Merkle.leafHash(entry(i)));
        }
        return out;
    }

    @Property(tries = 40)
    void rootEqualsTheTreeHeadAtEverySize(@ForAll @IntRange(min = 0, max = 70_000) int n) {
        TileAppender a = TileAppender.empty();
        for (int i = 0; i < n; i++) {
            a.append(entry(i));
        }
        assertThat(a.size()).isEqualTo(n);
        assertThat(a.root()).isEqualTo(Merkle.rootOf(leafHashes(n)));
    }

    @Property(tries = 30)
    void storedTilesGiveTheSameProofsAsTheLeaves(@ForAll @IntRange(min = 1, max = 70_000) int n,
            @ForAll @IntRange(min = 0, max = 69_999) int leaf, @ForAll @IntRange(min = 0, max = 70_000) int older,
            @ForAll @IntRange(min = 1, max = 5) int drains) {
        int index = leaf % n;
        int size1 = older % (n + 1);
        MemoryTiles store = new MemoryTiles();
        TileAppender a = TileAppender.empty();
        for (int i = 0; i < n; i++) {
            a.append(entry(i));
            if (i % (n / drains + 1) == 0) {
                store.store(a.drain());
            }
        }
        store.store(a.drain());
        List<Hash> leaves = leafHashes(n);
        HashSource fromLeaves = (level, i) -> Merkle.rootOf(leaves.subList((int) (i << level), (int) ((i + 1) << level)));
        TileHashSource fromTiles = new TileHashSource(n, store);
        assertThat(Merkle.root(n, fromTiles)).isEqualTo(a.root());
        assertThat(Merkle.inclusionProof(index, n, fromTiles)).isEqualTo(Merkle.inclusionProof(index, n, fromLeaves));
        List<Hash> consistency = Merkle.consistencyProof(size1, n, fromTiles);
        assertThat(consistency).isEqualTo(Merkle.consistencyProof(size1, n, fromLeaves));
        assertThat(Merkle.verifyConsistency(size1, n, Merkle.rootOf(leaves.subList(0, size1)), a.root(), consistency))
                .isEqualTo(ProofCheck.VALID);
    }

    @Property(tries = 30)
    void resumingFromStoredTilesContinuesTheSameTree(@ForAll @IntRange(min = 0, max = 3_000) int first,
            @ForAll @IntRange(min = 0, max = 3_000) int more) {
        MemoryTiles store = new MemoryTiles();
        TileAppender a = TileAppender.empty();
        for (int i = 0; i < first; i++) {
            a.append(entry(i));
        }
        store.store(a.drain());
        TileAppender resumed = TileAppender.resume(first, store);
        assertThat(resumed.root()).isEqualTo(a.root());
        for (int i = first; i < first + more; i++) {
            resumed.append(entry(i));
        }
        assertThat(resumed.root()).isEqualTo(Merkle.rootOf(leafHashes(first + more)));
        store.store(resumed.drain());
        TileAppender again = TileAppender.resume(first + more, store);
        assertThat(again.root()).isEqualTo(resumed.root());
        assertThat(Merkle.root(first + more, new TileHashSource(first + more, store))).isEqualTo(resumed.root());
    }

    @Test
    void bundlesHoldLengthPrefixedEntries() {
        TileAppender a = TileAppender.empty();
        a.append(new byte[] {7, 8, 9});
        a.append(new byte[0]);
        List<LogWrite> writes = a.drain();
        assertThat(writes).hasSize(2);
        LogWrite.BundleWrite bundle = (LogWrite.BundleWrite) writes.get(1);
        assertThat(bundle.path()).isEqualTo("tile/entries/000.p/2");
        assertThat(bundle.content()).containsExactly(0, 3, 7, 8, 9, 0, 0);
        assertThat(writes.get(0).path()).isEqualTo("tile/0/000.p/2");
    }

    /**
     * A log of 10,000,000 entries, its tiles synthesised on demand (each hash derived from its
     * place, so the tiles need not exist, and the tile levels are not each other's roots: that
     * proofs from tiles are right is shown above, against the leaves): an inclusion proof and the
     * root read at most two tiles per tile level, ceil(log2(n) / 8) levels, so 6 tiles here, each of
     * at most 256 hashes: O(log n).
     */
    @Test
    void inclusionProofInTenMillionEntriesReadsLogarithmicallyManyTiles() {
        long n = 10_000_000;
        int[] reads = {0};
        TileReader synthetic = new TileReader() {
            @Override
            public Optional<byte[]> readTile(TileId id) {
                reads[0]++;
                ByteBuffer tile = ByteBuffer.allocate(id.width() * Hash.SIZE);
                MessageDigest md = Merkle.newDigest();
                for (int i = 0; i < id.width(); i++) {
                    md.update(ByteBuffer.allocate(20).putInt(id.level()).putLong(id.index()).putLong(i).array());
                    tile.put(md.digest());
                }
                return Optional.of(tile.array());
            }

            @Override
            public Optional<byte[]> readEntryBundle(BundleId id) {
                throw new AssertionError("a proof needs no entries");
            }
        };
        int levels = (64 - Long.numberOfLeadingZeros(n - 1) + TileLayout.TILE_HEIGHT - 1) / TileLayout.TILE_HEIGHT;
        assertThat(levels).isEqualTo(3);
        for (long index : new long[] {0, 1_234_567, 9_999_999, 9_999_000}) {
            reads[0] = 0;
            TileHashSource source = new TileHashSource(n, synthetic);
            List<Hash> proof = Merkle.inclusionProof(index, n, source);
            Merkle.root(n, source);
            assertThat(proof).hasSize(Merkle.inclusionProofLength(index, n));
            assertThat(reads[0]).as("tiles read for leaf %d", index).isEqualTo(source.tilesRead()).isLessThanOrEqualTo(2 * levels);
        }
    }
}
