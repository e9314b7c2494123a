package io.veltrix.scenarios.run;

import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TimelinePoint;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Hears how a bench goes, to show it (the console's progress line). Called from the bench's threads: the sampler
 * for {@link #progress}, the caller of {@code Bench.run} for the rest. An exception thrown here is ignored.
 */
public interface RunListener {
    /** Hears nothing. */
    RunListener NONE = new RunListener() {};

    /**
     * A strategy's run begins.
     *
     * @param strategy its name
     * @param index its position among the strategies run, from 0
     * @param count how many strategies the bench runs
     */
    default void strategyStarted(String strategy, int index, int count) {}

    /** About once a second while a strategy runs. */
    default void progress(Progress progress) {}

    /** A strategy's run ended; {@code result} is what goes into results.json. */
    default void strategyFinished(StrategyResult result) {}

    /**
     * An interval of the measured part ended: about once a second after the warm-up, and once more for the drain
     * (called on the sampler's thread, then on the caller of {@code Bench.run} for the drain). For watching a run as
     * it goes, such as stopping it (with the {@link StopSignal}) once an objective can no longer be met.
     */
    default void measuredInterval(MeasuredInterval interval) {}

    /**
     * Where a strategy is, once a second.
     *
     * @param strategy the strategy
     * @param elapsedNanos since the start of its run
     * @param runNanos the schedule's length (warm-up included)
     * @param warmup whether the run is still in its warm-up
     * @param offeredPerSecond first attempts submitted per second over the last interval
     * @param p99Nanos end-to-end p99 of the measured part so far, or of the last interval during the warm-up
     * @param drops events rejected, evicted or dead-lettered so far (whole run)
     */
    record Progress(
            String strategy,
            long elapsedNanos,
            long runNanos,
            boolean warmup,
            double offeredPerSecond,
            long p99Nanos,
            long drops) {}

    /**
     * One interval of a strategy's measured part, as it ends.
     *
     * @param strategy the strategy
     * @param point the interval as the timeline records it (every event type together)
     * @param endToEnd each event type's end-to-end latencies of the completions in the interval (ns), by name:
     *     copies that the listener may keep
     * @param counts each event type's counts over the interval, by name
     */
    record MeasuredInterval(
            String strategy,
            TimelinePoint point,
            Map<String, Histogram> endToEnd,
            Map<String, MeasuredCounts> counts) {}
}
