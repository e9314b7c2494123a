package io.veltrix.scenarios.run;

import io.veltrix.scenarios.results.StrategyResult;

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
}
