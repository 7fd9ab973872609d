package org.bulwark.ledger.pkg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The one zip form Bulwark writes and accepts (APPNOTE 6.3.10, a strict subset): every entry
 * stored (method 0), flag 0x0800 (UTF-8 names), time 00:00 and date 1980-01-01, no extra fields,
 * no comments, attributes 0, entries back to back from byte 0, the central directory right after
 * them and the end record (no comment) right after it. Every header byte is thus either fixed or
 * checked against the others, and every content byte is covered by a SHA-256 in the signed
 * manifest: any change to any byte of a package is detected. Storing instead of compressing also
 * means nothing is inflated, so a package can never expand beyond its size on the medium.
 */
final class ZipLayout {
    static final int LOCAL_SIG = 0x04034b50;
    static final int CENTRAL_SIG = 0x02014b50;
    static final int END_SIG = 0x06054b50;
    static final int LOCAL_SIZE = 30;
    static final int CENTRAL_SIZE = 46;
    static final int END_SIZE = 22;
    static final short VERSION = 20;
    static final short FLAG_UTF8 = 0x0800;
    static final short STORED = 0;
    static final short DOS_TIME = 0;
    /** 1980-01-01 in MS-DOS date form: (year-1980) << 9 | month << 5 | day. */
    static final short DOS_DATE = (1 << 5) | 1;
    /** Sizes and offsets are 32-bit; 0xFFFFFFFF would mean zip64. */
    static final long MAX_32 = 0xFFFFFFFFL;
    static final int MAX_NAME_BYTES = 255;
    static final int CRC_OFFSET = 14;

    private ZipLayout() {}

    static byte[] localHeader(String name, long crc, long size) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(LOCAL_SIZE + n.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(LOCAL_SIG).putShort(VERSION).putShort(FLAG_UTF8).putShort(STORED).putShort(DOS_TIME).putShort(DOS_DATE);
        b.putInt((int) crc).putInt((int) size).putInt((int) size).putShort((short) n.length).putShort((short) 0).put(n);
        return b.array();
    }

    static byte[] centralHeader(String name, long crc, long size, long offset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(CENTRAL_SIZE + n.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(CENTRAL_SIG).putShort(VERSION).putShort(VERSION).putShort(FLAG_UTF8).putShort(STORED).putShort(DOS_TIME).putShort(DOS_DATE);
        b.putInt((int) crc).putInt((int) size).putInt((int) size).putShort((short) n.length).putShort((short) 0).putShort((short) 0);
        b.putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset).put(n);
        return b.array();
    }

    static byte[] end(int entries, long centralSize, long centralOffset) {
        ByteBuffer b = ByteBuffer.allocate(END_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(END_SIG).putShort((short) 0).putShort((short) 0).putShort((short) entries).putShort((short) entries);
        b.putInt((int) centralSize).putInt((int) centralOffset).putShort((short) 0);
        return b.array();
    }
}
