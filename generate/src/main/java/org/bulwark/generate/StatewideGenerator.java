package org.bulwark.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bulwark.generate.StatewidePlan.AuthorityPlan;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
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
    /** Default for {@link Settings#ballotsPerFile()}: a million ballots make a handful of chunks. */
    public static final long DEFAULT_BALLOTS_PER_FILE = 250_000;

    /**
     * What to generate.
     *
     * @param authorities local election authorities (1 to 1,000; Missouri has 116)
     * @param precincts precincts in all, at least one per authority (Missouri has about 3,500)
     * @param ballots ballots cast in all
     * @param seed the seed: the same settings always give the same output
     * @param ballotsPerFile a chunk of CVR files holds whole authorities until it reaches this many ballots
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

    /**
     * Consecutive authorities whose ballots go out together: one CVR file per counting group, since
     * a NIST CVR report does not say how its ballots were cast.
     */
    public record Chunk(int number, List<GpUnitId> authorities, long ballots) {
        public Chunk {
            authorities = List.copyOf(authorities);
        }

        /** The name of this chunk's CVR file for one counting group, such as cvr-01-absentee.json. */
        public String fileName(CountingGroup group) {
            return String.format("cvr-%02d-%s.json", number, group.nist());
        }
    }

    private final Settings settings;
    private final StatewidePlan plan;
    private final List<Chunk> chunks;

    private StatewideGenerator(Settings settings) {
        this.settings = settings;
        this.plan = StatewidePlan.build(settings);
        this.chunks = chunks(plan.authorities, settings.ballotsPerFile());
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

    /** How the ballots are shared into chunks, in order. */
    public List<Chunk> chunks() {
        return chunks;
    }

    /** Every ballot, authority by authority, in the order of {@link #chunks()}. */
    public void castVoteRecords(Consumer<? super CastVoteRecord> sink) {
        for (AuthorityPlan a : plan.authorities) {
            BallotMaker.ballots(settings.seed(), a, sink);
        }
    }

    /** The ballots of one chunk: the same records, in the same order, as in the whole stream. */
    public void castVoteRecords(Chunk chunk, Consumer<? super CastVoteRecord> sink) {
        for (AuthorityPlan a : plan.authorities) {
            if (chunk.authorities().contains(a.authority().id())) {
                BallotMaker.ballots(settings.seed(), a, sink);
            }
        }
    }

    private static List<Chunk> chunks(List<AuthorityPlan> authorities, long perChunk) {
        List<Chunk> out = new ArrayList<>();
        List<GpUnitId> current = new ArrayList<>();
        long inCurrent = 0;
        for (AuthorityPlan a : authorities) {
            if (!current.isEmpty() && inCurrent + a.ballots() > perChunk) {
                out.add(new Chunk(out.size() + 1, current, inCurrent));
                current = new ArrayList<>();
                inCurrent = 0;
            }
            current.add(a.authority().id());
            inCurrent += a.ballots();
        }
        out.add(new Chunk(out.size() + 1, current, inCurrent));
        return List.copyOf(out);
    }
}
