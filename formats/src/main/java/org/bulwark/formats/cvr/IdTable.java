package org.bulwark.formats.cvr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A map from id text to one shared value, looked up straight from a parser's character buffer so
 * that the ids repeated on every ballot cost no String allocation. Open addressing, linear probing.
 */
final class IdTable<V> {
    private String[] keys = new String[16];
    /** The keys' characters, for a vectorised comparison with the parser's buffer. */
    private char[][] keyChars = new char[16][];
    /** The keys' bytes when they are plain ASCII (else null), for a look-up straight from a UTF-8 input buffer. */
    private byte[][] keyAscii = new byte[16][];
    private Object[] values = new Object[16];
    private int size;

    int size() {
        return size;
    }

    /** The value stored for the characters {@code buf[off, off+len)}, or null. */
    @SuppressWarnings("unchecked")
    V get(char[] buf, int off, int len) {
        int mask = keys.length - 1;
        for (int i = hash(buf, off, len) & mask; ; i = (i + 1) & mask) {
            char[] k = keyChars[i];
            if (k == null) {
                return null;
            }
            if (k.length == len && Arrays.equals(k, 0, len, buf, off, off + len)) {
                return (V) values[i];
            }
        }
    }

    /**
     * The value stored for the ASCII bytes {@code buf[off, off+len)}, or null; {@code rawHash} is
     * {@link String#hashCode()}'s sum over them, which the caller worked out while finding their end.
     */
    @SuppressWarnings("unchecked")
    V get(byte[] buf, int off, int len, int rawHash) {
        int mask = keys.length - 1;
        for (int i = (rawHash ^ (rawHash >>> 16)) & mask; ; i = (i + 1) & mask) {
            char[] k = keyChars[i];
            if (k == null) {
                return null;
            }
            byte[] a = keyAscii[i];
            if (a != null && a.length == len && Arrays.equals(a, 0, len, buf, off, off + len)) {
                return (V) values[i];
            }
        }
    }

    /** The value stored for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V get(String key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return null;
            }
            if (k.equals(key)) {
                return (V) values[i];
            }
        }
    }

    /** Stores {@code value} for {@code key} unless the key is there already (the first one wins). */
    void putIfAbsent(String key, V value) {
        if (get(key) != null) {
            return;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(key, value);
        size++;
    }

    private void insert(String key, Object value) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        keyChars[i] = key.toCharArray();
        keyAscii[i] = key.chars().allMatch(c -> c < 0x80) ? key.getBytes(StandardCharsets.US_ASCII) : null;
        values[i] = value;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        keyChars = new char[oldKeys.length * 2][];
        keyAscii = new byte[oldKeys.length * 2][];
        values = new Object[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int hash(char[] buf, int off, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + buf[off + i];
        }
        return h ^ (h >>> 16);
    }

    private static int hash(String s) {
        int h = s.hashCode();
        return h ^ (h >>> 16);
    }
}
