package org.bulwark.ledger.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bulwark.model.BadInputException;

/**
 * What the election authority tells a device before its polls open ({@code readiness.json} inside a
 * custody package signed by an AUTHORITY key; format "bulwark-readiness" version 1): whether the
 * device passed every readiness check for this election, and which checks failed. The device reads
 * it with {@link #read} after verifying the package, and opens its polls only if it names itself,
 * this election and {@code ready} (or an official overrides, which the device logs).
 *
 * <pre>
 * {"format":"bulwark-readiness","version":1,"deviceSerial":S,"electionFingerprint":"sha256:HEX",
 *  "ready":true|false,"failedChecks":["..."],"issuedAt":"ISO instant"}
 * </pre>
 */
public record ReadinessClearance(String deviceSerial, Fingerprint electionFingerprint, boolean ready, List<String> failedChecks,
        Instant issuedAt) {
    public static final String FORMAT = "bulwark-readiness";
    public static final int VERSION = 1;
    /** The file's name inside the custody package. */
    public static final String FILE = "readiness.json";
    private static final Set<String> FIELDS = Set.of("format", "version", "deviceSerial", "electionFingerprint", "ready", "failedChecks",
            "issuedAt");

    public ReadinessClearance {
        Names.check("device serial", deviceSerial);
        Objects.requireNonNull(electionFingerprint, "electionFingerprint");
        failedChecks = List.copyOf(failedChecks);
        failedChecks.forEach(c -> Names.check("failed check", c));
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (ready != failedChecks.isEmpty()) {
            throw new IllegalArgumentException(ready ? "a ready device has no failed checks" : "a device that is not ready has a failed check");
        }
    }

    public static ReadinessClearance read(byte[] bytes, String file) {
        JsonDoc doc = JsonDoc.parse(bytes, file);
        doc.expect("format", FORMAT);
        doc.expectVersion(VERSION);
        doc.onlyFields(FIELDS);
        String serial = doc.name("deviceSerial");
        Fingerprint election = doc.fingerprint("electionFingerprint");
        boolean ready = doc.bool("ready");
        List<String> failed = doc.strings("failedChecks");
        for (int i = 0; i < failed.size(); i++) {
            String c = failed.get(i);
            if (c.isBlank() || c.length() > Names.MAX || c.chars().anyMatch(Character::isISOControl) || !c.equals(c.strip())) {
                throw new BadInputException(file, "failedChecks[" + i + "]", "\"" + c + "\" is not a check name");
            }
        }
        if (ready != failed.isEmpty()) {
            throw doc.problem("ready", ready ? "is true but failedChecks lists " + failed : "is false but failedChecks is empty");
        }
        return new ReadinessClearance(serial, election, ready, failed, doc.instant("issuedAt"));
    }

    public byte[] bytes() {
        return JsonDoc.write(g -> {
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("deviceSerial", deviceSerial);
            g.writeStringField("electionFingerprint", electionFingerprint.value());
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
