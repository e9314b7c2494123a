package io.veltrix.reports.jfr;

/**
 * Count, mean and maximum of a series of doubles, in constant memory.
 *
 * @param count values seen
 * @param mean their mean; 0 when none
 * @param max the largest; 0 when none
 */
public record DoubleStats(long count, double mean, double max) {

    /** Accumulates values; {@link #stats()} gives the result. */
    static final class Accumulator {
        private long count;
        private double sum;
        private double max = Double.NEGATIVE_INFINITY;

        void add(double value) {
            count++;
            sum += value;
            max = Math.max(max, value);
        }

        void merge(Accumulator other) {
            count += other.count;
            sum += other.sum;
            max = Math.max(max, other.max);
        }

        DoubleStats stats() {
            return count == 0 ? new DoubleStats(0, 0, 0) : new DoubleStats(count, sum / count, max);
        }
    }
}
