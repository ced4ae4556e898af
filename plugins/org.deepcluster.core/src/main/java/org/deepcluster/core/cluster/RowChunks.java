package org.deepcluster.core.cluster;

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
}
