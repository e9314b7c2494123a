package io.veltrix.engine;

/** Yields the core when idle: low latency, but an idle worker still shows as busy CPU. */
public final class YieldingIdleStrategy implements IdleStrategy {
    @Override
    public void idle(int workCount) {
        if (workCount == 0) {
            Thread.yield();
        }
    }

    @Override
    public void reset() {}
}
