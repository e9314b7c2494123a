package io.veltrix.engine.jmh;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.veltrix.engine.BackoffIdleStrategy;
import io.veltrix.engine.IdleStrategy;
import io.veltrix.engine.NanoClock;
import io.veltrix.engine.RetryPolicy;
import io.veltrix.engine.Topology;
import io.veltrix.engine.YieldingIdleStrategy;
import java.util.function.Supplier;

/** Makes a {@link HandOff} by the name a benchmark's {@code impl} parameter gives. */
final class HandOffs {
    /**
     * The default capacity of every queue or ring, in events: larger than anything the producers can have in
     * flight (producers x {@link HandOffBenchmark#BATCH}), so that no event is rejected. A power of two, as the
     * Disruptor needs.
     */
    static final int CAPACITY = 65_536; // keep equal to the default of HandOffBenchmark.capacity

    /** One event in this many is timed by the {@code -sampled} engine variants. */
    static final int SAMPLING = 64;

    static final String ENGINE_IMPLS = "engine-single, engine-tiered, engine-single-sampled, engine-tiered-sampled"
            + " (each also with -sp: a single producer), engine-single-constant-clock";

    private HandOffs() {}

    /**
     * The engine variants: {@code engine-TOPOLOGY[-sampled][-sp]}. {@code -sampled} times one event in
     * {@link #SAMPLING} (every count exact); {@code -sp} promises one producer thread
     * ({@code EngineConfig.Builder.singleProducer}, the engine's counterpart of the Disruptor's
     * {@code ProducerType.SINGLE}), so it needs one producer.
     */
    private static HandOff engine(
            String impl, int producers, int workers, int capacity, Supplier<IdleStrategy> idle, boolean numbered) {
        if (impl.equals("engine-single-constant-clock")) {
            // Diagnostic only: the engine on a clock that always reads 0, to show what its clock reads cost.
            return new EngineHandOff(
                    Topology.SINGLE,
                    workers,
                    capacity,
                    numbered ? EngineHandOff.COUNT_NUMBERED : EngineHandOff.COUNT,
                    RetryPolicy.none(),
                    () -> 0L,
                    1,
                    false,
                    idle,
                    numbered);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("engine-(single|tiered)(-sampled)?(-sp)?")
                .matcher(impl);
        if (!m.matches()) {
            throw new IllegalArgumentException("impl must be one of " + ENGINE_IMPLS + "; was '" + impl + "'");
        }
        boolean single = m.group(3) != null;
        if (single && producers != 1) {
            throw new IllegalArgumentException(impl + " has a single producer; this benchmark runs " + producers);
        }
        return new EngineHandOff(
                m.group(1).equals("single") ? Topology.SINGLE : Topology.TIERED,
                workers,
                capacity,
                numbered ? EngineHandOff.COUNT_NUMBERED : EngineHandOff.COUNT,
                RetryPolicy.none(),
                NanoClock.SYSTEM,
                m.group(2) != null ? SAMPLING : 1,
                single,
                idle,
                numbered);
    }

    /** Whether events carry a number, not a reference, by the name of {@link HandOffBenchmark#payload}. */
    static boolean numbered(String payload) {
        return switch (payload) {
            case "object" -> false;
            case "long" -> true;
            default -> throw new IllegalArgumentException("payload must be one of object, long; was '" + payload + "'");
        };
    }

    /** The engine workers' idle strategy by the name of {@link HandOffBenchmark#engineIdle}. */
    static Supplier<IdleStrategy> engineIdle(String name) {
        return switch (name) {
            case "backoff" -> BackoffIdleStrategy::new;
            case "sleeping" -> () -> new BackoffIdleStrategy(100, 100, 100, 100);
            case "yielding" -> YieldingIdleStrategy::new;
            default ->
                throw new IllegalArgumentException(
                        "engineIdle must be one of backoff, sleeping, yielding; was '" + name + "'");
        };
    }

    /**
     * @param capacity events each queue or ring holds (under the tiered topology, each of the four event types'
     *     queues); a power of two
     */
    static HandOff create(
            String impl, int producers, int workers, int capacity, Supplier<IdleStrategy> idle, boolean numbered) {
        if (impl.startsWith("engine-")) {
            return engine(impl, producers, workers, capacity, idle, numbered);
        }
        return switch (impl) {
            case "tpe-abq" -> new ThreadPoolExecutorHandOff(workers, capacity);
            case "jctools-mpmc" -> new JCToolsHandOff(workers, capacity);
            case "disruptor-sleeping" ->
                DisruptorHandOff.create(producers, workers, capacity, SleepingWaitStrategy::new, numbered);
            case "disruptor-yielding" ->
                DisruptorHandOff.create(producers, workers, capacity, YieldingWaitStrategy::new, numbered);
            case "disruptor-blocking" ->
                DisruptorHandOff.create(producers, workers, capacity, BlockingWaitStrategy::new, numbered);
            default ->
                throw new IllegalArgumentException("impl must be one of " + ENGINE_IMPLS
                        + ", tpe-abq, jctools-mpmc, disruptor-sleeping, disruptor-yielding, disruptor-blocking; was '"
                        + impl + "'");
        };
    }
}
