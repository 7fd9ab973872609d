package org.bulwark.rctab;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.formats.cdf.CdfEmitter;
import org.bulwark.tally.rcv.RcvContest;
import org.bulwark.tally.rcv.RcvPass;
import org.bulwark.tally.rcv.RcvRound;

/**
 * The tabulation as a NIST SP 1500-100 v2 ElectionReport (JSON and XML): one CandidateContest per pass, and for
 * each candidate one VoteCounts per round it took part in, with the round's number in Round (the
 * schema's way of carrying ranked-choice rounds). Counts are exact decimals where surpluses made them
 * fractional.
 */
final class RoundResults {
    private static final String TYPE_PREFIX = "ElectionResults.";
    private static final String NAMESPACE = "http://itl.nist.gov/ns/voting/1500-100/v2";
    private static final String SCOPE = "gpu-jurisdiction";

    private final RctabConfig config;
    private final List<RcvPass> passes;
    private final String generatedBy;
    private final Clock clock;

    RoundResults(RctabConfig config, List<RcvPass> passes, String generatedBy, Clock clock) {
        this.config = config;
        this.passes = List.copyOf(passes);
        this.generatedBy = generatedBy;
        this.clock = clock;
    }

    void writeJson(OutputStream out) throws IOException {
        write(CdfEmitter.json(out, TYPE_PREFIX, CdfEmitter.Layout.INDENTED));
    }

    void writeXml(OutputStream out) throws IOException {
        write(CdfEmitter.xml(out, NAMESPACE, CdfEmitter.Layout.INDENTED));
    }

    /** Walks the report in the XML schema's element order, which JSON accepts too. */
    private void write(CdfEmitter e) throws IOException {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String issuer = config.output().jurisdiction().isBlank() ? config.output().contestName()
                : config.output().jurisdiction();
        e.beginObject("ElectionReport", "ElectionReport", Optional.empty());
        e.beginList("Election");
        e.beginObject("Election", "Election", Optional.empty());
        List<String> names = config.contest().candidates().stream().map(RcvContest.Candidate::name).toList();
        List<String> all = new ArrayList<>(names);
        if (config.contest().undeclaredWriteIns()) {
            all.add(RcvContest.UNDECLARED_WRITE_INS);
        }
        e.beginList("Candidate");
        for (int i = 0; i < all.size(); i++) {
            e.beginObject("Candidate", "Candidate", Optional.of(candidateId(i)));
            e.text("BallotName", all.get(i));
            e.endObject();
        }
        e.endList();
        e.beginList("Contest");
        for (RcvPass pass : passes) {
            writeContest(e, pass, all);
        }
        e.endList();
        e.value("ElectionScopeId", SCOPE);
        String date = contestDate().orElse(now.toLocalDate()).toString();
        e.text("Name", config.output().contestName());
        e.value("StartDate", date);
        e.value("EndDate", date);
        e.value("Type", "other");
        e.value("OtherType", "ranked-choice contest tabulated with RCTab's rules");
        e.endObject();
        e.endList();
        e.value("Format", "summary-contest");
        e.value("GeneratedDate", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        e.beginList("GpUnit");
        e.beginSubtype("GpUnit", "ReportingUnit", Optional.of(SCOPE));
        e.text("Name", issuer);
        e.value("Type", "other");
        e.value("OtherType", "jurisdiction of the contest");
        e.endObject();
        e.endList();
        e.value("Issuer", issuer);
        e.value("IssuerAbbreviation", issuer);
        e.number("SequenceStart", 1);
        e.number("SequenceEnd", 1);
        e.value("Status", "unofficial-complete");
        e.value("VendorApplicationId", generatedBy);
        e.endObject();
        e.finish();
    }

    private void writeContest(CdfEmitter e, RcvPass pass, List<String> all) throws IOException {
        String name = config.output().contestName() + (passes.size() > 1 ? " (seat " + pass.seat() + ")" : "");
        e.beginSubtype("Contest", "CandidateContest", Optional.of("contest-" + pass.seat()));
        e.beginList("ContestSelection");
        for (int i = 0; i < all.size(); i++) {
            String candidate = all.get(i);
            e.beginSubtype("ContestSelection", "CandidateSelection", Optional.of("cs-" + pass.seat() + "-" + (i + 1)));
            List<RcvRound> counted = pass.rounds().stream().filter(r -> r.tally().containsKey(candidate)).toList();
            if (!counted.isEmpty()) {
                e.beginList("VoteCounts");
                for (RcvRound round : counted) {
                    e.beginObject("VoteCounts", "VoteCounts", Optional.empty());
                    e.value("GpUnitId", SCOPE);
                    e.number("Round", round.number());
                    e.value("Type", "total");
                    e.decimal("Count", round.tally().get(candidate));
                    e.endObject();
                }
                e.endList();
            }
            e.refs("CandidateIds", List.of(candidateId(i)));
            if (candidate.equals(RcvContest.UNDECLARED_WRITE_INS)) {
                e.bool("IsWriteIn", true);
            }
            e.endObject();
        }
        e.endList();
        e.value("ElectionDistrictId", SCOPE);
        e.value("Name", name);
        e.value("VoteVariation", "rcv");
        e.number("NumberElected", pass.numberOfWinners());
        e.number("VotesAllowed", 1);
        e.endObject();
    }

    private static String candidateId(int index) {
        return "cand-" + (index + 1);
    }

    private Optional<LocalDate> contestDate() {
        try {
            return Optional.of(LocalDate.parse(config.output().contestDate()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
