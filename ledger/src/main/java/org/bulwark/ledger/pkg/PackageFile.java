package org.bulwark.ledger.pkg;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A file to put into a package: its name in the archive, where it is now, and for a CVR file
 * the summary of its CVRs ({@link CvrMerkle}), computed by whoever read the CVRs.
 */
public record PackageFile(String name, Path source, Optional<Manifest.CvrSummary> cvrs) {
    public static PackageFile of(Path source) {
        return new PackageFile(source.getFileName().toString(), source, Optional.empty());
    }
}
