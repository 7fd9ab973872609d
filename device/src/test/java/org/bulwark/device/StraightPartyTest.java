package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CvrContest;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Straight-party voting on the device, against the marks NIST's gen-01 CVRs derive ("generated-rules"). */
class StraightPartyTest {
    static final Path GEN_01_CVRS = Path.of("..", "testdata", "nist-cdf", "gen-01", "cvr_v1", "cvr-gen-01.json");
    static final ContestId STRAIGHT = new ContestId("spc-1");

    @TempDir(factory = MemoryCards.class)
    Path dir;

    @Test
    void everyGen01StraightPartyBallotGivesExactlyNistsDerivedMarks() throws Exception {
        Fixture f = Fixture.create(dir, DeviceKind.BALLOT_MARKING_DEVICE);
        ElectionIndex index = ElectionIndex.of(f.election);
        List<CastVoteRecord> nist = new ArrayList<>();
        CvrFiles.read(GEN_01_CVRS, index, CvrReadOptions.strict(), nist::add);
        BallotRules rules = new BallotRules(index);
        int straight = 0;
        for (CastVoteRecord cvr : nist) {
            // The ballot as the voter marked it: the hand marks only.
            List<Ballot.ContestVote> hand = new ArrayList<>();
            for (CvrContest c : cvr.contests()) {
                List<Ballot.Pick> picks = c.marks().stream().filter(m -> !m.generatedByRules())
                        .map(m -> new Ballot.Pick(m.selection(), m.rank(), m.writeInName())).toList();
                if (!picks.isEmpty()) {
                    hand.add(new Ballot.ContestVote(c.contest(), picks));
                }
            }
            Ballot ballot = new Ballot(cvr.ballotStyle(), cvr.ballotStyleUnit(), hand);
            if (!rules.problems(ballot).isEmpty() || !rules.overvoted(ballot).isEmpty()) {
                continue; // gen-01 also holds ballots a device would refuse; they have no straight-party vote
            }
            CastVoteRecord ours = rules.cvr(ballot, cvr.ballotId(), "SN-1");
            assertThat(derived(ours)).as(cvr.ballotId()).isEqualTo(derived(cvr));
            if (hand.stream().anyMatch(v -> v.contest().equals(STRAIGHT))) {
                straight++;
                assertThat(derived(ours)).as(cvr.ballotId()).isNotEmpty();
            }
        }
        assertThat(straight).isEqualTo(12);
    }

    /** The derived marks of a CVR as "contest/selection", in order. */
    private static List<String> derived(CastVoteRecord cvr) {
        List<String> out = new ArrayList<>();
        for (CvrContest c : cvr.contests()) {
            for (Mark m : c.marks()) {
                if (m.generatedByRules()) {
                    out.add(c.contest().value() + "/" + m.selection().value());
                }
            }
        }
        return out;
    }

    private static Ballot libertarianVotingForBushByHand() {
        return new Ballot(new BallotStyleId("Precinct 1"), new GpUnitId("cp-1-4-5-6"), List.of(
                new Ballot.ContestVote(STRAIGHT, List.of(Ballot.Pick.of(new SelectionId("po-lib")))),
                new Ballot.ContestVote(new ContestId("cc-president"), List.of(Ballot.Pick.of(new SelectionId("cs-president-gb"))))));
    }

