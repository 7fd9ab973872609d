package org.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Candidate;
import org.bulwark.model.CandidateId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.ElectionType;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.Breakdown;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.tally.PartialTally;
import org.bulwark.tally.Tabulator;
import org.junit.jupiter.api.Test;

class ResultsReportTest {
    private static final String FINGERPRINT = "3f9a1c27b5e04d8899aa10bb22cc33dd44ee55ff66007788990a1b2c3d4e5f60";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-04T03:15:42.5Z"), ZoneId.of("America/Chicago"));
    private static final GpUnitId COUNTY = new GpUnitId("county");
    private static final GpUnitId P1 = new GpUnitId("p1");
    private static final GpUnitId P2 = new GpUnitId("p2");

    /** Twelve contests so the report runs over several pages; the mayor's race has a name PDF fonts lack. */
    private static Election election() {
        PartyId dem = new PartyId("dem");
        PartyId rep = new PartyId("rep");
        List<Contest> contests = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>(List.of(
                new Candidate(new CandidateId("c-ann"), "Ann Nguyễn", Optional.of(dem)),
                new Candidate(new CandidateId("c-bo"), "Bo Ortiz", Optional.of(rep)),
                new Candidate(new CandidateId("c-long"), "Maximiliana Evangelina Throckmorton-Featherstonehaugh de la Cruz y Villanueva",
                        Optional.empty()),
                new Candidate(new CandidateId("c-id"), "X".repeat(120),
                        Optional.empty())));
        contests.add(new Contest.CandidateContest(new ContestId("mayor"), "Mayor of Springfield", COUNTY, 1, List.of(
                new ContestSelection.CandidateSelection(new SelectionId("ann"), List.of(new CandidateId("c-ann"))),
                new ContestSelection.CandidateSelection(new SelectionId("bo"), List.of(new CandidateId("c-bo"))),
                new ContestSelection.CandidateSelection(new SelectionId("long"), List.of(new CandidateId("c-long"))),
                new ContestSelection.CandidateSelection(new SelectionId("unbroken"), List.of(new CandidateId("c-id"))),
                new ContestSelection.WriteIn(new SelectionId("mayor-wi"))), List.of(), 0));
        for (int i = 1; i <= 10; i++) {
            contests.add(new Contest.BallotMeasureContest(new ContestId("q" + i), "Question " + i
                    + ": Shall the county issue bonds for the improvement of roads and bridges in district " + i + "?",
                    COUNTY, "", List.of(new ContestSelection.BallotMeasureSelection(new SelectionId("q" + i + "-yes"), "Yes"),
                            new ContestSelection.BallotMeasureSelection(new SelectionId("q" + i + "-no"), "No"))));
        }
        contests.add(new Contest.CandidateContest(new ContestId("council"), "City Council (ranked)", COUNTY, 1, List.of(
                new ContestSelection.CandidateSelection(new SelectionId("r-ann"), List.of(new CandidateId("c-ann")))), List.of(), 3));
        return new Election("e-2026", "Springfield General Election", LocalDate.of(2026, 11, 3), ElectionType.GENERAL, "MO",
                COUNTY,
                List.of(new GpUnit(COUNTY, "Greene County", GpUnitType.COUNTY, Optional.empty(), true, List.of(P1, P2)),
                        new GpUnit(P1, "Precinct 1 North", GpUnitType.PRECINCT, Optional.empty(), false, List.of()),
                        new GpUnit(P2, "Precinct 2 South", GpUnitType.PRECINCT, Optional.empty(), false, List.of())),
                List.of(new Party(dem, "Democratic", "DEM"), new Party(rep, "Republican", "REP")),
                candidates, contests,
                List.of(new BallotStyle(new BallotStyleId("s1"), List.of(P1, P2), contests.stream().map(Contest::id).toList(), List.of())),
                List.of(CountingGroup.values()));
    }

    private static Mark vote(String selection, Optional<String> name) {
        return new Mark(new SelectionId(selection), 1, Indication.YES, Indication.YES, 0, name, false);
    }

    private static CastVoteRecord ballot(int n, GpUnitId unit, CountingGroup group, Mark... mayor) {
        List<CvrContest> contests = new ArrayList<>();
        contests.add(new CvrContest(new ContestId("mayor"), List.of(mayor), OptionalInt.empty(), OptionalInt.empty()));
        for (int i = 1; i <= 10; i++) {
            Mark m = vote("q" + i + (n % 3 == 0 ? "-no" : "-yes"), Optional.empty());
            contests.add(new CvrContest(new ContestId("q" + i), List.of(m), OptionalInt.empty(), OptionalInt.empty()));
        }
        return new CastVoteRecord("b" + n, new BallotStyleId("s1"), unit, List.of(), Optional.of("scanner"), Optional.of("1"),
                group, List.of(), contests);
    }

    /** 7 ballots: Ann 3, Bo 1, write-in 1 (Zed), 1 overvote, 1 undervote; questions 5 yes, 2 no. */
    private static ElectionResults results(Election election) {
        PartialTally tally = Tabulator.of(ElectionIndex.of(election)).newPartial();
        tally.add(ballot(1, P1, CountingGroup.ELECTION_DAY, vote("ann", Optional.empty())));
        tally.add(ballot(2, P1, CountingGroup.ELECTION_DAY, vote("ann", Optional.empty())));
        tally.add(ballot(3, P1, CountingGroup.ABSENTEE, vote("ann", Optional.empty())));
        tally.add(ballot(4, P2, CountingGroup.ELECTION_DAY, vote("bo", Optional.empty())));
        tally.add(ballot(5, P2, CountingGroup.ELECTION_DAY, vote("mayor-wi", Optional.of("Zed Zebra"))));
        tally.add(ballot(6, P2, CountingGroup.ABSENTEE, vote("ann", Optional.empty()), vote("bo", Optional.empty())));
        tally.add(ballot(7, P2, CountingGroup.ELECTION_DAY));
        return tally.results();
    }

