package org.bulwark.formats.eventlog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bulwark.model.BadInputException;
import org.bulwark.model.events.Disposition;

/**
 * Reads NIST SP 1500-101 files (JSON or XML, told apart by their first byte): device event logs and
 * their documentation. Unknown fields, missing required ones, bad times or dispositions, and a hash
 * chain that does not match are each a {@link BadInputException} naming the file, the place and
 * the problem; nothing is silently skipped.
 *
 * <p>A Device's events are held until the Device ends, because both encodings put the Device's Id
 * and HashType after its events: the first few thousand in memory, the rest in a temporary file
 * ({@link EventSpool}), so memory stays bounded; the whole file is never held. A Device may hold at
 * most {@value #MAX_EVENTS_PER_DEVICE} events.
 */
public final class EventLogReader {
    static final int MAX_EVENTS_PER_DEVICE = 1_000_000;

    private static final Set<String> LOG_OBJECTS = Set.of("Device", "Event");
    private static final Set<String> LOG_FIELDS = Set.of("Details", "ElectionId", "GeneratedTime", "@type");
    private static final Set<String> DEVICE_FIELDS = Set.of("Details", "HashType", "OtherHashType", "Id",
            "Manufacturer", "Model", "Type", "OtherType", "Version", "@type");
    private static final Set<String> EVENT_FIELDS = Set.of("Description", "Details", "Disposition",
            "OtherDisposition", "Hash", "Id", "Sequence", "Severity", "TimeStamp", "Type", "UserId", "@type");

    private EventLogReader() {}

    /**
     * Reads an ElectionEventLog, passing each event to the sink as soon as its Device has been read
     * and its chain checked; returns what each Device held.
     */
    public static ImportReport read(InputStream in, String file, Consumer<? super ImportedEvent> sink)
            throws IOException {
        try (EventSpool spool = new EventSpool()) {
            LogHandler[] handler = new LogHandler[1];
            TreeWalker.walk(in, file, "ElectionEventLog", LOG_OBJECTS, w -> handler[0] = new LogHandler(w, sink, spool));
            return handler[0].report();
        }
    }

    /** Reads an ElectionEventLogDocumentation. */
    public static EventLogDocumentation readDocumentation(InputStream in, String file) throws IOException {
        DocumentationHandler[] handler = new DocumentationHandler[1];
        TreeWalker.walk(in, file, "ElectionEventLogDocumentation", Set.of("EventIdDescription", "EventTypeDescription"),
                w -> handler[0] = new DocumentationHandler(w));
        return handler[0].documentation();
    }

    /** Collects the text fields of one object, refusing unknown and repeated ones. */
    private static final class Fields {
        private final TreeWalker at;
        private final Set<String> allowed;
        private final Map<String, String> values = new LinkedHashMap<>();

        Fields(TreeWalker at, Set<String> allowed) {
            this.at = at;
            this.allowed = allowed;
        }

        void put(String name, String value) {
            if (!allowed.contains(name)) {
                throw at.bad("\"" + name + "\" is not a field here; expected one of " + new java.util.TreeSet<>(allowed));
            }
            if (values.putIfAbsent(name, value) != null) {
                throw at.bad("\"" + name + "\" is given twice");
            }
        }

        Optional<String> optional(String name) {
            return Optional.ofNullable(values.get(name));
        }

        String required(String name, String what) {
            String v = values.get(name);
            if (v == null || v.isBlank()) {
                throw at.bad(what + " has no " + name + " (required)");
            }
            return v;
        }
    }

    private static final class LogHandler implements TreeWalker.Handler {
        private final TreeWalker at;
        private final Consumer<? super ImportedEvent> sink;
        private Fields log;
        private Fields device;
        private Fields event;
        private final EventSpool events;
        private String eventPlace;
        private final List<DeviceReport> reports = new ArrayList<>();

        LogHandler(TreeWalker at, Consumer<? super ImportedEvent> sink, EventSpool events) {
            this.at = at;
            this.sink = sink;
            this.events = events;
        }

        public void start(String name) {
            switch (name) {
                case "ElectionEventLog" -> log = new Fields(at, LOG_FIELDS);
                case "Device" -> {
                    if (device != null) {
                        throw at.bad("a Device cannot hold another Device");
                    }
                    device = new Fields(at, DEVICE_FIELDS);
                    events.clear();
                }
                case "Event" -> {
                    if (device == null || event != null) {
                        throw at.bad("an Event must be directly inside a Device");
                    }
                    if (events.size() >= MAX_EVENTS_PER_DEVICE) {
                        throw at.bad("a Device holds more than " + MAX_EVENTS_PER_DEVICE + " events");
                    }
                    event = new Fields(at, EVENT_FIELDS);
                    eventPlace = at.place();
                }
                default -> throw new IllegalStateException(name);
            }
        }

        public void field(String name, String value) {
            Fields target = event != null ? event : device != null ? device : log;
            target.put(name, value);
        }

