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
import org.bulwark.tally.rcv.RankTable;
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
            LatSession.Result r = LatSession.run(d, TestDeck.of(f.election), LatRecord.Kind.PRE_ELECTION, notice(f), Optional.of(Fixture.CHIEF),
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

    @Test
    void withoutAnElectionOfficialAPassedDeviceIsZeroedButStaysInTestMode() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN, true);
        PrecinctDevice d = f.loaded();
        LatSession.Result r = LatSession.run(d, TestDeck.of(f.election), LatRecord.Kind.PRE_ELECTION, notice(f),
                Optional.of(Fixture.POLL_WORKER), f.root.resolve("lat"), f.clock).orThrow();
        assertThat(r.record().passed()).isTrue();
        assertThat(r.warnings()).anyMatch(w -> w.contains("stays in test mode") && w.contains("Ann Poll is listed as a poll-worker"));
        assertThat(d.state()).isEqualTo(new DeviceState.Configured(Mode.TEST));
        assertThat(d.ballotsCast()).isZero();
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
        return LatSession.run(d, TestDeck.of(f.election), LatRecord.Kind.PRE_ELECTION, notice(f), Optional.of(Fixture.CHIEF), f.root.resolve("lat"), f.clock)
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
        LatSession.Result r = LatSession.run(d, TestDeck.of(f.election), LatRecord.Kind.PRE_ELECTION, notice(f), Optional.of(Fixture.CHIEF),
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
        LatSession.run(d, deck, LatRecord.Kind.PRE_ELECTION, notice(f), Optional.of(Fixture.CHIEF), f.root.resolve("pre"), f.clock).orThrow();
        f.readiness("SN-0001", d.electionFingerprint().orElseThrow(), true, f.authority);
        d.openPolls(Fixture.opening(Optional.of(f.usb))).orThrow();
        d.cast(PrecinctDeviceTest.presidentAnd("cs-president-hb", "cs-county-assessor-db", "cs-county-assessor-me")).orThrow();
        d.closePolls("Ann Poll").orThrow();
        assertThat(LatSession.run(d, deck, LatRecord.Kind.POST_ELECTION, notice(f), Optional.of(Fixture.CHIEF), f.root.resolve("post"), f.clock))
                .isInstanceOfSatisfying(Outcome.Refused.class, x -> assertThat(x.reason()).contains("configured in test mode"));
        d.exportResults(f.root.resolve("out"), f.deviceKey, "Ann Poll").orThrow();
        d.enterTestMode(Fixture.CHIEF).orThrow();
        LatSession.Result post = LatSession.run(d, deck, LatRecord.Kind.POST_ELECTION, notice(f), Optional.of(Fixture.CHIEF), f.root.resolve("post"), f.clock)
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

    @Test
    void theDeckGivesEverySelectionADifferentCountAtEveryRankAndASoundDevicePasses() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN, Fixture::rankedPresident);
        TestDeck deck = TestDeck.of(f.election);
        Map<SelectionId, List<Long>> table = deck.expected(ElectionIndex.of(f.election), false).rankings().get(PRESIDENT);
        assertThat(table).hasSize(4);
        for (int r = 0; r < 3; r++) {
            int rank = r;
            assertThat(table.values().stream().map(counts -> counts.get(rank)).toList()).as("rank " + (r + 1))
                    .doesNotHaveDuplicates().doesNotContain(0L);
        }
        PrecinctDevice d = f.loaded();
        LatSession.Result r = LatSession.run(d, deck, LatRecord.Kind.PRE_ELECTION, notice(f), Optional.of(Fixture.CHIEF), f.root.resolve("lat"), f.clock).orThrow();
        assertThat(r.record().mismatches()).isEmpty();
        assertThat(r.record().passed()).isTrue();
    }

    @Test
    void theTapeAndTheResultsPackageShowFirstChoicesAndTheCandidateByRankTable() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN, Fixture::rankedPresident);
        PrecinctDevice d = f.loaded();
        d.openPolls(Fixture.opening(Optional.empty())).orThrow();
        d.cast(ranked("cs-president-gb", "cs-president-hb")).orThrow();
        d.cast(ranked("cs-president-gb", "cs-president-ag")).orThrow();
        d.cast(ranked("cs-president-ag")).orThrow();
        d.cast(new Ballot(new org.bulwark.model.BallotStyleId("Precinct 1"), new org.bulwark.model.GpUnitId("cp-1-4-5-6"), List.of()))
                .orThrow();
        RankTable t = d.rankedChoices().get(0);
        assertThat(t.ballots()).isEqualTo(4);
        assertThat(t.firstChoices().get(new SelectionId("cs-president-gb"))).isEqualTo(2);
        assertThat(t.byRank().get(new SelectionId("cs-president-ag"))).containsExactly(1L, 1L, 0L);
        assertThat(t.byRank().get(new SelectionId("cs-president-hb"))).containsExactly(0L, 1L, 0L);
        assertThat(t.noFirstChoice()).isEqualTo(1);
        String tape = PdfText.of(d.closePolls("Ann Poll").orThrow());
        assertThat(tape).contains("(ranked choice)", "1st choices", "Rank 3", "central count, not by this device",
                "Ballots with no first choice");
        Path pkg = d.exportResults(f.root.resolve("out"), f.deviceKey, "Ann Poll").orThrow();
        try (var zip = new java.util.zip.ZipFile(pkg.toFile())) {
            String json = new String(zip.getInputStream(zip.getEntry(PrecinctDevice.RANKED_CHOICES)).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).contains("\"format\" : \"bulwark-ranked-choices\"", "\"contest\" : \"cc-president\"",
                    "\"selection\" : \"cs-president-gb\"", "\"firstChoices\" : 2");
        }
    }

    /** gen-01 cut to the ranked presidential contest alone: its overvoted deck ballot has two first choices. */
    static Election rankedOnly(Election full) {
        Election e = Fixture.rankedPresident(full);
        var style = e.ballotStyles().get(0);
        return new Election(e.id(), e.title(), e.date(), e.type(), e.state(), e.scope(), e.gpUnits(), e.parties(), e.candidates(),
                e.contests().stream().filter(c -> c.id().equals(PRESIDENT)).toList(),
                List.of(new org.bulwark.model.BallotStyle(style.id(), style.gpUnits(), List.of(PRESIDENT), style.parties())),
                e.countingGroups());
    }

    @Test
    void aStyleWithOnlyARankedContestIsOvervotedWithTwoFirstChoicesAndBothKindsOfDevicePass() throws Exception {
        for (DeviceKind kind : DeviceKind.values()) {
            Fixture f = Fixture.ready(dir.resolve(kind.word()), kind, DeviceSettings.ScannerOvervotes.ACCEPT, LatSessionTest::rankedOnly);
            TestDeck deck = TestDeck.of(f.election);
            assertThat(deck.ballots().stream().filter(TestDeck.DeckBallot::overvoted)).singleElement().satisfies(b ->
                    assertThat(b.ballot().contests().get(0).picks()).extracting(Ballot.Pick::rank).containsExactly(1, 1));
            LatSession.Result r = LatSession.run(f.loaded(), deck, LatRecord.Kind.PRE_ELECTION, notice(f), Optional.of(Fixture.CHIEF),
                    f.root.resolve("lat"), f.clock).orThrow();
            assertThat(r.record().mismatches()).as(kind.word()).isEmpty();
        }
    }

    private static Ballot ranked(String... inOrder) {
        List<Ballot.Pick> picks = new ArrayList<>();
        for (int i = 0; i < inOrder.length; i++) {
            picks.add(new Ballot.Pick(new SelectionId(inOrder[i]), i + 1, Optional.empty()));
        }
        return new Ballot(new org.bulwark.model.BallotStyleId("Precinct 1"), new org.bulwark.model.GpUnitId("cp-1-4-5-6"),
                List.of(new Ballot.ContestVote(PRESIDENT, picks)));
    }

    /** The device's candidate x rank table has two candidates swapped at rank 2 (and so also wrong totals nowhere else). */
    static Tabulation swappedAtRank2() {
        return new Tabulation() {
            @Override
            public ElectionResults count(ElectionIndex index, List<CastVoteRecord> cvrs) {
                return Tabulation.STANDARD.count(index, cvrs);
            }

            @Override
            public List<RankTable> ranks(ElectionIndex index, List<CastVoteRecord> cvrs) {
                List<RankTable> out = new ArrayList<>();
                for (RankTable t : Tabulation.STANDARD.ranks(index, cvrs)) {
                    Map<SelectionId, List<Long>> byRank = new LinkedHashMap<>(t.byRank());
                    List<SelectionId> ids = new ArrayList<>(byRank.keySet());
                    List<Long> a = new ArrayList<>(byRank.get(ids.get(0)));
                    List<Long> b = new ArrayList<>(byRank.get(ids.get(1)));
                    long x = a.get(1);
                    a.set(1, b.get(1));
                    b.set(1, x);
                    byRank.put(ids.get(0), a);
                    byRank.put(ids.get(1), b);
                    out.add(new RankTable(t.contest(), t.ranks(), t.ballots(), byRank, t.firstChoices(), t.noFirstChoice(),
                            t.firstRankOvervoted()));
                }
                return out;
            }
        };
    }

    @Test
    void swappedRanksAreCaughtAndNamedWithContestCandidateRankExpectedAndFound() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN, Fixture::rankedPresident);
        LatSession.Result r = runFaulty(f, swappedAtRank2());
        Map<SelectionId, List<Long>> table = TestDeck.of(f.election).expected(ElectionIndex.of(f.election), false).rankings().get(PRESIDENT);
        long hb = table.get(new SelectionId("cs-president-hb")).get(1);
        long gb = table.get(new SelectionId("cs-president-gb")).get(1);
        assertThat(r.record().passed()).isFalse();
        assertThat(r.record().mismatches()).containsExactly(
                new LatRecord.Mismatch("cc-president", "cs-president-hb at rank 2", hb, gb),
                new LatRecord.Mismatch("cc-president", "cs-president-gb at rank 2", gb, hb));
        assertThat(PdfText.of(r.certificate())).contains("cc-president / cs-president-hb at rank 2: expected " + hb + ", found " + gb);
    }

    /** The device counts the hand marks only: straight-party votes are lost. */
    static Tabulation ignoringStraightParty() {
        return (index, cvrs) -> Tabulation.STANDARD.count(index, cvrs.stream().map(c -> new CastVoteRecord(c.ballotId(), c.ballotStyle(),
                c.ballotStyleUnit(), c.parties(), c.creatingDevice(), c.batch(), c.countingGroup(), c.ballotImages(),
                c.contests().stream().map(x -> new org.bulwark.model.CvrContest(x.contest(),
                        x.marks().stream().filter(m -> !m.generatedByRules()).toList(), x.recordedOvervotes(), x.recordedUndervotes()))
                        .toList())).toList());
    }

    @Test
    void aDeviceThatLosesStraightPartyVotesIsCaught() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN);
        LatSession.Result r = runFaulty(f, ignoringStraightParty());
        assertThat(r.record().passed()).isFalse();
        // Ed Johnson (Libertarian) gets one straight-party vote in each of the four styles.
        long ej = expectedVotes(f, "cc-senate", "cs-senate-ej");
        assertThat(r.record().mismatches()).contains(new LatRecord.Mismatch("cc-senate", "cs-senate-ej", ej, ej - 4));
        assertThat(r.record().mismatches()).noneMatch(m -> m.contest().equals("cc-dog-catcher") || m.contest().equals("spc-1"));
    }

    private static final ContestId PRESIDENT = new ContestId("cc-president");

    private static long expectedVotes(Fixture f, String contest, String selection) {
        return TestDeck.of(f.election).expected(ElectionIndex.of(f.election), false).votes().get(new ContestId(contest))
                .get(new SelectionId(selection));
    }
}
