package io.veltrix.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * Collects the workers' interval histograms into engine-wide totals and builds {@link EngineSnapshot}s. Off the
 * hot path: harvesting and snapshots take a lock; workers never do.
 */
final class Metrics {
    private final EngineRuntime runtime;
    private final Worker[] workers;
    private final long startNanos;
    private final Histogram[] totals;
    private final Histogram[] interval;
    /** A separate interval for the JFR latency events, so a recording never steals the snapshot timeline. */
    private final Histogram[] jfrInterval;

    private final AbstractHistogram[] scratch;
    private long lastSnapshotNanos;

    Metrics(EngineRuntime runtime, Worker[] workers) {
        this.runtime = runtime;
        this.workers = workers;
        this.startNanos = runtime.clock.nanoTime();
        this.lastSnapshotNanos = startNanos;
        int n = runtime.types.length;
        this.totals = newTotals(n);
        this.interval = newTotals(n);
        this.jfrInterval = newTotals(n);
        this.scratch = WorkerMetrics.newHistograms(n);
    }

    private static Histogram[] newTotals(int types) {
        Histogram[] h = new Histogram[types * WorkerMetrics.KINDS];
        for (int i = 0; i < h.length; i++) {
            h[i] = new Histogram(3);
            h[i].setAutoResize(true);
        }
        return h;
    }

    /** Moves what every worker recorded since the last harvest into the totals and the current interval. */
    synchronized void harvest() {
        for (Worker w : workers) {
            w.metrics.harvestInto(scratch);
        }
        for (int i = 0; i < scratch.length; i++) {
            if (scratch[i].getTotalCount() > 0) {
                totals[i].add(scratch[i]);
                interval[i].add(scratch[i]);
                jfrInterval[i].add(scratch[i]);
                scratch[i].reset();
            }
        }
    }

    /**
     * Harvests, then hands the JFR interval histograms of every type to {@code sink} and starts a new interval.
     * The histograms are reset after the call: the sink must copy or encode them.
     */
    synchronized void takeJfrInterval(java.util.function.BiConsumer<Integer, Histogram[]> sink) {
        harvest();
        int kinds = WorkerMetrics.KINDS;
        for (int t = 0; t < runtime.types.length; t++) {
            Histogram[] of = new Histogram[kinds];
            System.arraycopy(jfrInterval, t * kinds, of, 0, kinds);
            sink.accept(t, of);
        }
        for (Histogram h : jfrInterval) {
            h.reset();
        }
    }

    /** Completed events of one type, summed over workers. */
    long completedOf(int type) {
        return completed(type);
    }

    /** Events derived as in flight across the engine (cheap: counters only). */
    long inFlight() {
        long terminal = 0;
        for (TypeState t : runtime.types) {
            terminal += completed(t.type.index()) + t.deadLetteredTotal() + t.rejectedTotal() + t.evicted.sum();
        }
        long submitted = 0;
        for (TypeState t : runtime.types) {
            submitted += t.submitted();
        }
        return submitted - terminal;
    }

    private long completed(int type) {
        long sum = 0;
        for (Worker w : workers) {
            sum += w.metrics.completed.get(type);
        }
        return sum;
    }

    private long failedAttempts(int type) {
        long sum = 0;
        for (Worker w : workers) {
            sum += w.metrics.failedAttempts.get(type);
        }
        return sum;
    }

