package org.bulwark.formats.vendor;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.bulwark.formats.vendor.VendorSource.Columns;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ranked.RankedBallot;

/**
 * Reads a vendor's cast vote records for one ranked-choice contest, the way RCTab reads them (see
 * docs/vendor-cvrs.md for each provider's files and fields), streaming: each ballot goes to the sink as soon as
 * it is read and is then forgotten.
 */
public final class VendorCvrs {
    private VendorCvrs() {}

    /**
     * Reads every ballot of the source's contest into the sink.
     *
     * @return the number of ballots read
     * @throws BadInputException when a file is missing, malformed or inconsistent, naming the file, the place in
     *     it (row and column, JSON path, XML element) and the problem; ballots already passed to the sink must
     *     then be discarded by the caller
     * @throws IOException when a readable file cannot be read (a disk error)
     */
    public static long read(VendorSource source, Consumer<? super RankedBallot> sink) throws IOException {
        if (!Files.exists(source.path())) {
            throw new BadInputException(source.path().toString(), "the " + source.provider().rctabName() + " source",
                    "no such " + (isFolder(source.provider()) ? "folder" : "file"));
        }
        if (isFolder(source.provider()) != Files.isDirectory(source.path())) {
            throw new BadInputException(source.path().toString(), "the " + source.provider().rctabName() + " source",
                    isFolder(source.provider()) ? "is a file, but this provider's records are a folder"
                            : "is a folder, but this provider's records are a file");
        }
        return switch (source.provider()) {
            case ESS -> EssReader.read(source, sink);
            case GENERIC_CSV -> GenericCsvReader.read(source, sink);
            case CLEAR_BALLOT -> ClearBallotReader.read(source, contestId(source), sink);
            case DOMINION -> DominionReader.read(source, contestId(source), sink);
            case HART -> HartReader.read(source, contestId(source), sink);
            case CDF -> CdfReader.read(source, contestId(source), sink);
        };
    }

    private static boolean isFolder(VendorSource.Provider provider) {
        return provider == VendorSource.Provider.DOMINION || provider == VendorSource.Provider.HART;
    }

    static Columns columns(VendorSource source) {
        return source.columns().orElseThrow(() -> new BadInputException(source.path().toString(), "the source settings",
                "a " + source.provider().rctabName() + " source needs firstVoteColumnIndex and firstVoteRowIndex"));
    }

    private static String contestId(VendorSource source) {
        return source.contestId().filter(id -> !id.isBlank()).orElseThrow(() -> new BadInputException(
                source.path().toString(), "the source settings",
                "a " + source.provider().rctabName() + " source needs the contestId of the contest to read"));
    }
}
