package io.veltrix.engine;

/** Never gives the core away. Lowest hand-off latency; use only with fewer busy threads than cores. */
public final class BusySpinIdleStrategy implements IdleStrategy {
    @Override
    public void idle(int workCount) {
        if (workCount == 0) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void reset() {}
}
