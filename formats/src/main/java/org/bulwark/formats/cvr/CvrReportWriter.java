package org.bulwark.formats.cvr;

import java.io.Closeable;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Election;
import org.bulwark.model.GpUnit;
import org.bulwark.model.Mark;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.Candidate;
import org.bulwark.model.CandidateId;

/**
 * Writes a NIST SP 1500-103 report one CVR at a time, JSON or XML, with nothing held per CVR
 * beyond the ids of the devices that created them. The election's contests, selections,
 * candidates, parties and units are written after the CVRs (where the XML schema puts them; JSON
 * does not mind), so that the file reads back in strict mode. Each CVR is written as its one
 * current snapshot, with the ballot id as UniqueId. Use with try-with-resources: closing writes
 * the end of the report; the stream itself belongs to the caller.
 */
public final class CvrReportWriter implements Closeable {
    private final CdfOut out;
    private final Election election;
    private final String reportingDevice;
    private final OffsetDateTime generated;
    private final String electionId;
    private final Set<String> creatingDevices = new LinkedHashSet<>();
    private long count;
    private boolean closed;

    CvrReportWriter(CdfOut out, Election election, String reportingDevice, OffsetDateTime generated) throws IOException {
        this.out = out;
        this.election = election;
        this.reportingDevice = reportingDevice;
        this.generated = generated;
        this.electionId = ncName(election.id());
        out.startReport();
        out.startList("CVR");
    }

    /** Writes one CVR. */
    public void write(CastVoteRecord cvr) throws IOException {
        if (closed) {
            throw new IllegalStateException("the report is closed");
        }
        count++;
        String snapshot = "cvr-" + count; // an XML ID: unique in the file, and an NCName whatever the ballot id is
        out.startObject("CVR", "CVR.CVR", false, null);
        if (!cvr.ballotImages().isEmpty()) {
            out.startList("BallotImage");
            for (String image : cvr.ballotImages()) {
                out.startObject("BallotImage", "CVR.ImageData", false, null);
                out.text("Location", image);
                out.endObject();
            }
            out.endList();
        }
        out.text("BallotStyleId", cvr.ballotStyle().value());
        out.text("BallotStyleUnitId", cvr.ballotStyleUnit().value());
        if (cvr.batch().isPresent()) {
            out.text("BatchId", cvr.batch().get());
        }
        if (cvr.creatingDevice().isPresent()) {
            creatingDevices.add(cvr.creatingDevice().get());
            out.text("CreatingDeviceId", cvr.creatingDevice().get());
        }
        out.text("CurrentSnapshotId", snapshot);
        out.startList("CVRSnapshot");
        out.startObject("CVRSnapshot", "CVR.CVRSnapshot", false, snapshot);
        if (!cvr.contests().isEmpty()) {
            out.startList("CVRContest");
            for (CvrContest contest : cvr.contests()) {
                writeContest(contest);
            }
            out.endList();
        }
        out.text("Type", "original");
        out.endObject();
        out.endList();
        out.text("ElectionId", electionId);
        if (!cvr.parties().isEmpty()) {
            List<String> ids = new ArrayList<>(cvr.parties().size());
            for (PartyId p : cvr.parties()) {
                ids.add(p.value());
            }
            out.idrefs("PartyIds", ids);
        }
        out.text("UniqueId", cvr.ballotId());
        out.endObject();
    }

    private void writeContest(CvrContest contest) throws IOException {
        out.startObject("CVRContest", "CVR.CVRContest", false, null);
        out.text("ContestId", contest.contest().value());
        if (!contest.marks().isEmpty()) {
            out.startList("CVRContestSelection");
            for (Mark mark : contest.marks()) {
                out.startObject("CVRContestSelection", "CVR.CVRContestSelection", false, null);
                out.text("ContestSelectionId", mark.selection().value());
                out.startList("SelectionPosition");
                out.startObject("SelectionPosition", "CVR.SelectionPosition", false, null);
                if (mark.writeInName().isPresent()) {
                    out.startSingle("CVRWriteIn", "CVR.CVRWriteIn");
                    out.text("Text", mark.writeInName().get());
                    out.endObject();
                }
                out.text("HasIndication", mark.hasIndication().nist());
                out.text("IsAllocable", mark.allocable().nist());
                out.integer("NumberVotes", mark.votes());
                if (mark.rank() > 0) {
                    out.integer("Rank", mark.rank());
                }
                if (mark.generatedByRules()) {
                    out.values("Status", GENERATED);
                }
                out.endObject();
                out.endList();
                out.endObject();
            }
            out.endList();
        }
        if (contest.recordedOvervotes().isPresent()) {
            out.integer("Overvotes", contest.recordedOvervotes().getAsInt());
        }
        if (contest.recordedUndervotes().isPresent()) {
            out.integer("Undervotes", contest.recordedUndervotes().getAsInt());
        }
        out.endObject();
    }

