package org.bulwark.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Tampering with a published log, at random places; each try works on a copy of one published log. */
class PublishedLogPropertiesTest {
    private static Path template;

    @BeforeContainer
    static void publishTemplate() throws IOException {
        template = Files.createTempDirectory("published-template");
        PublishedLogTest.publish(template, PublishedLogTest.entries(0, 300));
        PublishedLogTest.publish(template, PublishedLogTest.entries(300, 520));
    }

    @AfterContainer
    static void deleteTemplate() {
        delete(template);
    }

    static Path copyOfTemplate() throws IOException {
        Path copy = Files.createTempDirectory("published");
        try (Stream<Path> all = Files.walk(template)) {
            for (Path p : all.toList()) {
                Path target = copy.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flipping any single byte of any published file makes verification fail. */
    @Property(tries = 150)
    void anyChangedByteFails(@ForAll @IntRange(min = 0, max = 1_000_000) int pick, @ForAll @IntRange(min = 0, max = 7) int bit) throws IOException {
        Path dir = copyOfTemplate();
        try {
            List<Path> files;
            try (Stream<Path> all = Files.walk(dir)) {
                files = all.filter(Files::isRegularFile).sorted().toList();
            }
            Path file = files.get(pick % files.size());
            byte[] b = Files.readAllBytes(file);
            b[(pick / files.size()) % b.length] ^= (byte) (1 << bit);
            Files.write(file, b);
            assertThat(PublishedLogVerifier.verify(dir, PublishedLogTest.TRUST, Optional.empty())).as("%s", file).isInstanceOf(LogVerification.Failed.class);
        } finally {
            delete(dir);
        }
    }

    /** Removing any published file makes verification fail (every file is either tree data or a chained checkpoint). */
    @Property(tries = 40)
    void anyRemovedFileFails(@ForAll @IntRange(min = 0, max = 1_000) int pick) throws IOException {
        Path dir = copyOfTemplate();
        try {
            List<Path> files;
            try (Stream<Path> all = Files.walk(dir)) {
                files = all.filter(Files::isRegularFile).sorted().toList();
            }
            Path file = files.get(pick % files.size());
            Files.delete(file);
            assertThat(PublishedLogVerifier.verify(dir, PublishedLogTest.TRUST, Optional.empty())).as("%s", file)
                    .isInstanceOf(LogVerification.Failed.class);
        } finally {
            delete(dir);
        }
    }

    /** Swapping two adjacent entries in a bundle (reordering) fails. */
    @Property(tries = 20)
    void reorderedEntriesFail(@ForAll @IntRange(min = 0, max = 298) int i) throws IOException {
        Path dir = copyOfTemplate();
        try {
            Path bundle = dir.resolve("tile/entries/000");
            List<byte[]> parsed = ((EntryBundles.Result.Entries) EntryBundles.parse(Files.readAllBytes(bundle), 256)).entries();
            int k = i % 255;
            List<byte[]> swapped = new ArrayList<>(parsed);
            swapped.set(k, parsed.get(k + 1));
            swapped.set(k + 1, parsed.get(k));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (byte[] e : swapped) {
                out.write(e.length >> 8);
                out.write(e.length & 0xff);
                out.write(e);
            }
            Files.write(bundle, out.toByteArray());
            assertThat(PublishedLogVerifier.verify(dir, PublishedLogTest.TRUST, Optional.empty())).isEqualTo(new LogVerification.Failed("tile/0/000",
                    "hash " + k, "the leaf hash of entry " + k + " differs from the one computed from the entry bundles"));
        } finally {
            delete(dir);
        }
    }

}
