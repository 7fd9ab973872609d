package org.bulwark.formats.eventlog;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.StringJoiner;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.bulwark.model.events.Detail;
import org.bulwark.model.events.EventKind;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.VvsgCategory;

/**
 * Writes a Bulwark log as a NIST SP 1500-101 ElectionEventLog, one event at a time (memory stays
 * flat whatever the log's size). The whole log is one Device, the workspace that keeps it (Type
 * "ems", Id = the log's origin); an event that came from another device names it in its Details.
 * Each Event's Hash is filled by {@link EventChain}; Sequence is the event's index in the log.
 */
public final class EventLogWriter implements AutoCloseable {
    static final String NAMESPACE = "http://itl.nist.gov/ns/voting/1500-101/v1";
    static final String MANUFACTURER = "Bulwark";
    static final String MODEL = "Bulwark workspace";

    private final Emitter out;
    private final ExportHeader header;
    private final EventChain chain = new EventChain();
    private long lastIndex = -1;

    private EventLogWriter(Emitter out, ExportHeader header) {
        this.out = out;
        this.header = header;
    }

    /** Starts the document; the caller writes every event in log order and then closes the writer. */
    public static EventLogWriter open(EventLogFormat format, ExportHeader header, OutputStream target) {
        Emitter out = Emitter.of(format, target);
        out.start("ElectionEventLog", "EventLogging.ElectionEventLog");
        out.startArray("Device");
        out.start("Device", "EventLogging.Device");
        out.startArray("Event");
        return new EventLogWriter(out, header);
    }

    /** Writes the event at this index of the log; indexes must increase. */
    public void write(long index, LogEvent event) {
        if (index <= lastIndex) {
            throw new IllegalArgumentException("event " + index + " comes after event " + lastIndex);
        }
        lastIndex = index;
        String sequence = Long.toString(index);
        String timeStamp = DateTimeFormatter.ISO_INSTANT.format(event.header().time());
        String type = event.kind().category().code();
        String disposition = event.header().disposition().nist();
        Optional<String> userId = Optional.of(event.header().actor().value());
        Optional<String> description = Optional.of(event.kind().description());
        Optional<String> details = Optional.of(details(event));
        String hash = chain.next(event.kind().id(), sequence, timeStamp, type, disposition, Optional.empty(), userId,
                Optional.empty(), description, details);
        out.start("Event", "EventLogging.Event");
        out.field("Description", description.get());
        out.field("Details", details.get());
        out.field("Disposition", disposition);
        out.field("Hash", hash);
        out.field("Id", event.kind().id());
        out.field("Sequence", sequence);
        out.field("TimeStamp", timeStamp);
        out.field("Type", type);
        out.field("UserId", userId.get());
        out.end();
    }

    /** The event's context and typed details, "name=value" joined by "; ", for people to read. */
    static String details(LogEvent event) {
        StringJoiner j = new StringJoiner("; ");
        event.header().device().ifPresent(d -> j.add("device=" + d.value()));
        j.add("jurisdiction=" + event.header().jurisdiction().value());
        for (Detail d : event.details()) {
            j.add(d.name() + "=" + d.valueText());
        }
        return j.toString();
    }

    @Override
    public void close() {
        out.endArray();
        out.field("HashType", "sha-256");
        out.field("Id", header.logOrigin());
        out.field("Manufacturer", MANUFACTURER);
        out.field("Model", MODEL);
        out.field("Type", "ems");
        out.field("Version", header.bulwarkVersion());
        out.end();
        out.endArray();
        header.electionId().ifPresent(id -> out.field("ElectionId", id));
        out.field("GeneratedTime", DateTimeFormatter.ISO_INSTANT.format(header.generatedTime()));
        out.end();
        out.finish();
    }

    /**
     * Writes the ElectionEventLogDocumentation of the catalog: every event id with its description and
     * VVSG category, and every category code with its VVSG wording.
     */
    public static void writeDocumentation(EventLogFormat format, String bulwarkVersion, LocalDate generated,
            OutputStream target) {
        Emitter out = Emitter.of(format, target);
        out.start("ElectionEventLogDocumentation", "EventLogging.ElectionEventLogDocumentation");
        out.field("DeviceManufacturer", MANUFACTURER);
        out.field("DeviceModel", MODEL);
        out.field("DeviceVersion", bulwarkVersion);
        out.startArray("EventIdDescription");
        for (EventKind kind : EventKind.values()) {
            out.start("EventIdDescription", "EventLogging.EventIdDescription");
            out.field("Description", kind.description() + " (VVSG category " + kind.category().code() + ": "
                    + kind.category().wording() + ")");
            out.field("Id", kind.id());
            out.end();
        }
        out.endArray();
        out.startArray("EventTypeDescription");
        for (VvsgCategory category : VvsgCategory.values()) {
            out.start("EventTypeDescription", "EventLogging.EventTypeDescription");
            out.field("Description", category.wording());
            out.field("Type", category.code());
            out.end();
        }
        out.endArray();
        out.field("GeneratedDate", generated.toString());
        out.end();
        out.finish();
    }

    /** The few shapes both encodings need: objects with a NIST type, arrays of them, text fields. */
    private sealed interface Emitter {
        void start(String element, String jsonType);

        void end();

        void startArray(String name);

        void endArray();

        void field(String name, String value);

        void finish();

        static Emitter of(EventLogFormat format, OutputStream target) {
            return switch (format) {
                case JSON -> new Json(target);
                case XML -> new Xml(target);
            };
        }
    }

    private static final class Json implements Emitter {
        private final JsonGenerator g;

        Json(OutputStream target) {
            try {
                g = new JsonFactory().createGenerator(target, JsonEncoding.UTF8);
                g.useDefaultPrettyPrinter();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private interface Step {
            void run() throws IOException;
        }

        private void io(Step s) {
            try {
                s.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void start(String element, String jsonType) {
            io(() -> {
                g.writeStartObject();
                g.writeStringField("@type", jsonType);
            });
        }

        public void end() {
            io(g::writeEndObject);
        }

        public void startArray(String name) {
            io(() -> g.writeArrayFieldStart(name));
        }

        public void endArray() {
            io(g::writeEndArray);
        }

        public void field(String name, String value) {
            io(() -> g.writeStringField(name, value));
        }

        public void finish() {
            io(() -> {
                g.writeRaw('\n');
                g.flush();
            });
        }
    }

    private static final class Xml implements Emitter {
        private final XMLStreamWriter w;
        private int depth;

        Xml(OutputStream target) {
            try {
                w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(target, "UTF-8");
                w.writeStartDocument("UTF-8", "1.0");
            } catch (XMLStreamException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }

        private interface Step {
            void run() throws XMLStreamException;
        }

        private void io(Step s) {
            try {
                s.run();
            } catch (XMLStreamException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }

        private void indent() throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }

        public void start(String element, String jsonType) {
            io(() -> {
                indent();
                w.writeStartElement(element);
                if (depth == 0) {
                    w.writeDefaultNamespace(NAMESPACE);
                }
                depth++;
            });
        }

        public void end() {
            io(() -> {
                depth--;
                indent();
                w.writeEndElement();
            });
        }

        // XML repeats the element instead of wrapping an array.
        public void startArray(String name) {}

        public void endArray() {}

        public void field(String name, String value) {
            io(() -> {
                indent();
                w.writeStartElement(name);
                w.writeCharacters(value);
                w.writeEndElement();
            });
        }

        public void finish() {
            io(() -> {
                w.writeCharacters("\n");
                w.writeEndDocument();
                w.flush();
            });
        }
    }
}
