package org.bulwark.device;

import java.time.LocalDate;
import java.util.List;

/**
 * The record of one L&amp;A test of one device, as lat-record.json (the contract with the custody
 * module, which records it with 'bulwark readiness lat --record FILE').
 *
 * @param softwareFingerprint and {@code electionFingerprint}: "sha256:" and 64 hex digits
 */
public record LatRecord(Kind kind, String deviceSerial, String deviceModel, String softwareFingerprint,
        String electionFingerprint, LocalDate date, boolean passed, List<Mismatch> mismatches) {
    public static final String FILE = "lat-record.json";
    static final String FORMAT = "bulwark-lat-record";

    public LatRecord {
        mismatches = List.copyOf(mismatches);
    }

    /** Before the election (then the device goes to official mode) or the re-test after it. */
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
    }

    /** One count that differs: contest and selection ids ("overvotes", "undervotes", "ballots" for those counts). */
    public record Mismatch(String contest, String selection, long expected, long found) {}

    public byte[] bytes() {
        return SmallJson.write(g -> {
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeStringField("kind", kind.word());
            g.writeStringField("deviceSerial", deviceSerial);
            g.writeStringField("deviceModel", deviceModel);
            g.writeStringField("softwareFingerprint", softwareFingerprint);
            g.writeStringField("electionFingerprint", electionFingerprint);
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
