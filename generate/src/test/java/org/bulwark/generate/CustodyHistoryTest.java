package org.bulwark.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.CustodyAction;
import org.junit.jupiter.api.Test;

class CustodyHistoryTest {
    static final CustodyHistory.Plan PLAN = new CustodyHistory.Plan(4, 103, 1_500, 9);

    @Test
    void theSamePlanGivesTheSameHistoryOfThePlannedSize() {
        List<CustodyAction> first = new ArrayList<>();
        List<CustodyAction> second = new ArrayList<>();
        CustodyHistory.events(PLAN, first::add);
        CustodyHistory.events(PLAN, second::add);
        assertThat(first).hasSize(1_500).isEqualTo(second);
        CustodyHistory.Inventory inventory = CustodyHistory.inventory(PLAN);
        assertThat(inventory.assets()).hasSize(103);
        assertThat(inventory.assets().stream().filter(a -> a.kind() == AssetKind.VOTING_DEVICE).count()).isBetween(55L, 75L);
        assertThat(inventory.seals()).hasSize(4).allSatisfy(s -> assertThat(s.last() - s.first() + 1).isEqualTo(1_000_000));
        assertThat(first).hasAtLeastOneElementOfType(CustodyAction.RecordLat.class).hasAtLeastOneElementOfType(CustodyAction.ApplySeal.class)
                .hasAtLeastOneElementOfType(CustodyAction.TransferCustody.class);
    }

    @Test
    void aPlanOutsideItsBoundsIsRefused() {
        assertThatThrownBy(() -> new CustodyHistory.Plan(0, 10, 10, 1)).hasMessageContaining("authorities must be between 1 and 10,000");
        assertThatThrownBy(() -> new CustodyHistory.Plan(5, 4, 10, 1)).hasMessageContaining("assets must be between");
    }
}
