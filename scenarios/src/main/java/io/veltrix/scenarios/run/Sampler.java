package io.veltrix.scenarios.run;

import io.veltrix.engine.Counts;
import io.veltrix.engine.Engine;
import io.veltrix.engine.EngineSnapshot;
import io.veltrix.engine.Latencies;
import io.veltrix.engine.QueueSnapshot;
import io.veltrix.engine.RejectReason;
import io.veltrix.engine.TypeSnapshot;
import io.veltrix.scenarios.results.HlogTags;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.QueuePoint;
import io.veltrix.scenarios.results.TimelinePoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The only reader of the engine's snapshot timeline during a strategy's run: a thread that takes {@link
 * Engine#snapshot()} once a second (and exactly at the warm-up boundary), turns each into a {@link TimelinePoint},
 * and, after the boundary, sums the interval histograms of every event type into the measured latencies and writes
 * them to the HdrHistogram log. The last interval comes from the engine's final snapshot after its drain ({@link
 * #finish}), taken on the caller's thread once this thread has stopped.
 *
 * <p>Sample times, from the run's start: every whole second during the warm-up, the warm-up's end, then every second
 * after it. The interval ending at the warm-up's end is the last one excluded.
 */
final class Sampler implements Runnable {
    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Latency kinds accumulated per event type. */
    static final int END_TO_END = 0, UNCORRECTED = 1, QUEUE_DELAY = 2, SERVICE = 3, KINDS = 4;

    private final Engine engine;
    private final LoadDriver driver;
    private final RunClock clock;
    private final String strategy;
    private final long warmupNanos;
    private final long runNanos;
    private final long startEpochMillis;
    private final RunListener listener;
    private final Runnable beforeBoundary;
    private final Runnable afterBoundary;
    private final String[] typeNames;
    private final Thread thread;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running = true;

    private final Histogram[][] measured;
    private final Histogram measuredTotal = newHistogram();
    private final Histogram measuredLag = newHistogram();
    private final Histogram interval = newHistogram();
    private final List<TimelinePoint> timeline = new ArrayList<>();
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream hlogBytes = new ByteArrayOutputStream();
    private final HistogramLogWriter hlog;

    private EngineSnapshot boundary;
    private EngineSnapshot previous;
    private long previousNanos;

    /**
     * @param startEpochMillis the run's start on the wall clock, for the log's timestamps
     * @param typeNames the event types' names, by index
     * @param description a line for the log's header
     * @param beforeBoundary run on the sampling thread just before the warm-up boundary's snapshot
     * @param afterBoundary run on the sampling thread just after it (to start a recording of the measured part)
     */
    Sampler(
            Engine engine,
            LoadDriver driver,
            RunClock clock,
            String strategy,
            long warmupNanos,
            long runNanos,
            long startEpochMillis,
            String[] typeNames,
            String description,
            RunListener listener,
            Runnable beforeBoundary,
            Runnable afterBoundary) {
        this.engine = engine;
        this.driver = driver;
        this.clock = clock;
        this.strategy = strategy;
        this.warmupNanos = warmupNanos;
        this.runNanos = runNanos;
        this.startEpochMillis = startEpochMillis;
        this.typeNames = typeNames.clone();
        this.listener = listener;
        this.beforeBoundary = beforeBoundary;
        this.afterBoundary = afterBoundary;
        this.measured = new Histogram[typeNames.length][KINDS];
        for (Histogram[] kinds : measured) {
            for (int k = 0; k < KINDS; k++) {
                kinds[k] = newHistogram();
            }
        }
        this.hlog = new HistogramLogWriter(new PrintStream(hlogBytes, true, StandardCharsets.UTF_8));
        hlog.outputComment(description);
        hlog.outputComment("Interval histograms of end-to-end latency (ns from each event's intended time) over the"
                + " measured part, one per event type per second (Tag=<event type>) and one of all types (no tag)");
        hlog.outputComment("Per event type also uncorrected latency (Tag=uncorrected:<event type>), queueing delay"
                + " (Tag=queueDelay:<event type>) and service time (Tag=service:<event type>), and the generator's lag"
                + " (Tag=" + HlogTags.LAG + ", open loads only), ns");
        hlog.outputLogFormatVersion();
        hlog.outputStartTime(startEpochMillis);
        hlog.setBaseTime(startEpochMillis);
        hlog.outputBaseTime(startEpochMillis);
        hlog.outputLegend();
        this.thread = new Thread(this, strategy + "-sampler");
        thread.setDaemon(true);
    }

    private static Histogram newHistogram() {
        return new Histogram(3);
    }

    /** When the sample after the one at {@code previous} is due, ns from the run's start (-1: the first). */
    static long nextSample(long previous, long warmupNanos) {
        if (previous < warmupNanos) {
            long next = previous < 0 ? PERIOD_NANOS : (previous / PERIOD_NANOS + 1) * PERIOD_NANOS;
            return Math.min(next, warmupNanos);
        }
        return warmupNanos + ((previous - warmupNanos) / PERIOD_NANOS + 1) * PERIOD_NANOS;
    }

    void start() {
        thread.start();
    }

    /** Stops the sampling thread and waits for it. */
    void stop() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join();
    }

    @Override
    public void run() {
        long start = clock.startNanos();
        for (long due = nextSample(-1, warmupNanos); running; due = nextSample(due, warmupNanos)) {
            for (long left = start + due - System.nanoTime(); left > 0 && running; ) {
                LockSupport.parkNanos(left);
                left = start + due - System.nanoTime();
            }
            if (!running) {
                return;
            }
            boolean isBoundary = due == warmupNanos;
            if (isBoundary) {
                hook(beforeBoundary);
            }
            EngineSnapshot snapshot = engine.snapshot();
            record(snapshot, System.nanoTime() - start, isBoundary, false);
        }
    }

    /**
     * Records the final interval from the engine's last snapshot (after the drain). Call after {@link #stop}.
     *
     * @param last the shutdown report's final snapshot
     * @param atNanos when it was taken, ns from the run's start
     */
    void finish(EngineSnapshot last, long atNanos) {
        record(last, atNanos, false, true);
        hlog.close();
    }

    private void record(EngineSnapshot s, long atNanos, boolean isBoundary, boolean last) {
        boolean inMeasuredPart = boundary != null;
        interval.reset();
        for (int t = 0; t < typeNames.length; t++) {
            TypeSnapshot type = s.types().get(t);
            Histogram e2e = type.interval().endToEnd();
            interval.add(e2e);
            if (inMeasuredPart) {
                Histogram[] into = measured[t];
                into[END_TO_END].add(e2e);
                into[UNCORRECTED].add(type.interval().fromSubmit());
                into[QUEUE_DELAY].add(type.interval().queueDelay());
                into[SERVICE].add(type.interval().service());
            }
        }
        Histogram lag = driver.takeLagInterval();
        if (inMeasuredPart) {
            measuredTotal.add(interval);
            if (lag != null) {
                measuredLag.add(lag);
            }
            writeLog(s, atNanos, lag);
        }
        TimelinePoint point = point(s, atNanos, inMeasuredPart ? (last ? "drain" : "measured") : "warmup", lag);
        timeline.add(point);
        if (inMeasuredPart) {
            measuredInterval(s, point);
        }
        previous = s;
        previousNanos = atNanos;
        if (isBoundary) {
            boundary = s;
            hook(afterBoundary);
        }
        if (!last) {
            progress(s, atNanos, inMeasuredPart);
        }
    }

    /** Runs a boundary hook; whatever it throws is reported, and never stops the sampling. */
    private void hook(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException | LinkageError e) {
            problems.add("at the warm-up boundary: " + e);
        }
    }

    /** What went wrong on the sampling thread, for the results' warnings. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void writeLog(EngineSnapshot s, long atNanos, Histogram lag) {
        double from = previousNanos / 1e9;
        double to = atNanos / 1e9;
        for (int t = 0; t < typeNames.length; t++) {
            Histogram h = s.types().get(t).interval().endToEnd();
            h.setTag(typeNames[t]);
            hlog.outputIntervalHistogram(from, to, h);
        }
        Histogram total = interval.copy();
        total.setTag(null);
        hlog.outputIntervalHistogram(from, to, total);
        for (int t = 0; t < typeNames.length; t++) {
            Latencies latencies = s.types().get(t).interval();
            writeKind(from, to, latencies.fromSubmit(), HlogTags.Kind.UNCORRECTED.tag(typeNames[t]));
            writeKind(from, to, latencies.queueDelay(), HlogTags.Kind.QUEUE_DELAY.tag(typeNames[t]));
            writeKind(from, to, latencies.service(), HlogTags.Kind.SERVICE.tag(typeNames[t]));
        }
        if (lag != null) {
            writeKind(from, to, lag, HlogTags.LAG);
        }
    }

    /** Writes a copy, so the engine's and the generator's histograms keep their own tags. */
    private void writeKind(double from, double to, Histogram h, String tag) {
        Histogram tagged = h.copy();
        tagged.setTag(tag);
        hlog.outputIntervalHistogram(from, to, tagged);
    }

    private TimelinePoint point(EngineSnapshot s, long atNanos, String phase, Histogram lag) {
        Counts now = s.total();
        Counts before = previous == null ? null : previous.total();
        long rejectedFirst = firstAttemptRejections(s) - (previous == null ? 0 : firstAttemptRejections(previous));
        long submitted = now.submitted() - (before == null ? 0 : before.submitted());
        List<QueuePoint> queues = new ArrayList<>();
        for (QueueSnapshot q : s.queues()) {
            queues.add(new QueuePoint(q.name(), q.depth(), q.capacity(), q.limit()));
        }
        boolean lagged = lag != null && lag.getTotalCount() > 0;
        return new TimelinePoint(
                previousNanos / 1e9,
                atNanos / 1e9,
                phase,
                submitted,
                submitted - rejectedFirst,
                now.completed() - (before == null ? 0 : before.completed()),
                now.rejected() - (before == null ? 0 : before.rejected()),
                now.evicted() - (before == null ? 0 : before.evicted()),
                now.deadLettered() - (before == null ? 0 : before.deadLettered()),
                retries(s) - (previous == null ? 0 : retries(previous)),
                now.inFlight(),
                interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(50),
                interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99),
                interval.getMaxValue(),
                memory.getHeapMemoryUsage().getUsed(),
                lag == null ? null : lagged ? lag.getValueAtPercentile(99) : 0L,
                lag == null ? null : lag.getMaxValue(),
                queues);
    }

    /** Tells the listener of a measured interval: copies of each type's latencies and its counts' differences. */
    private void measuredInterval(EngineSnapshot s, TimelinePoint point) {
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        Map<String, MeasuredCounts> counts = new LinkedHashMap<>();
        for (int t = 0; t < typeNames.length; t++) {
            TypeSnapshot now = s.types().get(t);
            TypeSnapshot before = previous.types().get(t);
            latencies.put(typeNames[t], now.interval().endToEnd().copy());
            counts.put(
                    typeNames[t],
                    MeasuredCounts.of(
                            now.counts().submitted() - before.counts().submitted(),
                            now.counts().completed() - before.counts().completed(),
                            now.counts().deadLettered() - before.counts().deadLettered(),
                            now.counts().rejected() - before.counts().rejected(),
                            now.counts().evicted() - before.counts().evicted(),
                            now.retries() - before.retries(),
                            now.failedAttempts() - before.failedAttempts()));
        }
        try {
            listener.measuredInterval(new RunListener.MeasuredInterval(strategy, point, latencies, counts));
        } catch (RuntimeException e) {
            // A listener watches: it must not stop the measurements (it stops a run with the StopSignal).
        }
    }

    private void progress(EngineSnapshot s, long atNanos, boolean inMeasuredPart) {
        TimelinePoint p = timeline.get(timeline.size() - 1);
        double seconds = Math.max(1e-9, p.end() - p.start());
        Histogram source = inMeasuredPart && measuredTotal.getTotalCount() > 0 ? measuredTotal : interval;
        long p99 = source.getTotalCount() == 0 ? 0 : source.getValueAtPercentile(99);
        try {
            listener.progress(new RunListener.Progress(
                    strategy,
                    atNanos,
                    runNanos,
                    !inMeasuredPart,
                    p.offered() / seconds,
                    p99,
                    s.total().lost()));
        } catch (RuntimeException e) {
            // A listener is for show: it must not stop the measurements.
        }
    }

    private static long firstAttemptRejections(EngineSnapshot s) {
        long n = 0;
        for (TypeSnapshot t : s.types()) {
            n += t.rejectedBy().getOrDefault(RejectReason.FULL, 0L)
                    + t.rejectedBy().getOrDefault(RejectReason.TIMEOUT, 0L)
                    + t.rejectedBy().getOrDefault(RejectReason.SHUTDOWN, 0L);
        }
        return n;
    }

    private static long retries(EngineSnapshot s) {
        long n = 0;
        for (TypeSnapshot t : s.types()) {
            n += t.retries();
        }
        return n;
    }

    /** The snapshot at the warm-up boundary, or null when the run stopped before it. */
    EngineSnapshot boundary() {
        return boundary;
    }

    /** Measured latencies of event type {@code type}, of kind {@link #END_TO_END} etc. */
    Histogram measured(int type, int kind) {
        return measured[type][kind];
    }

    /** The generator's lag over the measured part. */
    Histogram measuredLag() {
        return measuredLag;
    }

    List<TimelinePoint> timeline() {
        return List.copyOf(timeline);
    }

    /** The HdrHistogram log, complete once {@link #finish} returned. */
    byte[] hlog() {
        return hlogBytes.toByteArray();
    }
}
