package org.bulwark.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrFormat;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.cvr.CvrReportWriter;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ElectionIndex;
import org.bulwark.tally.PartialTally;
import org.bulwark.tally.Tabulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-ballot costs behind {@link FoundationBench}, in memory so that disk and start-up are out of
 * the picture: walking the token stream of a NIST JSON CVR report, reading it into CVRs, and adding
 * CVRs to a tally. Run: {@code java -cp bench/target/bulwark-bench.jar org.openjdk.jmh.Main ReadAndTally}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadAndTallyBenchmark {
    @Param("20000")
    int ballots;

    private byte[] report;
    private ElectionIndex index;
    private List<CastVoteRecord> cvrs;
    private Tabulator tabulator;

    @Setup
    public void setUp() throws IOException {
        StatewideGenerator generator = StatewideGenerator.create(new StatewideGenerator.Settings(116, 3500, ballots, 2026));
        index = ElectionIndex.of(generator.election());
        tabulator = Tabulator.of(index);
        cvrs = new ArrayList<>(ballots);
        generator.castVoteRecords(cvrs::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CvrReportWriter writer = CvrFiles.writer(out, CvrFormat.JSON, generator.election(), "bench", OffsetDateTime.parse("2026-11-03T20:00:00Z"))) {
            for (CastVoteRecord cvr : cvrs) {
                writer.write(cvr);
            }
        }
        report = out.toByteArray();
    }

    /** Operations are files of {@code ballots} CVRs: multiply the score by it for ballots per second. */
    @Benchmark
    public long tokenStream() throws IOException {
        long count = 0;
        try (JsonParser p = new JsonFactory().createParser(report)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                count += t.id();
            }
        }
        return count;
    }

    @Benchmark
    public void readCvrs(Blackhole hole) throws IOException {
        CvrFiles.read(new ByteArrayInputStream(report), "bench.json", index, CvrReadOptions.strict(), hole::consume);
    }

    @Benchmark
    public long readAndTally() throws IOException {
        PartialTally tally = tabulator.newPartial();
        CvrFiles.read(new ByteArrayInputStream(report), "bench.json", index, CvrReadOptions.strict(), tally::add);
        return tally.ballotsCounted();
    }

    @Benchmark
    public long tallyOnly() {
        PartialTally tally = tabulator.newPartial();
        for (CastVoteRecord cvr : cvrs) {
            tally.add(cvr);
        }
        return tally.ballotsCounted();
    }
}
