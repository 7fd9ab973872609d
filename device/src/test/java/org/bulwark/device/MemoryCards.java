package org.bulwark.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary folders in memory (/dev/shm) where the system has it: the device syncs every file of every
 * ballot to its card, which on a shared disk costs more than everything else the tests do. The code
 * under test is the same; only the medium is faster.
 */
public final class MemoryCards implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "bulwark-device-test")
                : Files.createTempDirectory("bulwark-device-test");
    }
}
