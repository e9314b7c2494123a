package io.veltrix.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The embeddable tiered-queue event engine. Build an {@link EngineConfig} (event types with their handlers,
 * tiers, topology, sizing, overflow, scheduling, retries), {@link #start} it, {@link #submit} events, and
 * {@link #shutdown} when done.
 *
 * <pre>{@code
 * EngineConfig config = EngineConfig.builder()
 *         .tiers("critical", "normal")
 *         .eventType(EventTypeConfig.of("payment", "critical", e -> Outcome.SUCCESS)
 *                 .withSizing(QueueSizing.fixed(4096)))
 *         .eventType("audit", "normal", e -> Outcome.SUCCESS)
 *         .build();
 * try (Engine engine = Engine.start(config)) {
 *     EventType payment = engine.eventType("payment");
 *     engine.submit(payment, order);
 * }
 * }</pre>
 *
 * <p>Submitting and handling an event take no lock and, once warm, allocate nothing. Everything is accounted:
 * see {@link Counts} and {@link #checkInvariant()}.
 */
public final class Engine implements AutoCloseable {
    private final EngineRuntime runtime;
    private final Worker[] workers;
    private final Thread[] workerThreads;
    private final Metrics metrics;
    private final Monitor monitor;
    private final Thread monitorThread;
    private final Thread timerThread;
    private final JfrPublisher jfr;
    private ShutdownReport shutdownReport;

    private Engine(EngineConfig config, NanoClock clock, long seed) {
        Topologies.Layout layout = Topologies.layout(config, clock);
        DeadLetters deadLetters = new DeadLetters(config.deadLetterCapacity(), config.deadLetterFile(), clock);
        this.runtime = new EngineRuntime(config, clock, seed, layout, deadLetters);
        int n = config.workers();
        this.workers = new Worker[n];
        this.workerThreads = new Thread[n];
        for (int i = 0; i < n; i++) {
            TierScheduler scheduler =
                    TierScheduler.create(config.scheduling(), runtime.queuesByTier, config.batchSize(), i);
            workers[i] = new Worker(i, runtime, scheduler, config.idleStrategy().get(), config.batchSize());
            workerThreads[i] = new Thread(workers[i], config.threadNamePrefix() + "-worker-" + i);
            workerThreads[i].setDaemon(true);
        }
        this.metrics = new Metrics(runtime, workers);
        this.monitor = new Monitor(runtime, metrics);
        this.monitorThread = new Thread(monitor, config.threadNamePrefix() + "-monitor");
        monitorThread.setDaemon(true);
        this.timerThread = new Thread(runtime.retryTimer, config.threadNamePrefix() + "-retry-timer");
        timerThread.setDaemon(true);
        this.jfr = new JfrPublisher(runtime, metrics);
    }

    /** Builds the engine from {@code config} and starts its threads. */
    public static Engine start(EngineConfig config) {
        return start(config, NanoClock.SYSTEM, System.nanoTime());
    }

    /**
     * Builds and starts an engine on the given clock.
     *
     * @param clock the time source for every measurement and delay
     * @param seed seeds the retry jitter of each worker
     */
    public static Engine start(EngineConfig config, NanoClock clock, long seed) {
        Engine engine = new Engine(Checks.notNull("config", config), Checks.notNull("clock", clock), seed);
        for (Thread t : engine.workerThreads) {
            t.start();
        }
        engine.monitorThread.start();
        engine.timerThread.start();
        engine.jfr.register();
        return engine;
    }

    /** The handle of the event type called {@code name}. */
    public EventType eventType(String name) {
        for (TypeState t : runtime.types) {
            if (t.type.name().equals(name)) {
                return t.type;
            }
        }
        List<String> names = new ArrayList<>();
        for (TypeState t : runtime.types) {
            names.add(t.type.name());
        }
        throw new IllegalArgumentException("no event type named '" + name + "'; the engine has " + names);
    }

    /** Every event type, in configuration order. */
    public List<EventType> eventTypes() {
        List<EventType> list = new ArrayList<>();
        for (TypeState t : runtime.types) {
            list.add(t.type);
        }
        return List.copyOf(list);
    }

    /** Submits an event that is meant to happen now. */
    public SubmitResult submit(EventType type, Object payload) {
        return runtime.submit(type, payload, 0, 0, false);
    }

    /**
     * Submits an event that is meant to happen now, with a tag. An event whose payload is null and whose data fits
     * in the tag (an id, an index into the application's own storage) hands no reference from the submitter to
     * the worker. Under G1 (JDK 17 to 25), a reference stored into a queue that has reached the old generation runs
     * a write barrier with a memory fence; a null does not (see docs/benchmarks.md).
     *
     * @param type the event's type, from {@link #eventType}
     * @param payload what the handler receives; may be null
     * @param tag a number the handler can read back ({@link Event#tag()})
     * @return whether the event was accepted, and why not; never throws for a full queue
     */
    public SubmitResult submit(EventType type, Object payload, long tag) {
        return runtime.submit(type, payload, tag, 0, false);
    }

    /**
     * Submits an event.
     *
     * @param type the event's type, from {@link #eventType}
     * @param payload what the handler receives; may be null
     * @param tag a number the handler can read back ({@link Event#tag()})
     * @param intendedTimeNanos when the event was meant to happen, on the engine clock ({@link System#nanoTime()}
     *     by default); end-to-end latency counts from here
     * @return whether the event was accepted, and why not; never throws for a full queue
     */
    public SubmitResult submit(EventType type, Object payload, long tag, long intendedTimeNanos) {
        return runtime.submit(type, payload, tag, intendedTimeNanos, true);
    }

    /**
     * The engine now. Latencies in {@link TypeSnapshot#interval()} cover the time since the previous call, so
     * one reader should own the timeline (a reporter calling this once a second).
     */
    public EngineSnapshot snapshot() {
        return metrics.snapshot(isTerminated());
    }

    /**
     * Starts the intervals of the engine's periodic Flight Recorder events afresh. Those events carry what happened
     * since their previous emission, and they are emitted only while a recording enables them, so the first ones of a
     * recording started late (after a warm-up, say) would otherwise cover everything since the engine started. Call
     * this just before starting such a recording. It does not touch {@link #snapshot()}'s timeline.
     */
    public void restartJfrIntervals() {
        jfr.restartIntervals();
    }

    /** Takes a snapshot and checks its accounting; see {@link EngineSnapshot#invariantViolations()}. */
    public List<String> checkInvariant() {
        return snapshot().invariantViolations();
    }

    /** The newest dead letters kept in memory, oldest first (at most the configured dead-letter capacity). */
    public List<DeadLetter> deadLetters() {
        return runtime.deadLetters.recent();
    }

    public EngineConfig config() {
        return runtime.config;
    }

    /** Whether the engine still accepts events. */
    public boolean isAccepting() {
        return runtime.accepting;
    }

    private synchronized boolean isTerminated() {
        return shutdownReport != null;
    }

    /**
     * Stops the engine. New submissions are rejected with {@link SubmitResult#REJECTED_SHUTDOWN} at once.
     * {@link ShutdownMode#DRAIN} then waits (up to {@code timeout}) until every queued event and due retry has
     * been handled; {@link ShutdownMode#STOP_NOW}, or a drain that ran out of time, stops the workers after their
     * current event. Calling it again returns the first report.
     *
     * @param timeout the longest to wait for the drain and for the workers to stop
     */
    public synchronized ShutdownReport shutdown(ShutdownMode mode, Duration timeout) {
        if (shutdownReport != null) {
            return shutdownReport;
        }
        Checks.notNull("mode", mode);
        Checks.notNegative("timeout", timeout);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        runtime.accepting = false;
        if (mode == ShutdownMode.DRAIN) {
            while (metrics.inFlight() > 0 && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        boolean drained = metrics.inFlight() == 0;
        runtime.stopNow = !drained;
        runtime.retryTimer.stop();
        join(timerThread, deadline);
        runtime.workersRun = false;
        int stuck = 0;
        for (Thread t : workerThreads) {
            join(t, Math.max(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(1)));
            if (t.isAlive()) {
                t.interrupt();
                stuck++;
            }
        }
        jfr.unregister();
        monitor.running = false;
        join(monitorThread, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        runtime.deadLetters.close();
        shutdownReport =
                new ShutdownReport(mode, drained, Duration.ofNanos(System.nanoTime() - start), 0, 0, 0, stuck, null);
        EngineSnapshot last = metrics.snapshot(true);
        long abandoned = 0;
        long waiting = 0;
        for (TypeSnapshot t : last.types()) {
            abandoned += t.abandoned();
            waiting += t.waitingRetry();
        }
        shutdownReport = new ShutdownReport(
                mode, drained, shutdownReport.took(), last.queued(), abandoned, waiting, stuck, last);
        return shutdownReport;
    }

    /** {@link #shutdown} with {@link ShutdownMode#DRAIN} and a 30-second timeout. */
    @Override
    public void close() {
        shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(30));
    }

    private static void join(Thread t, long deadlineNanos) {
        long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        try {
            t.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
