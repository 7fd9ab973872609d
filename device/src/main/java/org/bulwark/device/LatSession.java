package org.bulwark.device;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.ContestId;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.tally.rcv.RankTable;

/**
 * A public logic and accuracy test of one device (RSMo 115.233 and 115.479; 15 CSR 30-10.140): the
 * deck is cast on the device in test mode, the polls are closed, and the device's results report is
 * compared with the deck's expected tally, contest by contest and selection by selection. The test
 * passes only on an exact match. After a passed pre-election test the device is zeroed and put in
 * official mode, so test ballots never reach official results.
 */
public final class LatSession {
    /** Major parties, at least one observer of each must attend (RSMo 115.233: bipartisan testing). */
    public static final List<String> MAJOR_PARTIES = List.of("Democratic", "Republican");

    private LatSession() {}

    /** An observer of the test and the party they represent. */
    public record Observer(String name, String party) {}

    /** The public notice of the test and who came: the first two observers act as the test board. */
    public record Notice(Instant noticeGiven, List<Observer> observers) {
        public Notice {
            observers = List.copyOf(observers);
        }
    }

    /** The outcome: the record (lat-record.json), the certificate PDF, and warnings about the date, notice and observers. */
    public record Result(LatRecord record, Path recordFile, Path certificate, List<String> warnings) {}

    /**
     * Runs the deck through the device, which must be configured in test mode, and writes
     * lat-record.json and lat-certificate.pdf into {@code out} (and the card's reports).
     *
     * @param official the election official who puts the device in official mode after a passed
     *     pre-election test; without one (or with a refused one) it is zeroed and stays in test mode, with a warning
     */
    public static Outcome<Result> run(PrecinctDevice device, TestDeck deck, LatRecord.Kind kind, Notice notice,
            Optional<Credential> official, Path out, Clock clock) throws IOException {
        if (!(device.state() instanceof DeviceState.Configured c) || c.mode() != Mode.TEST) {
            return new Outcome.Refused<>("An L&A test needs the device configured in test mode; it is in state '"
                    + device.state().words() + "'" + (device.state().loadedMode().equals(Optional.of(Mode.OFFICIAL))
                            ? " (after official results are exported, enter-test-mode first)" : ""));
        }
        if (notice.observers().size() < 2) {
            return new Outcome.Refused<>("An L&A test needs at least two observers (the test board)");
        }
        Election election = device.election().orElseThrow();
        ElectionIndex index = ElectionIndex.of(election);
        LocalDate today = LocalDate.now(clock);
        List<String> warnings = warnings(election, today, notice, clock.instant());
        String board1 = notice.observers().get(0).name();
        String board2 = notice.observers().get(1).name();
        Outcome<Path> opened = device.openPolls(new PrecinctDevice.OpenPolls(List.of("L&A test - no seals"), board1, board2,
                Optional.empty(), Optional.empty()));
        if (opened instanceof Outcome.Refused<Path> r) {
            return new Outcome.Refused<>(r.reason());
        }
        List<LatRecord.Mismatch> mismatches = new ArrayList<>();
        if (!deck.electionFingerprint().equals(device.electionFingerprint().orElseThrow())) {
            warnings.add("the device holds election " + device.electionFingerprint().orElseThrow().substring(0, 7)
                    + " but the deck was made for election " + deck.electionFingerprint().substring(0, 7));
            mismatches.add(new LatRecord.Mismatch("(election)", "(fingerprint)", 1, 0));
        }
        long refused = 0;
        long unexpectedRefusals = 0;
        for (TestDeck.DeckBallot b : deck.ballots()) {
            if (device.cast(b.ballot()) instanceof Outcome.Refused<PrecinctDevice.Cast>) {
                refused++;
                if (!b.overvoted()) {
                    unexpectedRefusals++;
                }
            }
        }
        device.closePolls(board1).orThrow();
        boolean accepts = device.identity().kind() == DeviceKind.SCANNER
                && device.settings().scannerOvervotes() == DeviceSettings.ScannerOvervotes.ACCEPT;
        TestDeck.Expected expected = deck.expected(ElectionIndex.of(election), accepts);
        if (unexpectedRefusals > 0) {
            mismatches.add(new LatRecord.Mismatch("(deck)", "ballots refused", 0, unexpectedRefusals));
        }
        mismatches.addAll(compare(expected, device.results()));
        mismatches.addAll(compareRanked(expected, device.rankedChoices()));
        boolean passed = mismatches.isEmpty();
        LatRecord record = new LatRecord(kind, device.identity().serial(), device.identity().model(),
                new Fingerprint(device.identity().softwareFingerprint()),
                new Fingerprint("sha256:" + device.electionFingerprint().orElseThrow()), today, passed,
                mismatches);
        Path recordFile = out.resolve(LatRecord.FILE);
        Path certificate = out.resolve("lat-certificate.pdf");
        Card.write(recordFile, record.bytes());
        byte[] pdf = DeviceReports.latCertificate(index, record, notice, warnings, device.identity(), deck.ballots().size(), refused, clock);
        Card.write(certificate, pdf);
        Card.write(device.card().resolve(Card.REPORTS).resolve(kind.word() + "-lat-certificate.pdf"), pdf);
        if (passed && kind == LatRecord.Kind.PRE_ELECTION) {
            // Official mode is an election official's step (their role checked on the device); without one the
            // test ballots are still set aside, and the device waits in test mode.
            Outcome<DeviceState> change = official.isPresent() ? device.enterOfficialMode(official.get())
                    : new Outcome.Refused<>("no election official gave their PIN");
            if (change instanceof Outcome.Refused<DeviceState> r) {
                device.zeroTestBallots(board1).orThrow();
                warnings.add("the device stays in test mode (" + r.reason() + "): an election official must put it in official mode");
            }
        }
        return Outcome.done(new Result(record, recordFile, certificate, warnings));
    }

