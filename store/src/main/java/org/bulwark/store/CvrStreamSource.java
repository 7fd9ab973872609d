package org.bulwark.store;

import java.io.IOException;
import java.util.function.Consumer;
import org.bulwark.model.CastVoteRecord;

/**
 * Pushes the CVRs of one file into a sink, so a reader streams straight into the import's
 * transaction without the store knowing about files:
 * {@code sink -> "NIST SP 1500-103 " + CvrFiles.read(path, index, options, sink).format()}.
 * An exception thrown here (a {@code BadInputException} at CVR 5,000, an I/O error) undoes the
 * whole import and comes out of {@link Workspace#importCvrs} unchanged.
 */
@FunctionalInterface
public interface CvrStreamSource {
    /**
     * Pushes every CVR of the file into the sink.
     *
     * @return the file's format as the reader detected it (recorded with the import)
     */
    String pushTo(Consumer<CastVoteRecord> sink) throws IOException;
}
