package org.bulwark.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.CustodyAction;
import org.bulwark.ledger.exchange.Fingerprint;
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
    void theHistoryEndsOnTheComingElectionsEveWithEveryDeviceThroughItsRunUp() {
        Fingerprint coming = new Fingerprint("sha256:" + "c".repeat(64));
        CustodyHistory.Plan plan = new CustodyHistory.Plan(4, 103, 1_500, 9, Optional.of(coming));
        assertThat(CustodyHistory.comingElection(plan)).isEqualTo(coming);
        List<CustodyAction> all = new ArrayList<>();
        CustodyHistory.events(plan, all::add);
        assertThat(all).hasSize(1_500);
        LocalDate eve = CustodyHistory.ELECTION_DAY.minusDays(1);
        assertThat(all.getLast()).isInstanceOfSatisfying(CustodyAction.VerifySeal.class, v -> {
            assertThat(LocalDate.ofInstant(v.at(), ZoneOffset.UTC)).isEqualTo(eve);
            assertThat(v.pollingPlace()).isTrue();
        });
        List<CustodyAction.RecordLat> comingLat = all.stream().filter(a -> a instanceof CustodyAction.RecordLat l
                && l.record().electionFingerprint().equals(coming)).map(CustodyAction.RecordLat.class::cast).toList();
        long devices = CustodyHistory.inventory(plan).assets().stream().filter(a -> a.kind() == AssetKind.VOTING_DEVICE).count();
        assertThat(comingLat).hasSize((int) devices);
        Instant latDay = comingLat.getFirst().at();
        // After the coming L&A tests nothing is broken or taken back: the devices stay sealed at their polling places.
        assertThat(all.subList(all.indexOf(comingLat.getFirst()), all.size())).noneMatch(a -> a instanceof CustodyAction.BreakSeal)
                .allSatisfy(a -> assertThat(at(a)).isBetween(latDay, eve.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(all.stream().filter(a -> a instanceof CustodyAction.TransferCustody t && t.at().isAfter(latDay))
                .map(a -> ((CustodyAction.TransferCustody) a).transfer().purpose())).containsOnly("delivery for election day");
    }

    /** When a generated action happened (the generator makes these kinds only). */
    private static Instant at(CustodyAction a) {
        return switch (a) {
            case CustodyAction.RecordLat l -> l.at();
            case CustodyAction.ApplySeal s -> s.at();
            case CustodyAction.VerifySeal v -> v.at();
            case CustodyAction.BreakSeal b -> b.at();
            case CustodyAction.TransferCustody t -> t.at();
            case CustodyAction.AccessMemory m -> m.at();
            default -> throw new AssertionError("the generator made a " + a.getClass().getSimpleName());
        };
    }

    @Test
    void aPlanOutsideItsBoundsIsRefused() {
        assertThatThrownBy(() -> new CustodyHistory.Plan(0, 10, 10, 1)).hasMessageContaining("authorities must be between 1 and 10,000");
        assertThatThrownBy(() -> new CustodyHistory.Plan(5, 4, 10, 1)).hasMessageContaining("assets must be between");
    }
}
