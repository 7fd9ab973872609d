package org.bulwark.ledger.pkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.bulwark.model.BadInputException;

/**
 * Reads a package archive without trusting it. The central directory is parsed here (not by
 * java.util.zip, whose ZipFile reads the central directory and ZipInputStream the local headers,
 * so that the two can be shown different files): every entry's local header must be byte for
 * byte what the central directory implies, entries must tile the file exactly, and names, links,
 * duplicates, compression and sizes are checked before any content byte is read. See
 * {@link ZipLayout} for the one form accepted.
 */
final class SafeZip implements AutoCloseable {
    private static final int UNIX_HOST = 3;
    private static final int MODE_TYPE_MASK = 0xF000;
    private static final int MODE_SYMLINK = 0xA000;
    private static final int BUFFER = 1 << 20;

    /** One stored file: where its bytes are and what the headers say about them. */
    record Entry(String name, long crc, long size, long dataOffset) {}

    /** The refusal of an archive, in words. */
    static final class Unsafe extends Exception {
        private static final long serialVersionUID = 1L;

        Unsafe(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final Map<String, Entry> entries;

    private SafeZip(FileChannel channel, Map<String, Entry> entries) {
        this.channel = channel;
        this.entries = entries;
    }

    /** Entries in archive order. */
    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    Optional<Entry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    static SafeZip open(Path file, ZipLimits limits, ZipLayout layout) throws IOException, Unsafe {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "file", "no such file");
        }
        try {
            return new SafeZip(channel, readDirectory(channel, limits, layout));
        } catch (IOException | Unsafe | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Map<String, Entry> readDirectory(FileChannel channel, ZipLimits limits, ZipLayout layout) throws IOException, Unsafe {
        long fileSize = channel.size();
        if (fileSize < ZipLayout.END_SIZE) {
            throw new Unsafe("the file is " + fileSize + " bytes: too short to be a zip archive");
        }
        ByteBuffer end = read(channel, fileSize - ZipLayout.END_SIZE, ZipLayout.END_SIZE);
        if (end.getInt() != ZipLayout.END_SIG) {
            throw new Unsafe("the file does not end with a zip end record (it is not a zip archive, is truncated, has a comment or trailing bytes)");
        }
        int disk = u16(end);
        int centralDisk = u16(end);
        int onDisk = u16(end);
        int total = u16(end);
        long centralSize = u32(end);
        long centralOffset = u32(end);
        int commentLength = u16(end);
        if (disk != 0 || centralDisk != 0 || onDisk != total) {
            throw new Unsafe("the archive claims to span several disks");
        }
        if (commentLength != 0) {
            throw new Unsafe("the archive has a comment; Bulwark packages have none");
        }
        if (total > limits.maxEntries()) {
            throw new Unsafe("the archive has " + total + " entries; at most " + limits.maxEntries() + " are accepted");
        }
        if (centralSize == ZipLayout.MAX_32 || centralOffset == ZipLayout.MAX_32) {
            long[] zip64 = zip64End(channel, fileSize);
            centralSize = zip64[0];
            centralOffset = zip64[1];
        }
        // Everything after the central directory must be exactly the end records this layout writes for it.
        byte[] tail = layout.end(total, centralSize, centralOffset);
        long tailStart = fileSize - tail.length;
        if (centralOffset < 0 || centralSize < 0 || centralOffset + centralSize != tailStart) {
            throw new Unsafe("the central directory (" + centralSize + " bytes at byte " + centralOffset
                    + ") does not end where the end records start (byte " + tailStart + "): bytes are missing or were inserted");
        }
        if (!Arrays.equals(read(channel, tailStart, tail.length).array(), tail)) {
            throw new Unsafe("the end records are not in the form Bulwark writes (zip64 used where it is not needed, or not where it is)");
        }
        if (centralSize > (long) total * (ZipLayout.CENTRAL_SIZE + ZipLayout.MAX_NAME_BYTES)) {
            throw new Unsafe("the central directory is " + centralSize + " bytes, too large for " + total + " entries");
        }
        ByteBuffer central = read(channel, centralOffset, (int) centralSize);
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, String> folded = new HashMap<>();
        long expectedOffset = 0;
        long totalBytes = 0;
        for (int i = 0; i < total; i++) {
            String where = "entry " + (i + 1);
            if (central.remaining() < ZipLayout.CENTRAL_SIZE) {
                throw new Unsafe(where + ": the central directory ends early");
            }
            int start = central.position();
            if (central.getInt() != ZipLayout.CENTRAL_SIG) {
                throw new Unsafe(where + ": no central directory record where one should start (byte " + (centralOffset + start) + ")");
            }
            int madeBy = u16(central);
            u16(central); // version needed: checked with the canonical comparison below
            int flags = u16(central);
            int method = u16(central);
            u16(central); // time
            u16(central); // date
            long crc = u32(central);
            long compressed = u32(central);
            long size = u32(central);
            int nameLength = u16(central);
            int extraLength = u16(central);
            int commentLen = u16(central);
            u16(central); // disk
            u16(central); // internal attributes
            long external = u32(central);
            long localOffset = u32(central);
            if (central.remaining() < nameLength + extraLength + commentLen) {
                throw new Unsafe(where + ": the central directory ends inside the record");
            }
            byte[] nameBytes = new byte[nameLength];
            central.get(nameBytes);
            central.position(central.position() + extraLength + commentLen);
            String name = name(nameBytes, where);
            where = where + " '" + name + "'";
            if ((madeBy >> 8) == UNIX_HOST && ((external >>> 16) & MODE_TYPE_MASK) == MODE_SYMLINK) {
                throw new Unsafe(where + ": is a symbolic link; a package holds plain files only");
            }
            if (name.endsWith("/")) {
                throw new Unsafe(where + ": is a folder entry; a package holds plain files only");
            }
            if ((flags & 1) != 0) {
                throw new Unsafe(where + ": is encrypted; a package is signed, not encrypted");
            }
            if (method != ZipLayout.STORED) {
                throw new Unsafe(where + ": is compressed (method " + method + "); Bulwark packages store files as they are, "
                        + "so that nothing is inflated and every byte is covered by a hash");
            }
            if (compressed == ZipLayout.MAX_32 || size == ZipLayout.MAX_32 || localOffset == ZipLayout.MAX_32) {
                // APPNOTE 4.5.3: the zip64 extra field holds, in order, only the values marked 0xFFFFFFFF.
                ByteBuffer extra = central.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                extra.position(central.position() - extraLength - commentLen);
                int needed = (size == ZipLayout.MAX_32 ? 8 : 0) + (compressed == ZipLayout.MAX_32 ? 8 : 0)
                        + (localOffset == ZipLayout.MAX_32 ? 8 : 0);
                if (extraLength < 4 + needed || extra.getShort() != ZipLayout.ZIP64_EXTRA_ID || u16(extra) < needed) {
                    throw new Unsafe(where + ": marks a zip64 value but has no zip64 extra field holding it");
                }
                size = size == ZipLayout.MAX_32 ? extra.getLong() : size;
                compressed = compressed == ZipLayout.MAX_32 ? extra.getLong() : compressed;
                localOffset = localOffset == ZipLayout.MAX_32 ? extra.getLong() : localOffset;
                if (size < 0 || compressed < 0 || localOffset < 0) {
                    throw new Unsafe(where + ": a zip64 size or offset is beyond 2^63 bytes");
                }
            }
            if (compressed != size) {
                throw new Unsafe(where + ": a stored file's sizes differ (" + compressed + " and " + size + " bytes)");
            }
            if (size > limits.maxEntryBytes()) {
                throw new Unsafe(where + ": is " + size + " bytes; at most " + limits.maxEntryBytes() + " are accepted per file");
            }
            totalBytes += size;
            if (totalBytes > limits.maxTotalBytes()) {
                throw new Unsafe(where + ": the files add up to more than " + limits.maxTotalBytes() + " bytes, the most accepted");
            }
            byte[] record = new byte[central.position() - start];
            central.get(start, record);
            if (!Arrays.equals(record, layout.centralHeader(name, crc, size, localOffset))) {
                throw new Unsafe(where + ": its central directory record is not in the form Bulwark writes "
                        + "(flags, versions, time, attributes, extra field or comment differ)");
            }
            if (entries.containsKey(name)) {
                throw new Unsafe(where + ": the name appears twice");
            }
            String key = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            String clash = folded.putIfAbsent(key, name);
            if (clash != null) {
                throw new Unsafe(where + ": differs from '" + clash + "' only in case or Unicode form; on some systems they are the same file");
            }
            if (localOffset != expectedOffset) {
                throw new Unsafe(where + ": starts at byte " + localOffset + ", not right after the previous entry (byte " + expectedOffset
                        + "): the archive has hidden or overlapping data");
            }
            byte[] local = layout.localHeader(name, crc, size);
            ByteBuffer actual = read(channel, localOffset, local.length);
            if (!Arrays.equals(actual.array(), local)) {
                throw new Unsafe(where + ": its local header disagrees with the central directory; a package whose two indexes differ is refused");
            }
            long dataOffset = localOffset + local.length;
            expectedOffset = dataOffset + size;
            entries.put(name, new Entry(name, crc, size, dataOffset));
        }
        if (central.hasRemaining()) {
            throw new Unsafe("the central directory has " + central.remaining() + " bytes after its last record");
        }
        if (expectedOffset != centralOffset) {
            throw new Unsafe("the entries end at byte " + expectedOffset + " but the central directory starts at byte " + centralOffset
                    + ": the archive has hidden data");
        }
        return entries;
    }

    /** The central directory's size and offset from the zip64 end record, found through its locator. */
    private static long[] zip64End(FileChannel channel, long fileSize) throws IOException, Unsafe {
        long locatorAt = fileSize - ZipLayout.END_SIZE - ZipLayout.ZIP64_LOCATOR_SIZE;
        long endAt = locatorAt - ZipLayout.ZIP64_END_SIZE;
        if (endAt < 0) {
            throw new Unsafe("the end record points to a zip64 end record, but the file is too short to hold one");
        }
        ByteBuffer locator = read(channel, locatorAt, ZipLayout.ZIP64_LOCATOR_SIZE);
        if (locator.getInt() != ZipLayout.ZIP64_LOCATOR_SIG) {
            throw new Unsafe("the end record points to a zip64 end record, but there is no zip64 locator before it");
        }
        ByteBuffer end = read(channel, endAt, ZipLayout.ZIP64_END_SIZE);
        if (end.getInt() != ZipLayout.ZIP64_END_SIG) {
            throw new Unsafe("there is no zip64 end record right before the zip64 locator");
        }
        end.position(end.position() + 8 + 2 + 2 + 4 + 4 + 8 + 8);
        long centralSize = end.getLong();
        long centralOffset = end.getLong();
        return new long[] {centralSize, centralOffset};
    }

    /**
     * A name is a relative path of plain segments: no "..", no "." or empty segment, no leading
     * "/", no drive letter or other ":", no backslash, no control characters, valid UTF-8.
     */
    private static String name(byte[] bytes, String where) throws Unsafe {
        if (bytes.length == 0) {
            throw new Unsafe(where + ": has an empty name");
        }
        if (bytes.length > ZipLayout.MAX_NAME_BYTES) {
            throw new Unsafe(where + ": the name is " + bytes.length + " bytes; at most " + ZipLayout.MAX_NAME_BYTES);
        }
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unsafe(where + ": the name is not valid UTF-8");
        }
        String shown = where + " '" + name.replaceAll("\\p{Cntrl}", "?") + "'";
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new Unsafe(shown + ": the name contains control characters");
        }
        if (name.indexOf('\\') >= 0) {
            throw new Unsafe(shown + ": the name contains a backslash; on Windows that is a path separator");
        }
        if (name.startsWith("/")) {
            throw new Unsafe(shown + ": is an absolute path");
        }
        if (name.indexOf(':') >= 0) {
            throw new Unsafe(shown + ": the name contains ':' (a drive letter or alternate data stream on Windows)");
        }
        String[] segments = name.split("/", -1);
        for (int i = 0; i < segments.length - 1; i++) {
            checkSegment(segments[i], shown);
        }
        if (!segments[segments.length - 1].isEmpty()) {
            checkSegment(segments[segments.length - 1], shown);
        }
        return name;
    }

