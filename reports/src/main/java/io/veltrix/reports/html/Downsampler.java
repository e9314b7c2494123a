package io.veltrix.reports.html;

import java.util.Arrays;

/**
 * Thins a series for drawing while keeping what a reader looks for: the first and last points, and the smallest and
 * largest value of every bucket (so the series' extremes, spikes and dips among them, always survive). A 10-minute run
 * has about 600 one-second points per series; longer ones are thinned to {@link #MAX_POINTS}.
 */
final class Downsampler {
    /** The most points a drawn series has. */
    static final int MAX_POINTS = 600;

    private Downsampler() {}

    /**
     * The indices of the points to keep, ascending.
     *
     * @param values the series' values, in order
     * @param maxPoints the most indices to return; at least 4
     * @return every index when there are at most {@code maxPoints} values; otherwise the first, the last, and the
     *     indices of the minimum and maximum of each of {@code (maxPoints - 2) / 2} equal buckets in between
     */
    static int[] keep(double[] values, int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints must be at least 4, was " + maxPoints);
        }
        int n = values.length;
        if (n <= maxPoints) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int buckets = (maxPoints - 2) / 2;
        int inner = n - 2;
        int[] kept = new int[2 + 2 * buckets];
        int count = 0;
        kept[count++] = 0;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) inner * b / buckets);
            int to = 1 + (int) ((long) inner * (b + 1) / buckets);
            int min = from;
            int max = from;
            for (int i = from + 1; i < to; i++) {
                if (values[i] < values[min]) {
                    min = i;
                }
                if (values[i] > values[max]) {
                    max = i;
                }
            }
            // In time order, so the line does not double back; one index when min and max coincide.
            kept[count++] = Math.min(min, max);
            if (max != min) {
                kept[count++] = Math.max(min, max);
            }
        }
        kept[count++] = n - 1;
        return Arrays.copyOf(kept, count);
    }
}
