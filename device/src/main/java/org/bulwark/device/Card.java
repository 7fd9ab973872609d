package org.bulwark.device;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.bulwark.formats.results.AtomicFiles;

/**
 * The device's memory card: a folder whose layout is fixed here, in one place (docs/device.md,
 * "Files on the memory card"). Every file is written whole or not at all.
 */
final class Card {
    static final String IDENTITY = "identity.json";
    static final String EVENTS = "events.log";
    static final String TRUST = "trust";
    static final String ELECTION = "election";
    static final String ELECTION_FILE = "election.json";
    static final String CVRS = "cvr";
    static final String PAPER = "paper";
    static final String PENDING = "pending";
    static final String REPORTS = "reports";
    static final String EXPORT = "export";
    static final String SET_ASIDE = "set-aside";
    static final String CVR_SUFFIX = ".cvr";
    static final String PAPER_SUFFIX = ".pdf";
    /** Every ballot file gets this modification time, so the card's file times do not reveal the order of casting. */
    static final FileTime NO_TIME = FileTime.fromMillis(0);

    private final Path root;

    Card(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path file(String name) {
        return root.resolve(name);
    }

    Path election(String name) {
        return root.resolve(ELECTION).resolve(name);
    }

    Path cvr(String ballotId) {
        return root.resolve(CVRS).resolve(ballotId + CVR_SUFFIX);
    }

    Path paper(String ballotId) {
        return root.resolve(PAPER).resolve(ballotId + PAPER_SUFFIX);
    }

    Path pending(String name) {
        return root.resolve(PENDING).resolve(name);
    }

    Path report(String name) {
        return root.resolve(REPORTS).resolve(name);
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Files directly in a folder of the card, sorted by name; none when the folder does not exist. */
    List<Path> list(String folder) throws IOException {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Ballot ids stored on the card, in ballot id order (unrelated to the order of casting). */
    List<String> ballotIds() throws IOException {
        return list(CVRS).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(CVR_SUFFIX)).map(n -> n.substring(0, n.length() - CVR_SUFFIX.length())).toList();
    }

    /** Moves a folder of the card under set-aside/NAME, keeping it for the record but out of every count. */
    void setAside(String folder, String name) throws IOException {
        Path dir = root.resolve(folder);
        if (Files.isDirectory(dir)) {
            move(dir, root.resolve(SET_ASIDE).resolve(name).resolve(folder));
        }
    }
}
