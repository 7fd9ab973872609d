package org.bulwark.formats.cvr;

import java.io.Closeable;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulwark.formats.cdf.CdfEmitter;
import org.bulwark.formats.cdf.CdfTypes;
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
    private final CdfEmitter out;
    private final Election election;
    private final String reportingDevice;
    private final OffsetDateTime generated;
    private final String electionId;
    private final Set<String> creatingDevices = new LinkedHashSet<>();
    private long count;
    private boolean closed;

    CvrReportWriter(CdfEmitter out, Election election, String reportingDevice, OffsetDateTime generated) throws IOException {
        this.out = out;
        this.election = election;
        this.reportingDevice = reportingDevice;
        this.generated = generated;
        this.electionId = ncName(election.id());
        out.beginObject("CastVoteRecordReport", "CastVoteRecordReport", NO_ID);
        out.beginList("CVR");
    }

    /** Writes one CVR. */
    public void write(CastVoteRecord cvr) throws IOException {
        if (closed) {
            throw new IllegalStateException("the report is closed");
        }
        count++;
        String snapshot = "cvr-" + count; // an XML ID: unique in the file, and an NCName whatever the ballot id is
        out.beginObject("CVR", "CVR", NO_ID);
        if (!cvr.ballotImages().isEmpty()) {
            out.beginList("BallotImage");
            for (String image : cvr.ballotImages()) {
                out.beginObject("BallotImage", "ImageData", NO_ID);
                out.value("Location", image);
                out.endObject();
            }
            out.endList();
        }
        out.value("BallotStyleId", cvr.ballotStyle().value());
        out.value("BallotStyleUnitId", cvr.ballotStyleUnit().value());
        if (cvr.batch().isPresent()) {
            out.value("BatchId", cvr.batch().get());
        }
        if (cvr.creatingDevice().isPresent()) {
            creatingDevices.add(cvr.creatingDevice().get());
            out.value("CreatingDeviceId", cvr.creatingDevice().get());
        }
        out.value("CurrentSnapshotId", snapshot);
        out.beginList("CVRSnapshot");
        out.beginObject("CVRSnapshot", "CVRSnapshot", Optional.of(snapshot));
        if (!cvr.contests().isEmpty()) {
            out.beginList("CVRContest");
            for (CvrContest contest : cvr.contests()) {
                writeContest(contest);
            }
            out.endList();
        }
        out.value("Type", "original");
        out.endObject();
        out.endList();
        out.value("ElectionId", electionId);
        if (!cvr.parties().isEmpty()) {
            List<String> ids = new ArrayList<>(cvr.parties().size());
            for (PartyId p : cvr.parties()) {
                ids.add(p.value());
            }
            out.refs("PartyIds", ids);
        }
        out.value("UniqueId", cvr.ballotId());
        out.endObject();
    }

    private void writeContest(CvrContest contest) throws IOException {
        out.beginObject("CVRContest", "CVRContest", NO_ID);
        out.value("ContestId", contest.contest().value());
        if (!contest.marks().isEmpty()) {
            out.beginList("CVRContestSelection");
            for (Mark mark : contest.marks()) {
                out.beginObject("CVRContestSelection", "CVRContestSelection", NO_ID);
                out.value("ContestSelectionId", mark.selection().value());
                out.beginList("SelectionPosition");
                out.beginObject("SelectionPosition", "SelectionPosition", NO_ID);
                if (mark.writeInName().isPresent()) {
                    out.beginObject("CVRWriteIn", "CVRWriteIn", NO_ID);
                    out.value("Text", mark.writeInName().get());
                    out.endObject();
                }
                out.value("HasIndication", mark.hasIndication().nist());
                out.value("IsAllocable", mark.allocable().nist());
                out.number("NumberVotes", mark.votes());
                if (mark.rank() > 0) {
                    out.number("Rank", mark.rank());
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
            out.number("Overvotes", contest.recordedOvervotes().getAsInt());
        }
        if (contest.recordedUndervotes().isPresent()) {
            out.number("Undervotes", contest.recordedUndervotes().getAsInt());
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
    private static final Optional<String> NO_ID = Optional.empty();

    /** Writes the election, units, parties and devices after the CVRs, and ends the report. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.endList();
        writeElection();
        out.value("GeneratedDate", generated.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        out.beginList("GpUnit");
        for (GpUnit unit : election.gpUnits()) {
            out.beginObject("GpUnit", "GpUnit", Optional.of(unit.id().value()));
            out.value("Name", unit.name());
            String type = unit.type().nist();
            boolean nist = REPORTING_UNIT_TYPES.contains(type);
            out.value("Type", nist ? type : "other");
            if (!nist) {
                out.value("OtherType", unit.otherType().orElse(type));
            }
            out.endObject();
        }
        out.endList();
        if (!election.parties().isEmpty()) {
            out.beginList("Party");
            for (Party party : election.parties()) {
                out.beginObject("Party", "Party", Optional.of(party.id().value()));
                if (!party.abbreviation().isEmpty()) {
                    out.value("Abbreviation", party.abbreviation());
                }
                out.value("Name", party.name());
                out.endObject();
            }
            out.endList();
        }
        out.refs("ReportGeneratingDeviceIds", List.of(reportingDevice));
        out.beginList("ReportingDevice");
        out.beginObject("ReportingDevice", "ReportingDevice", Optional.of(reportingDevice));
        out.value("Application", "Bulwark");
        out.endObject();
        for (String device : creatingDevices) {
            if (!device.equals(reportingDevice)) {
                out.beginObject("ReportingDevice", "ReportingDevice", Optional.of(device));
                out.endObject();
            }
        }
        out.endList();
        out.value("Version", "1.0.0");
        out.endObject();
        out.finish();
    }

    /** The NIST CVR ReportingUnitType values; other unit types are written as "other" with OtherType. */
    private static final Set<String> REPORTING_UNIT_TYPES =
            Set.of("combined-precinct", "polling-place", "precinct", "split-precinct", "vote-center");

    private void writeElection() throws IOException {
        out.beginList("Election");
        out.beginObject("Election", "Election", Optional.of(electionId));
        if (!election.candidates().isEmpty()) {
            out.beginList("Candidate");
            for (Candidate c : election.candidates()) {
                out.beginObject("Candidate", "Candidate", Optional.of(c.id().value()));
                out.value("Name", c.ballotName());
                if (c.party().isPresent()) {
                    out.value("PartyId", c.party().get().value());
                }
                out.endObject();
            }
            out.endList();
        }
        out.beginList("Contest");
        for (Contest contest : election.contests()) {
            writeDefinition(contest);
        }
        out.endList();
        out.value("ElectionScopeId", election.scope().value());
        out.value("Name", election.title());
        out.endObject();
        out.endList();
    }

    private void writeDefinition(Contest contest) throws IOException {
        out.beginSubtype("Contest", CdfTypes.of(contest), Optional.of(contest.id().value()));
        out.beginList("ContestSelection");
        for (ContestSelection s : contest.selections()) {
            out.beginSubtype("ContestSelection", CdfTypes.of(s), Optional.of(s.id().value()));
            switch (s) {
                case ContestSelection.CandidateSelection c ->
                        out.refs("CandidateIds", c.candidates().stream().map(CandidateId::value).toList());
                case ContestSelection.WriteIn w -> out.bool("IsWriteIn", true);
                case ContestSelection.BallotMeasureSelection b -> out.value("Selection", b.text());
                case ContestSelection.PartySelection p ->
                        out.refs("PartyIds", p.parties().stream().map(PartyId::value).toList());
            }
            out.endObject();
        }
        out.endList();
        out.value("Name", contest.name());
        if (contest instanceof Contest.CandidateContest c) {
            if (c.isRankedChoice()) {
                out.value("VoteVariation", "rcv");
            }
            if (c.primaryParties().size() == 1) {
                out.value("PrimaryPartyId", c.primaryParties().get(0).value());
            }
            out.number("VotesAllowed", c.votesAllowed());
        }
        out.endObject();
    }
}
