package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.Breakdown;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatSessionTest {
    @TempDir(factory = MemoryCards.class)
    Path dir;

    static LatSession.Notice notice(Fixture f) {
        return new LatSession.Notice(Fixture.NOW.minus(Duration.ofDays(5)), List.of(
                new LatSession.Observer("Dana Demo", "Democratic"), new LatSession.Observer("Rita Repp", "Republican")));
    }

    @Test
    void theDeckGivesEveryPositionADifferentCountAndHasOvervotedAndBlankBallots() throws Exception {
        Election e = Fixture.create(dir, DeviceKind.SCANNER).election;
        TestDeck deck = TestDeck.of(e);
        TestDeck.Expected expected = deck.expected(ElectionIndex.of(e), true);
        for (Map.Entry<ContestId, Map<SelectionId, Long>> c : expected.votes().entrySet()) {
            assertThat(c.getValue().values()).as(c.getKey().value()).doesNotHaveDuplicates().doesNotContain(0L);
        }
        assertThat(deck.ballots().stream().filter(TestDeck.DeckBallot::overvoted)).hasSize(e.ballotStyles().size());
        assertThat(deck.ballots().stream().filter(b -> b.ballot().contests().isEmpty())).hasSize(2 * e.ballotStyles().size());
        // Vote-for-2 (county assessor): full ballots with two picks and a partial one with one.
        ContestId assessor = new ContestId("cc-county-assessor");
        List<Integer> sizes = deck.ballots().stream().flatMap(b -> b.ballot().contests().stream())
                .filter(c -> c.contest().equals(assessor)).map(c -> c.picks().size()).distinct().toList();
        assertThat(sizes).contains(1, 2);
        assertThat(expected.overvotes().values().stream().mapToLong(Long::longValue).sum()).isPositive();

        deck.write(e, dir.resolve("deck"));
        List<CastVoteRecord> read = new ArrayList<>();
        CvrFiles.read(dir.resolve("deck").resolve("deck-cvrs.json"), ElectionIndex.of(e), CvrReadOptions.strict(), read::add);
        assertThat(read).hasSize(deck.ballots().size());
        Path first = dir.resolve("deck").resolve("deck-0001.pdf");
        assertThat(PaperRecords.cvr(PaperRecords.read(first), ElectionIndex.of(e), "deck-0001.pdf")).isEqualTo(read.get(0));
    }

    @Test
    void aSoundDevicePassesAndIsPutInOfficialModeWithZeroCounters() throws Exception {
        for (DeviceKind kind : DeviceKind.values()) {
            Fixture f = Fixture.ready(dir.resolve(kind.word()), kind, DeviceSettings.ScannerOvervotes.ACCEPT);
            PrecinctDevice d = f.loaded();
            LatSession.Result r = LatSession.run(d, TestDeck.of(f.election), LatRecord.Kind.PRE_ELECTION, notice(f),
                    f.root.resolve("lat"), f.clock).orThrow();
            assertThat(r.record().mismatches()).as(kind.word()).isEmpty();
            assertThat(r.record().passed()).isTrue();
            assertThat(r.warnings()).isEmpty();
            assertThat(d.state()).isEqualTo(new DeviceState.Configured(Mode.OFFICIAL));
            assertThat(d.ballotsCast()).isZero();
            assertThat(d.cvrs()).isEmpty();
            assertThat(Files.readString(r.recordFile())).contains("\"format\" : \"bulwark-lat-record\"", "\"kind\" : \"pre-election\"",
                    "\"passed\" : true", "\"softwareFingerprint\" : \"" + d.identity().softwareFingerprint() + "\"",
                    "\"electionFingerprint\" : \"sha256:" + d.electionFingerprint().orElseThrow() + "\"", "\"date\" : \"2000-11-01\"");
            assertThat(PdfText.of(r.certificate())).contains("PASSED", "Errorless count", "Dana Demo", "Republican", "SN-0001");
        }
    }

    /** The device counts with a tabulation that swaps the first two positions of one contest. */
    static Tabulation swapped(String contest) {
        return (index, cvrs) -> edit(Tabulation.STANDARD.count(index, cvrs), contest, c -> {
            List<Map.Entry<SelectionId, Long>> v = new ArrayList<>(c.votes().entrySet());
            Map<SelectionId, Long> votes = new LinkedHashMap<>();
            votes.put(v.get(0).getKey(), v.get(1).getValue());
            votes.put(v.get(1).getKey(), v.get(0).getValue());
            v.subList(2, v.size()).forEach(x -> votes.put(x.getKey(), x.getValue()));
            return Optional.of(new ContestCounts(votes, c.overvotes(), c.undervotes(), c.ballotsCast(), c.blankBallots(),
                    c.writeInVotes(), c.writeInNames()));
        });
    }

    /** The device leaves a contest out of its results. */
    static Tabulation dropping(String contest) {
        return (index, cvrs) -> edit(Tabulation.STANDARD.count(index, cvrs), contest, c -> Optional.empty());
    }

    private static ElectionResults edit(ElectionResults r, String contest,
            java.util.function.Function<ContestCounts, Optional<ContestCounts>> change) {
        List<ContestResult> contests = new ArrayList<>();
        for (ContestResult c : r.contests()) {
            if (!c.contest().value().equals(contest)) {
                contests.add(c);
                continue;
            }
            Breakdown<ContestCounts> b = c.counts();
            change.apply(b.total()).ifPresent(t -> contests.add(new ContestResult(c.contest(), c.votesAllowed(),
                    new Breakdown<>(t, b.byUnit(), b.byBallotStyle(), b.byCountingGroup(), b.byDevice(), b.byBatch()))));
        }
        return new ElectionResults(r.electionId(), r.scope(), r.ballots(), contests, r.notTabulated());
    }

    private static LatSession.Result runFaulty(Fixture f, Tabulation faulty) throws Exception {
        f.newDevice().loadElection(f.usb, "clerk").orThrow();
        PrecinctDevice d = PrecinctDevice.open(f.card, "test", f.clock, new Random(3), faulty, FaultPoint.NONE);
        return LatSession.run(d, TestDeck.of(f.election), LatRecord.Kind.PRE_ELECTION, notice(f), f.root.resolve("lat"), f.clock)
                .orThrow();
    }

    @Test
    void swappedCandidatePositionsAreCaughtAndNamed() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN, true);
        LatSession.Result r = runFaulty(f, swapped("cc-president"));
        assertThat(r.record().passed()).isFalse();
        long hb = expectedVotes(f, "cc-president", "cs-president-hb");
        long gb = expectedVotes(f, "cc-president", "cs-president-gb");
        assertThat(r.record().mismatches()).containsExactly(
                new LatRecord.Mismatch("cc-president", "cs-president-hb", hb, gb),
                new LatRecord.Mismatch("cc-president", "cs-president-gb", gb, hb));
        assertThat(Files.readString(r.recordFile())).contains("\"passed\" : false", "\"contest\" : \"cc-president\"");
        assertThat(PdfText.of(r.certificate())).contains("FAILED", "cc-president / cs-president-hb: expected " + hb + ", found " + gb);
        // A failed test leaves the device in test mode: it cannot go on to official mode by itself.
        assertThat(f.reopen().state()).isEqualTo(new DeviceState.PollsClosed(Mode.TEST));
    }

    @Test
    void aDroppedContestIsCaught() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN, true);
        LatSession.Result r = runFaulty(f, dropping("bm-proposal-1"));
        assertThat(r.record().passed()).isFalse();
        assertThat(r.record().mismatches()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.contest()).isEqualTo("bm-proposal-1");
            assertThat(m.found()).isZero();
            assertThat(m.expected()).isPositive();
        });
    }

    @Test
    void aDeviceLoadedWithAnotherElectionIsCaught() throws Exception {
        Fixture f = Fixture.create(dir, DeviceKind.BALLOT_MARKING_DEVICE);
        // The same election with two candidates printed in the other order: every id is the same.
        List<Contest> contests = new ArrayList<>(f.election.contests());
        Contest.CandidateContest president = (Contest.CandidateContest) contests.get(1);
        assertThat(president.id().value()).isEqualTo("cc-president");
        List<org.bulwark.model.ContestSelection> reordered = new ArrayList<>(president.selections());
        java.util.Collections.swap(reordered, 0, 1);
        contests.set(1, new Contest.CandidateContest(president.id(), president.name(), president.district(), president.votesAllowed(),
                reordered, president.primaryParties(), president.ranks()));
        Election other = new Election(f.election.id(), f.election.title(), f.election.date(), f.election.type(), f.election.state(),
                f.election.scope(), f.election.gpUnits(), f.election.parties(), f.election.candidates(), contests,
                f.election.ballotStyles(), f.election.countingGroups());
        f.electionPackage(f.usb.resolve("election.zip"), other, List.of(SoftwareFingerprint.ofRunningDevice()), Optional.empty(),
                f.authority);
        PrecinctDevice d = f.loaded();
        LatSession.Result r = LatSession.run(d, TestDeck.of(f.election), LatRecord.Kind.PRE_ELECTION, notice(f),
                f.root.resolve("lat"), f.clock).orThrow();
        assertThat(r.record().passed()).isFalse();
        assertThat(r.record().mismatches()).contains(new LatRecord.Mismatch("(election)", "(fingerprint)", 1, 0));
        assertThat(r.warnings()).anyMatch(w -> w.contains("but the deck was made for election"));
    }

    @Test
    void thePostElectionReTestRunsTheSameDeckAfterOfficialResults() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.SCANNER, DeviceSettings.ScannerOvervotes.ACCEPT, true);
        PrecinctDevice d = f.loaded();
        TestDeck deck = TestDeck.of(f.election);
        LatSession.run(d, deck, LatRecord.Kind.PRE_ELECTION, notice(f), f.root.resolve("pre"), f.clock).orThrow();
        f.readiness("SN-0001", d.electionFingerprint().orElseThrow(), true, f.authority);
        d.openPolls(Fixture.opening(Optional.of(f.usb))).orThrow();
        d.cast(PrecinctDeviceTest.presidentAnd("cs-president-hb", "cs-county-assessor-db", "cs-county-assessor-me")).orThrow();
        d.closePolls("Ann Poll").orThrow();
        assertThat(LatSession.run(d, deck, LatRecord.Kind.POST_ELECTION, notice(f), f.root.resolve("post"), f.clock))
                .isInstanceOfSatisfying(Outcome.Refused.class, x -> assertThat(x.reason()).contains("configured in test mode"));
        d.exportResults(f.root.resolve("out"), f.deviceKey, "Ann Poll").orThrow();
        d.enterTestMode("Chief Judge").orThrow();
        LatSession.Result post = LatSession.run(d, deck, LatRecord.Kind.POST_ELECTION, notice(f), f.root.resolve("post"), f.clock)
                .orThrow();
        assertThat(post.record().passed()).isTrue();
        assertThat(post.record().kind()).isEqualTo(LatRecord.Kind.POST_ELECTION);
        assertThat(d.state()).isEqualTo(new DeviceState.PollsClosed(Mode.TEST));
    }

    @Test
    void dateNoticeAndObserversAreWarnedAbout() throws Exception {
        Election e = Fixture.create(dir, DeviceKind.SCANNER).election;
        LatSession.Notice late = new LatSession.Notice(Fixture.NOW.minus(Duration.ofHours(20)),
                List.of(new LatSession.Observer("A", "Libertarian"), new LatSession.Observer("B", "Republican")));
        assertThat(LatSession.warnings(e, e.date().minusDays(20), late, Fixture.NOW)).containsExactly(
                "the test date 2000-10-18 is not within the 14 days before election day 2000-11-07 (a post-election re-test excepted)",
                "public notice was given less than 48 hours before the test (2000-10-31T19:00:00Z)",
                "no observer of the Democratic party attended");
    }

    private static long expectedVotes(Fixture f, String contest, String selection) {
        return TestDeck.of(f.election).expected(ElectionIndex.of(f.election), false).votes().get(new ContestId(contest))
                .get(new SelectionId(selection));
    }
}
