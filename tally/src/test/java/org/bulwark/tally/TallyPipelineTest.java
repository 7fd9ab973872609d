package org.bulwark.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.tally.Fixtures.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.results.ElectionResults;
import org.junit.jupiter.api.Test;

class TallyPipelineTest {

    private static Scenario bigScenario() {
        // Several thousand CVRs: many chunks through a small queue, so producer and workers block.
        Scenario s = Scenario.generate(new Random(20261103), 60);
        List<CastVoteRecord> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.addAll(s.cvrs());
        }
        return new Scenario(s.election(), many);
    }

    @Test
    void anyNumberOfWorkersGivesTheSameResultsAsOneTallyInOneThread() throws Exception {
        Scenario s = bigScenario();
        assertThat(s.cvrs()).hasSizeGreaterThan(1000);
        Tabulator tabulator = Tabulator.of(ElectionIndex.of(s.election()));
        PartialTally sequential = tabulator.newPartial();
        s.cvrs().forEach(sequential::add);
        ElectionResults expected = sequential.results();

        for (int workers = 1; workers <= 4; workers++) {
            ElectionResults r = TallyPipeline.run(tabulator, workers, 2, sink -> s.cvrs().forEach(sink));
            assertThat(r).as("%d workers", workers).isEqualTo(expected);
        }
        assertThat(expected.ballots().total().counted()).isEqualTo(s.cvrs().size());
    }

    @Test
    void theProducersFailureIsThrownAndTheWorkersStop() {
        Tabulator tabulator = Tabulator.of(ElectionIndex.of(general()));
        CastVoteRecord ok = ballot("b1", "s2", P2, contest("mayor", vote("alice")));
        assertThatThrownBy(() -> TallyPipeline.run(tabulator, 3, 1, sink -> {
            for (int i = 0; i < 5000; i++) {
                sink.accept(ok);
            }
            throw new IOException("cvr.json: truncated");
        })).isInstanceOf(IOException.class).hasMessage("cvr.json: truncated");
    }

    @Test
    void aWorkersFailureStopsTheProducerAndIsThrown() {
        Tabulator tabulator = Tabulator.of(ElectionIndex.of(general()));
        CastVoteRecord ok = ballot("b1", "s2", P2, contest("mayor", vote("alice")));
        CastVoteRecord bad = ballot("b2", "s2", P2, contest("nope"));
        AtomicInteger produced = new AtomicInteger();
        assertThatThrownBy(() -> TallyPipeline.run(tabulator, 2, 1, sink -> {
            sink.accept(bad);
            for (int i = 0; i < 1_000_000; i++) {
                sink.accept(ok);
                produced.incrementAndGet();
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("ballot b2: contest nope is not in the election");
        assertThat(produced.get()).isLessThan(1_000_000);
    }

    @Test
    void refusesNonsenseSizes() {
        Tabulator tabulator = Tabulator.of(ElectionIndex.of(general()));
        assertThatThrownBy(() -> TallyPipeline.run(tabulator, 0, 1, sink -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingProducedGivesEmptyResults() throws Exception {
        Tabulator tabulator = Tabulator.of(ElectionIndex.of(general()));
        assertThat(TallyPipeline.run(tabulator, 2, 4, sink -> {}).ballots().total().counted()).isZero();
    }

    /** The scenario's CVRs cut into uneven sources, as CVR files of different sizes would be. */
    private static List<TallyPipeline.Source> sources(List<CastVoteRecord> cvrs) {
        List<TallyPipeline.Source> sources = new ArrayList<>();
        int from = 0;
        for (int size = 1; from < cvrs.size(); size *= 3) {
            List<CastVoteRecord> part = cvrs.subList(from, Math.min(cvrs.size(), from + size));
            sources.add(new TallyPipeline.Source(sink -> part.forEach(sink), part.size()));
            from += part.size();
        }
        return sources;
    }

    @Test
    void sourcesReadAtOnceGiveTheSameResultsForAnyNumberOfThreads() throws Exception {
        Scenario s = bigScenario();
        Tabulator tabulator = Tabulator.of(ElectionIndex.of(s.election()));
        PartialTally sequential = tabulator.newPartial();
        s.cvrs().forEach(sequential::add);
        ElectionResults expected = sequential.results();
        List<TallyPipeline.Source> sources = sources(s.cvrs());
        assertThat(sources).hasSizeGreaterThan(4);

        for (int threads = 1; threads <= sources.size() + 2; threads++) {
            ElectionResults r = TallyPipeline.runEach(tabulator, threads, sources);
            assertThat(r).as("%d threads", threads).isEqualTo(expected);
        }
    }

    @Test
    void theFirstFailingSourceInListOrderIsThrownWhicheverFailsFirst() {
        Tabulator tabulator = Tabulator.of(ElectionIndex.of(general()));
        CastVoteRecord ok = ballot("b1", "s2", P2, contest("mayor", vote("alice")));
        // The second source is larger, so it starts first, and fails at once; the first fails late.
        List<TallyPipeline.Source> sources = List.of(
                new TallyPipeline.Source(sink -> {
                    for (int i = 0; i < 20_000; i++) {
                        sink.accept(ok);
                    }
                    throw new IOException("first.json: truncated");
                }, 1),
                new TallyPipeline.Source(sink -> {
                    throw new IOException("second.json: not JSON");
                }, 2));
        for (int threads = 1; threads <= 3; threads++) {
            int k = threads;
            assertThatThrownBy(() -> TallyPipeline.runEach(tabulator, k, sources))
                    .as("%d threads", k).isInstanceOf(IOException.class).hasMessage("first.json: truncated");
        }
    }

    @Test
    void aFailingSourceStopsTheSourcesAfterIt() {
        Tabulator tabulator = Tabulator.of(ElectionIndex.of(general()));
        CastVoteRecord ok = ballot("b1", "s2", P2, contest("mayor", vote("alice")));
        AtomicInteger produced = new AtomicInteger();
        List<TallyPipeline.Source> sources = List.of(
                new TallyPipeline.Source(sink -> {
                    throw new IOException("first.json: not JSON");
                }, 2),
                new TallyPipeline.Source(sink -> {
                    for (int i = 0; i < 10_000_000; i++) {
                        sink.accept(ok);
                        produced.incrementAndGet();
                    }
                }, 1));
        assertThatThrownBy(() -> TallyPipeline.runEach(tabulator, 2, sources))
                .isInstanceOf(IOException.class).hasMessage("first.json: not JSON");
        assertThat(produced.get()).isLessThan(10_000_000);
    }

    @Test
    void noSourcesGiveEmptyResultsAndZeroThreadsIsRefused() throws Exception {
        Tabulator tabulator = Tabulator.of(ElectionIndex.of(general()));
        assertThat(TallyPipeline.runEach(tabulator, 2, List.of()).ballots().total().counted()).isZero();
        assertThatThrownBy(() -> TallyPipeline.runEach(tabulator, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