    /**
     * The election's id as an XML ID (an NCName: no spaces or colons, not starting with a digit).
     * CVRs keep no election id, so changing its spelling here loses nothing a reader returns;
     * other ids are written as they are, because CVRs refer to them.
     */
    static String ncName(String id) {
        StringBuilder b = new StringBuilder(id.length() + 1);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '-');
        }
        if (!Character.isLetter(b.charAt(0)) && b.charAt(0) != '_') {
            b.insert(0, '_');
        }
        return b.toString();
    }

    private static final List<String> GENERATED = List.of("generated-rules");

    /** Writes the election, units, parties and devices after the CVRs, and ends the report. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.endList();
        writeElection();
        out.text("GeneratedDate", generated.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        out.startList("GpUnit");
        for (GpUnit unit : election.gpUnits()) {
            out.startObject("GpUnit", "CVR.GpUnit", false, unit.id().value());
            out.text("Name", unit.name());
            String type = unit.type().nist();
            boolean nist = REPORTING_UNIT_TYPES.contains(type);
            out.text("Type", nist ? type : "other");
            if (!nist) {
                out.text("OtherType", unit.otherType().orElse(type));
            }
            out.endObject();
        }
        out.endList();
        if (!election.parties().isEmpty()) {
            out.startList("Party");
            for (Party party : election.parties()) {
                out.startObject("Party", "CVR.Party", false, party.id().value());
                if (!party.abbreviation().isEmpty()) {
                    out.text("Abbreviation", party.abbreviation());
                }
                out.text("Name", party.name());
                out.endObject();
            }
            out.endList();
        }
        out.idrefs("ReportGeneratingDeviceIds", List.of(reportingDevice));
        out.startList("ReportingDevice");
        out.startObject("ReportingDevice", "CVR.ReportingDevice", false, reportingDevice);
        out.text("Application", "Bulwark");
        out.endObject();
        for (String device : creatingDevices) {
            if (!device.equals(reportingDevice)) {
                out.startObject("ReportingDevice", "CVR.ReportingDevice", false, device);
                out.endObject();
            }
        }
        out.endList();
        out.text("Version", "1.0.0");
        out.endReport();
    }

    /** The NIST CVR ReportingUnitType values; other unit types are written as "other" with OtherType. */
    private static final Set<String> REPORTING_UNIT_TYPES =
            Set.of("combined-precinct", "polling-place", "precinct", "split-precinct", "vote-center");

    private void writeElection() throws IOException {
        out.startList("Election");
        out.startObject("Election", "CVR.Election", false, electionId);
        if (!election.candidates().isEmpty()) {
            out.startList("Candidate");
            for (Candidate c : election.candidates()) {
                out.startObject("Candidate", "CVR.Candidate", false, c.id().value());
                out.text("Name", c.ballotName());
                if (c.party().isPresent()) {
                    out.text("PartyId", c.party().get().value());
                }
                out.endObject();
            }
            out.endList();
        }
        out.startList("Contest");
        for (Contest contest : election.contests()) {
            writeDefinition(contest);
        }
        out.endList();
        out.text("ElectionScopeId", election.scope().value());
        out.text("Name", election.title());
        out.endObject();
        out.endList();
    }

    private void writeDefinition(Contest contest) throws IOException {
        String type = switch (contest) {
            case Contest.CandidateContest c -> "CVR.CandidateContest";
            case Contest.BallotMeasureContest b -> "CVR.BallotMeasureContest";
            case Contest.PartyContest p -> "CVR.PartyContest";
        };
        out.startObject("Contest", type, true, contest.id().value());
        out.startList("ContestSelection");
        for (ContestSelection s : contest.selections()) {
            switch (s) {
                case ContestSelection.CandidateSelection c -> {
                    out.startObject("ContestSelection", "CVR.CandidateSelection", true, c.id().value());
                    List<String> ids = new ArrayList<>();
                    for (CandidateId id : c.candidates()) {
                        ids.add(id.value());
                    }
                    out.idrefs("CandidateIds", ids);
                }
                case ContestSelection.WriteIn w -> {
                    out.startObject("ContestSelection", "CVR.CandidateSelection", true, w.id().value());
                    out.bool("IsWriteIn", true);
                }
                case ContestSelection.BallotMeasureSelection b -> {
                    out.startObject("ContestSelection", "CVR.BallotMeasureSelection", true, b.id().value());
                    out.text("Selection", b.text());
                }
                case ContestSelection.PartySelection p -> {
                    out.startObject("ContestSelection", "CVR.PartySelection", true, p.id().value());
                    List<String> ids = new ArrayList<>();
                    for (PartyId id : p.parties()) {
                        ids.add(id.value());
                    }
                    out.idrefs("PartyIds", ids);
                }
            }
            out.endObject();
        }
        out.endList();
        out.text("Name", contest.name());
        if (contest instanceof Contest.CandidateContest c) {
            if (c.isRankedChoice()) {
                out.text("VoteVariation", "rcv");
            }
            if (c.primaryParties().size() == 1) {
                out.text("PrimaryPartyId", c.primaryParties().get(0).value());
            }
            out.integer("VotesAllowed", c.votesAllowed());
        }
        out.endObject();
    }
}
