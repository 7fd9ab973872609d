package org.bulwark.device;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * QR codes for paper records, with ZXing's core only: the code is drawn as a 1-bit image, one pixel
 * per module (the PDF scales it, crisp), and read back from any image by turning it into gray levels
 * here, without ZXing's desktop helpers.
 */
final class QrCodes {
    /** Quiet zone in modules: the 4 the QR standard asks for. */
    static final int QUIET_ZONE = 4;

    private QrCodes() {}

    /**
     * The code as an image, black modules on white, one pixel per module, with its quiet zone. The
     * device reads each code back as a scanner would (searching, not knowing where it is) before it
     * prints it: ZXing's own choice of mask pattern can, rarely, make a symbol whose finder patterns a
     * searching reader misses; then the next mask pattern is taken.
     */
    static BufferedImage draw(String text) {
        for (int mask = -1; mask < 8; mask++) {
            BufferedImage image = image(encode(text, mask));
            if (decode(new Gray(image, 4), SEARCH).filter(text::equals).isPresent()) {
                return image;
            }
        }
        throw new IllegalStateException("no mask pattern gives a readable QR code for a paper record of " + text.length() + " characters");
    }

    private static BitMatrix encode(String text, int mask) {
        Map<EncodeHintType, Object> hints = new java.util.EnumMap<>(EncodeHintType.class);
        // Level M recovers from about 15% damage: a crease or a smudge on a paper record.
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("a paper record of " + text.length() + " characters does not fit a QR code", e);
        }
    }

    private static BufferedImage image(BitMatrix m) {
        BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                image.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    /**
     * The text of the QR code in an image, if one can be read. {@code pure}: the image is exactly a
     * code as {@link #draw} makes it (taken from a PDF), read without searching; otherwise a scan or a
     * rendering, searched hard.
     */
    static Optional<String> read(BufferedImage image, boolean pure) {
        if (pure) {
            return readWhole(image, true);
        }
        // A Bulwark paper record has its code at the top right: look there first, a quarter of the work.
        Optional<String> topRight = readWhole(image.getSubimage(image.getWidth() / 2, 0, image.getWidth() / 2, image.getHeight() / 2), false);
        Optional<String> whole = topRight.isPresent() ? topRight : readWhole(image, false);
        if (whole.isPresent()) {
            return whole;
        }
        // On a full page, text can look like finder patterns, and a scan's resolution can fall badly on
        // the module size: look at each quarter of the page, at full and at two thirds of the resolution.
        for (BufferedImage scan : List.of(image, scaled(image, 2, 3))) {
            int w = scan.getWidth() / 2;
            int h = scan.getHeight() / 2;
            for (int[] corner : new int[][] {{w, 0}, {0, 0}, {0, h}, {w, h}}) {
                Optional<String> part = readWhole(scan.getSubimage(corner[0], corner[1], w, h), false);
                if (part.isPresent()) {
                    return part;
                }
            }
        }
        return Optional.empty();
    }

    private static BufferedImage scaled(BufferedImage image, int num, int den) {
        BufferedImage out = new BufferedImage(Math.max(2, image.getWidth() * num / den), Math.max(2, image.getHeight() * num / den),
                BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    private static Optional<String> readWhole(BufferedImage image, boolean pure) {
        // A pure code of one pixel per module is enlarged, so the finder patterns span several pixels.
        return decode(new Gray(image, pure ? 3 : 1), pure ? PURE : SEARCH);
    }

    private static final Map<DecodeHintType, Object> PURE =
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    private static final Map<DecodeHintType, Object> SEARCH =
            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    private static Optional<String> decode(LuminanceSource gray, Map<DecodeHintType, Object> hints) {
        // The local binarizer suits scans with uneven light; the global one finds codes it misses on clean renderings.
        for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(gray)), new BinaryBitmap(new GlobalHistogramBinarizer(gray)))) {
            try {
                return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
            } catch (NotFoundException | ChecksumException | FormatException e) {
                // try the next way of reading the image
            }
        }
        return Optional.empty();
    }

    /** Gray levels of an image, optionally enlarged by a whole factor. */
    private static final class Gray extends LuminanceSource {
        private final byte[] pixels;
        private final int stride;

        Gray(BufferedImage image, int scale) {
            super(image.getWidth() * scale, image.getHeight() * scale);
            int w = image.getWidth();
            int h = image.getHeight();
            int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
            stride = w * scale;
            pixels = new byte[stride * h * scale];
            for (int y = 0; y < h * scale; y++) {
                for (int x = 0; x < stride; x++) {
                    int p = rgb[(y / scale) * w + x / scale];
                    int alpha = p >>> 24;
                    int r = (p >> 16) & 0xFF;
                    int g = (p >> 8) & 0xFF;
                    int b = p & 0xFF;
                    int luminance = (r * 306 + g * 601 + b * 117) >> 10;
                    // Transparent pixels are paper: white.
                    pixels[y * stride + x] = (byte) (alpha < 128 ? 255 : luminance);
                }
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] out = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
            System.arraycopy(pixels, y * stride, out, 0, getWidth());
            return out;
        }

        @Override
        public byte[] getMatrix() {
            return pixels;
        }
    }
}
