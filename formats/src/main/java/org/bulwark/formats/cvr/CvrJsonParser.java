package org.bulwark.formats.cvr;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.ByteSourceJsonBootstrapper;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Jackson's UTF-8 parser, able to look at a string value's bytes in its input buffer before decoding
 * them. A CVR's strings are nearly all {@code @type} names, yes/no indications and ids the election
 * defines, and Jackson would decode each into characters only for the reader to compare them: a sixth
 * of reading. Here a value that is plain ASCII (no escape, no control character, no multi-byte
 * character) and wholly in the buffer can be compared or looked up as bytes and skipped; any other
 * value, and any value the caller does not recognise, is left to Jackson to read as usual, checks and
 * errors included.
 */
final class CvrJsonParser extends UTF8StreamJsonParser {
    /** Ids longer than this are looked up the usual way. */
    static final int MAX_PLAIN = 256;

    private CvrJsonParser(IOContext ctxt, int features, InputStream in, Factory factory, byte[] buffer, int start, int end,
            int bytesPreProcessed, boolean recyclable) {
        super(ctxt, features, in, factory.getCodec(), factory.symbols(), buffer, start, end, bytesPreProcessed, recyclable);
    }

    /** {@link #currentTokenLocation()}'s line and column, packed by {@link JsonCvrReader#at}, without making a location. */
    long tokenStart() {
        return _currToken == JsonToken.FIELD_NAME
                ? JsonCvrReader.at(_nameStartRow, _nameStartCol)
                : JsonCvrReader.at(_tokenInputRow, _tokenInputCol);
    }

    /**
     * The current token is a string value not yet read: if its bytes are exactly {@code ascii} (which
     * holds no quote, backslash or non-ASCII byte), skips it and says so; otherwise changes nothing.
     */
    boolean skipIfEquals(byte[] ascii) {
        if (!_tokenIncomplete) {
            return false;
        }
        int ptr = _inputPtr;
        int len = ascii.length;
        if (ptr + len >= _inputEnd || _inputBuffer[ptr + len] != '"') {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (_inputBuffer[ptr + i] != ascii[i]) {
                return false;
            }
        }
        _inputPtr = ptr + len + 1;
        _tokenIncomplete = false;
        return true;
    }

    /**
     * The value {@code table} holds for the current string value, if the value is not yet read, wholly
     * in the buffer, plain ASCII and in the table: it is then skipped. Otherwise null, and nothing changes.
     * One pass over the bytes finds the value's end and hashes it.
     */
    <V> V lookUpPlain(IdTable<V> table) {
        if (!_tokenIncomplete) {
            return null;
        }
        int ptr = _inputPtr;
        int end = Math.min(_inputEnd, ptr + MAX_PLAIN);
        byte[] b = _inputBuffer;
        int hash = 0;
        for (int i = ptr; i < end; i++) {
            int c = b[i];
            if (c == '"') {
                V found = i == ptr ? null : table.get(b, ptr, i - ptr, hash);
                if (found != null) {
                    _inputPtr = i + 1;
                    _tokenIncomplete = false;
                }
                return found;
            }
            if (c == '\\' || c < 0x20) { // an escape, a control character (refused by Jackson) or a byte of a multi-byte character
                return null;
            }
            hash = 31 * hash + c;
        }
        return null;
    }

    /** Makes {@link CvrJsonParser}s for UTF-8 input, and Jackson's own parsers for any other encoding. */
    static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;
        private static final int READ_BUFFER = 1 << 16;

        Factory(JsonFactoryBuilder builder) {
            super(builder);
        }

        /** A symbol table for one parser, as Jackson's own factory makes it. */
        ByteQuadsCanonicalizer symbols() {
            return _byteSymbolCanonicalizer.makeChild(_factoryFeatures);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            // Not Jackson's 8,000-byte buffer: a CVR report runs to gigabytes, and each refill is a system call and a copy.
            byte[] buffer = new byte[READ_BUFFER];
            int end = 0;
            for (int n; end < 4 && (n = in.read(buffer, end, buffer.length - end)) > 0; ) {
                end += n;
            }
            JsonEncoding encoding = new ByteSourceJsonBootstrapper(ctxt, buffer, 0, end).detectEncoding();
            if (encoding != JsonEncoding.UTF8) {
                byte[] head = Arrays.copyOf(buffer, end);
                return super._createParser(new SequenceInputStream(new ByteArrayInputStream(head), in), ctxt);
            }
            int bom = bomLength(buffer, 0, end);
            return new CvrJsonParser(ctxt, _parserFeatures, in, this, buffer, bom, end, bom, false);
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            JsonEncoding encoding = new ByteSourceJsonBootstrapper(ctxt, data, offset, len).detectEncoding();
            if (encoding != JsonEncoding.UTF8) {
                return super._createParser(data, offset, len, ctxt);
            }
            int bom = bomLength(data, offset, len);
            return new CvrJsonParser(ctxt, _parserFeatures, null, this, data, offset + bom, offset + len, bom, false);
        }

        /** 3 if {@code b[off, off+len)} starts with UTF-8's byte order mark, which Jackson skips too; else 0. */
        private static int bomLength(byte[] b, int off, int len) {
            return len >= 3 && (b[off] & 0xFF) == 0xEF && (b[off + 1] & 0xFF) == 0xBB && (b[off + 2] & 0xFF) == 0xBF ? 3 : 0;
        }
    }
}
