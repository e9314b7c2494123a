package io.veltrix.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * The engine's housekeeping thread: every control interval it resizes dynamic queues, repays capacity
 * borrowed under shed-lower-priority, and (every harvest interval) collects worker histograms so that none
 * overflows however rarely the application asks for a snapshot.
 */
final class Monitor implements Runnable {
    private final EngineRuntime runtime;
    private final Metrics metrics;
    private final long controlNanos;
    private final long harvestNanos;
    volatile boolean running = true;

    Monitor(EngineRuntime runtime, Metrics metrics) {
        this.runtime = runtime;
        this.metrics = metrics;
        this.controlNanos = runtime.config.controlInterval().toNanos();
        this.harvestNanos = runtime.config.harvestInterval().toNanos();
    }

    @Override
    public void run() {
        long lastHarvest = runtime.clock.nanoTime();
        while (running) {
            LockSupport.parkNanos(controlNanos);
            long now = runtime.clock.nanoTime();
            control(now);
            runtime.ledger.repay();
            if (now - lastHarvest >= harvestNanos) {
                metrics.harvest();
                lastHarvest = now;
            }
        }
    }

    /** One sizing decision for every dynamic queue. */
    void control(long now) {
        for (EventQueue q : runtime.queues) {
            DynamicSizingState state = q.sizingState;
            if (state == null) {
                continue;
            }
            long pressure = 0;
            for (TypeState t : q.types) {
                pressure += t.rejected[RejectReason.FULL.ordinal()].sum()
                        + t.rejected[RejectReason.TIMEOUT.ordinal()].sum()
                        + t.rejected[RejectReason.RETRY_FULL.ordinal()].sum();
                if (q.overflow == OverflowPolicy.DROP_OLDEST) {
                    // Under drop-oldest a full queue evicts instead of rejecting; that is its pressure.
                    pressure += t.evicted.sum();
                }
            }
            int next = state.decide(q.capacity, q.depth(), q.dequeuedTotal(), pressure, q.headSojournNanos(now), now);
            if (state.lastReason != null) {
                runtime.ledger.setCapacity(q, next, state.lastReason);
            }
        }
    }
}
