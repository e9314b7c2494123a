package io.veltrix.reports.jfr;

import java.time.Instant;

/**
 * Count, mean, minimum, maximum and last value of a series of longs, in constant memory.
 *
 * @param count values seen
 * @param mean their mean; 0 when none
 * @param min the smallest; 0 when none
 * @param max the largest; 0 when none
 * @param last the one with the latest time (not the last in file order, which is not time order); 0 when none
 */
public record LongStats(long count, double mean, long min, long max, long last) {

    static final LongStats EMPTY = new LongStats(0, 0, 0, 0, 0);

    /** Accumulates values; {@link #stats()} gives the result. */
    static final class Accumulator {
        private long count;
        private double sum;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;
        private long last;
        private Instant lastTime;

        void add(long value, Instant at) {
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
            if (lastTime == null || !at.isBefore(lastTime)) {
                last = value;
                lastTime = at;
            }
        }

        void merge(Accumulator other) {
            if (other.count == 0) {
                return;
            }
            count += other.count;
            sum += other.sum;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
            if (lastTime == null || !other.lastTime.isBefore(lastTime)) {
                last = other.last;
                lastTime = other.lastTime;
            }
        }

        LongStats stats() {
            return count == 0 ? EMPTY : new LongStats(count, sum / count, min, max, last);
        }
    }
}
