package org.bulwark.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.pkg.Verification;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.ledger.trust.TrustRegistry;
import org.bulwark.ledger.pkg.ZipLimits;
import org.bulwark.model.BadInputException;

/** A folder standing for a USB drive: the signed packages on it, verified before anything is read. */
final class UsbDrive {
    private UsbDrive() {}

    /** The .zip files at the top of the drive, by name. */
    static List<Path> zips(Path usb) throws IOException {
        if (!Files.isDirectory(usb)) {
            throw new BadInputException(usb.toString(), "folder", "no such folder: give the folder that stands for the USB drive");
        }
        try (Stream<Path> s = Files.list(usb)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".zip") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** What the package claims to be, unverified: only to pick which package to verify. */
    static Optional<PackageType> type(Path zip) throws IOException {
        return Packages.inspect(zip) instanceof Packages.Inspection.Read r ? Optional.of(r.manifest().type()) : Optional.empty();
    }

    /** The outcome of verification: valid, or the first failed check in words. */
    record Verified(Optional<Verification.Valid> valid, Optional<String> failure) {}

    static Verified verify(Path zip, TrustRegistry trust, Optional<String> election) throws IOException {
        Verification v = Packages.verify(zip, trust, new Packages.Expectations(election, Optional.empty(), Optional.empty(),
                Optional.empty(), ZipLimits.DEFAULT));
        return switch (v) {
            case Verification.Valid ok -> new Verified(Optional.of(ok), Optional.empty());
            case Verification.Failed f -> new Verified(Optional.empty(), Optional.of(f.message()));
        };
    }
}
