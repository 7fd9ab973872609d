package org.bulwark.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bulwark.generate.StatewidePlan.AuthorityPlan;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Election;
import org.bulwark.model.GpUnitId;

/**
 * A synthetic statewide general election shaped like Missouri's: local election authorities
 * (counties and two cities with their own boards), precincts and splits, congressional, legislative,
 * county, municipal and school districts, the ballot styles they produce, and ballots with a few
 * overvotes, undervotes and write-ins. The same settings give the same election and the same
 * ballots, in the same order, on any machine. Ballots are drawn as they are consumed: memory does
 * not grow with their number.
 */
public final class StatewideGenerator {
    /** Default for {@link Settings#ballotsPerFile()}: a million ballots make a handful of files. */
    public static final long DEFAULT_BALLOTS_PER_FILE = 250_000;

    /**
     * What to generate.
     *
     * @param authorities local election authorities (1 to 1,000; Missouri has 116)
     * @param precincts precincts in all, at least one per authority (Missouri has about 3,500)
     * @param ballots ballots cast in all
     * @param seed the seed: the same settings always give the same output
     * @param ballotsPerFile a CVR file holds whole authorities until it reaches this many ballots
     */
    public record Settings(int authorities, int precincts, long ballots, long seed, long ballotsPerFile) {
        public Settings {
            if (authorities < 1 || authorities > 1_000) {
                throw new IllegalArgumentException("authorities must be between 1 and 1000, not " + authorities);
            }
            if (precincts < authorities || precincts > 100_000) {
                throw new IllegalArgumentException("precincts must be between the number of authorities ("
                        + authorities + ") and 100000, not " + precincts);
            }
            if (ballots < 0 || ballots > 1_000_000_000L) {
                throw new IllegalArgumentException("ballots must be between 0 and 1000000000, not " + ballots);
            }
            if (ballotsPerFile < 1) {
                throw new IllegalArgumentException("ballots per file must be at least 1, not " + ballotsPerFile);
            }
        }

        public Settings(int authorities, int precincts, long ballots, long seed) {
            this(authorities, precincts, ballots, seed, DEFAULT_BALLOTS_PER_FILE);
        }
    }

    /** One CVR file of the output: consecutive authorities and their ballot count. */
    public record CvrFile(String name, List<GpUnitId> authorities, long ballots) {
        public CvrFile {
            authorities = List.copyOf(authorities);
        }
    }

    private final Settings settings;
    private final StatewidePlan plan;
    private final List<CvrFile> files;

    private StatewideGenerator(Settings settings) {
        this.settings = settings;
        this.plan = StatewidePlan.build(settings);
        this.files = files(plan.authorities, settings.ballotsPerFile());
    }

    /** Lays out the election (cheap next to drawing the ballots, which happens only when asked). */
    public static StatewideGenerator create(Settings settings) {
        return new StatewideGenerator(settings);
    }

    public Settings settings() {
        return settings;
    }

    public Election election() {
        return plan.election;
    }

    /** How the ballots are shared into CVR files, in order. */
    public List<CvrFile> cvrFiles() {
        return files;
    }

    /** Every ballot, authority by authority, in the order of {@link #cvrFiles()}. */
    public void castVoteRecords(Consumer<? super CastVoteRecord> sink) {
        for (AuthorityPlan a : plan.authorities) {
            BallotMaker.ballots(settings.seed(), a, sink);
        }
    }

    /** The ballots of one CVR file: the same records, in the same order, as in the whole stream. */
    public void castVoteRecords(CvrFile file, Consumer<? super CastVoteRecord> sink) {
        for (AuthorityPlan a : plan.authorities) {
            if (file.authorities().contains(a.authority().id())) {
                BallotMaker.ballots(settings.seed(), a, sink);
            }
        }
    }

    private static List<CvrFile> files(List<AuthorityPlan> authorities, long perFile) {
        List<List<AuthorityPlan>> groups = new ArrayList<>();
        List<AuthorityPlan> current = new ArrayList<>();
        long inCurrent = 0;
        for (AuthorityPlan a : authorities) {
            if (!current.isEmpty() && inCurrent + a.ballots() > perFile) {
                groups.add(current);
                current = new ArrayList<>();
                inCurrent = 0;
            }
            current.add(a);
            inCurrent += a.ballots();
        }
        groups.add(current);
        int digits = Math.max(2, String.valueOf(groups.size()).length());
        List<CvrFile> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<AuthorityPlan> g = groups.get(i);
            out.add(new CvrFile(
                    String.format("cvr-%0" + digits + "d.json", i + 1),
                    g.stream().map(a -> a.authority().id()).toList(),
                    g.stream().mapToLong(AuthorityPlan::ballots).sum()));
        }
        return List.copyOf(out);
    }
}
