package org.bulwark.tally;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.results.ElectionResults;

/**
 * Tabulation on several threads, two ways. {@link #runEach} reads several independent sources (CVR
 * files) at once, each thread counting what it reads into its own {@link PartialTally}: nothing is
 * handed between threads, so reading, the usual bottleneck, runs in parallel. {@link #run} serves a
 * single source (a workspace's one stream of CVRs): it runs the producer on the calling thread and K
 * tally workers, each with its own {@link PartialTally}, connected by a bounded queue so that memory
 * stays flat however many CVRs there are. CVRs travel in chunks to keep queue traffic low. Either way
 * the partial tallies are merged at the end, which gives the same results however the CVRs were split.
 *
 * <p>In {@link #run}, if the producer fails (a bad input file), the workers are stopped and the producer's exception
 * is thrown; if a worker fails, the producer is stopped at its next CVR and the worker's exception
 * is thrown. No results are returned from a run that failed.
 */
public final class TallyPipeline {
    static final int CHUNK = 256;

    /** Reads CVRs and hands each one to the sink, as the CVR readers do. */
    @FunctionalInterface
    public interface CvrProducer {
        void produce(Consumer<CastVoteRecord> sink) throws IOException;
    }

    /**
     * One independent source of CVRs for {@link #runEach}.
     *
     * @param size a hint of how long it takes (a file's size): larger sources start first, so that
     *     the threads finish together
     */
    public record Source(CvrProducer producer, long size) {
        public Source {
            java.util.Objects.requireNonNull(producer, "producer");
        }
    }

    private TallyPipeline() {}

