package org.bulwark.store;

import java.util.Arrays;

/**
 * The primitives of the workspace's compact encodings: unsigned LEB128 varints, zig-zag signed
 * varints and strings as one varint per UTF-16 char (so any Java string, even one with a lone
 * surrogate, comes back exactly; ASCII costs one byte a char).
 */
final class Bytes {
    private Bytes() {}

    /** A growable output buffer, reused from record to record. */
    static final class Writer {
        private byte[] buf = new byte[256];
        private int size;

        void reset() {
            size = 0;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        void writeByte(int b) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[size++] = (byte) b;
        }

        void writeVarint(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("varint " + value + " is negative");
            }
            long v = value;
            while ((v & ~0x7FL) != 0) {
                writeByte((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            writeByte((int) v);
        }

        void writeSignedVarint(int value) {
            writeVarint(Integer.toUnsignedLong((value << 1) ^ (value >> 31)));
        }

        void writeString(String s) {
            writeVarint(s.length());
            for (int i = 0; i < s.length(); i++) {
                writeVarint(s.charAt(i));
            }
        }
    }

    /** Reads what {@link Writer} wrote; anything malformed is a {@link Malformed} naming the byte. */
    static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf) {
            this.buf = buf;
        }

        boolean atEnd() {
            return pos == buf.length;
        }

        int readByte() {
            if (pos >= buf.length) {
                throw new Malformed("ends early at byte " + pos);
            }
            return buf[pos++] & 0xFF;
        }

        long readVarint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (result < 0) {
                        throw new Malformed("varint out of range at byte " + pos);
                    }
                    return result;
                }
            }
            throw new Malformed("varint longer than 64 bits at byte " + pos);
        }

        /** A varint that must fit an int and stay below {@code bound} (an index or a count). */
        int readIndex(long bound, String what) {
            long v = readVarint();
            if (v >= bound) {
                throw new Malformed(what + " " + v + " out of range (below " + bound + ") at byte " + pos);
            }
            return (int) v;
        }

        /** Any non-negative int (a vote count, a rank). */
        int readNonNegativeInt(String what) {
            return readIndex(Integer.MAX_VALUE + 1L, what);
        }

        /** A list length: each element takes at least one byte, so it cannot exceed what is left. */
        int readCount(String what) {
            long v = readVarint();
            if (v > buf.length - pos) {
                throw new Malformed(what + " " + v + " but only " + (buf.length - pos) + " bytes left at byte " + pos);
            }
            return (int) v;
        }

        int readSignedVarint() {
            long v = readVarint();
            if (v > 0xFFFF_FFFFL) {
                throw new Malformed("signed varint out of range at byte " + pos);
            }
            int n = (int) v;
            return (n >>> 1) ^ -(n & 1);
        }

        String readString() {
            int length = readCount("string length");
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = (char) readIndex(0x10000, "char");
            }
            return new String(chars);
        }
    }

    /** Bytes that do not decode: a damaged record, never a user's mistake. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }
}
