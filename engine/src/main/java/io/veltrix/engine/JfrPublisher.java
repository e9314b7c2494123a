package io.veltrix.engine;

import io.veltrix.engine.JfrEvents.CapacityChangeEvent;
import io.veltrix.engine.JfrEvents.DeadLetterSummaryEvent;
import io.veltrix.engine.JfrEvents.LatencyIntervalEvent;
import io.veltrix.engine.JfrEvents.QueueSnapshotEvent;
import jdk.jfr.FlightRecorder;
import org.HdrHistogram.Histogram;

/**
 * Emits the engine's {@link JfrEvents}. Periodic hooks run on JFR's own thread, once per period and only while a
 * recording enables them; nothing here touches the hot path.
 */
final class JfrPublisher {
    private static final String[] METRICS = {"queue-delay", "service", "end-to-end"};

    static {
        // Registered when the first engine is built, so a recording started afterwards finds them.
        try {
            FlightRecorder.register(QueueSnapshotEvent.class);
            FlightRecorder.register(LatencyIntervalEvent.class);
            FlightRecorder.register(DeadLetterSummaryEvent.class);
            FlightRecorder.register(CapacityChangeEvent.class);
            FlightRecorder.register(JfrEvents.CircuitBreakerEvent.class);
        } catch (RuntimeException | Error e) {
            // No Flight Recorder in this JVM: the events are simply never recorded.
        }
    }

    private final EngineRuntime runtime;
    private final Metrics metrics;
    private final String engine;
    private final Runnable queueHook = this::emitQueueSnapshots;
    private final Runnable latencyHook = this::emitLatencyIntervals;
    private final Runnable deadLetterHook = this::emitDeadLetterSummaries;
    private final long[][] lastQueue;
    private final long[][] lastDead;
    private boolean registered;

    JfrPublisher(EngineRuntime runtime, Metrics metrics) {
        this.runtime = runtime;
        this.metrics = metrics;
        this.engine = runtime.config.threadNamePrefix();
        this.lastQueue = new long[runtime.queues.length][5];
        this.lastDead = new long[runtime.types.length][6];
    }

    void register() {
        try {
            FlightRecorder.addPeriodicEvent(QueueSnapshotEvent.class, queueHook);
            FlightRecorder.addPeriodicEvent(LatencyIntervalEvent.class, latencyHook);
            FlightRecorder.addPeriodicEvent(DeadLetterSummaryEvent.class, deadLetterHook);
            registered = true;
        } catch (RuntimeException | Error e) {
            // A JVM without Flight Recorder: the engine runs the same, without its events.
            registered = false;
        }
    }

    /** Emits a last round of the periodic events (so the tail of the run is recorded too), then unregisters. */
    void unregister() {
        if (registered) {
            emitQueueSnapshots();
            emitLatencyIntervals();
            emitDeadLetterSummaries();
            FlightRecorder.removePeriodicEvent(queueHook);
            FlightRecorder.removePeriodicEvent(latencyHook);
            FlightRecorder.removePeriodicEvent(deadLetterHook);
            registered = false;
        }
    }

    private synchronized void emitQueueSnapshots() {
        for (EventQueue q : runtime.queues) {
            long[] now = queueTotals(q);
            StringBuilder types = new StringBuilder();
            for (TypeState t : q.types) {
                types.append(types.length() == 0 ? "" : ",").append(t.type.name());
            }
            long[] last = lastQueue[q.index];
            QueueSnapshotEvent e = new QueueSnapshotEvent();
            e.engine = engine;
            e.queue = q.name;
            e.tier = runtime.config.tiers().get(q.tier);
            e.eventTypes = types.toString();
            e.depth = q.depth();
            e.capacity = q.capacity;
            e.limit = q.limit;
            e.submitted = now[0] - last[0];
            e.completed = now[1] - last[1];
            e.rejected = now[2] - last[2];
            e.evicted = now[3] - last[3];
            e.deadLettered = now[4] - last[4];
            e.capacityChanges = q.capacityChanges.get();
            e.commit();
            System.arraycopy(now, 0, last, 0, now.length);
        }
    }

