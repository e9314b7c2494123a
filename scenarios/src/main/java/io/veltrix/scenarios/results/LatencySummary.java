package io.veltrix.scenarios.results;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in a few numbers. Every value is in nanoseconds except {@code count}; with no values
 * recorded, all are 0.
 *
 * @param count how many values were recorded
 * @param mean the mean
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param p99_9 the 99.9th percentile
 * @param p99_99 the 99.99th percentile
 * @param max the largest value (HdrHistogram's equivalent value: within 0.1% of the true one)
 */
public record LatencySummary(long count, double mean, long p50, long p90, long p99, long p99_9, long p99_99, long max) {

    /** Nothing recorded. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);

    /** The summary of {@code histogram} (3 significant digits, so within 0.1%). */
    public static LatencySummary of(Histogram histogram) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(
                histogram.getTotalCount(),
                histogram.getMean(),
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9),
                histogram.getValueAtPercentile(99.99),
                histogram.getMaxValue());
    }
}
