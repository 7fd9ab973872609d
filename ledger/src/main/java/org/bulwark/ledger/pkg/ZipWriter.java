package org.bulwark.ledger.pkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.bulwark.model.BadInputException;

/** Writes the {@link ZipLayout} form, streaming each file once: copied, hashed and CRC'd in one pass. */
final class ZipWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 20;

    private final FileChannel out;
    private final ZipLayout layout;
    private final List<byte[]> central = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

    ZipWriter(Path file, ZipLayout layout) throws IOException {
        this.out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.layout = layout;
    }

    /** A file copied in: its size and SHA-256 in hex. */
    record Added(long size, String sha256) {}

    /** Copies a file in. */
    Added add(String name, Path source) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            long size = in.size();
            long offset = out.position();
            writeFully(ByteBuffer.wrap(layout.localHeader(name, 0, size)));
            MessageDigest sha = CvrMerkle.sha256();
            CRC32 crc = new CRC32();
            long copied = 0;
            buffer.clear();
            while (in.read(buffer) > 0) {
                buffer.flip();
                sha.update(buffer.array(), 0, buffer.limit());
                crc.update(buffer.array(), 0, buffer.limit());
                copied += buffer.limit();
                writeFully(buffer);
                buffer.clear();
            }
            if (copied != size) {
                throw new BadInputException(source.toString(), "file", "changed while it was being packaged (" + size + " bytes, then " + copied + ")");
            }
            // The CRC is known only now: patch it into the local header, where the writer left it 0.
            ByteBuffer crcBytes = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).flip();
            out.write(crcBytes, offset + ZipLayout.CRC_OFFSET);
            central.add(layout.centralHeader(name, crc.getValue(), size, offset));
            return new Added(size, HexFormat.of().formatHex(sha.digest()));
        }
    }

    void add(String name, byte[] content) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        long offset = out.position();
        writeFully(ByteBuffer.wrap(layout.localHeader(name, crc.getValue(), content.length)));
        writeFully(ByteBuffer.wrap(content));
        central.add(layout.centralHeader(name, crc.getValue(), content.length, offset));
    }

    /** Writes the central directory and end record and syncs. */
    void finish() throws IOException {
        long start = out.position();
        for (byte[] c : central) {
            writeFully(ByteBuffer.wrap(c));
        }
        long size = out.position() - start;
        writeFully(ByteBuffer.wrap(layout.end(central.size(), size, start)));
        out.force(true);
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
