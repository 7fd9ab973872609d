package org.bulwark.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of the device's own code, computed at start: the jar the device runs from, or, when
 * it runs from a build folder (tests), every class file under it hashed in sorted order by name and
 * content. The election package lists the fingerprints certified for the election; a device whose
 * code differs by one byte refuses the election.
 */
public final class SoftwareFingerprint {
    private static volatile String computed;

    private SoftwareFingerprint() {}

    /** "sha256:" and 64 hex digits; computed once per run. */
    public static String ofRunningDevice() {
        String f = computed;
        if (f == null) {
            f = of(codeLocation());
            computed = f;
        }
        return f;
    }

    static String of(Path code) {
        try {
            MessageDigest md = EventJournal.sha256();
            if (Files.isDirectory(code)) {
                List<Path> classes;
                try (Stream<Path> walk = Files.walk(code)) {
                    classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path c : classes) {
                    byte[] name = code.relativize(c).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8);
                    byte[] content = Files.readAllBytes(c);
                    md.update(longBytes(name.length));
                    md.update(name);
                    md.update(longBytes(content.length));
                    md.update(content);
                }
            } else {
                try (InputStream in = Files.newInputStream(code)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        md.update(buffer, 0, n);
                    }
                }
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the device's own code at " + code, e);
        }
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    private static Path codeLocation() {
        try {
            return Path.of(SoftwareFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the device's code location is not a file", e);
        }
    }
}