    private static byte[] pdf(ElectionResults results, boolean test) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsReport.write(ElectionIndex.of(election()), results,
                new ResultsReportInfo("Unofficial Results", FINGERPRINT, "0.1.0", test), CLOCK, out);
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void reportShowsElectionFingerprintVersionTimeAndEveryCount() throws IOException {
        byte[] pdf = pdf(results(election()), false);
        String text = text(pdf);
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
            assertThat(doc.getDocumentInformation().getSubject()).isEqualTo("Election fingerprint " + FINGERPRINT);
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(text).contains(
                "Unofficial Results",
                "Springfield General Election",
                "Election date: Tuesday, November 3, 2026",
                "Jurisdiction: Greene County",
                "Election fingerprint: 3f9a1c2",
                FINGERPRINT,
                "Software: Bulwark 0.1.0",
                "Printed: 2026-11-03 21:15:42 -06:00 (America/Chicago)",
                "Ballots counted: 7",
                "Precinct 1 North 3",
                "Precinct 2 South 4",
                "election-day 5",
                "absentee 2",
                "Every contest reconciles");
        // Mayor: Ann 3 of 5 votes = 60%; the font has no "ễ", so it prints as "?".
        assertThat(text).contains("Mayor of Springfield", "Vote for 1",
                "Ann Nguy?n (DEM) 3 60.00%", "Bo Ortiz (REP) 1 20.00%", "Write-in 1 20.00%", "Total votes 5",
                "Zed Zebra 1", "Overvotes 1",
                "Maximiliana Evangelina Throckmorton-Featherstonehaugh de la Cruz y\nVillanueva 0 0.00%", "Undervotes 1", "Ballots cast 7", "Reconciliation Balanced");
        assertThat(text).contains("Question 10: Shall the county issue bonds", "Yes 5 71.43%", "No 2 28.57%");
        assertThat(text).contains("Contests not tabulated in this report", "City Council (ranked): ranked-choice contest");
        assertThat(text).contains("Certification of the canvass board", "Signature, canvass board member 4", "Printed name and party");
        assertThat(text).contains("Page 1 of " + pages, "Page " + pages + " of " + pages, "election fingerprint 3f9a1c2");
        assertThat(text).doesNotContain("TEST BALLOTS");
    }

    @Test
    void aNameWithoutSpacesLongerThanItsColumnIsCutOntoSeveralLines() throws IOException {
        String text = text(pdf(results(election()), false));
        assertThat(text).doesNotContain("X".repeat(120));
        assertThat(text.replaceAll("[\\r\\n]", "")).contains("X".repeat(120) + " 0 0.00%");
    }

    @Test
    void testBallotsAreAnnouncedOnEveryPage() throws IOException {
        byte[] pdf = pdf(results(election()), true);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(doc)).as("page %d", page).contains("TEST BALLOTS - NOT OFFICIAL RESULTS");
            }
        }
    }

    @Test
    void aContestThatDoesNotReconcileIsFlagged() throws IOException {
        Election election = election();
        ElectionResults good = results(election);
        ContestResult mayor = good.contest(new ContestId("mayor")).orElseThrow();
        ContestCounts t = mayor.counts().total();
        ContestCounts lost = new ContestCounts(t.votes(), t.overvotes(), t.undervotes() - 1, t.ballotsCast(), t.blankBallots(),
                t.writeInVotes(), t.writeInNames());
        Breakdown<ContestCounts> b = mayor.counts();
        List<ContestResult> contests = new ArrayList<>(good.contests());
        contests.set(0, new ContestResult(mayor.contest(), 1,
                new Breakdown<>(lost, b.byUnit(), b.byBallotStyle(), b.byCountingGroup(), b.byDevice(), b.byBatch())));
        ElectionResults bad = new ElectionResults(good.electionId(), good.scope(), good.ballots(), contests, good.notTabulated());

        String text = text(pdf(bad, false));
        assertThat(text).contains("1 checks do NOT reconcile",
                "contest mayor, election scope county: 7 ballots x 1 votes allowed = 7, but votes 5 + undervotes 0 + overvotes 1 = 6",
                "Reconciliation DOES NOT BALANCE");
    }

    @Test
    void refusesResultsOfAnotherElection() {
        ElectionResults other = new ElectionResults("other", COUNTY,
                new Breakdown<>(new BallotCounts(0, 0, 0), Map.of(), Map.of(), Map.of(), Map.of(), Map.of()), List.of(), List.of());
        assertThatThrownBy(() -> ResultsReport.write(ElectionIndex.of(election()), other,
                new ResultsReportInfo("t", FINGERPRINT, "v", false), CLOCK, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("results of election other");
    }

    @Test
    void firstPageRendersToAnImage() throws IOException {
        byte[] pdf = pdf(results(election()), false);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 100);
            assertThat(image.getWidth()).isBetween(849, 851); // 8.5 in at 100 dpi
            int dark = 0;
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    dark += (image.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
                }
            }
            assertThat(dark).as("dark pixels: text was drawn").isGreaterThan(2000);
            // Kept under target/ for a person to look at; never committed.
            Path out = Path.of("target", "results-report-page-1.png");
            Files.createDirectories(out.getParent());
            ImageIO.write(image, "png", out.toFile());
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 100), "png",
                    Path.of("target", "results-report-last-page.png").toFile());
        }
    }
}
