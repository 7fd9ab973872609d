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
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
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

    /** The code as an image, black modules on white, one pixel per module, with its quiet zone. */
    static BufferedImage draw(String text) {
        BitMatrix m;
        try {
            // Level M recovers from about 15% damage: a crease or a smudge on a paper record.
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("a paper record of " + text.length() + " characters does not fit a QR code", e);
        }
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
        // A pure code of one pixel per module is enlarged, so the finder patterns span several pixels.
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new Gray(image, pure ? 3 : 1)));
        Map<DecodeHintType, Object> hints = pure
                ? Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(BarcodeFormat.QR_CODE))
                : Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(BarcodeFormat.QR_CODE));
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return Optional.empty();
        }
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
