package org.bulwark.device;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The authority's clearance for a device to open its polls (readiness.json in a custody package
 * signed by an authority key; the contract with the custody module): seals, certification and L&A
 * checked for this device and this election.
 *
 * @param electionFingerprint "sha256:" and 64 hex digits
 */
public record ReadinessClearance(String deviceSerial, String electionFingerprint, boolean ready,
        List<String> failedChecks, Instant issuedAt) {
    public static final String FILE = "readiness.json";
    static final String FORMAT = "bulwark-readiness";

    public ReadinessClearance {
        failedChecks = List.copyOf(failedChecks);
    }

    static ReadinessClearance read(byte[] bytes, String file) {
        SmallJson.Obj o = SmallJson.read(bytes, file).expect(FORMAT, 1);
        String fp = o.text("electionFingerprint");
        if (!fp.matches("sha256:[0-9a-f]{64}")) {
            throw o.problem("electionFingerprint", "must be sha256: and 64 hex digits");
        }
        Instant issued;
        try {
            issued = Instant.parse(o.text("issuedAt"));
        } catch (DateTimeParseException e) {
            throw o.problem("issuedAt", "'" + o.text("issuedAt") + "' is not an ISO instant such as 2026-11-02T18:00:00Z");
        }
        return new ReadinessClearance(o.text("deviceSerial"), fp, o.bool("ready"), o.texts("failedChecks"), issued);
    }

    /** The file's bytes, as the custody side writes them. */
    public byte[] bytes() {
        return SmallJson.write(g -> {
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeStringField("deviceSerial", deviceSerial);
            g.writeStringField("electionFingerprint", electionFingerprint);
            g.writeBooleanField("ready", ready);
            g.writeArrayFieldStart("failedChecks");
            for (String c : failedChecks) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeStringField("issuedAt", issuedAt.toString());
        });
    }
}