    /** A queue's submitted, completed, rejected, evicted and dead-lettered counts since the engine started. */
    private long[] queueTotals(EventQueue q) {
        long submitted = 0, completed = 0, rejected = 0, evicted = 0, dead = 0;
        for (TypeState t : q.types) {
            submitted += t.submitted();
            completed += metrics.completedOf(t.type.index());
            rejected += t.rejectedTotal();
            evicted += t.evicted.sum();
            dead += t.deadLetteredTotal();
        }
        return new long[] {submitted, completed, rejected, evicted, dead};
    }

    /**
     * Starts every periodic event's interval afresh: the next {@code QueueSnapshot}, {@code LatencyInterval} and
     * {@code DeadLetterSummary} events cover only what happens from now on, not what accumulated since the engine
     * started (or since the previous recording's last events).
     */
    synchronized void restartIntervals() {
        metrics.takeJfrInterval((type, histograms) -> {});
        lastLatencyNanos = System.nanoTime();
        for (EventQueue q : runtime.queues) {
            System.arraycopy(queueTotals(q), 0, lastQueue[q.index], 0, 5);
        }
        for (TypeState t : runtime.types) {
            long[] now = deadLetterTotals(t);
            System.arraycopy(now, 0, lastDead[t.type.index()], 0, now.length);
        }
    }

    private long lastLatencyNanos = System.nanoTime();

    private synchronized void emitLatencyIntervals() {
        long now = System.nanoTime();
        long interval = now - lastLatencyNanos;
        lastLatencyNanos = now;
        metrics.takeJfrInterval((type, histograms) -> {
            TypeState t = runtime.types[type];
            for (int m = 0; m < METRICS.length; m++) {
                Histogram h = histograms[m];
                LatencyIntervalEvent e = new LatencyIntervalEvent();
                e.engine = engine;
                e.eventType = t.type.name();
                e.tier = t.type.tier();
                e.metric = METRICS[m];
                e.interval = interval;
                e.count = h.getTotalCount();
                e.p50 = h.getValueAtPercentile(50);
                e.p99 = h.getValueAtPercentile(99);
                e.max = h.getMaxValue();
                e.histogram = JfrEvents.encode(h);
                e.commit();
            }
        });
    }

    private synchronized void emitDeadLetterSummaries() {
        for (TypeState t : runtime.types) {
            long[] now = deadLetterTotals(t);
            long[] last = lastDead[t.type.index()];
            if (now[0] == last[0] && now[5] == last[5]) {
                continue;
            }
            DeadLetterSummaryEvent e = new DeadLetterSummaryEvent();
            e.engine = engine;
            e.eventType = t.type.name();
            e.deadLettered = now[0] - last[0];
            e.budgetExhausted = now[1] - last[1];
            e.permanent = now[2] - last[2];
            e.maxAttempts = now[3] - last[3];
            e.deadline = now[4] - last[4];
            e.retries = now[5] - last[5];
            e.commit();
            System.arraycopy(now, 0, last, 0, now.length);
        }
    }

    /** A type's dead letters (all, budget-exhausted, permanent, max-attempts, deadline) and retries so far. */
    private static long[] deadLetterTotals(TypeState t) {
        return new long[] {
            t.deadLetteredTotal(),
            t.deadLettered[DeadLetterReason.BUDGET_EXHAUSTED.ordinal()].sum(),
            t.deadLettered[DeadLetterReason.PERMANENT.ordinal()].sum(),
            t.deadLettered[DeadLetterReason.MAX_ATTEMPTS.ordinal()].sum(),
            t.deadLettered[DeadLetterReason.DEADLINE.ordinal()].sum(),
            t.retriesScheduled.sum()
        };
    }

    static void capacityChanged(String engine, String queue, int oldCapacity, int newCapacity, String reason) {
        CapacityChangeEvent e = new CapacityChangeEvent();
        if (e.isEnabled()) {
            e.engine = engine;
            e.queue = queue;
            e.oldCapacity = oldCapacity;
            e.newCapacity = newCapacity;
            e.reason = reason;
            e.commit();
        }
    }

    static void breakerTransition(String engine, String eventType, String from, String to) {
        JfrEvents.CircuitBreakerEvent e = new JfrEvents.CircuitBreakerEvent();
        if (e.isEnabled()) {
            e.engine = engine;
            e.eventType = eventType;
            e.from = from;
            e.to = to;
            e.commit();
        }
    }
}
