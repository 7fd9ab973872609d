package org.bulwark.formats.cvr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.ElectionIndex;

/**
 * Reads one strict JSON report on several threads. The CVR array is cut into pieces of a few
 * megabytes between two CVRs; worker threads parse and check the pieces, and the calling thread hands
 * their CVRs on in file order. The rest of the report (what comes before the array, its last piece and
 * what follows it) is read by an ordinary reader at the end, which checks the report's references,
 * those the pieces used included.
 *
 * <p>Where to cut: at {@code ,{"@type":"CVR.CVR"}, as Bulwark and most exporters write each CVR.
 * In valid JSON a quote inside a string is always escaped, so {@code {"} cannot be inside a string and
 * those bytes can only start an object; in a strict report an object of type CVR.CVR can only be an
 * item of the CVR array; so for a good file every cut falls between two CVRs, and the pieces put back
 * together are the file. A report laid out otherwise is read on one thread. A file that fails in any
 * way is read again on one thread, its CVRs discarded, so that its error is exactly the one a plain
 * read gives (a worker's places are within its piece, not the file).
 */
final class ChunkedJsonCvrReader {
    /** The size of a piece: about 800 CVRs of a statewide general election. */
    static final int PIECE = 1 << 20;
    /** The CVR array must start within this many bytes, or the report is read on one thread. */
    private static final int MAX_PREFIX = 1 << 20;
    /** With no cut in this many bytes (the end of the array, or CVRs written otherwise), the rest is read plainly. */
    private static final int MAX_UNCUT = 32 << 20;
    private static final String ARRAY = "\"CVR\":[";
    private static final byte[] FIRST = (ARRAY + "{\"@type\":\"CVR.CVR\"").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT = ",{\"@type\":\"CVR.CVR\"".getBytes(StandardCharsets.US_ASCII);

    /** Reads the file again on one thread, to throw its error as a plain read says it. */
    @FunctionalInterface
    interface PlainRead {
        void run() throws IOException;
    }

    private final String file;
    private final CountingGroup group;
    private final ElectionIndex election;
    private final ElectionIds ids;
    private final int threads;
    private final int pieceSize;

    private ChunkedJsonCvrReader(String file, CountingGroup group, ElectionIndex election, ElectionIds ids, int threads, int pieceSize) {
        this.file = file;
        this.group = group;
        this.election = election;
        this.ids = ids;
        this.threads = threads;
        this.pieceSize = pieceSize;
    }

    /** What a strict read of the whole report gives: its header, and how many CVRs went to the sink. */
    record Result(ReportHeader header, long cvrs) {}

    /**
     * Reads the report from {@code in} (positioned at its start) on {@code threads} threads besides the
     * caller's, in pieces of at least {@code pieceSize} bytes ({@link #PIECE}; tests cut smaller ones),
     * handing each CVR to {@code sink} in file order.
     */
    static Result read(InputStream in, String file, CountingGroup group, ElectionIndex election, ElectionIds ids, int threads,
            int pieceSize, Consumer<CastVoteRecord> sink, PlainRead plain) throws IOException {
        ChunkedJsonCvrReader reader = new ChunkedJsonCvrReader(file, group, election, ids, threads, pieceSize);
        try {
            return reader.read(in, cvr -> {
                try {
                    sink.accept(cvr);
                } catch (RuntimeException e) {
                    throw new SinkFailed(e);
                }
            });
        } catch (SinkFailed e) {
            throw e.getCause(); // the caller's own, as it threw it
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            plain.run();
            throw new IllegalStateException("reading " + file + " on " + threads + " threads failed where reading it on one"
                    + " thread does not: " + e, e);
        }
    }

