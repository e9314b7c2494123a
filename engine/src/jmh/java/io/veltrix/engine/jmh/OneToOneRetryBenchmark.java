package io.veltrix.engine.jmh;

import io.veltrix.engine.BackoffIdleStrategy;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.Jitter;
import io.veltrix.engine.NanoClock;
import io.veltrix.engine.Outcome;
import io.veltrix.engine.RetryPolicy;
import io.veltrix.engine.Topology;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Control;

/**
 * The retry path of the engine, one producer and one worker ({@link Topology#SINGLE}, the engine set-up of
 * {@link EngineHandOff}). One op is one event submitted, failed on its first attempt (the handler returns
 * {@link Outcome#TRANSIENT_FAILURE}), retried, and handled successfully on its second. Counted and waited for as
 * in {@link HandOffBenchmark}. The {@code none} policy is the baseline: the same engine and handler, which then
 * succeeds at once, so {@code 1/score(policy) - 1/score(none)} is the cost of one retry.
 *
 * <ul>
 *   <li>{@code none}: no failure, no retry.
 *   <li>{@code fixed-0}: {@link RetryPolicy#fixed} with zero delay: the worker puts the event straight back into
 *       its queue.
 *   <li>{@code exponential-1us}: {@link RetryPolicy#exponential} with a 1 µs base, no jitter: the event goes
 *       through the retry timer, whose tick is 1 ms.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class OneToOneRetryBenchmark {
    @Param({"none", "fixed-0", "exponential-1us"})
    public String policy;

    private EngineHandOff engine;

    @Setup(Level.Trial)
    public void start() {
        RetryPolicy retry;
        switch (policy) {
            case "none" -> retry = RetryPolicy.none();
            case "fixed-0" -> retry = RetryPolicy.fixed(Duration.ZERO, 3);
            case "exponential-1us" ->
                retry = RetryPolicy.exponential(Duration.ofNanos(1_000), 2.0, Duration.ofMillis(1), Jitter.NONE, 3);
            default ->
                throw new IllegalArgumentException(
                        "policy must be one of none, fixed-0, exponential-1us; was '" + policy + "'");
        }
        boolean failFirst = !policy.equals("none");
        EventHandler<Completions> handler = event -> {
            if (failFirst && event.attempt() == 1) {
                return Outcome.TRANSIENT_FAILURE;
            }
            event.payload().run();
            return Outcome.SUCCESS;
        };
        engine = new EngineHandOff(
                Topology.SINGLE,
                1,
                HandOffs.CAPACITY,
                handler,
                retry,
                NanoClock.SYSTEM,
                1,
                false,
                BackoffIdleStrategy::new,
                false);
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    @OperationsPerInvocation(HandOffBenchmark.BATCH)
    public void retryOnce(HandOffBenchmark.Producer producer, HandOffBenchmark.Rejections rejections, Control control) {
        HandOffBenchmark.offerAndAwait(engine, producer, rejections, control);
    }
}
