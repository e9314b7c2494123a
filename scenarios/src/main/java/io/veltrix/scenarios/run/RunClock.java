package io.veltrix.scenarios.run;

/**
 * The start of one strategy's run on the {@link System#nanoTime()} clock: schedule times are offsets from it.
 * Handlers are built before the engine starts and the start is chosen after, hence a holder set once.
 */
final class RunClock {
    private volatile long startNanos;

    void start(long startNanos) {
        this.startNanos = startNanos;
    }

    /** The run's start, {@link System#nanoTime()} units. */
    long startNanos() {
        return startNanos;
    }

    /** Nanoseconds since the start of the run at {@code nowNanos}. */
    long sinceStart(long nowNanos) {
        return nowNanos - startNanos;
    }
}
