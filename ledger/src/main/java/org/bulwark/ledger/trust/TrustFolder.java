package org.bulwark.ledger.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bulwark.ledger.keys.KeyFingerprint;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.model.BadInputException;

/**
 * A folder of .pub files as a trust store (--trust DIR), for checking packages without a
 * workspace: every .pub file is trusted with the role it states. Other files are ignored.
 */
public final class TrustFolder {
    private TrustFolder() {}

    public static TrustRegistry read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(Keys.PUBLIC_SUFFIX) && Files.isRegularFile(p)).sorted().toList();
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new BadInputException(dir.toString(), "folder", "no such folder: --trust names a folder of .pub files");
        }
        if (files.isEmpty()) {
            throw new BadInputException(dir.toString(), "folder", "holds no .pub files: a trust store needs at least one public key");
        }
        List<TrustEntry> entries = new ArrayList<>();
        Map<KeyFingerprint, Path> seen = new HashMap<>();
        for (Path f : files) {
            PublicKeyInfo info = Keys.loadPublic(f);
            Path earlier = seen.putIfAbsent(info.fingerprint(), f);
            if (earlier != null) {
                throw new BadInputException(f.toString(), "ed25519", "the same key is already in " + earlier.getFileName());
            }
            entries.add(new TrustEntry(info, new Admission.Listed(f.getFileName().toString()), Optional.empty()));
        }
        return TrustRegistry.of(entries);
    }
}