    @Test
    void aHandMarkOverridesThePartyInItsContestOnlyAndThePaperShowsBoth() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.officialOpen();
        Outcome<PrecinctDevice.Cast> outcome = d.cast(libertarianVotingForBushByHand());
        PrecinctDevice.Cast cast = outcome.orThrow();
        CvrContest president = contest(cast.cvr(), "cc-president");
        assertThat(president.marks()).singleElement().satisfies(m -> {
            assertThat(m.selection().value()).isEqualTo("cs-president-gb");
            assertThat(m.generatedByRules()).isFalse();
        });
        assertThat(contest(cast.cvr(), "cc-senate").marks()).singleElement().satisfies(m -> {
            assertThat(m.selection().value()).isEqualTo("cs-senate-ej");
            assertThat(m.generatedByRules()).isTrue();
        });
        assertThat(contest(cast.cvr(), "cc-county-assessor").marks()).extracting(m -> m.selection().value())
                .containsExactly("cs-county-assessor-db", "cs-county-assessor-me");
        assertThat(contest(cast.cvr(), "cc-dog-catcher").marks()).isEmpty();
        // Contests the party vote fills are not undervoted: only those it cannot reach are warned about.
        assertThat(((Outcome.Done<PrecinctDevice.Cast>) outcome).warnings()).singleElement().asString()
                .doesNotContain("Senator").contains("Dog Catcher");
        String paper = PdfText.of(cast.paperRecord());
        assertThat(paper).contains("marks this party's candidates", "Ed Johnson", "(by straight-party vote)");
        assertThat(paper).doesNotContain("Harry Brown");
        // Read back from paper: the QR code holds the hand marks; the rule gives the same CVR again.
        assertThat(PaperRecords.cvr(PaperRecords.read(cast.paperRecord()), ElectionIndex.of(f.election), "paper"))
                .isEqualTo(cast.cvr());
        d.closePolls("Ann Poll").orThrow();
        assertThat(d.results().contest(new ContestId("cc-senate")).orElseThrow().counts().total()
                .votesFor(new SelectionId("cs-senate-ej"))).isEqualTo(1);
    }

    @Test
    void anOvervotedStraightPartyContestDerivesNothing() throws Exception {
        Fixture f = Fixture.create(dir, DeviceKind.SCANNER);
        BallotRules rules = new BallotRules(ElectionIndex.of(f.election));
        Ballot two = new Ballot(new BallotStyleId("Precinct 1"), new GpUnitId("cp-1-4-5-6"), List.of(new Ballot.ContestVote(STRAIGHT,
                List.of(Ballot.Pick.of(new SelectionId("po-lib")), Ballot.Pick.of(new SelectionId("po-rep"))))));
        assertThat(rules.overvoted(two)).containsExactly(STRAIGHT);
        assertThat(derived(rules.cvr(two, "b", "SN-1"))).isEmpty();
        PaperRecord record = new PaperRecord(ElectionFingerprint.of(f.election).sha256(), Mode.TEST, "SN-1", "b", two.style(),
                two.precinct(), rules.positions(two));
        assertThat(record.encode()).doesNotContain("cs-");
        assertThat(Optional.of(record.contests().get(0))).contains(List.of(new PaperRecord.CodedPick(0, 0, Optional.empty()),
                new PaperRecord.CodedPick(1, 0, Optional.empty())));
    }

    private static CvrContest contest(CastVoteRecord cvr, String id) {
        return cvr.contests().stream().filter(c -> c.contest().value().equals(id)).findFirst().orElseThrow();
    }

    private static final org.bulwark.model.Election GEN_01 = org.bulwark.formats.election.ElectionFiles.read(Fixture.GEN_01).election();

    /**
     * On random gen-01 ballots: derived marks only where the voter marked one party and nothing by hand,
     * only that party's candidates and never more than the contest allows; and the paper record gives
     * the same CVR back, derived marks included.
     */
    @net.jqwik.api.Property(tries = 200)
    void derivedMarksFollowTheRuleAndSurviveThePaperRoundTrip(@net.jqwik.api.ForAll long seed) {
        ElectionIndex index = ElectionIndex.of(GEN_01);
        BallotRules rules = new BallotRules(index);
        java.util.Random random = new java.util.Random(seed);
        var styles = GEN_01.ballotStyles();
        Ballot ballot = PollingPlaceSimulation.randomBallot(GEN_01, styles.get(random.nextInt(styles.size())), random);
        CastVoteRecord cvr = rules.cvr(ballot, "b", "SN-1");
        List<Ballot.Pick> party = ballot.contests().stream().filter(v -> v.contest().equals(STRAIGHT)).findFirst()
                .map(Ballot.ContestVote::picks).orElse(List.of());
        for (CvrContest c : cvr.contests()) {
            List<Mark> derived = c.marks().stream().filter(Mark::generatedByRules).toList();
            if (derived.isEmpty()) {
                continue;
            }
            assertThat(party).hasSize(1);
            assertThat(c.marks()).allMatch(Mark::generatedByRules);
            assertThat(derived.size()).isLessThanOrEqualTo(index.contest(c.contest()).orElseThrow().votesAllowed());
            org.bulwark.model.PartyId p = ((org.bulwark.model.ContestSelection.PartySelection) index.selection(party.get(0).selection())
                    .orElseThrow()).parties().get(0);
            for (Mark m : derived) {
                var selection = (org.bulwark.model.ContestSelection.CandidateSelection) index.selection(m.selection()).orElseThrow();
                assertThat(selection.candidates()).allMatch(id -> index.candidate(id).orElseThrow().party().equals(Optional.of(p)));
            }
        }
        PaperRecord record = new PaperRecord(ElectionFingerprint.of(GEN_01).sha256(), Mode.OFFICIAL, "SN-1", "b", ballot.style(),
                ballot.precinct(), rules.positions(ballot));
        assertThat(PaperRecords.cvr(PaperRecord.decode(record.encode(), "qr"), index, "qr")).isEqualTo(cvr);
    }
}
