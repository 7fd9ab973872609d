package org.bulwark.ledger.exchange;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bulwark.model.BadInputException;

/**
 * The record a device's logic and accuracy session writes ({@code lat-record.json}, format
 * "bulwark-lat-record" version 1; RSMo 115.233, 15 CSR 30-10.140): which device, its reported
 * software fingerprint, the election tested, the date, and whether every count matched.
 *
 * <pre>
 * {"format":"bulwark-lat-record","version":1,"kind":"pre-election"|"post-election","deviceSerial":S,"deviceModel":M,
 *  "softwareFingerprint":"sha256:HEX","electionFingerprint":"sha256:HEX","date":"YYYY-MM-DD","passed":true|false,
 *  "mismatches":[{"contest":C,"selection":S,"expected":N,"found":N}]}
 * </pre>
 */
public record LatRecord(Kind kind, String deviceSerial, String deviceModel, Fingerprint softwareFingerprint,
        Fingerprint electionFingerprint, LocalDate date, boolean passed, List<Mismatch> mismatches) {
    /** The file's name where a device writes it. */
    public static final String FILE = "lat-record.json";
    public static final String FORMAT = "bulwark-lat-record";
    public static final int VERSION = 1;
    private static final Set<String> FIELDS = Set.of("format", "version", "kind", "deviceSerial", "deviceModel", "softwareFingerprint",
            "electionFingerprint", "date", "passed", "mismatches");

    public enum Kind {
        PRE_ELECTION("pre-election"),
        POST_ELECTION("post-election");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Optional<Kind> parse(String text) {
            return Arrays.stream(values()).filter(k -> k.word.equals(text)).findFirst();
        }
    }

    /** A count that differed from the deck's expected tally. */
    public record Mismatch(String contest, String selection, long expected, long found) {
        public Mismatch {
            Names.check("contest", contest);
            Names.check("selection", selection);
        }
    }

    public LatRecord {
        Objects.requireNonNull(kind, "kind");
        Names.check("device serial", deviceSerial);
        Names.check("device model", deviceModel);
        Objects.requireNonNull(softwareFingerprint, "softwareFingerprint");
        Objects.requireNonNull(electionFingerprint, "electionFingerprint");
        Objects.requireNonNull(date, "date");
        mismatches = List.copyOf(mismatches);
        if (passed && !mismatches.isEmpty()) {
            throw new IllegalArgumentException("an L&A test with mismatches did not pass");
        }
    }

    /** Reads a record, refusing anything else with a {@link BadInputException} that names the file, the field and the problem. */
    public static LatRecord read(byte[] bytes, String file) {
        JsonDoc doc = JsonDoc.parse(bytes, file);
        doc.expect("format", FORMAT);
        doc.expectVersion(VERSION);
        doc.onlyFields(FIELDS);
        Kind kind = doc.word("kind", Kind::parse, "pre-election, post-election");
        String serial = doc.name("deviceSerial");
        String model = doc.name("deviceModel");
        Fingerprint software = doc.fingerprint("softwareFingerprint");
        Fingerprint election = doc.fingerprint("electionFingerprint");
        LocalDate date = doc.date("date");
        boolean passed = doc.bool("passed");
        List<Mismatch> mismatches = doc.objects("mismatches", m -> {
            m.onlyFields(Set.of("contest", "selection", "expected", "found"));
            long expected = m.whole("expected");
            long found = m.whole("found");
            if (expected == found) {
                throw m.problem("found", "equals expected (" + expected + "): that is not a mismatch");
            }
            return new Mismatch(m.name("contest"), m.name("selection"), expected, found);
        });
        if (passed && !mismatches.isEmpty()) {
            throw doc.problem("passed", "is true but the record lists " + mismatches.size() + " mismatches");
        }
        return new LatRecord(kind, serial, model, software, election, date, passed, mismatches);
    }

    /** The record as a device writes it. */
    public byte[] bytes() {
        return JsonDoc.write(g -> {
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("kind", kind.word());
            g.writeStringField("deviceSerial", deviceSerial);
            g.writeStringField("deviceModel", deviceModel);
            g.writeStringField("softwareFingerprint", softwareFingerprint.value());
            g.writeStringField("electionFingerprint", electionFingerprint.value());
            g.writeStringField("date", date.toString());
            g.writeBooleanField("passed", passed);
            g.writeArrayFieldStart("mismatches");
            for (Mismatch m : mismatches) {
                g.writeStartObject();
                g.writeStringField("contest", m.contest());
                g.writeStringField("selection", m.selection());
                g.writeNumberField("expected", m.expected());
                g.writeNumberField("found", m.found());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
