package org.deepcluster.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RowChunksTest {

    @Test
    void smallPassesRunOnTheCallingThreadInChunkOrder() {
        // 10,000 rows × 32 values: below the parallel limit (measured faster serial on two cores).
        final RowChunks chunks = new RowChunks(10_000, 32);
        final Thread caller = Thread.currentThread();
        final List<Integer> order = new ArrayList<>();
        chunks.forEach((chunk, from, to) -> {
            assertEquals(caller, Thread.currentThread(), "chunk " + chunk + " on the calling thread");
            order.add(chunk);
        });
        final List<Integer> expected = new ArrayList<>();
        for (int c = 0; c < chunks.count; c++) {
            expected.add(c);
        }
        assertEquals(expected, order);
        assertTrue(chunks.count > 1, "10,000 rows still make several chunks (the same as in parallel)");
    }

    @Test
    void largePassesCoverEveryChunkOnceAndUseTheThreads() throws Exception {
        final RowChunks chunks = new RowChunks(100_000, 32);
        final Set<Integer> seen = ConcurrentHashMap.newKeySet();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
        inPoolOfFour(() -> chunks.forEach((chunk, from, to) -> {
            assertTrue(seen.add(chunk), "chunk " + chunk + " runs once");
            threads.add(Thread.currentThread());
            ranges.add(new int[]{from, to});
            pause();
        }));
        assertEquals(chunks.count, seen.size());
        long covered = 0;
        for (final int[] r : ranges) {
            covered += r[1] - r[0];
        }
        assertEquals(100_000, covered, "the chunks cover every row once");
        assertTrue(threads.size() > 1, "a pass of 3.2 million values runs on several threads: " + threads.size());
    }

    @Test
    void workSpacesAreNeverSharedByTwoThreadsAtOnceAndFewerThanTheChunks() throws Exception {
        final RowChunks chunks = new RowChunks(100_000, 32);
        final Set<Integer> seen = ConcurrentHashMap.newKeySet();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final List<AtomicBoolean> created = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger clashes = new AtomicInteger();
        inPoolOfFour(() -> chunks.forEach(() -> {
            final AtomicBoolean inUse = new AtomicBoolean();
            created.add(inUse);
            return inUse;
        }, (inUse, chunk, from, to) -> {
            if (!inUse.compareAndSet(false, true)) {
                clashes.incrementAndGet();
            }
            assertTrue(seen.add(chunk), "chunk " + chunk + " runs once");
            threads.add(Thread.currentThread());
            pause();
            inUse.set(false);
        }));
        assertEquals(chunks.count, seen.size());
        assertEquals(0, clashes.get(), "a work space used by two chunks at the same time");
        assertTrue(threads.size() > 1, "parallel: " + threads.size() + " thread(s)");
        assertTrue(created.size() >= threads.size() && created.size() < chunks.count / 4,
            created.size() + " work spaces for " + chunks.count + " chunks on " + threads.size() + " threads");

        // Serial passes use one work space, chunks in order.
        final RowChunks small = new RowChunks(10_000, 32);
        final List<Object> works = new ArrayList<>();
        final List<Integer> order = new ArrayList<>();
        small.forEach(Object::new, (work, chunk, from, to) -> {
            if (!works.contains(work)) {
                works.add(work);
            }
            order.add(chunk);
        });
        assertEquals(1, works.size());
        assertEquals(small.count, order.size());
        for (int c = 0; c < order.size(); c++) {
            assertEquals(c, order.get(c));
        }
    }

    /** Runs a pass in a pool of four threads (parallel streams started there use that pool). */
    private static void inPoolOfFour(final Runnable pass) throws Exception {
        final ForkJoinPool pool = new ForkJoinPool(4);
        try {
            pool.submit(pass).get();
        } finally {
            pool.shutdown();
        }
    }

    /** Long enough for the other workers to steal chunks. */
    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theRowCountAloneFixesTheChunks() {
        // Results are combined per chunk, so chunk boundaries must not depend on the work or the threads.
        final RowChunks serial = new RowChunks(50_000, 1);
        final RowChunks parallel = new RowChunks(50_000, 1_000);
        assertEquals(serial.size, parallel.size);
        assertEquals(serial.count, parallel.count);
    }
}
