package org.bulwark.auditing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.audit.AuditEvidence;
import org.bulwark.audit.AuditText;
import org.bulwark.audit.AuditedContest;
import org.bulwark.audit.BallotManifest;
import org.bulwark.audit.BoardEntry;
import org.bulwark.audit.PaperReading;
import org.bulwark.audit.RiskLimitingAudit;
import org.bulwark.device.PaperRecord;
import org.bulwark.device.PaperRecords;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.store.AuditRecords;

/**
 * An audit board's entry of one sampled ballot, the one write path for {@code bulwark audit enter}
 * and the portal's entry form: the reading is compared with the ballot's CVR (found by the manifest
 * mapping rule, docs/audits.md) contest by contest, and the entry with every discrepancy it shows is
 * recorded and logged in one transaction ({@link AuditRecords#enter}).
 */
public final class BallotEntries {
    private BallotEntries() {}

    /** What an entry did: recorded (with the discrepancies it showed, in words), or refused with nothing recorded. */
    public sealed interface Outcome {
        record Entered(long entryId, String place, List<String> discrepancies) implements Outcome {
            public Entered {
                discrepancies = List.copyOf(discrepancies);
            }
        }

        record Refused(String reason) implements Outcome {}
    }

    /** Where a drawn ballot is: its batch and position from the top, as the retrieval list says. */
    public static String place(BallotManifest manifest, long ballot) {
        BallotManifest.BallotLocation at = manifest.locate(ballot);
        return at.batch().describe() + ", position " + at.position();
    }

    /**
     * Records the board's entry of a drawn ballot. Refused for an audit that counts precincts or
     * batches by hand, and for a ballot that was not drawn.
     */
    public static Outcome enter(WorkspaceAudit audit, BoardEntry entry) {
        String name = audit.audit().name();
        if (audit.missouri() || audit.batchAudit()) {
            return new Outcome.Refused("audit " + name + " counts " + (audit.missouri() ? "precincts" : "batches")
                    + " by hand; enter counts with: bulwark audit hand-count");
        }
        long ballot = entry.ballot();
        if (audit.allDraws().stream().noneMatch(d -> d.pick() == ballot)) {
            return new Outcome.Refused("ballot " + ballot + " was not drawn in audit " + name);
        }
        BallotManifest manifest = audit.manifest();
        Optional<CastVoteRecord> cvr = Optional.ofNullable(audit.cvrsOf(manifest, Set.of(ballot)).get(ballot));
        Map<String, String> found = new LinkedHashMap<>();
        String where = place(manifest, ballot);
        if (entry.reading() instanceof PaperReading.NotFound n) {
            found.put("ballot " + ballot, "ballot " + ballot + " (" + where + ") could not be found: " + n.note());
        }
        for (AuditedContest c : audit.contests()) {
            int d = RiskLimitingAudit.comparesBallots(c.method())
                    ? RiskLimitingAudit.ballotDiscrepancy(c, new AuditEvidence.SampledBallot(ballot, entry.reading(), cvr)) : 0;
            if (d != 0) {
                found.put("ballot " + ballot + "/" + c.contest().value(), "ballot " + ballot + " (" + where + "), contest " + c.contest().value()
                        + ": " + describe(d) + (cvr.isEmpty() ? " (no CVR maps to this place)" : ""));
            }
        }
        String content = AuditText.reading(entry.reading());
        String place = "ballot " + ballot;
        return switch (audit.records().enter(audit.audit(), place, "ballot", content,
                entry.board() + ": " + entry.firstMember() + ", " + entry.secondMember(), WorkspaceAudit.sha256(content), found)) {
            case AuditRecords.Recorded.Done<Long> d -> new Outcome.Entered(d.value(), place, new ArrayList<>(found.values()));
            case AuditRecords.Recorded.Refused<Long> r -> new Outcome.Refused(r.reason());
        };
    }

    /** A decoded paper record: the one CVR in the file, checked against the election like any CVR file. */
    public static PaperReading decoded(WorkspaceAudit audit, Path file) {
        List<CastVoteRecord> records = new ArrayList<>();
        try {
            CvrFiles.read(file, audit.index(), CvrReadOptions.lenient(), records::add);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "whole file", "cannot be read: " + e.getMessage(), e);
        }
        if (records.size() != 1) {
            throw new BadInputException(file.toString(), "whole file", "holds " + records.size() + " CVRs; a decoded paper record is one ballot");
        }
        return new PaperReading.Decoded(records.getFirst());
    }

    /**
     * A device's paper record read back from its QR code (the device module's reader): the same
     * decoded reading as {@link #decoded}. A test-mode record never stands for a voter's ballot.
     *
     * @param name how messages name the file (the portal's upload has the name the person chose)
     */
    public static PaperReading paper(WorkspaceAudit audit, Path file, String name) throws IOException {
        PaperRecord record;
        try {
            record = PaperRecords.read(file);
        } catch (BadInputException e) {
            // The file may be a temporary copy (an upload): the message names it as the person knows it.
            throw e.file().equals(name) ? e : new BadInputException(name, e.place(), e.problem(), e);
        }
        CastVoteRecord cvr = PaperRecords.cvr(record, audit.index(), name); // refuses another election's record
        if (record.mode() != Mode.OFFICIAL) {
            throw new BadInputException(name, "QR code field 3", "this is a " + record.mode().word()
                    + " paper record (printed in test mode, e.g. during logic and accuracy testing), not an official one;"
                    + " it stands for no voter's ballot");
        }
        return new PaperReading.Decoded(cvr);
    }

    /** A discrepancy's size in words. */
    public static String describe(int discrepancy) {
        return switch (discrepancy) {
            case 2 -> "two-vote overstatement";
            case 1 -> "one-vote overstatement";
            case -1 -> "one-vote understatement";
            case -2 -> "two-vote understatement";
            default -> "no discrepancy";
        };
    }
}
