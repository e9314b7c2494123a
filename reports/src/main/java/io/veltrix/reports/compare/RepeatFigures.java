package io.veltrix.reports.compare;

import io.veltrix.scenarios.results.StrategyResult;

/**
 * One repeat of one strategy in a few numbers: what {@code veltrix compare} measures noise with.
 *
 * @param throughput completed events per measured second
 * @param p50 end-to-end median (ns)
 * @param p99 end-to-end 99th percentile (ns)
 * @param p99_9 end-to-end 99.9th percentile (ns)
 * @param max end-to-end maximum (ns)
 * @param lossPercent events lost (rejected, evicted, dead-lettered) as a percentage of submitted events
 */
public record RepeatFigures(double throughput, long p50, long p99, long p99_9, long max, double lossPercent) {

    /** The figures of one strategy's result. */
    public static RepeatFigures of(StrategyResult s) {
        return new RepeatFigures(
                s.throughput(),
                s.latency().endToEnd().p50(),
                s.latency().endToEnd().p99(),
                s.latency().endToEnd().p99_9(),
                s.latency().endToEnd().max(),
                s.measured().lossPercent());
    }
}
