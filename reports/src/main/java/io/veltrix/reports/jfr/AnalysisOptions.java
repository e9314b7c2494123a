package io.veltrix.reports.jfr;

/**
 * Limits of one analysis.
 *
 * @param top how many rows each top-N table shows, at least 1
 * @param maxDistinctKeys cap on distinct keys (classes, sites, methods, threads) an aggregator tracks per table,
 *     at least 16; past it the least significant keys are folded into an "other" total, and the report says so
 * @param maxStacks cap on distinct stacks kept for collapsed stacks (flame graphs), at least 16
 */
public record AnalysisOptions(int top, int maxDistinctKeys, int maxStacks) {

    /** 20 rows per table, 10,000 keys per table, 50,000 distinct stacks: a few tens of MB at most. */
    public static final AnalysisOptions DEFAULTS = new AnalysisOptions(20, 10_000, 50_000);

    public AnalysisOptions {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, was " + top);
        }
        if (maxDistinctKeys < 16) {
            throw new IllegalArgumentException("maxDistinctKeys must be at least 16, was " + maxDistinctKeys);
        }
        if (maxStacks < 16) {
            throw new IllegalArgumentException("maxStacks must be at least 16, was " + maxStacks);
        }
    }

    /** The same limits with a different number of rows per table. */
    public AnalysisOptions withTop(int rows) {
        return new AnalysisOptions(rows, maxDistinctKeys, maxStacks);
    }
}
