package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.Indication;
import org.bulwark.model.SelectionId;
import org.bulwark.model.ValidationIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ballot checks with every problem and its place; ranked-choice picks through the CVR and the QR code. */
class BallotRulesTest {
    @TempDir(factory = MemoryCards.class)
    Path dir;

    private Election ranked() throws Exception {
        return Fixture.rankedPresident(Fixture.create(dir, DeviceKind.BALLOT_MARKING_DEVICE).election);
    }

    private static Ballot president(Ballot.Pick... picks) {
        return new Ballot(new org.bulwark.model.BallotStyleId("Precinct 1"), new org.bulwark.model.GpUnitId("cp-1-4-5-6"),
                List.of(new Ballot.ContestVote(new ContestId("cc-president"), List.of(picks))));
    }

    @Test
    void rankedPicksGoThroughTheQrCodeIntoTheSameCvr() throws Exception {
        Election e = ranked();
        ElectionIndex index = ElectionIndex.of(e);
        BallotRules rules = new BallotRules(index);
        Ballot b = president(new Ballot.Pick(new SelectionId("cs-president-gb"), 1, Optional.empty()),
                new Ballot.Pick(new SelectionId("cs-president-hb"), 2, Optional.empty()),
                new Ballot.Pick(new SelectionId("cs-president-wi"), 3, Optional.of("Pat Paulsen")));
        assertThat(rules.problems(b)).isEmpty();
        assertThat(rules.overvoted(b)).isEmpty();
        CastVoteRecord cvr = rules.cvr(b, "b1", "SN-1");
        PaperRecord record = new PaperRecord(ElectionFingerprint.of(e).sha256(), Mode.OFFICIAL, "SN-1", "b1", b.style(), b.precinct(),
                rules.positions(b));
        assertThat(record.encode()).contains(";0r2,1r1,3r3=Pat%20Paulsen;");
        assertThat(PaperRecords.cvr(PaperRecord.decode(record.encode(), "qr"), index, "qr")).isEqualTo(cvr);
        assertThat(cvr.contests().get(0).marks()).extracting(m -> m.rank()).containsExactly(2, 1, 3);
    }

    @Test
    void twoCandidatesAtOneRankIsAnOvervoteAndLeftToTheContestRules() throws Exception {
        BallotRules rules = new BallotRules(ElectionIndex.of(ranked()));
        Ballot b = president(new Ballot.Pick(new SelectionId("cs-president-gb"), 1, Optional.empty()),
                new Ballot.Pick(new SelectionId("cs-president-hb"), 1, Optional.empty()));
        assertThat(rules.overvoted(b)).containsExactly(new ContestId("cc-president"));
        assertThat(rules.cvr(b, "b", "s").contests().get(0).marks()).allSatisfy(m -> assertThat(m.allocable()).isEqualTo(Indication.UNKNOWN));
    }

    @Test
    void everyProblemIsListedWithItsPlace() throws Exception {
        BallotRules rules = new BallotRules(ElectionIndex.of(ranked()));
        Ballot b = new Ballot(new org.bulwark.model.BallotStyleId("Precinct 1"), new org.bulwark.model.GpUnitId("ps-2a"), List.of(
                new Ballot.ContestVote(new ContestId("cc-president"), List.of(new Ballot.Pick(new SelectionId("cs-president-gb"), 4,
                        Optional.of("Name on a candidate")), new Ballot.Pick(new SelectionId("nobody"), 1, Optional.empty()))),
                new Ballot.ContestVote(new ContestId("cc-senate"), List.of()),
                new Ballot.ContestVote(new ContestId("cc-county-assessor"), List.of(Ballot.Pick.of(new SelectionId("cs-county-assessor-db")),
                        Ballot.Pick.of(new SelectionId("cs-county-assessor-db"))))));
        assertThat(rules.problems(b)).extracting(ValidationIssue::path, ValidationIssue::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("precinct", "ballot style Precinct 1 is not used in 'ps-2a'; it serves [cp-1-4-5-6]"),
                org.assertj.core.groups.Tuple.tuple("contests[0].picks[0]", "rank 4 is outside 1..3"),
                org.assertj.core.groups.Tuple.tuple("contests[0].picks[0]", "a name can only be written in on a write-in position"),
                org.assertj.core.groups.Tuple.tuple("contests[0].picks[1]", "'nobody' is not a selection of cc-president"),
                org.assertj.core.groups.Tuple.tuple("contests[1]", "contest 'cc-senate' is not on ballot style Precinct 1"),
                org.assertj.core.groups.Tuple.tuple("contests[2].picks[1]", "'cs-county-assessor-db' is picked twice"));
    }
}
