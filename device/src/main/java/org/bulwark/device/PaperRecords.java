package org.bulwark.device;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrFormat;
import org.bulwark.formats.cvr.CvrReportWriter;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.ValidationIssue;

/**
 * Reading paper records back (docs/device.md, "Reading paper back"): the public entry point for
 * audit boards and central count, who compare the paper with the electronic records. A PDF of a
 * paper record gives up its QR code straight from the page's images; a scanned PDF is rendered and
 * searched; a PNG (or JPEG) scan goes straight to the QR reader.
 */
public final class PaperRecords {
    /** Larger files are no paper record: refused before they are read. */
    static final long MAX_FILE_BYTES = 50L << 20;
    /** Enough to read a 1.6 inch code on a scanned Letter page. */
    private static final float RENDER_DPI = 150;

    private PaperRecords() {}

    /** The record in a PNG or PDF file; BadInputException names the file when it holds no readable record. */
    public static PaperRecord read(Path file) throws IOException {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, "file", "no such file");
        }
        if (size > MAX_FILE_BYTES) {
            throw new BadInputException(name, "file", "is " + size + " bytes; a paper record is at most " + MAX_FILE_BYTES);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        String text = startsWith(head, "%PDF-") ? fromPdf(file, name) : fromImage(file, name);
        return PaperRecord.decode(text, name);
    }

    private static String fromPdf(Path file, String name) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            if (doc.getNumberOfPages() == 0) {
                throw new BadInputException(name, "page 1", "the PDF has no pages");
            }
            // Fast path: the code as the device drew it, an image on the first page.
            PDResources resources = doc.getPage(0).getResources();
            if (resources != null) {
                for (COSName n : resources.getXObjectNames()) {
                    PDXObject x = resources.getXObject(n);
                    if (x instanceof PDImageXObject image && image.getWidth() <= 400 && image.getHeight() <= 400) {
                        Optional<String> text = QrCodes.read(image.getImage(), true);
                        if (text.isPresent()) {
                            return text.get();
                        }
                    }
                }
            }
            // A scanned page: render it as a scanner would have seen it, and search.
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, RENDER_DPI, ImageType.GRAY);
            return QrCodes.read(page, false)
                    .orElseThrow(() -> new BadInputException(name, "page 1", "no readable QR code was found on the page"));
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // PDFBox reports a damaged file in many ways; each is the same thing to the person holding it.
            throw new BadInputException(name, "file", "cannot be read as a PDF: " + e.getMessage(), e);
        }
    }

    private static String fromImage(Path file, String name) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name, "file", "cannot be read as an image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new BadInputException(name, "file", "is neither a PDF nor an image this reader knows (PNG, JPEG, GIF, BMP)");
        }
        if ((long) image.getWidth() * image.getHeight() > 60_000_000L) {
            throw new BadInputException(name, "file", "the image is " + image.getWidth() + " x " + image.getHeight() + " pixels: too large for a page");
        }
        return QrCodes.read(image, false).orElseThrow(() -> new BadInputException(name, "image", "no readable QR code was found"));
    }

    /**
     * The cast vote record a paper record stands for, in the terms of {@code index}'s election:
     * refused (BadInputException naming the file) when the record is of another election, or names
     * positions or a precinct the ballot style does not have. The mode is the caller's to compare.
     */
    public static CastVoteRecord cvr(PaperRecord record, ElectionIndex index, String file) {
        String fingerprint = ElectionFingerprint.of(index.election()).sha256();
        Ballot ballot = record.ballot(index, fingerprint, file);
        BallotRules rules = new BallotRules(index);
        List<ValidationIssue> problems = rules.problems(ballot);
        if (!problems.isEmpty()) {
            throw new BadInputException(file, "QR code " + problems.get(0).path(), problems.get(0).message());
        }
        return rules.cvr(ballot, record.ballotId(), record.deviceSerial());
    }

    /** CVRs as a NIST SP 1500-103 JSON report, in the order given; {@code out} is left open. */
    public static void writeCvrJson(ElectionIndex index, List<CastVoteRecord> cvrs, String reportingDevice,
            OffsetDateTime generated, OutputStream out) throws IOException {
        try (CvrReportWriter w = CvrFiles.writer(out, CvrFormat.JSON, index.election(), reportingDevice, generated)) {
            for (CastVoteRecord c : cvrs) {
                w.write(c);
            }
        }
        out.flush();
    }

    private static boolean startsWith(byte[] head, String magic) {
        if (head.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (head[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
