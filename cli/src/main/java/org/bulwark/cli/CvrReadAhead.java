package org.bulwark.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.bulwark.formats.cvr.CvrFileSummary;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ElectionIndex;

/**
 * Reads the CVR files of one {@code import cvr} one file ahead. When file n has been read, the
 * workspace still has to shuffle, write and commit it, a step of about a second for a large file
 * during which the reader would sit idle; so file n+1 is read meanwhile, on its own thread, into a
 * bounded queue ({@link #QUEUED_CVRS} CVRs, about 43 MB), which its import then drains before reading on;
 * at most two queues exist at once (the file being drained and the next). Each file is still imported
 * whole, in its own transaction, in the order given.
 *
 * <p>What the early reading finds comes out exactly where it would have without it: a bad file's
 * {@code BadInputException} or I/O error is kept and thrown by that file's own import, after the
 * files before it are imported, and never if an earlier file fails or the file is refused as
 * already imported (its reading is then stopped and forgotten).
 */
final class CvrReadAhead implements AutoCloseable {
    /** CVRs handed over at once: one queue operation per thousand CVRs, not per CVR. */
    static final int BATCH = 1_000;
    /** At most this many CVRs wait per file: about 1.8 KB each in memory, so about 43 MB. */
    static final int QUEUED_CVRS = 24 * BATCH;

    private final List<CvrInput> inputs;
    private final ElectionIndex index;
    private final CvrReadOptions.Mode mode;
    private final int threads;
    private final int batch;
    private final int queuedBatches;
    private final List<Optional<Ahead>> ahead = new ArrayList<>();
    private boolean closed;

    /** @param threads how many threads may parse one file (see {@link CvrReadOptions#threads()}) */
    CvrReadAhead(List<CvrInput> inputs, ElectionIndex index, CvrReadOptions.Mode mode, int threads) {
        this(inputs, index, mode, threads, BATCH, QUEUED_CVRS / BATCH);
    }

    /** With other sizes, so that tests of small files fill the queue too. */
    CvrReadAhead(List<CvrInput> inputs, ElectionIndex index, CvrReadOptions.Mode mode, int threads, int batch, int queuedBatches) {
        this.inputs = List.copyOf(inputs);
        this.index = index;
        this.mode = mode;
        this.threads = threads;
        this.batch = batch;
        this.queuedBatches = queuedBatches;
        inputs.forEach(i -> ahead.add(Optional.empty()));
    }

    /**
     * Pushes the CVRs of the i-th file into {@code sink}: those read ahead if its reading has started,
     * else read now, on this thread. {@code bytesRead} hears how far the reading has gone. Once the
     * file has been read to its end, the next file starts being read ahead. Returns what the file held,
     * with the SHA-256 of the bytes read (each file is hashed as it is read, not in a pass of its own).
     */
    CvrFileSummary pushTo(int i, Consumer<CastVoteRecord> sink, LongConsumer bytesRead) throws IOException {
        Optional<Ahead> early = started(i);
        if (early.isPresent()) {
            return early.get().drainTo(sink, bytesRead);
        }
        CvrFileSummary read = CvrFiles.readHashing(inputs.get(i).file(), index, options(i).withProgress(bytesRead), sink);
        startAfter(i);
        return read;
    }

    private synchronized Optional<Ahead> started(int i) {
        return ahead.get(i);
    }

    /** File i has been read without a problem: start reading the next one, unless everything is stopping. */
    private synchronized void startAfter(int i) {
        int next = i + 1;
        if (!closed && next < inputs.size() && ahead.get(next).isEmpty()) {
            ahead.set(next, Optional.of(new Ahead(next)));
        }
    }

    private CvrReadOptions options(int i) {
        return new CvrReadOptions(mode, inputs.get(i).countingGroup(), Optional.empty(), threads);
    }

    /** Stops every reading still going on and waits for its thread, so no file stays open. */
    @Override
    public void close() {
        List<Ahead> running = new ArrayList<>();
        synchronized (this) {
            closed = true;
            ahead.forEach(a -> a.ifPresent(running::add));
        }
        running.forEach(Ahead::stop);
    }

    /** What the reading thread hands over: CVRs, or the end of the file, or what stopped the reading. */
    private sealed interface Handed {
        record Cvrs(List<CastVoteRecord> cvrs) implements Handed {}

        record End(CvrFileSummary read) implements Handed {}

        record Failed(Throwable problem) implements Handed {}
    }

    /** Thrown in the reading thread when its file will not be imported: ends the reading quietly. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** One file read ahead on its own thread. */
    private final class Ahead {
        private final BlockingQueue<Handed> queue = new ArrayBlockingQueue<>(queuedBatches);
        private final AtomicLong bytes = new AtomicLong();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        private final Thread thread;
        private volatile boolean stopping;

        Ahead(int i) {
            thread = Thread.ofPlatform().name("bulwark-read-ahead").daemon().start(() -> {
                try {
                    read(i);
                } finally {
                    ended.complete(null);
                }
            });
        }

        private void read(int i) {
            List<CastVoteRecord> cvrs = new ArrayList<>(batch);
            Handed last;
            try {
                CvrFileSummary read = CvrFiles.readHashing(inputs.get(i).file(), index, options(i).withProgress(bytes::set), cvr -> {
                    cvrs.add(cvr);
                    if (cvrs.size() == batch) {
                        hand(new Handed.Cvrs(List.copyOf(cvrs)));
                        cvrs.clear();
                    }
                });
                if (!cvrs.isEmpty()) {
                    hand(new Handed.Cvrs(List.copyOf(cvrs)));
                }
                last = new Handed.End(read);
            } catch (Stopped e) {
                return;
            } catch (Throwable problem) { // kept, to be thrown by this file's import, in its turn
                last = new Handed.Failed(problem);
            }
            try {
                hand(last);
            } catch (Stopped e) {
                return;
            }
            if (last instanceof Handed.End) {
                startAfter(i);
            }
        }

        private void hand(Handed h) {
            while (true) {
                if (stopping) {
                    throw new Stopped();
                }
                try {
                    queue.put(h);
                    return;
                } catch (InterruptedException e) {
                    // stop() interrupts; the flag says whether to give up
                }
            }
        }

        CvrFileSummary drainTo(Consumer<CastVoteRecord> sink, LongConsumer bytesRead) throws IOException {
            while (true) {
                Handed h;
                try {
                    h = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while importing the CVRs read ahead");
                }
                bytesRead.accept(bytes.get());
                switch (h) {
                    case Handed.Cvrs(List<CastVoteRecord> cvrs) -> cvrs.forEach(sink);
                    case Handed.End(CvrFileSummary read) -> {
                        return read;
                    }
                    case Handed.Failed(Throwable problem) -> {
                        switch (problem) {
                            case IOException io -> throw io;
                            case RuntimeException unchecked -> throw unchecked;
                            case Error error -> throw error;
                            default -> throw new IllegalStateException(problem);
                        }
                    }
                }
            }
        }

        void stop() {
            stopping = true;
            thread.interrupt();
            queue.clear();
            ended.join(); // not interruptible: the file must be closed before the command goes on
        }
    }
}
