package org.bulwark.ledger.pkg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes zip bytes field by field, so that tests can build what java.util.zip refuses to create:
 * traversal names, symlinks, duplicates, lying headers.
 */
final class RawZip {
    /** One entry; every field can be set. */
    static final class E {
        String name;
        byte[] data;
        byte[] stored;
        int method = 0;
        int flags = 0x0800;
        int madeBy = 20;
        long external = 0;
        long claimedSize = -1;
        String localName;

        E(String name, byte[] data) {
            this.name = name;
            this.data = data;
            this.stored = data;
        }
    }

    final List<E> entries = new ArrayList<>();
    byte[] trailing = new byte[0];
    String comment = "";

    RawZip add(E e) {
        entries.add(e);
        return this;
    }

    RawZip add(String name, byte[] data) {
        return add(new E(name, data));
    }

    /** The entries of a package as they are, in order. */
    static RawZip from(Path pkg) throws IOException {
        RawZip z = new RawZip();
        try (ZipFile zip = new ZipFile(pkg.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                z.add(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return z;
    }

    Map<String, byte[]> contents() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.name, e.data));
        return m;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (E e : entries) {
            CRC32 crc = new CRC32();
            crc.update(e.data);
            long size = e.claimedSize >= 0 ? e.claimedSize : e.data.length;
            int offset = out.size();
            byte[] localName = (e.localName != null ? e.localName : e.name).getBytes(StandardCharsets.UTF_8);
            ByteBuffer l = le(30 + localName.length);
            l.putInt(0x04034b50).putShort((short) 20).putShort((short) e.flags).putShort((short) e.method).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue()).putInt(e.stored.length).putInt((int) size).putShort((short) localName.length).putShort((short) 0).put(localName);
            out.writeBytes(l.array());
            out.writeBytes(e.stored);
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer c = le(46 + name.length);
            c.putInt(0x02014b50).putShort((short) e.madeBy).putShort((short) 20).putShort((short) e.flags).putShort((short) e.method)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue()).putInt(e.stored.length).putInt((int) size)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt((int) e.external).putInt(offset).put(name);
            central.writeBytes(c.array());
        }
        int cdOffset = out.size();
        out.writeBytes(central.toByteArray());
        byte[] comment = this.comment.getBytes(StandardCharsets.UTF_8);
        ByteBuffer end = le(22 + comment.length);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size()).putShort((short) entries.size())
                .putInt(central.size()).putInt(cdOffset).putShort((short) comment.length).put(comment);
        out.writeBytes(end.array());
        out.writeBytes(trailing);
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
