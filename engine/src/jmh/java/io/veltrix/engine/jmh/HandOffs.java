package io.veltrix.engine.jmh;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.veltrix.engine.RetryPolicy;
import io.veltrix.engine.Topology;

/** Makes a {@link HandOff} by the name a benchmark's {@code impl} parameter gives. */
final class HandOffs {
    /**
     * Capacity of every queue or ring, in events: larger than anything the producers can have in flight
     * (producers x {@link HandOffBenchmark#BATCH}), so a rejection means a bug in the rig, not a full queue.
     */
    static final int CAPACITY = 65_536;

    private HandOffs() {}

    static HandOff create(String impl, int producers, int workers) {
        return switch (impl) {
            case "engine-single" -> new EngineHandOff(Topology.SINGLE, workers, CAPACITY);
            case "engine-tiered" -> new EngineHandOff(Topology.TIERED, workers, CAPACITY);
            // Diagnostic only (run it with -p impl=engine-single-constant-clock): the engine on a clock that
            // always reads 0, to show what its four clock reads per event cost.
            case "engine-single-constant-clock" ->
                new EngineHandOff(
                        Topology.SINGLE, workers, CAPACITY, EngineHandOff.COUNT, RetryPolicy.none(), () -> 0L);
            case "tpe-abq" -> new ThreadPoolExecutorHandOff(workers, CAPACITY);
            case "jctools-mpmc" -> new JCToolsHandOff(workers, CAPACITY);
            case "disruptor-sleeping" -> new DisruptorHandOff(producers, workers, CAPACITY, SleepingWaitStrategy::new);
            case "disruptor-yielding" -> new DisruptorHandOff(producers, workers, CAPACITY, YieldingWaitStrategy::new);
            case "disruptor-blocking" -> new DisruptorHandOff(producers, workers, CAPACITY, BlockingWaitStrategy::new);
            default ->
                throw new IllegalArgumentException(
                        "impl must be one of engine-single, engine-tiered, engine-single-constant-clock, "
                                + "tpe-abq, jctools-mpmc, disruptor-sleeping, disruptor-yielding, disruptor-blocking; was '"
                                + impl + "'");
        };
    }
}
