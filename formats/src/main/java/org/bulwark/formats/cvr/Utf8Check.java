package org.bulwark.formats.cvr;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.bulwark.model.BadInputException;

/**
 * Lets only well-formed UTF-8 through (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF) and names the offending byte by its offset. The XML reader puts it in front of the JDK
 * parser, which otherwise prints malformed-byte errors to the console and places them poorly.
 */
final class Utf8Check extends FilterInputStream {
    private final String file;
    private long offset;
    private int need; // continuation bytes still expected
    private int lo = 0x80; // allowed range of the next continuation byte
    private int hi = 0xBF;

    Utf8Check(InputStream in, String file) {
        super(in);
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            check(b);
        } else {
            atEnd();
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            check(buf[off + i] & 0xFF);
        }
        if (n < 0) {
            atEnd();
        }
        return n;
    }

    private void check(int b) {
        if (need > 0) {
            if (b < lo || b > hi) {
                throw invalid(b);
            }
            need--;
            lo = 0x80;
            hi = 0xBF;
        } else if (b >= 0x80) {
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                lo = b == 0xE0 ? 0xA0 : 0x80; // no overlong forms
                hi = b == 0xED ? 0x9F : 0xBF; // no surrogates
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                lo = b == 0xF0 ? 0x90 : 0x80;
                hi = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
            } else {
                throw invalid(b);
            }
        }
        offset++;
    }

    private void atEnd() {
        if (need > 0) {
            throw new BadInputException(file, "byte " + offset, "the file is not valid UTF-8: it ends inside a character");
        }
    }

    private BadInputException invalid(int b) {
        return new BadInputException(file, "byte " + offset, String.format("the file is not valid UTF-8: byte 0x%02x cannot be here", b));
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
