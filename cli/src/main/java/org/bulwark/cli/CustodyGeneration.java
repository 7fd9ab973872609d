package org.bulwark.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.bulwark.custody.AssetCsv;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.Outcome;
import org.bulwark.generate.CustodyHistory;
import org.bulwark.store.CustodyRecords;
import org.bulwark.store.Workspace;

/**
 * Records a generated custody history ({@link CustodyHistory}) into a workspace through the same
 * rules as actions by hand, in transactions of {@value #BATCH} actions, keeping the assets' histories
 * in memory meanwhile ({@code CustodyRecords.keepingHistories}). Public for the benchmarks.
 */
public final class CustodyGeneration {
    static final int BATCH = 5_000;

    /** What was recorded. */
    public record Summary(int assets, long actions, long refused, long incidents) {}

    private CustodyGeneration() {}

    /** Fills the workspace; empty (and nothing recorded past the registry and seals) if it already holds the generated assets. */
    public static Optional<Summary> fill(Workspace w, CustodyHistory.Plan plan, LongConsumer progress) {
        return w.custody().keepingHistories(() -> record(w, plan, progress));
    }

    private static Optional<Summary> record(Workspace w, CustodyHistory.Plan plan, LongConsumer progress) {
        CustodyHistory.Inventory inventory = CustodyHistory.inventory(plan);
        long[] counts = new long[3]; // actions, refused, incidents
        List<CustodyAction> setup = new ArrayList<>();
        inventory.registry().forEach(e -> setup.add(new CustodyAction.RecordRegistryEntry(e)));
        inventory.seals().forEach(s -> setup.add(new CustodyAction.IssueSeals(s)));
        count(w.custody().recordAll(setup), counts);
        CustodyRecords.AssetImport imported = w.custody().importAssets(new AssetCsv.Read(inventory.assets(), List.of()), "generated inventory",
                new byte[32], false);
        if (imported.refused()) {
            return Optional.empty();
        }
        counts[0] = 0;
        List<CustodyAction> batch = new ArrayList<>(BATCH);
        CustodyHistory.events(plan, a -> {
            batch.add(a);
            if (batch.size() == BATCH) {
                count(w.custody().recordAll(batch), counts);
                batch.clear();
                progress.accept(counts[0]);
            }
        });
        count(w.custody().recordAll(batch), counts);
        return Optional.of(new Summary(imported.imported(), counts[0], counts[1], counts[2]));
    }

    private static void count(List<Outcome> outcomes, long[] counts) {
        for (Outcome o : outcomes) {
            counts[0]++;
            counts[1] += o instanceof Outcome.Refused ? 1 : 0;
            counts[2] += o.opened().size();
        }
    }
}
