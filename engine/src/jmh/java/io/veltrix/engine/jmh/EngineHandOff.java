package io.veltrix.engine.jmh;

import io.veltrix.engine.Counts;
import io.veltrix.engine.Engine;
import io.veltrix.engine.EngineConfig;
import io.veltrix.engine.EngineSnapshot;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.EventType;
import io.veltrix.engine.EventTypeConfig;
import io.veltrix.engine.IdleStrategy;
import io.veltrix.engine.NanoClock;
import io.veltrix.engine.Outcome;
import io.veltrix.engine.OverflowPolicy;
import io.veltrix.engine.QueueSizing;
import io.veltrix.engine.RetryPolicy;
import io.veltrix.engine.ShutdownMode;
import io.veltrix.engine.ShutdownReport;
import io.veltrix.engine.SubmitResult;
import io.veltrix.engine.Topology;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The Veltrix engine with four event types in two tiers ({@code high}: h0, h1; {@code low}: l0, l1), submitted
 * round robin. Under {@link Topology#SINGLE} all four share one queue; under {@link Topology#TIERED} each has its
 * own queue and workers serve the tiers in strict priority. Reject overflow, fixed capacity, the given idle
 * strategy and the default batch size; no retries unless a policy is given. At
 * tear-down it prints the engine's own accounting (and, if any retry went through the timer, how late).
 */
final class EngineHandOff implements HandOff {
    static final EventHandler<Completions> COUNT = event -> {
        event.payload().run();
        return Outcome.SUCCESS;
    };

    /** The handler when events carry the producer's number as their tag, and no payload. */
    static final EventHandler<Completions> COUNT_NUMBERED = event -> {
        Completions.byNumber(event.tag()).run();
        return Outcome.SUCCESS;
    };

    private final Engine engine;
    private final EventType[] types;
    /** Whether an event carries the producer's number as its tag (and a null payload) instead of a reference. */
    private final boolean numbered;

    EngineHandOff(Topology topology, int workers, int capacity, Supplier<IdleStrategy> idle) {
        this(topology, workers, capacity, COUNT, RetryPolicy.none(), NanoClock.SYSTEM, 1, false, idle, false);
    }

    /**
     * @param clock the engine's clock: {@link NanoClock#SYSTEM}, or a constant one for the diagnostic that shows
     *     what the engine's clock reads cost (its latency histograms then record only zeros)
     * @param idle how idle workers wait
     * @param sampling one event in this many is timed ({@code EngineConfig.Builder.latencySampling})
     * @param singleProducer whether one thread alone submits ({@code EngineConfig.Builder.singleProducer}), as the
     *     Disruptor's {@code ProducerType.SINGLE}
     * @param numbered whether events carry the producer's {@link Completions#number} as their tag, with a null
     *     payload ({@code handler} must then be {@link #COUNT_NUMBERED} or read the tag alike)
     */
    EngineHandOff(
            Topology topology,
            int workers,
            int capacity,
            EventHandler<Completions> handler,
            RetryPolicy retry,
            NanoClock clock,
            int sampling,
            boolean singleProducer,
            Supplier<IdleStrategy> idle,
            boolean numbered) {
        EngineConfig.Builder config = EngineConfig.builder()
                .topology(topology)
                .tiers("high", "low")
                .workers(workers)
                .idleStrategy(idle)
                .defaultSizing(QueueSizing.fixed(capacity))
                .defaultOverflow(OverflowPolicy.REJECT)
                .defaultRetry(retry)
                .latencySampling(sampling)
                .singleProducer(singleProducer)
                .threadNamePrefix("veltrix-jmh");
        for (String name : List.of("h0", "h1", "l0", "l1")) {
            config.eventType(EventTypeConfig.of(name, name.startsWith("h") ? "high" : "low", handler));
        }
        this.engine = Engine.start(config.build(), clock, 42);
        this.types = engine.eventTypes().toArray(new EventType[0]);
        this.numbered = numbered;
    }

    @Override
    public int submit(Completions producer, int n) {
        EventType[] t = types;
        int accepted = 0;
        if (numbered) {
            long number = producer.number;
            for (int i = 0; i < n; i++) {
                if (engine.submit(t[i & 3], null, number) == SubmitResult.ACCEPTED) {
                    accepted++;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (engine.submit(t[i & 3], producer) == SubmitResult.ACCEPTED) {
                    accepted++;
                }
            }
        }
        producer.rejected += n - accepted;
        return accepted;
    }

    @Override
    public void close() {
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        EngineSnapshot last = report.last();
        Counts total = last.total();
        System.out.println("engine accounting: " + total + ", invariant violations: " + last.invariantViolations());
        Histogram lateness = last.retryDelayError();
        if (lateness.getTotalCount() > 0) {
            // Timer-fired retries: how much later than intended each one re-entered its queue.
            long overHalfSecond = lateness.getTotalCount() - lateness.getCountBetweenValues(0, 500_000_000L);
            System.out.printf(
                    "retry timer lateness (actual - intended delay): n=%d p50=%.3f ms p99=%.3f ms p99.99=%.3f ms"
                            + " max=%.3f ms, retries late by more than 500 ms: %d%n",
                    lateness.getTotalCount(),
                    lateness.getValueAtPercentile(50) / 1e6,
                    lateness.getValueAtPercentile(99) / 1e6,
                    lateness.getValueAtPercentile(99.99) / 1e6,
                    lateness.getMaxValue() / 1e6,
                    overHalfSecond);
        }
    }
}
