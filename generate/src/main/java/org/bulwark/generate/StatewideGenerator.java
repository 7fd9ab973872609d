package org.bulwark.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrFormat;
import org.bulwark.formats.cvr.CvrReportWriter;
import org.bulwark.formats.election.ElectionFiles;
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
    /** The file the election definition is written to, as Bulwark JSON. */
    public static final String ELECTION_FILE = "election.json";
    /** The device named as producing the CVR reports. */
    public static final String REPORTING_DEVICE = "bulwark-generate";
    /** The reports' GeneratedDate: fixed (the evening of election day), so the output depends on nothing but the settings. */
    static final OffsetDateTime GENERATED = OffsetDateTime.of(2028, 11, 7, 21, 0, 0, 0, ZoneOffset.ofHours(-6));
    /** How often, in ballots, progress is reported while writing. */
    private static final int PROGRESS_EVERY = 1_000;

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

    /** What {@link #writeTo} wrote. */
    public record Output(Path election, List<CvrOutput> cvrFiles) {
        public Output {
            cvrFiles = List.copyOf(cvrFiles);
        }
    }

    /** One CVR file written, with the counting group its ballots were cast in. */
    public record CvrOutput(Path file, CountingGroup countingGroup, long ballots) {}

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

    /**
     * Writes the election definition ({@value #ELECTION_FILE}, Bulwark JSON) and the ballots as NIST
     * SP 1500-103 JSON CVR reports, one per chunk and counting group, into {@code dir}, which must
     * exist. Ballots are written as they are drawn; {@code ballotsWritten} hears how many so far.
     */
    public Output writeTo(Path dir, LongConsumer ballotsWritten) throws IOException {
        Path electionFile = dir.resolve(ELECTION_FILE);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(electionFile))) {
            ElectionFiles.writeBulwarkJson(plan.election, out);
        }
        List<CvrOutput> written = new ArrayList<>();
        long[] total = {0};
        for (Chunk chunk : chunks) {
            try (ChunkWriter writer = new ChunkWriter(dir, chunk)) {
                try {
                    castVoteRecords(chunk, cvr -> {
                        writer.write(cvr);
                        if (++total[0] % PROGRESS_EVERY == 0) {
                            ballotsWritten.accept(total[0]);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                written.addAll(writer.finish());
            }
        }
        ballotsWritten.accept(total[0]);
        return new Output(electionFile, written);
    }

    /** The CVR files of one chunk, each opened when its counting group's first ballot comes. */
    private final class ChunkWriter implements AutoCloseable {
        private final Path dir;
        private final Chunk chunk;
        private final Map<CountingGroup, OutputStream> streams = new EnumMap<>(CountingGroup.class);
        private final Map<CountingGroup, CvrReportWriter> writers = new EnumMap<>(CountingGroup.class);
        private final Map<CountingGroup, Long> counts = new EnumMap<>(CountingGroup.class);

        ChunkWriter(Path dir, Chunk chunk) {
            this.dir = dir;
            this.chunk = chunk;
        }

        void write(CastVoteRecord cvr) {
            CountingGroup group = cvr.countingGroup();
            try {
                CvrReportWriter w = writers.get(group);
                if (w == null) {
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(chunk.fileName(group))), 1 << 16);
                    streams.put(group, out);
                    w = CvrFiles.writer(out, CvrFormat.JSON, plan.election, REPORTING_DEVICE, GENERATED);
                    writers.put(group, w);
                }
                w.write(cvr);
                counts.merge(group, 1L, Long::sum);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Ends every report; returns the files in counting group order. */
        List<CvrOutput> finish() throws IOException {
            List<CvrOutput> out = new ArrayList<>();
            for (Map.Entry<CountingGroup, CvrReportWriter> e : writers.entrySet()) {
                e.getValue().close();
                streams.get(e.getKey()).close();
                out.add(new CvrOutput(dir.resolve(chunk.fileName(e.getKey())), e.getKey(), counts.get(e.getKey())));
            }
            writers.clear();
            streams.clear();
            return out;
        }

        /** Closes the files of a chunk whose writing failed; what they hold is incomplete. */
        @Override
        public void close() throws IOException {
            for (OutputStream s : streams.values()) {
                s.close();
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
