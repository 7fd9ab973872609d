package org.bulwark.rctab;

import java.nio.file.Path;
import java.util.List;
import org.bulwark.formats.vendor.VendorSource;
import org.bulwark.tally.rcv.RcvContest;

/**
 * An RCTab contest configuration, read and checked (rctab_config_file_documentation.txt): the contest,
 * its rules and candidates, and where its cast vote records are (paths resolved against the
 * configuration's folder).
 */
public record RctabConfig(Path file, Output output, List<VendorSource> sources, RcvContest contest) {
    public RctabConfig {
        sources = List.copyOf(sources);
    }

    /** The contest's description as RCTab prints it on its reports (empty text when not given). */
    public record Output(String contestName, String contestDate, String jurisdiction, String office,
            boolean tabulateByPrecinct, boolean tabulateByBatch) {}
}
