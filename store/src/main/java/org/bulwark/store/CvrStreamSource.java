package org.bulwark.store;

import java.io.IOException;
import java.util.function.Consumer;
import org.bulwark.model.CastVoteRecord;

/**
 * Pushes the CVRs of one file into a sink, so a reader streams straight into the import's
 * transaction: {@code sink -> CvrFiles.read(path, index, options, sink)}. An exception thrown here
 * (a {@code BadInputException} at CVR 5,000, an I/O error) undoes the whole import.
 */
@FunctionalInterface
public interface CvrStreamSource {
    void pushTo(Consumer<CastVoteRecord> sink) throws IOException;
}
