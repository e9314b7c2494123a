package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class SubmitCountsTest {

    @Test
    void concurrentThreadsCountExactlyEachIntoItsOwnCounters() throws Exception {
        SubmitCounts counts = new SubmitCounts(3);
        int threads = 8;
        int perThread = 200_000;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < perThread; i++) {
                    counts.increment((i + offset) % 3);
                }
            });
            workers.add(thread);
            thread.start();
        }
        // A reader while they count: a sum never goes down and never exceeds the total.
        long last = 0;
        boolean anyAlive = true;
        while (anyAlive) {
            long sum = counts.sum(0) + counts.sum(1) + counts.sum(2);
            assertThat(sum).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo((long) threads * perThread);
            last = sum;
            anyAlive = false;
            for (Thread w : workers) {
                anyAlive |= w.isAlive();
            }
        }
        for (Thread w : workers) {
            w.join();
        }
        // 200,000 per thread over three types: type k gets the i with (i + offset) % 3 == k.
        long[] expected = new long[3];
        for (int t = 0; t < threads; t++) {
            for (int k = 0; k < 3; k++) {
                expected[k] += perThread / 3 + (((k - t) % 3 + 3) % 3 < perThread % 3 ? 1 : 0);
            }
        }
        assertThat(new long[] {counts.sum(0), counts.sum(1), counts.sum(2)}).containsExactly(expected);
        assertThat(expected[0] + expected[1] + expected[2]).isEqualTo((long) threads * perThread);
        assertThat(counts.ownCount()).isEqualTo(threads);
    }

    @Test
    void threadsBeyondTheCapCountIntoSharedAddersAndTheirCountsStayAfterTheyEnd() throws Exception {
        SubmitCounts counts = new SubmitCounts(2);
        int threads = SubmitCounts.MAX_OWN + 36;
        for (int t = 0; t < threads; t++) {
            int type = t % 2;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    counts.increment(type);
                }
            });
            thread.start();
            thread.join();
        }
        assertThat(counts.ownCount()).isEqualTo(SubmitCounts.MAX_OWN);
        assertThat(counts.sum(0)).isEqualTo(50 * 1000L);
        assertThat(counts.sum(1)).isEqualTo(50 * 1000L);
    }
}
