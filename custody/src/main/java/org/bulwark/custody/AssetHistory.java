package org.bulwark.custody;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.ledger.exchange.LatRecord;

/** An asset as it stands now (its current location and custodian included) and its custody timeline, oldest first. */
public record AssetHistory(Asset current, List<CustodyEvent> timeline) {
    public AssetHistory {
        Objects.requireNonNull(current, "current");
        timeline = List.copyOf(timeline);
    }

    /** The seal on a point now: applied and not broken since. */
    public Optional<CustodyEvent.SealApplied> currentSeal(String point) {
        return CustodyEvent.currentSeal(timeline, point);
    }

    /** The latest L&A test recorded of the given kind. */
    public Optional<LatRecord> latestLat(LatRecord.Kind kind) {
        LatRecord latest = null;
        for (CustodyEvent e : timeline) {
            if (e instanceof CustodyEvent.LatRecorded l && l.record().kind() == kind) {
                latest = l.record();
            }
        }
        return Optional.ofNullable(latest);
    }
}
