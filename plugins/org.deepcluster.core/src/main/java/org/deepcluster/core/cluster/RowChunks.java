package org.deepcluster.core.cluster;

import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Splits rows into fixed chunks and processes them in parallel. The chunk boundaries depend only on the number of
 * rows, never on the number of threads, and per-chunk partial results are combined in chunk order, so a parallel
 * computation gives bit-identical results on any machine.
 */
final class RowChunks {

    /** Below this many rows everything runs on the calling thread: the parallel overhead would dominate. */
    private static final int PARALLEL_THRESHOLD = 4096;

    /**
     * Below this much work per pass (rows × values read per row) a pass also runs on the calling thread. Measured on
     * two cores (benchmarks/clustering/NOTES.md, session 4): k-means on 10,000 × 32 rows (320,000 values) was 10–15 %
     * faster serial in every fit, on 20,000 × 32 rows about even, on 100,000 × 32 rows 20–40 % slower serial. The
     * chunks, and so the results, are the same either way.
     */
    private static final long PARALLEL_WORK = 1L << 20;
    private static final int MIN_CHUNK = 1024;

    /**
     * Hot loops walk a chunk in blocks of this many rows, one call of a static method per block. Why: a pass over the
     * rows calls a chunk's lambda only about a hundred times, too rarely for the JIT to compile it before the pass
     * ends, so a row loop written in the lambda runs interpreted through the whole first pass (measured: a one-pass
     * final assignment took 0.15 s instead of 0.03 s at 100,000 rows). A method called per block is compiled after a
     * few thousand rows. Blocks run in order within their chunk, so results do not change.
     */
    static final int BLOCK = 64;
    private static final int MAX_CHUNKS = 256;

    /** Processes the rows {@code [from, to)} of one chunk. */
    @FunctionalInterface
    interface Body {
        /** @param chunk the chunk index; @param from the first row; @param to one past the last row */
        void run(int chunk, int from, int to);
    }

    /** Processes the rows {@code [from, to)} of one chunk with a work space of the thread that runs it. */
    @FunctionalInterface
    interface BodyWithWork<W> {
        /** @param work the work space; @param chunk the chunk index; @param from the first row; @param to one past */
        void run(W work, int chunk, int from, int to);
    }

    final int n;
    final int size;
    final int count;
    private final boolean parallel;

    /**
     * @param n the number of rows
     * @param workPerRow how many values a pass reads (or distances it computes) per row, e.g. the number of columns;
     *            decides with {@code n} whether passes run in parallel
     */
    RowChunks(final int n, final long workPerRow) {
        this.n = n;
        this.size = Math.max(MIN_CHUNK, (n + MAX_CHUNKS - 1) / MAX_CHUNKS);
        this.count = Math.max(1, (n + size - 1) / size);
        this.parallel = n >= PARALLEL_THRESHOLD && count > 1 && n * workPerRow >= PARALLEL_WORK;
    }

    /** Runs the body on every chunk, in parallel when there is enough work; returns when all are done. */
    void forEach(final Body body) {
        if (!parallel) {
            for (int c = 0; c < count; c++) {
                body.run(c, c * size, Math.min(n, (c + 1) * size));
            }
        } else {
            IntStream.range(0, count).parallel().forEach(c -> body.run(c, c * size, Math.min(n, (c + 1) * size)));
        }
    }

    /**
     * Runs the body on every chunk like {@link #forEach(Body)}, handing it a work space that no other thread uses at
     * the same time: one per task of the parallel split (a handful per pass; one when the pass runs on the calling
     * thread). Why not a shared pool of work spaces: the compiled pass then contained a lock-free queue whose rarely
     * taken branches (two threads returning work spaces at once) were not in the JIT's profile; when one was taken,
     * the whole pass fell back to unoptimised code and had to be compiled again (LogCompilation: "unstable_if" in
     * {@code ConcurrentLinkedQueue.offer}, in the second or third fit of a fresh JVM).
     *
     * @param newWork creates a work space
     * @param body the work per chunk
     */
    <W> void forEach(final Supplier<W> newWork, final BodyWithWork<W> body) {
        if (!parallel) {
            final W work = newWork.get();
            for (int c = 0; c < count; c++) {
                body.run(work, c, c * size, Math.min(n, (c + 1) * size));
            }
        } else {
            IntStream.range(0, count).parallel().collect(newWork,
                (work, c) -> body.run(work, c, c * size, Math.min(n, (c + 1) * size)), (a, b) -> {
                });
        }
    }
}
