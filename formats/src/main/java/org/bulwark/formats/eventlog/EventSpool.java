package org.bulwark.formats.eventlog;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.events.Disposition;

/**
 * The events of one Device, held until the Device ends (both encodings put its Id and HashType after
 * its events). The first {@value #IN_MEMORY} stay in memory; the rest go to a temporary file, so a
 * device log of any length is read in bounded memory. The file is deleted when the spool is cleared
 * or closed.
 */
final class EventSpool implements AutoCloseable {
    static final int IN_MEMORY = 4_096;

    /** One held event and where it was in the file, for messages. */
    record Held(DeviceEvent event, String place) {}

    private final int inMemory;
    private final List<Held> held = new ArrayList<>();
    private Path file;
    private DataOutputStream out;
    private long size;

    EventSpool() {
        this(IN_MEMORY);
    }

    EventSpool(int inMemory) {
        this.inMemory = inMemory;
    }

    long size() {
        return size;
    }

    void add(DeviceEvent e, String place) {
        size++;
        if (held.size() < inMemory) {
            held.add(new Held(e, place));
            return;
        }
        try {
            if (out == null) {
                file = Files.createTempFile("bulwark-device-events", ".spool");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            }
            write(e, place);
        } catch (IOException x) {
            throw new UncheckedIOException("could not hold a device's events in a temporary file: " + x.getMessage(), x);
        }
    }

    interface Visitor {
        void visit(long index, Held held);
    }

    /** Visits every event in file order; may be called more than once. */
    void forEach(Visitor visitor) {
        long index = 0;
        for (Held h : held) {
            visitor.visit(index++, h);
        }
        if (file == null) {
            return;
        }
        try {
            out.flush();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file, StandardOpenOption.READ), 1 << 16))) {
                for (; index < size; index++) {
                    visitor.visit(index, read(in));
                }
            }
        } catch (IOException x) {
            throw new UncheckedIOException("could not read back a device's events from a temporary file: " + x.getMessage(), x);
        }
    }

    /** Forgets every event, for the next Device. */
    void clear() {
        held.clear();
        size = 0;
        close();
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException x) {
            throw new UncheckedIOException("could not remove the temporary file " + file + ": " + x.getMessage(), x);
        } finally {
            out = null;
            file = null;
        }
    }

    private void write(DeviceEvent e, String place) throws IOException {
        text(e.id());
        text(e.sequence());
        text(e.timeStamp());
        out.writeLong(e.time().getEpochSecond());
        out.writeInt(e.time().getNano());
        text(e.type());
        out.writeInt(e.disposition().ordinal());
        optional(e.otherDisposition());
        optional(e.userId());
        optional(e.severity());
        optional(e.description());
        optional(e.details());
        optional(e.hash());
        text(place);
    }

    private static Held read(DataInputStream in) throws IOException {
        String id = text(in);
        String sequence = text(in);
        String timeStamp = text(in);
        Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String type = text(in);
        Disposition disposition = Disposition.values()[in.readInt()];
        DeviceEvent e = new DeviceEvent(id, sequence, timeStamp, time, type, disposition, optional(in), optional(in), optional(in),
                optional(in), optional(in), optional(in));
        return new Held(e, text(in));
    }

    private void text(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private void optional(Optional<String> s) throws IOException {
        if (s.isEmpty()) {
            out.writeInt(-1);
        } else {
            text(s.get());
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return optional(in).orElseThrow(() -> new EOFException("a required text is missing from the spool"));
    }

    private static Optional<String> optional(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n < 0 ? Optional.empty() : Optional.of(new String(in.readNBytes(n), StandardCharsets.UTF_8));
    }
}
