package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperReadBackTest {
    @TempDir(factory = MemoryCards.class)
    static Path dir;

    static Fixture f;
    static PrecinctDevice.Cast cast;
    static ElectionIndex index;

    @BeforeAll
    static void castOneBallot() throws Exception {
        f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.officialOpen();
        Ballot b = new Ballot(new BallotStyleId("Precinct 1"), new GpUnitId("cp-1-4-5-6"), List.of(
                new Ballot.ContestVote(new ContestId("cc-president"), List.of(Ballot.Pick.of(new SelectionId("cs-president-ag")))),
                new Ballot.ContestVote(new ContestId("bm-proposal-1"), List.of(Ballot.Pick.of(
                        f.election.contests().stream().filter(c -> c.id().value().equals("bm-proposal-1")).findFirst().orElseThrow()
                                .selections().get(1).id()))),
                new Ballot.ContestVote(new ContestId("cc-dog-catcher"), List.of(new Ballot.Pick(new SelectionId("cs-dog-catcher-wi"), 0,
                        Optional.of("Zoë O'Brien; \"Spot\" = 100%"))))));
        cast = d.cast(b).orThrow();
        index = ElectionIndex.of(f.election);
    }

    @Test
    void aPaperRecordPdfGivesBackExactlyTheCvrTheDeviceStored() throws Exception {
        PaperRecord r = PaperRecords.read(cast.paperRecord());
        assertThat(r.mode()).isEqualTo(Mode.OFFICIAL);
        assertThat(r.ballotId()).isEqualTo(cast.ballotId());
        CastVoteRecord read = PaperRecords.cvr(r, index, cast.paperRecord().toString());
        assertThat(read).isEqualTo(cast.cvr());
        assertThat(read.contests().stream().flatMap(c -> c.marks().stream()).flatMap(m -> m.writeInName().stream()))
                .containsExactly("Zoë O'Brien; \"Spot\" = 100%");
    }

    @Test
    void aPngScanAndAScannedPdfReadTheSame() throws Exception {
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(cast.paperRecord().toFile())) {
            page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.RGB);
        }
        Path png = dir.resolve("scan.png");
        ImageIO.write(page, "png", png.toFile());
        assertThat(PaperRecords.cvr(PaperRecords.read(png), index, "scan.png")).isEqualTo(cast.cvr());

        // A scanner's PDF: the whole page as one image, no QR image of its own to take out.
        Path scanned = dir.resolve("scanned.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage p = new PDPage(PDRectangle.LETTER);
            doc.addPage(p);
            try (PDPageContentStream c = new PDPageContentStream(doc, p)) {
                c.drawImage(LosslessFactory.createFromImage(doc, page), 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
            }
            doc.save(scanned.toFile());
        }
        assertThat(PaperRecords.cvr(PaperRecords.read(scanned), index, "scanned.pdf")).isEqualTo(cast.cvr());
    }

    @Test
    void aRecordOfAnotherElectionIsReported() throws Exception {
        Election other = new Election(f.election.id(), f.election.title() + " (reprinted)", f.election.date(), f.election.type(),
                f.election.state(), f.election.scope(), f.election.gpUnits(), f.election.parties(), f.election.candidates(),
                f.election.contests(), f.election.ballotStyles(), f.election.countingGroups());
        PaperRecord r = PaperRecords.read(cast.paperRecord());
        assertThatThrownBy(() -> PaperRecords.cvr(r, ElectionIndex.of(other), "p.pdf"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("p.pdf: QR code field 2: the paper record is for election " + r.electionFingerprint().substring(0, 7));
    }

    /** Mutated paper records (PDF and PNG): read, or refused with BadInputException naming the file; nothing else. */
    @Test
    void mutatedPaperRecordsAreReadOrRefused() throws Exception {
        byte[] pdf = Files.readAllBytes(cast.paperRecord());
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(doc).renderImageWithDPI(0, 72, ImageType.GRAY);
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(page, "png", png);
        byte[][] tokens = {"obj".getBytes(), "endobj".getBytes(), "stream".getBytes(), "/Length 999999".getBytes(), "<<".getBytes(),
            ">>".getBytes(), "IDAT".getBytes(), "IEND".getBytes()};
        java.util.Random random = new java.util.Random(20261103);
        for (int i = 0; i < 40; i++) {
            byte[] seed = i % 2 == 0 ? pdf : png.toByteArray();
            Path f = dir.resolve("mutated-" + i + (i % 2 == 0 ? ".pdf" : ".png"));
            Files.write(f, org.bulwark.formats.ByteMutations.mutate(seed, random, tokens, 512));
            try {
                PaperRecords.read(f);
            } catch (BadInputException expected) {
                assertThat(expected.file()).isEqualTo(f.toString());
            }
        }
    }

    @Test
    void filesWithoutARecordAreNamedWithTheProblem() throws Exception {
        Path text = Files.writeString(dir.resolve("note.png"), "not an image");
        assertThatThrownBy(() -> PaperRecords.read(text)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("note.png: file: is neither a PDF nor an image");
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        assertThatThrownBy(() -> PaperRecords.read(blank)).hasMessageContaining("blank.png: image: no readable QR code was found");
        Path truncated = dir.resolve("truncated.pdf");
        byte[] pdf = Files.readAllBytes(cast.paperRecord());
        Files.write(truncated, java.util.Arrays.copyOf(pdf, 200));
        assertThatThrownBy(() -> PaperRecords.read(truncated)).isInstanceOf(BadInputException.class).hasMessageContaining("truncated.pdf");
        assertThatThrownBy(() -> PaperRecords.read(dir.resolve("missing.pdf"))).hasMessageContaining("missing.pdf: file: no such file");
    }
}
