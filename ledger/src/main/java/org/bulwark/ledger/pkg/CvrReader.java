package org.bulwark.ledger.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.bulwark.model.CastVoteRecord;

/**
 * Reads the CVRs of a file in a package, so that verify can recompute its Merkle root once every
 * hash has passed. The formats module provides the readers; ledger does not depend on it.
 */
@FunctionalInterface
public interface CvrReader {
    /**
     * Sends every CVR in {@code in}, in file order, to {@code sink}; throws BadInputException naming
     * {@code name} when the file is not readable CVRs.
     */
    void read(InputStream in, String name, Consumer<CastVoteRecord> sink) throws IOException;
}
