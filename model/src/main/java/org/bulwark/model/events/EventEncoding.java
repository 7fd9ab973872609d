package org.bulwark.model.events;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.GpUnitId;

/**
 * The canonical bytes of a log event: what the Merkle leaf hash covers. Version 1, all integers
 * big-endian, every string as a u32 byte length followed by its UTF-8 bytes:
 *
 * <pre>
 * "BWEV" 0x01                          magic and version
 * str   kind id                        e.g. "BW-CVR-IMPORTED"
 * i64   epoch second, u32 nanosecond   the event's time (UTC)
 * str   actor
 * u8    0 | 1, then str if 1           device absent | present
 * u8    0 | 1, str                     jurisdiction: 0 = GpUnit id, 1 = named in words
 * u8    0..3                           disposition: success | failure | na | other
 * u8    n, then n details              each: str name, u8 type, value
 *                                      type 0 text: str; 1 count: i64 (>= 0); 2 digest: 32 bytes
 * </pre>
 *
 * Details come in the order the kind declares. One event has exactly one encoding: {@link #decode}
 * refuses anything that does not re-encode to the same bytes.
 */
public final class EventEncoding {
    public static final int VERSION = 1;
    private static final byte[] MAGIC = {'B', 'W', 'E', 'V'};
    private static final int MAX_STRING = 4 * Text.LONG;

    private EventEncoding() {}

    public static byte[] encode(LogEvent event) {
        Out out = new Out();
        out.raw(MAGIC);
        out.u8(VERSION);
        out.str(event.kind().id());
        EventHeader h = event.header();
        out.i64(h.time().getEpochSecond());
        out.i32(h.time().getNano());
        out.str(h.actor().value());
        if (h.device().isPresent()) {
            out.u8(1);
            out.str(h.device().get().value());
        } else {
            out.u8(0);
        }
        switch (h.jurisdiction()) {
            case Jurisdiction.Unit u -> out.u8(0);
            case Jurisdiction.Named n -> out.u8(1);
        }
        out.str(h.jurisdiction().value());
        out.u8(switch (h.disposition()) {
            case SUCCESS -> 0;
            case FAILURE -> 1;
            case NOT_APPLICABLE -> 2;
            case OTHER -> 3;
        });
        List<Detail> details = event.details();
        out.u8(details.size());
        for (Detail d : details) {
            out.str(d.name());
            switch (d) {
                case Detail.TextValue t -> {
                    out.u8(0);
                    out.str(t.value());
                }
                case Detail.Count c -> {
                    out.u8(1);
                    out.i64(c.value());
                }
                case Detail.Digest g -> {
                    out.u8(2);
                    out.raw(g.value().bytes());
                }
            }
        }
        return out.bytes();
    }

    /** Reads canonical bytes back; {@link Malformed} says what is wrong and at which byte. */
    public static LogEvent decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new Malformed(0, "does not start with \"BWEV\"; it is not a Bulwark log event");
            }
            int version = Byte.toUnsignedInt(in.get());
            if (version != VERSION) {
                throw new Malformed(4, "is encoding version " + version + "; this Bulwark reads version " + VERSION);
            }
            int at = in.position();
            String kindId = str(in);
            EventKind kind = EventKind.byId(kindId)
                    .orElseThrow(() -> new Malformed(at, "names an unknown event kind \"" + kindId + "\""));
            long second = in.getLong();
            int nano = in.getInt();
            Instant time = Instant.ofEpochSecond(second, nano);
            Actor actor = new Actor(str(in));
            Optional<DeviceId> device = switch (flag(in, "device")) {
                case 0 -> Optional.empty();
                default -> Optional.of(new DeviceId(str(in)));
            };
            Jurisdiction jurisdiction = switch (flag(in, "jurisdiction")) {
                case 0 -> new Jurisdiction.Unit(new GpUnitId(str(in)));
                default -> new Jurisdiction.Named(str(in));
            };
            int dispositionAt = in.position();
            Disposition disposition = switch (Byte.toUnsignedInt(in.get())) {
                case 0 -> Disposition.SUCCESS;
                case 1 -> Disposition.FAILURE;
                case 2 -> Disposition.NOT_APPLICABLE;
                case 3 -> Disposition.OTHER;
                default -> throw new Malformed(dispositionAt, "has an unknown disposition; it must be 0 to 3");
            };
            int n = Byte.toUnsignedInt(in.get());
            List<Detail> details = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = str(in);
                int typeAt = in.position();
                int type = Byte.toUnsignedInt(in.get());
                details.add(switch (type) {
                    case 0 -> new Detail.TextValue(name, str(in));
                    case 1 -> new Detail.Count(name, in.getLong());
                    case 2 -> {
                        byte[] digest = new byte[32];
                        in.get(digest);
                        yield new Detail.Digest(name, Sha256.of(digest));
                    }
                    default -> throw new Malformed(typeAt, "has detail type " + type + "; known types are 0, 1, 2");
                });
            }
            EventHeader header = new EventHeader(time, actor, device, jurisdiction, disposition);
            DetailReader reader = new DetailReader(header, details);
            LogEvent event = kind.read(reader);
            if (!reader.finished()) {
                throw new Malformed(in.position(), "has more details than a " + kindId + " event holds");
            }
            if (in.hasRemaining()) {
                throw new Malformed(in.position(), "has " + in.remaining() + " bytes after the event");
            }
            if (!java.util.Arrays.equals(encode(event), bytes)) {
                throw new Malformed(0, "is not in canonical form");
            }
            return event;
        } catch (BufferUnderflowException e) {
            throw new Malformed(bytes.length, "ends early (truncated)");
        } catch (IllegalArgumentException | DateTimeException e) {
            if (e instanceof Malformed m) {
                throw m;
            }
            throw new Malformed(in.position(), "holds an invalid value: " + e.getMessage());
        }
    }

    private static int flag(ByteBuffer in, String what) {
        int at = in.position();
        int v = Byte.toUnsignedInt(in.get());
        if (v > 1) {
            throw new Malformed(at, "has " + v + " as the " + what + " flag; it must be 0 or 1");
        }
        return v;
    }

    private static String str(ByteBuffer in) {
        int at = in.position();
        int length = in.getInt();
        if (length < 0 || length > MAX_STRING) {
            throw new Malformed(at, "has a string of length " + Integer.toUnsignedString(length)
                    + "; at most " + MAX_STRING + " bytes are allowed");
        }
        if (length > in.remaining()) {
            throw new Malformed(at, "ends early (truncated): a string of " + length + " bytes starts here but only "
                    + in.remaining() + " bytes follow");
        }
        byte[] b = new byte[length];
        in.get(b);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed(at + 4, "has a string that is not valid UTF-8");
        }
    }

    /** Bytes that are not the canonical encoding of an event. */
    public static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int offset;

        Malformed(int offset, String problem) {
            super("byte " + offset + ": the log entry " + problem);
            this.offset = offset;
        }

        /** The byte offset in the entry where the problem was found. */
        public int offset() {
            return offset;
        }
    }

    private static final class Out {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream(128);

        void raw(byte[] bytes) {
            b.writeBytes(bytes);
        }

        void u8(int v) {
            b.write(v);
        }

        void i32(int v) {
            b.write(v >>> 24);
            b.write(v >>> 16);
            b.write(v >>> 8);
            b.write(v);
        }

        void i64(long v) {
            i32((int) (v >>> 32));
            i32((int) v);
        }

        void str(String s) {
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            i32(u.length);
            b.writeBytes(u);
        }

        byte[] bytes() {
            return b.toByteArray();
        }
    }
}
