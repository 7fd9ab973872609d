package org.bulwark.formats.vendor;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a vendor's cast vote records are and how to read them: one entry of an RCTab configuration's
 * cvrFileSources, with the same meaning (rctab_config_file_documentation.txt). Column and row numbers
 * count from 1, as RCTab's do.
 *
 * @param path the file (CDF, Clear Ballot, ES&S, generic CSV) or folder (Dominion, Hart)
 * @param contestId the contest as the file names it; required for every provider but ES&S and generic CSV
 * @param columns where the rankings are, for spreadsheet sources (ES&S, generic CSV)
 * @param labels the source's special spellings of overvotes, skipped ranks and undeclared write-ins
 * @param trustedSigners the keys that may sign the source's files (Hart's NAME.xml.sig.xml). When given, every
 *     file must carry a signature by one of them, as RCTab requires with Hart's key; when empty, a signature
 *     file that is present is checked against the key it carries, which shows the file unchanged since it was
 *     signed but not who signed it
 */
public record VendorSource(Provider provider, Path path, Optional<String> contestId, Optional<Columns> columns,
        Labels labels, List<PublicKey> trustedSigners) {
    public VendorSource {
        trustedSigners = List.copyOf(trustedSigners);
    }

    /** A source whose signature files, if any, are checked against the key they carry (see trustedSigners). */
    public VendorSource(Provider provider, Path path, Optional<String> contestId, Optional<Columns> columns, Labels labels) {
        this(provider, path, contestId, columns, labels, List.of());
    }

    /** The vendors and formats Bulwark reads, with RCTab's name for each. */
    public enum Provider {
        CDF("cdf"), CLEAR_BALLOT("clearBallot"), DOMINION("dominion"), ESS("ess"), HART("hart"),
        GENERIC_CSV("genericCsv");

        private final String rctabName;

        Provider(String rctabName) {
            this.rctabName = rctabName;
        }

        public String rctabName() {
            return rctabName;
        }

        public static Optional<Provider> fromRctabName(String name) {
            for (Provider p : values()) {
                if (p.rctabName.equals(name)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Spreadsheet layout: the first ranking column and first ballot row, optional id, precinct, batch columns,
     * and how many ranking columns there are (RCTab's maxRankingsAllowed: ES&S files may hold other columns after
     * the rankings, and a blank counted as an undeclared write-in needs to know where the rankings end). Without
     * it, every column from the first ranking column to the widest row seen so far is a ranking.
     */
    public record Columns(int firstVoteColumn, int firstVoteRow, OptionalInt idColumn, OptionalInt precinctColumn,
            OptionalInt batchColumn, OptionalInt rankColumns) {
        public Columns {
            if (firstVoteColumn < 1 || firstVoteRow < 1) {
                throw new IllegalArgumentException("first vote column and row count from 1");
            }
            if (rankColumns.isPresent() && rankColumns.getAsInt() < 1) {
                throw new IllegalArgumentException("rank columns " + rankColumns.getAsInt() + " is below 1");
            }
        }

        /** A layout whose ranking columns run to the end of each row. */
        public Columns(int firstVoteColumn, int firstVoteRow, OptionalInt idColumn, OptionalInt precinctColumn,
                OptionalInt batchColumn) {
            this(firstVoteColumn, firstVoteRow, idColumn, precinctColumn, batchColumn, OptionalInt.empty());
        }
    }

    /**
     * @param overvoteDelimiter splits one cell into several candidates (an overvote), ES&S only
     * @param overvoteLabel the text that marks an overvote without naming candidates
     * @param skippedRankLabel the text that marks a rank left blank (RCTab's undervoteLabel)
     * @param undeclaredWriteInLabel the text or id that marks an undeclared write-in
     * @param treatBlankAsUndeclaredWriteIn a blank cell counts as an undeclared write-in, ES&S only
     */
    public record Labels(Optional<String> overvoteDelimiter, Optional<String> overvoteLabel,
            Optional<String> skippedRankLabel, Optional<String> undeclaredWriteInLabel,
            boolean treatBlankAsUndeclaredWriteIn) {
        public static Labels none() {
            return new Labels(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
        }
    }
}
