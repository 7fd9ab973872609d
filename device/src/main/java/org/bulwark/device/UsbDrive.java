package org.bulwark.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bulwark.ledger.pkg.Manifest;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.pkg.Verification;
import org.bulwark.ledger.pkg.VerifiedFiles;
import org.bulwark.ledger.pkg.ZipLimits;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.ledger.trust.TrustRegistry;
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

    /**
     * The outcome of verification: valid with the wanted files it holds (read while the archive was still
     * open, each re-hashed against the signed manifest), or the first failed check in words.
     */
    record Verified(Optional<Verification.Valid> valid, Optional<String> failure, Map<String, byte[]> files) {
        /** A wanted file that the package must hold. */
        byte[] required(String packageName, String name) {
            byte[] bytes = files.get(name);
            if (bytes == null) {
                throw new BadInputException(packageName, name, "the package has no file '" + name + "'");
            }
            return bytes;
        }
    }

    /**
     * Verifies a package and, only when it is valid, reads the files named in {@code wanted} (name to
     * largest size accepted) that it holds. A file that changed on the drive since it was verified fails
     * the package like any other check.
     */
    static Verified verify(Path zip, TrustRegistry trust, Optional<String> election, Map<String, Integer> wanted)
            throws IOException {
        Map<String, byte[]> read = new HashMap<>();
        Verification v;
        try {
            v = Packages.verify(zip, trust, new Packages.Expectations(election, Optional.empty(), Optional.empty(),
                    Optional.empty(), ZipLimits.DEFAULT), (valid, files) -> {
                        for (Manifest.FileEntry file : valid.manifest().files()) {
                            Integer max = wanted.get(file.name());
                            if (max != null) {
                                read.put(file.name(), files.readAll(file, max));
                            }
                        }
                    });
        } catch (VerifiedFiles.Changed | BadInputException e) {
            return new Verified(Optional.empty(), Optional.of(e.getMessage()), Map.of());
        }
        return switch (v) {
            case Verification.Valid ok -> new Verified(Optional.of(ok), Optional.empty(), Map.copyOf(read));
            case Verification.Failed f -> new Verified(Optional.empty(), Optional.of(f.message()), Map.of());
        };
    }
}