    synchronized EngineSnapshot snapshot(boolean terminated) {
        harvest();
        long now = runtime.clock.nanoTime();
        TypeState[] types = runtime.types;
        int n = types.length;
        // Terminal counters first, gauges next, submitted last: see EngineSnapshot.
        long[] completed = new long[n];
        long[] rejected = new long[n];
        long[] dead = new long[n];
        long[] evicted = new long[n];
        List<Map<RejectReason, Long>> rejectedBy = new ArrayList<>();
        List<Map<DeadLetterReason, Long>> deadBy = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TypeState t = types[i];
            completed[i] = completed(i);
            Map<RejectReason, Long> r = new EnumMap<>(RejectReason.class);
            for (RejectReason reason : RejectReason.values()) {
                long v = t.rejected[reason.ordinal()].sum();
                r.put(reason, v);
                rejected[i] += v;
            }
            Map<DeadLetterReason, Long> d = new EnumMap<>(DeadLetterReason.class);
            for (DeadLetterReason reason : DeadLetterReason.values()) {
                long v = t.deadLettered[reason.ordinal()].sum();
                d.put(reason, v);
                dead[i] += v;
            }
            evicted[i] = t.evicted.sum();
            rejectedBy.add(Map.copyOf(r));
            deadBy.add(Map.copyOf(d));
        }
        long queued = 0;
        long[] depth = new long[runtime.queues.length];
        for (EventQueue q : runtime.queues) {
            depth[q.index] = q.depth();
            queued += depth[q.index];
        }
        long inService = 0;
        for (Worker w : workers) {
            inService += w.metrics.inBatch;
        }
        long[] waiting = new long[n];
        long[] abandoned = new long[n];
        long[] submitted = new long[n];
        for (int i = 0; i < n; i++) {
            waiting[i] = types[i].waitingRetry.get();
            abandoned[i] = runtime.abandoned[i].sum();
        }
        for (int i = 0; i < n; i++) {
            submitted[i] = types[i].submitted();
        }

        List<TypeSnapshot> typeSnapshots = new ArrayList<>(n);
        Counts total = Counts.ZERO;
        Counts[] perType = new Counts[n];
        for (int i = 0; i < n; i++) {
            TypeState t = types[i];
            long inFlight = submitted[i] - completed[i] - dead[i] - rejected[i] - evicted[i];
            perType[i] = new Counts(submitted[i], completed[i], dead[i], rejected[i], evicted[i], inFlight);
            total = total.plus(perType[i]);
            typeSnapshots.add(new TypeSnapshot(
                    t.type.name(),
                    t.type.tier(),
                    t.queue.name,
                    perType[i],
                    failedAttempts(i),
                    t.retriesScheduled.sum(),
                    waiting[i],
                    abandoned[i],
                    rejectedBy.get(i),
                    deadBy.get(i),
                    t.breaker == null ? null : t.breaker.stats(),
                    latencies(totals, i),
                    latencies(interval, i)));
        }
        for (Histogram h : interval) {
            h.reset();
        }
        List<QueueSnapshot> queueSnapshots = new ArrayList<>(runtime.queues.length);
        for (EventQueue q : runtime.queues) {
            Counts c = Counts.ZERO;
            for (TypeState t : q.types) {
                c = c.plus(perType[t.type.index()]);
            }
            queueSnapshots.add(new QueueSnapshot(
                    q.name,
                    runtime.config.tiers().get(q.tier),
                    q.sizing.toString(),
                    q.overflow,
                    depth[q.index],
                    q.capacity,
                    q.limit,
                    q.capacityChanges.get(),
                    c));
        }
        long intervalNanos = now - lastSnapshotNanos;
        lastSnapshotNanos = now;
        return new EngineSnapshot(
                now - startNanos,
                intervalNanos,
                terminated,
                total,
                queued,
                inService,
                List.copyOf(queueSnapshots),
                List.copyOf(typeSnapshots),
                runtime.retryTimer.delayErrorHistogram(),
                runtime.deadLetters.fileStats(),
                runtime.listenerErrors.sum());
    }

    private static Latencies latencies(Histogram[] h, int type) {
        int base = type * WorkerMetrics.KINDS;
        return new Latencies(
                h[base + WorkerMetrics.QUEUE_DELAY].copy(),
                h[base + WorkerMetrics.SERVICE].copy(),
                h[base + WorkerMetrics.END_TO_END].copy(),
                h[base + WorkerMetrics.ATTEMPTS].copy(),
                h[base + WorkerMetrics.FROM_SUBMIT].copy());
    }
}