        public void end(String name) {
            switch (name) {
                case "Event" -> {
                    events.add(event(event), eventPlace);
                    event = null;
                }
                case "Device" -> {
                    endDevice();
                    device = null;
                }
                default -> log.required("GeneratedTime", "the ElectionEventLog");
            }
        }

        private DeviceEvent event(Fields f) {
            String what = "this Event";
            String timeStamp = f.required("TimeStamp", what);
            Instant time;
            try {
                time = OffsetDateTime.parse(timeStamp).toInstant();
            } catch (DateTimeParseException e) {
                throw at.bad("TimeStamp \"" + timeStamp + "\" is not a date and time with a UTC offset, like "
                        + "2026-11-03T07:00:00-05:00");
            }
            String disposition = f.required("Disposition", what);
            Disposition d = Disposition.fromNist(disposition).orElseThrow(() -> at.bad("Disposition \"" + disposition
                    + "\" is not one of success, failure, na, other"));
            return new DeviceEvent(f.required("Id", what), f.required("Sequence", what), timeStamp, time,
                    f.required("Type", what), d, f.optional("OtherDisposition"), f.optional("UserId"),
                    f.optional("Severity"), f.optional("Description"), f.optional("Details"), f.optional("Hash"));
        }

        private void endDevice() {
            Device d = new Device(device.required("Id", "this Device"), device.optional("Manufacturer"),
                    device.optional("Model"), device.optional("Type"), device.optional("Version"),
                    device.optional("HashType"));
            ChainCheck chain = checkChain(d);
            events.forEach((i, held) -> sink.accept(new ImportedEvent(d, held.event())));
            reports.add(new DeviceReport(d, events.size(), chain));
        }

        private ChainCheck checkChain(Device d) {
            long[] hashed = {0};
            EventSpool.Held[] firstUnhashed = {null};
            events.forEach((i, held) -> {
                if (held.event().hash().isPresent()) {
                    hashed[0]++;
                } else if (firstUnhashed[0] == null) {
                    firstUnhashed[0] = held;
                }
            });
            if (hashed[0] == 0) {
                return new ChainCheck.NoChain();
            }
            String where = "device " + d.id();
            if (firstUnhashed[0] != null) {
                throw new BadInputException(at.file(), firstUnhashed[0].place(), where + ", sequence "
                        + firstUnhashed[0].event().sequence() + ": this Event has no Hash but " + hashed[0]
                        + " other events of the device do; the hash chain is broken");
            }
            if (d.hashType().isPresent() && !d.hashType().get().equals("sha-256")) {
                throw at.bad(where + ": HashType is \"" + d.hashType().get()
                        + "\"; Bulwark verifies sha-256 hash chains only");
            }
            EventChain chain = new EventChain();
            events.forEach((i, held) -> {
                DeviceEvent e = held.event();
                String expected = chain.next(e);
                String found = e.hash().get();
                if (!expected.equalsIgnoreCase(found)) {
                    throw new BadInputException(at.file(), held.place(), where + ", sequence " + e.sequence()
                            + ": the Hash does not match the hash chain (expected " + expected + ", found " + found
                            + "); this event or one before it was altered, removed or reordered");
                }
            });
            return new ChainCheck.Verified(events.size());
        }

        ImportReport report() {
            return new ImportReport(log.optional("ElectionId"), log.required("GeneratedTime", "the ElectionEventLog"),
                    reports);
        }
    }

    private static final class DocumentationHandler implements TreeWalker.Handler {
        private final TreeWalker at;
        private Fields root;
        private Fields item;
        private final Map<String, String> ids = new HashMap<>();
        private final Map<String, String> types = new HashMap<>();

        DocumentationHandler(TreeWalker at) {
            this.at = at;
        }

        public void start(String name) {
            if (name.equals("ElectionEventLogDocumentation")) {
                root = new Fields(at, Set.of("DeviceId", "DeviceManufacturer", "DeviceModel", "DeviceVersion",
                        "GeneratedDate", "@type"));
            } else {
                if (item != null) {
                    throw at.bad("a " + name + " cannot hold another description");
                }
                item = new Fields(at, Set.of("Description", name.equals("EventIdDescription") ? "Id" : "Type", "@type"));
            }
        }

        public void field(String name, String value) {
            (item != null ? item : root).put(name, value);
        }

        public void end(String name) {
            switch (name) {
                case "EventIdDescription" -> add(ids, item.required("Id", name), item.required("Description", name));
                case "EventTypeDescription" -> add(types, item.required("Type", name), item.required("Description", name));
                default -> {}
            }
            item = null;
        }

        private void add(Map<String, String> into, String key, String description) {
            if (into.putIfAbsent(key, description) != null) {
                throw at.bad("\"" + key + "\" is described twice");
            }
        }

        EventLogDocumentation documentation() {
            String what = "the ElectionEventLogDocumentation";
            return new EventLogDocumentation(root.required("DeviceManufacturer", what), root.required("DeviceModel", what),
                    ids, types, root.required("GeneratedDate", what));
        }
    }
}