    /** Every count the expected tally has, compared with the device's: votes per selection, overvotes, undervotes, ballots. */
    static List<LatRecord.Mismatch> compare(TestDeck.Expected expected, ElectionResults found) {
        List<LatRecord.Mismatch> out = new ArrayList<>();
        long ballots = found.ballots().total().counted();
        if (ballots != expected.ballotsCounted()) {
            out.add(new LatRecord.Mismatch("(all contests)", "ballots", expected.ballotsCounted(), ballots));
        }
        for (Map.Entry<ContestId, Map<SelectionId, Long>> e : expected.votes().entrySet()) {
            ContestId contest = e.getKey();
            Optional<ContestCounts> counts = found.contest(contest).map(ContestResult::counts).map(b -> b.total());
            for (Map.Entry<SelectionId, Long> s : e.getValue().entrySet()) {
                long got = counts.map(c -> c.votesFor(s.getKey())).orElse(0L);
                if (got != s.getValue()) {
                    out.add(new LatRecord.Mismatch(contest.value(), s.getKey().value(), s.getValue(), got));
                }
            }
            long over = counts.map(ContestCounts::overvotes).orElse(0L);
            if (over != expected.overvotes().get(contest)) {
                out.add(new LatRecord.Mismatch(contest.value(), "overvotes", expected.overvotes().get(contest), over));
            }
            long under = counts.map(ContestCounts::undervotes).orElse(0L);
            if (under != expected.undervotes().get(contest)) {
                out.add(new LatRecord.Mismatch(contest.value(), "undervotes", expected.undervotes().get(contest), under));
            }
        }
        return out;
    }

    /**
     * Every ranked-choice count the expected tally has, compared with the device's candidate x rank
     * tables: the ballots ranking each selection at each rank ("SELECTION at rank R"), then its first
     * choices ("SELECTION first choices"). A contest the device leaves out is found at zero.
     */
    static List<LatRecord.Mismatch> compareRanked(TestDeck.Expected expected, List<RankTable> found) {
        List<LatRecord.Mismatch> out = new ArrayList<>();
        for (Map.Entry<ContestId, Map<SelectionId, List<Long>>> e : expected.rankings().entrySet()) {
            Optional<RankTable> table = found.stream().filter(t -> t.contest().equals(e.getKey())).findFirst();
            for (Map.Entry<SelectionId, List<Long>> s : e.getValue().entrySet()) {
                List<Long> got = table.map(t -> t.byRank().getOrDefault(s.getKey(), List.of())).orElse(List.of());
                for (int r = 0; r < s.getValue().size(); r++) {
                    long f = r < got.size() ? got.get(r) : 0;
                    if (f != s.getValue().get(r)) {
                        out.add(new LatRecord.Mismatch(e.getKey().value(), s.getKey().value() + " at rank " + (r + 1), s.getValue().get(r), f));
                    }
                }
                long first = expected.firstChoices().get(e.getKey()).get(s.getKey());
                long f = table.map(t -> t.firstChoices().getOrDefault(s.getKey(), 0L)).orElse(0L);
                if (f != first) {
                    out.add(new LatRecord.Mismatch(e.getKey().value(), s.getKey().value() + " first choices", first, f));
                }
            }
        }
        return out;
    }

    /** The date, notice and observer rules; breaking them is a warning on the certificate, not a failed count. */
    static List<String> warnings(Election election, LocalDate testDate, Notice notice, Instant start) {
        List<String> w = new ArrayList<>();
        LocalDate electionDay = election.date();
        if (testDate.isAfter(electionDay) || testDate.isBefore(electionDay.minusDays(14))) {
            w.add("the test date " + testDate + " is not within the 14 days before election day " + electionDay
                    + " (a post-election re-test excepted)");
        }
        if (Duration.between(notice.noticeGiven(), start).compareTo(Duration.ofHours(48)) < 0) {
            w.add("public notice was given less than 48 hours before the test (" + notice.noticeGiven() + ")");
        }
        for (String party : MAJOR_PARTIES) {
            if (notice.observers().stream().noneMatch(o -> o.party().toLowerCase().contains(party.toLowerCase()))) {
                w.add("no observer of the " + party + " party attended");
            }
        }
        return w;
    }
}
