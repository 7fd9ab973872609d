package org.bulwark.device;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bulwark.formats.eventlog.EventLogFormat;
import org.bulwark.formats.eventlog.EventLogWriter;
import org.bulwark.formats.eventlog.ExportHeader;
import org.bulwark.model.BadInputException;
import org.bulwark.model.events.EventEncoding;
import org.bulwark.model.events.LogEvent;

/**
 * The device's own event log on its memory card (events.log): one line per event, the event's
 * canonical encoding in base64, a space, and the hash chain value after it:
 *
 * <pre>
 * H_0 = SHA-256("bulwark/device-event-chain/v1");  H_i = SHA-256(H_{i-1} || encoding_i)
 * </pre>
 *
 * Appending a line and syncing it is the commit point of every action (a cast ballot counts only
 * once its event is on the card). A line cut short by a crash or power loss is dropped when the card
 * is opened again; any other break of the chain means the card was altered, and is refused.
 */
final class EventJournal {
    static final String ANCHOR = "bulwark/device-event-chain/v1";
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private final List<LogEvent> events;
    private byte[] head;

    private EventJournal(Path file, List<LogEvent> events, byte[] head) {
        this.file = file;
        this.events = events;
        this.head = head;
    }

    /** Reads and checks the whole log; a torn last line is cut off the file. */
    static EventJournal open(Path file) throws IOException {
        byte[] head = sha256().digest(ANCHOR.getBytes(StandardCharsets.US_ASCII));
        List<LogEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return new EventJournal(file, events, head);
        }
        byte[] all = Files.readAllBytes(file);
        int start = 0;
        int line = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            line++;
            if (end == all.length) {
                // No newline: the write was cut short before it was synced; it never counted.
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(start);
                    ch.force(true);
                }
                break;
            }
            String text = new String(all, start, end - start, StandardCharsets.US_ASCII);
            int space = text.indexOf(' ');
            try {
                byte[] encoding = Base64.getDecoder().decode(text.substring(0, space));
                MessageDigest md = sha256();
                md.update(head);
                md.update(encoding);
                byte[] next = md.digest();
                if (!HEX.formatHex(next).equals(text.substring(space + 1))) {
                    throw new BadInputException(file.toString(), "line " + line,
                            "the hash chain breaks here: the device's event log was altered");
                }
                events.add(EventEncoding.decode(encoding));
                head = next;
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw new BadInputException(file.toString(), "line " + line,
                        "not an event of a device log (" + e.getMessage() + ")", e);
            }
            start = end + 1;
        }
        return new EventJournal(file, events, head);
    }

    /** Appends one event and syncs it to the card: once this returns, the event happened. */
    void append(LogEvent event) throws IOException {
        byte[] encoding = EventEncoding.encode(event);
        MessageDigest md = sha256();
        md.update(head);
        md.update(encoding);
        byte[] next = md.digest();
        byte[] line = (Base64.getEncoder().encodeToString(encoding) + " " + HEX.formatHex(next) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(false);
        }
        events.add(event);
        head = next;
    }

    List<LogEvent> events() {
        return List.copyOf(events);
    }

    /** The chain value after the last event, in hex: printed on reports so the log can be matched to them. */
    String head() {
        return HEX.formatHex(head);
    }

    /** The log as NIST SP 1500-101 JSON, for the results package. */
    void exportNist(String serial, Optional<String> electionId, Instant now, String softwareVersion, OutputStream out) {
        try (EventLogWriter w = EventLogWriter.open(EventLogFormat.JSON,
                new ExportHeader(serial, electionId, now, softwareVersion), out)) {
            for (int i = 0; i < events.size(); i++) {
                w.write(i, events.get(i));
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
