package io.veltrix.engine.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.Control;

/**
 * Hand-off throughput: events per second that a producer submits and a consumer handles with a no-op handler.
 * Each invocation, every producer thread offers {@link #BATCH} events without waiting (a rejected event is counted
 * and dropped), then waits until all of its accepted events have been handled. So the time measured covers the
 * hand-off and the handling of everything counted, pipeline drain included.
 *
 * <p>The primary score counts offered events; the {@code handled} secondary score counts only accepted (and so
 * handled) ones, and {@code rejected} gives the rejections per iteration. Both count only invocations inside
 * JMH's measurement window. Subclasses fix the shape: producer threads ({@code @Threads}) and workers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public abstract class HandOffBenchmark {
    /** Events each producer offers per invocation before it waits for them to be handled. */
    public static final int BATCH = 8192;

    @Param({
        "engine-single",
        "engine-tiered",
        "engine-single-sampled",
        "engine-tiered-sampled",
        "tpe-abq",
        "jctools-mpmc",
        "disruptor-sleeping",
        "disruptor-yielding",
        "disruptor-blocking"
    })
    public String impl;

    /**
     * Capacity of each queue or ring, in events. The default never fills; a smaller one (e.g. {@code -p
     * capacity=1024}) shows rejections, which the {@code handled} score excludes.
     */
    @Param({"65536"})
    public int capacity;

    /**
     * A Flight Recorder recording through the trial ({@link JfrTrial}): {@code off} (default), {@code on} (the
     * JDK's {@code default} settings and the engine's events), {@code profile} (what {@code veltrix bench} records).
     */
    @Param({"off"})
    public String jfr;

    /**
     * How idle engine workers wait (engine implementations only). {@code backoff} (default): the engine's default
     * {@code BackoffIdleStrategy}, 64 spins, 16 yields, then parks doubling from 1 µs to 1 ms. {@code sleeping}:
     * {@code new BackoffIdleStrategy(100, 100, 100, 100)}, the shape of the Disruptor's {@code
     * SleepingWaitStrategy} (100 spins, 100 yields, then parks of 100 ns that never grow). {@code yielding}: spins
     * never, yields for ever, as {@code YieldingIdleStrategy}.
     */
    @Param({"backoff"})
    public String engineIdle;

    /**
     * What an event carries from producer to consumer. {@code object} (default): a reference to the producer's
     * {@link Completions} (the engine's payload, the Disruptor event's field). {@code long}: the token's number
     * (the engine's tag with a null payload, a {@code long} field of the Disruptor's event), which the handler
     * looks up; so no reference is stored per event, and under G1 no write barrier runs. The
     * {@code ThreadPoolExecutor} and the JCTools queue can hand on only references: they are the same under both.
     */
    @Param({"object"})
    public String payload;

    private HandOff handOff;
    private JfrTrial recording;

    /** Producer threads; must match the subclass's {@code @Threads}. */
    abstract int producers();

    /** Consumer threads (engine workers, pool threads, event handlers). */
    abstract int workers();

    @Setup(Level.Trial)
    public void start() throws Exception {
        handOff = HandOffs.create(
                impl, producers(), workers(), capacity, HandOffs.engineIdle(engineIdle), HandOffs.numbered(payload));
        recording = JfrTrial.forTrial(jfr);
    }

    /** Under {@code -p jfr=alternate}, a recording during every other iteration ({@link JfrTrial}). */
    @Setup(Level.Iteration)
    public void alternate() throws Exception {
        recording.beforeIteration();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        recording.end();
        handOff.close();
    }

    /** One producer thread's token and counters. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Producer {
        final Completions completions = new Completions();

        /** Accepted events handled in this iteration (reported as a rate). */
        public long handled;

        @Setup(Level.Iteration)
        public void clear() {
            handled = 0;
        }
    }

    /** Rejections per iteration (reported as a count). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Rejections {
        public long rejected;

        @Setup(Level.Iteration)
        public void clear() {
            rejected = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void handOff(Producer producer, Rejections rejections, Control control) {
        offerAndAwait(handOff, producer, rejections, control);
    }

    /**
     * One invocation: offers {@link #BATCH} events, then waits until every accepted one is handled. The counters
     * move only inside the measurement window: with several threads JMH keeps every thread invoking while the
     * others ramp up and down, and those invocations are not timed.
     */
    static void offerAndAwait(HandOff handOff, Producer producer, Rejections rejections, Control control) {
        Completions c = producer.completions;
        int accepted = handOff.submit(c, BATCH);
        c.accepted += accepted;
        c.awaitAllHandled();
        if (control.startMeasurement && !control.stopMeasurement) {
            producer.handled += accepted;
            rejections.rejected += BATCH - accepted;
        }
    }
}
