package io.veltrix.reports.jfr;

/**
 * What {@code jdk.ThreadAllocationStatistics} said about one thread.
 *
 * @param thread the thread
 * @param observations how many events named it
 * @param firstAllocated its cumulative allocation (bytes since the thread started) at the first event
 * @param lastAllocated its cumulative allocation at the last event (the largest value seen)
 */
public record ThreadStatistics(ThreadRef thread, long observations, long firstAllocated, long lastAllocated) {

    /** Bytes allocated between the first and the last observation: 0 with a single observation. */
    public long allocatedBetweenObservations() {
        return lastAllocated - firstAllocated;
    }

    /** Of two records of the same thread id (e.g. renamed), the one that saw more allocation. */
    static ThreadStatistics latest(ThreadStatistics a, ThreadStatistics b) {
        return a.lastAllocated >= b.lastAllocated ? a : b;
    }

    /** Folds observations; the counter only grows, so min and max are the first and the last values. */
    static final class Accumulator {
        private final ThreadRef thread;
        private long observations;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;

        Accumulator(ThreadRef thread) {
            this.thread = thread;
        }

        ThreadRef thread() {
            return thread;
        }

        void observe(long allocated) {
            observations++;
            // Events come in file order, not time order: min/max rather than first/last seen.
            min = Math.min(min, allocated);
            max = Math.max(max, allocated);
        }

        void merge(Accumulator other) {
            observations += other.observations;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
        }

        ThreadStatistics result() {
            return new ThreadStatistics(thread, observations, min, max);
        }
    }
}
