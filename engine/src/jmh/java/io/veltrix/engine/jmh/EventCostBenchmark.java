package io.veltrix.engine.jmh;

import io.veltrix.engine.Engine;
import io.veltrix.engine.EngineConfig;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.EventType;
import io.veltrix.engine.EventTypeConfig;
import io.veltrix.engine.Outcome;
import io.veltrix.engine.QueueSizing;
import io.veltrix.engine.ShutdownMode;
import io.veltrix.engine.SubmitResult;
import io.veltrix.engine.Topology;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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

/**
 * A diagnostic beside the hand-off benchmarks: what each side of the engine costs per event on its own, with the
 * other side held still, so that no cache line moves between cores while it is timed. This is robust on a busy
 * machine where the two-thread hand-off figures are not, and it splits the hand-off into its two halves.
 *
 * <ul>
 *   <li>{@code submit}: one thread submits {@value #EVENTS} events (round robin over four types, as the
 *       hand-off benchmarks do) while the engine's single worker is held in a gate event; the queue has room for
 *       all of them.
 *   <li>{@code handle}: the worker, released from the gate, handles {@value #EVENTS} queued events with a no-op
 *       handler; the benchmark thread times from opening the gate to the last event's completion (one unpark of
 *       the worker, about 50 µs here, is inside that time: under 3% of it). The handler counts in a field only the
 *       worker writes and raises a flag at the last event, so that the waiting thread moves no cache line per
 *       event (a counter read in a spin loop by the waiting thread would cost every event a transfer between cores).
 * </ul>
 *
 * Score: nanoseconds per event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class EventCostBenchmark {
    static final int EVENTS = 60_000;

    /** The engine and its gate; the per-invocation states below depend on it. */
    @State(Scope.Thread)
    public static class Rig {

        /** {@code SINGLE} or {@code TIERED}, as in {@link EngineHandOff}. */
        @Param({"SINGLE", "TIERED"})
        public String topology;

        /** One event in this many is timed ({@code EngineConfig.Builder.latencySampling}). */
        @Param({"1", "64"})
        public int sampling;

        /** Whether the engine has a single producer ({@code EngineConfig.Builder.singleProducer}). */
        @Param({"false", "true"})
        public boolean singleProducer;

        /** A Flight Recorder recording through the trial: off, on, profile or alternate ({@link JfrTrial}). */
        @Param({"off"})
        public String jfr;

        private JfrTrial recording;

        private Engine engine;
        private EventType[] types;
        private EventType gateType;
        private volatile CountDownLatch gate;
        private volatile boolean inGate;
        /** Written by the worker alone, so that counting costs no cache line moving between cores. */
        private final Count count = new Count();
        /** Read by the waiting benchmark thread; written once per invocation, by the worker, at the last event. */
        private final Done done = new Done();

        @Setup(Level.Trial)
        public void start() {
            EventHandler<Object> countIt = e -> {
                Count c = count;
                if (++c.handled == c.target) {
                    done.flag = true;
                }
                return Outcome.SUCCESS;
            };
            EventHandler<Object> hold = e -> {
                inGate = true;
                gate.await();
                return Outcome.SUCCESS;
            };
            EngineConfig.Builder config = EngineConfig.builder()
                    .topology(Topology.valueOf(topology))
                    .tiers("gate", "high", "low")
                    .workers(1)
                    .latencySampling(sampling)
                    .singleProducer(singleProducer)
                    .defaultSizing(QueueSizing.fixed(65_536))
                    .threadNamePrefix("veltrix-jmh-cost")
                    .eventType(EventTypeConfig.of("gate", "gate", hold));
            for (String name : List.of("h0", "h1", "l0", "l1")) {
                config.eventType(EventTypeConfig.of(name, name.startsWith("h") ? "high" : "low", countIt));
            }
            engine = Engine.start(config.build());
            gateType = engine.eventType("gate");
            types = new EventType[] {
                engine.eventType("h0"), engine.eventType("h1"), engine.eventType("l0"), engine.eventType("l1")
            };
            try {
                recording = JfrTrial.forTrial(jfr);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the recording", e);
            }
        }

        /** Under {@code -p jfr=alternate}, a recording during every other iteration ({@link JfrTrial}). */
        @Setup(Level.Iteration)
        public void alternate() throws Exception {
            recording.beforeIteration();
        }

        @TearDown(Level.Trial)
        public void stop() {
            recording.end();
            engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        }

        /** Holds the worker inside the gate event (waits until it is there). */
        private void closeGate() {
            gate = new CountDownLatch(1);
            inGate = false;
            if (engine.submit(gateType, null) != SubmitResult.ACCEPTED) {
                throw new IllegalStateException("gate event rejected");
            }
            while (!inGate) {
                Thread.onSpinWait();
            }
        }

        private void fill() {
            EventType[] t = types;
            for (int i = 0; i < EVENTS; i++) {
                if (engine.submit(t[i & 3], null) != SubmitResult.ACCEPTED) {
                    throw new IllegalStateException("event " + i + " rejected: the queues should hold them all");
                }
            }
        }

        /** Releases the worker and waits for it to handle the queued events (it is held: its count is still). */
        private void openGateAndWait() {
            done.flag = false;
            count.target = count.handled + EVENTS;
            gate.countDown();
            while (!done.flag) {
                Thread.onSpinWait();
            }
        }
    }

    /** The worker's count of handled events, on cache lines of its own. */
    static final class Count {
        long p00, p01, p02, p03, p04, p05, p06, p07;
        long handled;
        /** Set while the worker is held (the latch publishes it). */
        long target;

        long p10, p11, p12, p13, p14, p15, p16, p17;
    }

    /** Whether the worker reached its target, on cache lines of its own. */
    static final class Done {
        long p00, p01, p02, p03, p04, p05, p06, p07;
        volatile boolean flag;
        long p10, p11, p12, p13, p14, p15, p16, p17;
    }

    /** State for {@link #submit}: the worker is held before each invocation and released after it. */
    @State(Scope.Thread)
    public static class Held {
        // JMH 1.37 hands a dependent state's setup its own instance of Rig, not the one a benchmark method would
        // get: keep the one given here and use only that.
        Rig rig;

        @Setup(Level.Invocation)
        public void hold(Rig given) {
            rig = given;
            rig.closeGate();
        }

        @TearDown(Level.Invocation)
        public void release() {
            rig.openGateAndWait();
        }
    }

    /** State for {@link #handle}: before each invocation the worker is held and the events queued. */
    @State(Scope.Thread)
    public static class Queued {
        Rig rig;

        @Setup(Level.Invocation)
        public void queue(Rig given) {
            rig = given;
            rig.closeGate();
            rig.fill();
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void submit(Held held) {
        held.rig.fill();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void handle(Queued queued) {
        queued.rig.openGateAndWait();
    }
}