    /** A failure of the caller's sink, carried through unchanged. */
    private static final class SinkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailed(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** The CVRs of one piece, and the ids they use. */
    private record Piece(List<CastVoteRecord> cvrs, ReportReferences refs) {}

    private Result read(InputStream in, Consumer<CastVoteRecord> sink) throws IOException {
        Bytes data = new Bytes(in);
        data.fill(MAX_PREFIX + FIRST.length);
        int first = indexOf(FIRST, data.a, 0, Math.min(data.end, MAX_PREFIX + FIRST.length));
        if (first < 0) { // not laid out for cutting: one thread, from the start
            CvrEmitter emitter = new CvrEmitter(file, election, sink);
            ReportHeader header = JsonCvrReader.read(data.restFrom(0), file, true, group, ids, emitter);
            return new Result(header, emitter.count());
        }
        int arrayStart = first + ARRAY.length(); // the first CVR's '{'
        byte[] prefix = Arrays.copyOf(data.a, arrayStart);
        data.start = arrayStart;

        ReportReferences refs = new ReportReferences(file);
        long count = 0;
        ExecutorService workers = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("bulwark-cvr-reader-", 1).daemon().factory());
        try {
            Deque<Future<Piece>> pending = new ArrayDeque<>();
            int searched = pieceSize; // from data.start: a piece is at least pieceSize bytes, so no cut is looked for before
            while (true) {
                int cut = indexOf(NEXT, data.a, data.start + searched, data.end);
                if (cut >= 0) {
                    byte[] piece = new byte[cut - data.start + 2];
                    piece[0] = '[';
                    System.arraycopy(data.a, data.start, piece, 1, cut - data.start);
                    piece[piece.length - 1] = ']';
                    if (pending.size() >= 2 * threads) {
                        count += emit(pending.removeFirst(), sink, refs);
                    }
                    pending.add(workers.submit(() -> parse(piece)));
                    data.start = cut + 1;
                    searched = pieceSize;
                    continue;
                }
                if (data.eof || data.end - data.start >= MAX_UNCUT) {
                    break;
                }
                searched = Math.max(pieceSize, data.end - data.start - NEXT.length + 1);
                data.fill(data.end - data.start + pieceSize);
            }
            while (!pending.isEmpty()) {
                count += emit(pending.removeFirst(), sink, refs);
            }
        } finally {
            workers.shutdownNow();
        }
        // The report around the array, with the array's last piece, as one report: prefix, then the rest of the file.
        CvrEmitter tail = new CvrEmitter(file, election, sink);
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(prefix), data.restFrom(data.start));
        ReportHeader header = JsonCvrReader.read(rest, file, true, group, ids, tail, refs);
        return new Result(header, count + tail.count());
    }

    private Piece parse(byte[] piece) throws IOException {
        List<CastVoteRecord> cvrs = new ArrayList<>();
        ReportReferences used = new ReportReferences(file);
        JsonCvrReader.readCvrArray(piece, piece.length, file, true, group, ids, new CvrEmitter(file, election, cvrs::add), used);
        return new Piece(cvrs, used);
    }

    private static long emit(Future<Piece> next, Consumer<CastVoteRecord> sink, ReportReferences refs) throws IOException {
        Piece piece;
        try {
            piece = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading CVRs");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
        piece.cvrs().forEach(sink);
        refs.useAll(piece.refs());
        return piece.cvrs().size();
    }

    /** The first index of {@code pattern} in {@code a[from, to)}, or -1. */
    static int indexOf(byte[] pattern, byte[] a, int from, int to) {
        byte head = pattern[0];
        for (int i = Math.max(from, 0), last = to - pattern.length; i <= last; i++) {
            if (a[i] == head && Arrays.equals(a, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    /** The file's bytes not yet handed to a piece: {@code a[start, end)}, read on demand. */
    private static final class Bytes {
        private final InputStream in;
        byte[] a = new byte[2 * PIECE];
        int start;
        int end;
        boolean eof;

        Bytes(InputStream in) {
            this.in = in;
        }

        /** Reads until {@code a[start, end)} holds {@code wanted} bytes or the file ends. */
        void fill(int wanted) throws IOException {
            if (start > 0 && start + wanted > a.length) { // drop what the pieces took
                System.arraycopy(a, start, a, 0, end - start);
                end -= start;
                start = 0;
            }
            if (start + wanted > a.length) {
                a = Arrays.copyOf(a, Math.max(start + wanted, 2 * a.length));
            }
            while (!eof && end - start < wanted) {
                int n = in.read(a, end, a.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
            }
        }

        /** The bytes from {@code from} on, then the rest of the file. */
        InputStream restFrom(int from) {
            return new SequenceInputStream(new ByteArrayInputStream(a, from, end - from), in);
        }
    }
}