    /**
     * Tabulates every source with up to {@code threads} threads (the calling thread is one of them):
     * each thread takes the next source not yet started and counts its CVRs into its own tally.
     *
     * <p>Failures are reported as if the sources had been read one after the other in list order:
     * when a source fails, the sources after it in the list are stopped (they do not matter any more)
     * while those before it run on, and the failure of the first failing source in the list is
     * thrown. No results are returned from a run that failed.
     */
    public static ElectionResults runEach(Tabulator tabulator, int threads, List<Source> sources)
            throws IOException, InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        EachRun run = new EachRun(tabulator, sources);
        int extra = Math.min(threads, Math.max(1, sources.size())) - 1;
        List<Thread> helpers = new ArrayList<>();
        for (int i = 0; i < extra; i++) {
            PartialTally partial = run.partials.get(i + 1);
            helpers.add(Thread.ofPlatform().name("tally-reader-" + (i + 1)).daemon().start(() -> run.work(partial)));
        }
        run.work(run.partials.get(0));
        boolean interrupted = Thread.interrupted();
        for (Thread t : helpers) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    run.cancelled = true;
                }
            }
        }
        if (interrupted || run.cancelled) {
            Thread.currentThread().interrupt();
            throw new InterruptedException("tabulation interrupted");
        }
        int failed = run.firstFailed.get();
        if (failed != Integer.MAX_VALUE) {
            switch (run.failures[failed]) {
                case IOException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException("unexpected failure", run.failures[failed]);
            }
        }
        PartialTally result = run.partials.get(0);
        for (int i = 1; i <= extra; i++) {
            result.merge(run.partials.get(i));
        }
        return result.results();
    }

    /** The shared state of one {@link #runEach}: which source is next, and which failed first. */
    private static final class EachRun {
        private final List<Source> sources;
        /** Source indexes, largest first. */
        private final int[] schedule;
        private final AtomicInteger next = new AtomicInteger();
        /** The index of the first source in the list that failed, or MAX_VALUE. */
        private final AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
        /** Written before firstFailed is lowered, read after the threads are joined. */
        private final Throwable[] failures;
        private final List<PartialTally> partials = new ArrayList<>();
        private volatile boolean cancelled;

        EachRun(Tabulator tabulator, List<Source> sources) {
            this.sources = List.copyOf(sources);
            this.failures = new Throwable[this.sources.size()];
            this.schedule = java.util.stream.IntStream.range(0, this.sources.size()).boxed()
                    .sorted(java.util.Comparator.comparingLong((Integer i) -> -this.sources.get(i).size()).thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < Math.max(1, this.sources.size()); i++) {
                partials.add(tabulator.newPartial());
            }
        }

        void work(PartialTally partial) {
            for (int s = next.getAndIncrement(); s < schedule.length; s = next.getAndIncrement()) {
                int index = schedule[s];
                if (stopped(index)) {
                    continue;
                }
                try {
                    sources.get(index).producer().produce(cvr -> {
                        if (stopped(index)) {
                            throw new TallyStopped(new IllegalStateException("an earlier source failed"));
                        }
                        partial.add(cvr);
                    });
                } catch (TallyStopped stopped) {
                    // This source no longer matters: an earlier one failed or the run was interrupted.
                } catch (IOException | RuntimeException | Error e) {
                    failures[index] = e;
                    firstFailed.accumulateAndGet(index, Math::min);
                }
            }
        }

        private boolean stopped(int index) {
            if (Thread.currentThread().isInterrupted()) {
                cancelled = true;
            }
            return cancelled || firstFailed.get() < index;
        }
    }

    /**
     * Tabulates everything the producer produces with {@code workers} threads.
     *
     * @param queueChunks how many chunks of CVRs may wait in the queue (memory bound)
     */
    public static ElectionResults run(Tabulator tabulator, int workers, int queueChunks, CvrProducer producer)
            throws IOException, InterruptedException {
        if (workers < 1 || queueChunks < 1) {
            throw new IllegalArgumentException("workers and queue size must be at least 1, not " + workers + " and " + queueChunks);
        }
        BlockingQueue<List<CastVoteRecord>> queue = new ArrayBlockingQueue<>(queueChunks);
        AtomicReference<Throwable> workerFailure = new AtomicReference<>();
        List<PartialTally> partials = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            PartialTally partial = tabulator.newPartial();
            partials.add(partial);
            threads.add(Thread.ofPlatform().name("tally-worker-" + i).daemon().start(() -> work(queue, partial, workerFailure)));
        }
        Sink sink = new Sink(queue, workerFailure);
        Throwable producerFailure = null;
        try {
            producer.produce(sink);
            sink.flush();
        } catch (IOException | RuntimeException | Error e) {
            producerFailure = e;
            queue.clear(); // the run failed: what is still queued will not be counted
        }
        stop(queue, threads);
        Throwable failure = workerFailure.get();
        if (failure != null) {
            if (producerFailure != null && !(producerFailure instanceof TallyStopped)) {
                failure.addSuppressed(producerFailure);
            }
            switch (failure) {
                case RuntimeException r -> throw r;
                case Error e -> throw e;
                default -> throw new IllegalStateException("tally worker failed", failure);
            }
        }
        switch (producerFailure) {
            case null -> {}
            case TallyStopped stopped -> throw new InterruptedException("tabulation interrupted");
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException("unexpected failure", producerFailure);
        }
        PartialTally result = partials.get(0);
        for (int i = 1; i < partials.size(); i++) {
            result.merge(partials.get(i));
        }
        return result.results();
    }

    /** Sends every worker the end marker and waits for them, even if this thread is interrupted. */
    private static void stop(BlockingQueue<List<CastVoteRecord>> queue, List<Thread> threads) {
        boolean interrupted = false;
        for (int i = 0; i < threads.size(); i++) {
            while (true) {
                try {
                    queue.put(END);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells a worker to stop; compared by identity, so it is an object no producer can hand in. */
    private static final List<CastVoteRecord> END = Collections.unmodifiableList(new ArrayList<>(0));

    private static void work(BlockingQueue<List<CastVoteRecord>> queue, PartialTally partial, AtomicReference<Throwable> failure) {
        try {
            while (true) {
                List<CastVoteRecord> chunk = queue.take();
                if (chunk == END) {
                    return;
                }
                if (failure.get() == null) {
                    try {
                        chunk.forEach(partial::add);
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            Thread.currentThread().interrupt();
        }
    }

    /** Collects CVRs into chunks and puts full chunks on the queue. */
    private static final class Sink implements Consumer<CastVoteRecord> {
        private final BlockingQueue<List<CastVoteRecord>> queue;
        private final AtomicReference<Throwable> workerFailure;
        private List<CastVoteRecord> chunk = new ArrayList<>(CHUNK);

        Sink(BlockingQueue<List<CastVoteRecord>> queue, AtomicReference<Throwable> workerFailure) {
            this.queue = queue;
            this.workerFailure = workerFailure;
        }

        @Override
        public void accept(CastVoteRecord cvr) {
            Throwable failure = workerFailure.get();
            if (failure != null) {
                throw new TallyStopped(failure);
            }
            chunk.add(cvr);
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TallyStopped(e);
            }
            chunk = new ArrayList<>(CHUNK);
        }
    }

    /** Unwinds the producer when a worker failed or the run was interrupted. */
    private static final class TallyStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TallyStopped(Throwable cause) {
            super("tabulation stopped: " + cause.getMessage(), cause);
        }
    }
}
