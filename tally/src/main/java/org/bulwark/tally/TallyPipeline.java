package org.bulwark.tally;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.results.ElectionResults;

/**
 * Runs one CVR producer (a reader) on the calling thread and K tally workers, each with its own
 * {@link PartialTally}, connected by a bounded queue so that memory stays flat however many CVRs
 * there are. CVRs travel in chunks to keep queue traffic low.
 *
 * <p>If the producer fails (a bad input file), the workers are stopped and the producer's exception
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

    private TallyPipeline() {}

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
