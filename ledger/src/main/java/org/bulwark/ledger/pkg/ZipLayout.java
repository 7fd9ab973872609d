package org.bulwark.ledger.pkg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The one zip form Bulwark writes and accepts (APPNOTE 6.3.10, a strict subset): every entry
 * stored (method 0), flag 0x0800 (UTF-8 names), time 00:00 and date 1980-01-01, no comments,
 * attributes 0, entries back to back from byte 0, the central directory right after them and the
 * end record (no comment) right after it. Every header byte is thus either fixed or checked against
 * the others, and every content byte is covered by a SHA-256 in the signed manifest: any change to
 * any byte of a package is detected. Storing instead of compressing also means nothing is inflated,
 * so a package can never expand beyond its size on the medium.
 *
 * <p>Zip64 (APPNOTE 4.3.14, 4.5.3) is used exactly where a value does not fit in 32 bits, and
 * nowhere else, so that each package still has one form: a file of 4 GiB or more gets the zip64
 * extra field (id 0x0001) with its sizes in both headers, an entry starting at or beyond 4 GiB gets
 * its offset there in the central header (version 45 for both), and a central directory that starts
 * or ends beyond 4 GiB gets the zip64 end record and its locator before the end record. The
 * threshold is {@link #STANDARD}'s 0xFFFFFFFF; tests use a small one to exercise the zip64 records
 * with small files.
 */
final class ZipLayout {
    static final int LOCAL_SIG = 0x04034b50;
    static final int CENTRAL_SIG = 0x02014b50;
    static final int END_SIG = 0x06054b50;
    static final int ZIP64_END_SIG = 0x06064b50;
    static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    static final int LOCAL_SIZE = 30;
    static final int CENTRAL_SIZE = 46;
    static final int END_SIZE = 22;
    static final int ZIP64_END_SIZE = 56;
    static final int ZIP64_LOCATOR_SIZE = 20;
    static final short ZIP64_EXTRA_ID = 0x0001;
    static final short VERSION = 20;
    static final short VERSION_ZIP64 = 45;
    static final short FLAG_UTF8 = 0x0800;
    static final short STORED = 0;
    static final short DOS_TIME = 0;
    /** 1980-01-01 in MS-DOS date form: (year-1980) << 9 | month << 5 | day. */
    static final short DOS_DATE = (1 << 5) | 1;
    /** The 32-bit marker that says "the value is in the zip64 record". */
    static final long MAX_32 = 0xFFFFFFFFL;
    static final int MAX_NAME_BYTES = 255;
    static final int CRC_OFFSET = 14;

    /** The form every package has: zip64 only for values of 0xFFFFFFFF or more. */
    static final ZipLayout STANDARD = new ZipLayout(MAX_32);

    /** Values at or above this go into zip64 records. */
    private final long zip64At;

    ZipLayout(long zip64At) {
        if (zip64At < 1 || zip64At > MAX_32) {
            throw new IllegalArgumentException("the zip64 threshold is between 1 and 0xFFFFFFFF");
        }
        this.zip64At = zip64At;
    }

    boolean needs64(long value) {
        return value >= zip64At;
    }

    byte[] localHeader(String name, long crc, long size) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        boolean z = needs64(size);
        ByteBuffer b = ByteBuffer.allocate(LOCAL_SIZE + n.length + (z ? 20 : 0)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(LOCAL_SIG).putShort(z ? VERSION_ZIP64 : VERSION).putShort(FLAG_UTF8).putShort(STORED).putShort(DOS_TIME).putShort(DOS_DATE);
        b.putInt((int) crc).putInt(z ? -1 : (int) size).putInt(z ? -1 : (int) size).putShort((short) n.length).putShort((short) (z ? 20 : 0));
        b.put(n);
        if (z) {
            b.putShort(ZIP64_EXTRA_ID).putShort((short) 16).putLong(size).putLong(size);
        }
        return b.array();
    }

    byte[] centralHeader(String name, long crc, long size, long offset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        boolean bigSize = needs64(size);
        boolean bigOffset = needs64(offset);
        int extraData = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
        int extra = extraData == 0 ? 0 : 4 + extraData;
        short version = extra == 0 ? VERSION : VERSION_ZIP64;
        ByteBuffer b = ByteBuffer.allocate(CENTRAL_SIZE + n.length + extra).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(CENTRAL_SIG).putShort(version).putShort(version).putShort(FLAG_UTF8).putShort(STORED).putShort(DOS_TIME).putShort(DOS_DATE);
        b.putInt((int) crc).putInt(bigSize ? -1 : (int) size).putInt(bigSize ? -1 : (int) size).putShort((short) n.length)
                .putShort((short) extra).putShort((short) 0);
        b.putShort((short) 0).putShort((short) 0).putInt(0).putInt(bigOffset ? -1 : (int) offset).put(n);
        if (extra > 0) {
            // APPNOTE 4.5.3: only the fields whose header value is 0xFFFFFFFF, in this order.
            b.putShort(ZIP64_EXTRA_ID).putShort((short) extraData);
            if (bigSize) {
                b.putLong(size).putLong(size);
            }
            if (bigOffset) {
                b.putLong(offset);
            }
        }
        return b.array();
    }

    /**
     * What follows the central directory: the end record, preceded by the zip64 end record and its
     * locator when the directory's size or offset needs them.
     */
    byte[] end(int entries, long centralSize, long centralOffset) {
        boolean z = needs64(centralSize) || needs64(centralOffset);
        ByteBuffer b = ByteBuffer.allocate(END_SIZE + (z ? ZIP64_END_SIZE + ZIP64_LOCATOR_SIZE : 0)).order(ByteOrder.LITTLE_ENDIAN);
        if (z) {
            long zip64End = centralOffset + centralSize;
            b.putInt(ZIP64_END_SIG).putLong(ZIP64_END_SIZE - 12).putShort(VERSION_ZIP64).putShort(VERSION_ZIP64).putInt(0).putInt(0);
            b.putLong(entries).putLong(entries).putLong(centralSize).putLong(centralOffset);
            b.putInt(ZIP64_LOCATOR_SIG).putInt(0).putLong(zip64End).putInt(1);
        }
        b.putInt(END_SIG).putShort((short) 0).putShort((short) 0).putShort((short) entries).putShort((short) entries);
        b.putInt(z ? -1 : (int) centralSize).putInt(z ? -1 : (int) centralOffset).putShort((short) 0);
        return b.array();
    }
}
