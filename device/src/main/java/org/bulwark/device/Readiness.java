package org.bulwark.device;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.ledger.exchange.ReadinessClearance;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.ledger.trust.TrustRegistry;
import org.bulwark.model.BadInputException;

/**
 * The readiness clearance check before official polls open (15 CSR 30-10.140 checks before polls
 * open; the custody module issues it): a custody package signed by an authority key, verified with
 * the card's trusted keys, whose readiness.json names this device and this election with ready=true.
 */
final class Readiness {
    private Readiness() {}

    /** Empty when cleared; otherwise what is missing or wrong, in words. */
    static Optional<String> check(Path usb, TrustRegistry trust, String serial, String electionFingerprint) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path zip : UsbDrive.zips(usb)) {
            if (UsbDrive.type(zip).filter(t -> t instanceof PackageType.Custody).isEmpty()) {
                continue;
            }
            String name = zip.getFileName().toString();
            UsbDrive.Verified v = UsbDrive.verify(zip, trust, Optional.empty(), Map.of(ReadinessClearance.FILE, SmallJson.MAX_BYTES));
            if (v.failure().isPresent()) {
                found.add(v.failure().get());
                continue;
            }
            if (!v.files().containsKey(ReadinessClearance.FILE)) {
                continue;
            }
            ReadinessClearance r;
            try {
                r = ReadinessClearance.read(v.files().get(ReadinessClearance.FILE), name + "!" + ReadinessClearance.FILE);
            } catch (BadInputException e) {
                found.add(e.getMessage());
                continue;
            }
            if (!r.deviceSerial().equals(serial) || !r.electionFingerprint().hex().equals(electionFingerprint)) {
                found.add(name + " clears device " + r.deviceSerial() + " for election " + r.electionFingerprint().shortForm()
                        + ", not this device " + serial + " for election " + electionFingerprint.substring(0, 7));
            } else if (!r.ready()) {
                found.add(name + " says this device is NOT ready: failed checks " + String.join(", ", r.failedChecks()));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(found.isEmpty() ? "no readiness clearance (custody package with readiness.json) is on the USB drive"
                : "no readiness clearance for this device: " + String.join("; ", found));
    }
}
