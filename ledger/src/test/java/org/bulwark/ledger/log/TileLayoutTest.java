package org.bulwark.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TileLayoutTest {
    @Test
    void indexesAreGroupsOfThreeDigitsWithXOnAllButTheLast() {
        assertThat(TileLayout.encodeIndex(0)).isEqualTo("000");
        assertThat(TileLayout.encodeIndex(67)).isEqualTo("067");
        assertThat(TileLayout.encodeIndex(1000)).isEqualTo("x001/000");
        assertThat(TileLayout.encodeIndex(1234067)).isEqualTo("x001/x234/067");
    }

    @Test
    void pathsFollowTlogTiles() {
        assertThat(TileLayout.tilePath(0, 1234067, 256)).isEqualTo("tile/0/x001/x234/067");
        assertThat(TileLayout.tilePath(1, 1234067, 8)).isEqualTo("tile/1/x001/x234/067.p/8");
        assertThat(TileLayout.entryBundlePath(3, 256)).isEqualTo("tile/entries/003");
        assertThat(TileLayout.entryBundlePath(3, 1)).isEqualTo("tile/entries/003.p/1");
        assertThatThrownBy(() -> TileLayout.tilePath(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileLayout.tilePath(0, 0, 257)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void widthsFollowTheTreeSize() {
        long size = 70_000;
        assertThat(TileLayout.tileWidth(0, 0, size)).isEqualTo(256);
        assertThat(TileLayout.tileWidth(0, 273, size)).isEqualTo(70_000 - 273 * 256);
        assertThat(TileLayout.tileWidth(0, 274, size)).isZero();
        assertThat(TileLayout.tileWidth(1, 0, size)).isEqualTo(256);
        assertThat(TileLayout.tileWidth(1, 1, size)).isEqualTo(273 - 256);
        assertThat(TileLayout.tileWidth(2, 0, size)).isEqualTo(1);
    }
}
