package org.bulwark.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.ValidationIssue;
import org.bulwark.model.results.BatchKey;

/**
 * Checks a manifest against the tabulated ballot counts per batch. Audits draw from the paper the
 * manifest describes; if it holds more or fewer ballots than were counted, the sample would not
 * test the count, so every difference is an error naming the batch.
 */
public final class ManifestCheck {
    private ManifestCheck() {}

    /**
     * Every difference between the manifest and the tabulated counts per batch, with the manifest's
     * line as the path; empty when they agree.
     *
     * @param tabulated ballots counted per batch (device and batch id as in the CVRs)
     */
    public static List<ValidationIssue> against(BallotManifest manifest, Map<BatchKey, Long> tabulated) {
        List<ValidationIssue> issues = new ArrayList<>();
        Map<BatchKey, Long> unmatched = new LinkedHashMap<>(tabulated);
        for (ManifestBatch batch : manifest.batches()) {
            BatchKey key = new BatchKey(batch.tabulator(), Optional.of(batch.batch()));
            Long counted = unmatched.remove(key);
            String path = manifest.source() + " line " + batch.line();
            if (counted == null) {
                issues.add(new ValidationIssue(path, batch.describe() + ": " + batch.ballots()
                        + " ballots in the manifest, but no ballots of this batch were tabulated"));
            } else if (counted != batch.ballots()) {
                issues.add(new ValidationIssue(path, batch.describe() + ": " + batch.ballots() + " ballots in the manifest, but "
                        + counted + " were tabulated (" + (batch.ballots() > counted ? "+" : "") + (batch.ballots() - counted) + ")"));
            }
        }
        unmatched.forEach((key, counted) -> issues.add(new ValidationIssue(manifest.source(),
                "tabulator " + key.device().orElse("(none recorded)") + ", batch " + key.batch().orElse("(none recorded)") + ": "
                        + counted + " ballots were tabulated, but the manifest does not list this batch")));
        return issues;
    }
}