    private static void checkSegment(String segment, String shown) throws Unsafe {
        if (segment.equals("..")) {
            throw new Unsafe(shown + ": the path climbs out of the package ('..')");
        }
        if (segment.isEmpty() || segment.equals(".")) {
            throw new Unsafe(shown + ": the path has an empty or '.' part");
        }
    }

    /** Reads a small entry whole, at most {@code max} bytes; CRC checked. */
    Optional<byte[]> readSmall(Entry e, int max) throws IOException, Unsafe {
        if (e.size() > max) {
            throw new Unsafe("'" + e.name() + "' is " + e.size() + " bytes; at most " + max + " are accepted");
        }
        byte[] bytes = read(channel, e.dataOffset(), (int) e.size()).array();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue() == e.crc() ? Optional.of(bytes) : Optional.empty();
    }

    /** SHA-256 of an entry's bytes (hex), and whether the zip CRC agrees with them. */
    record Hashed(String sha256, boolean crcMatches) {}

    Hashed hash(Entry e) throws IOException {
        MessageDigest sha = CvrMerkle.sha256();
        CRC32 crc = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(1, e.size())));
        long position = e.dataOffset();
        long remaining = e.size();
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("the archive ended while reading '" + e.name() + "'");
            }
            sha.update(buffer.array(), 0, n);
            crc.update(buffer.array(), 0, n);
            position += n;
            remaining -= n;
        }
        return new Hashed(HexFormat.of().formatHex(sha.digest()), crc.getValue() == e.crc());
    }

    /** The bytes of an entry, read straight from the archive; only for entries whose hash has passed. */
    InputStream open(Entry e) {
        return new BufferedInputStream(Channels.newInputStream(new EntryChannel(channel, e.dataOffset(), e.size())), BUFFER);
    }

    /** A window of the archive file, read by position so the archive channel is shared safely. */
    private static final class EntryChannel implements ReadableByteChannel {
        private final FileChannel channel;
        private long position;
        private final long end;

        EntryChannel(FileChannel channel, long start, long size) {
            this.channel = channel;
            this.position = start;
            this.end = start + size;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (position >= end) {
                return -1;
            }
            ByteBuffer window = dst.slice(dst.position(), (int) Math.min(dst.remaining(), end - position));
            int n = channel.read(window, position);
            if (n > 0) {
                dst.position(dst.position() + n);
                position += n;
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // The archive's channel belongs to the SafeZip.
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException, Unsafe {
        if (position < 0 || position + length > channel.size()) {
            throw new Unsafe("a header points to bytes " + position + " to " + (position + length) + ", beyond the end of the file (" + channel.size() + " bytes)");
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (channel.read(b, position + b.position()) < 0) {
                throw new Unsafe("the file ended at byte " + (position + b.position()));
            }
        }
        return b.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int u16(ByteBuffer b) {
        return Short.toUnsignedInt(b.getShort());
    }

    private static long u32(ByteBuffer b) {
        return Integer.toUnsignedLong(b.getInt());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
