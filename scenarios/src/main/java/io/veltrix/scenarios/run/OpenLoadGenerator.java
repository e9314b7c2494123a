package io.veltrix.scenarios.run;

import io.veltrix.engine.Engine;
import io.veltrix.engine.EventType;
import io.veltrix.scenarios.load.ArrivalCursor;
import io.veltrix.scenarios.results.Durations;
import io.veltrix.scenarios.results.GeneratorStats;
import io.veltrix.scenarios.results.LatencySummary;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The open-model load generator: one thread walks the schedule's arrivals, waits until each is due (parking for
 * long gaps, spinning for the last {@value #SPIN_NANOS} ns), and submits it with its intended time. It never skips
 * an arrival: when it falls behind it submits at once, and the engine still measures latency from the intended time,
 * so a stall anywhere shows in the results (no coordinated omission).
 *
 * <p>It measures its own lag behind the schedule (submission time minus intended time) in a histogram, and, over the
 * measured part, its CPU time, the time it waited for the schedule and the time it spent inside {@code submit}, so a
 * run can say when the generator rather than the engine was the bottleneck. Nothing is allocated per arrival.
 */
final class OpenLoadGenerator implements LoadDriver, Runnable {
    /** Gaps shorter than this are spun; longer ones are parked for all but this long. */
    static final long SPIN_NANOS = 60_000;

    /** Parks are cut into slices of at most this long, so a stop request is seen quickly in quiet phases. */
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** A lag p99 above this (1 ms) means the schedule was not kept. */
    static final long LAG_WARNING_NANOS = 1_000_000;

    private final Engine engine;
    private final EventType[] types;
    private final ArrivalCursor arrivals;
    private final RunClock clock;
    private final StopSignal stop;
    private final Thread thread;
    private final AtomicLongArray offered;
    private final SingleWriterRecorder lag = new SingleWriterRecorder(1, TimeUnit.HOURS.toNanos(1), 3);
    private Histogram lagInterval;

    // Written by the generator thread, read after join().
    private long clampedServiceTimes;
    private boolean sequenceLimitReached;
    private long measuredStartWall;
    private long measuredStartCpu = -1;
    private long measuredStartWait;
    private long measuredStartSubmit;
    private long endWall;
    private long endCpu = -1;
    private long waitNanos;
    private long submitNanos;
    private long measuredOffered;

    OpenLoadGenerator(
            Engine engine, EventType[] types, ArrivalCursor arrivals, RunClock clock, StopSignal stop, String name) {
        this.engine = engine;
        this.types = types;
        this.arrivals = arrivals;
        this.clock = clock;
        this.stop = stop;
        this.offered = new AtomicLongArray(types.length);
        this.thread = new Thread(this, name + "-generator");
        thread.setDaemon(true);
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void join() throws InterruptedException {
        thread.join();
    }

    @Override
    public long offered(int type) {
        return offered.get(type);
    }

    @Override
    public synchronized Histogram takeLagInterval() {
        lagInterval = lag.getIntervalHistogram(lagInterval);
        return lagInterval;
    }

    @Override
    public void run() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuTime = mx.isCurrentThreadCpuTimeSupported();
        long start = clock.startNanos();
        boolean measuring = false;
        long now = System.nanoTime();
        while (!stop.requested() && arrivals.next()) {
            long due = start + arrivals.intendedNanos();
            if (!measuring && !arrivals.inWarmup()) {
                measuring = true;
                measuredStartWall = now;
                measuredStartCpu = cpuTime ? mx.getCurrentThreadCpuTime() : -1;
                measuredStartWait = waitNanos;
                measuredStartSubmit = submitNanos;
            }
            if (now - due < 0) {
                long before = now;
                now = waitUntil(due, now);
                // Waiting counts up to the due time; oversleeping past it is lag.
                waitNanos += Math.min(now, due) - before;
                if (now - due < 0) {
                    break; // a stop was asked for while waiting
                }
            }
            long sequence = arrivals.sequence();
            if (sequence > TagCodec.MAX_SEQUENCE) {
                sequenceLimitReached = true;
                break;
            }
            long service = arrivals.serviceNanos();
            if (service > TagCodec.MAX_SERVICE_NANOS) {
                clampedServiceTimes++;
                service = TagCodec.MAX_SERVICE_NANOS;
            }
            long behind = now - due;
            lag.recordValue(Math.min(behind, TimeUnit.HOURS.toNanos(1)));
            int type = arrivals.type();
            engine.submit(types[type], null, TagCodec.encode(sequence, service), due);
            offered.lazySet(type, offered.get(type) + 1);
            if (measuring) {
                measuredOffered++;
            }
            long after = System.nanoTime();
            submitNanos += after - now;
            now = after;
        }
        endWall = System.nanoTime();
        endCpu = cpuTime ? mx.getCurrentThreadCpuTime() : -1;
    }

    /** Waits until {@code due}: parks while far from it, spins close to it. Returns the time it stopped waiting. */
    private long waitUntil(long due, long now) {
        while (now - due < 0) {
            long left = due - now;
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(Math.min(left - SPIN_NANOS, MAX_PARK_NANOS));
                if (stop.requested()) {
                    return System.nanoTime();
                }
            } else {
                Thread.onSpinWait();
            }
            now = System.nanoTime();
        }
        return now;
    }

    @Override
    public synchronized GeneratorStats stats(Histogram measuredLag) {
        long wall = measuredStartWall == 0 ? 0 : endWall - measuredStartWall;
        long cpu = measuredStartCpu < 0 || endCpu < 0 ? -1 : endCpu - measuredStartCpu;
        long waited = measuredStartWall == 0 ? 0 : waitNanos - measuredStartWait;
        long inSubmit = measuredStartWall == 0 ? 0 : submitNanos - measuredStartSubmit;
        List<String> warnings = new ArrayList<>();
        long p99 = measuredLag.getTotalCount() == 0 ? 0 : measuredLag.getValueAtPercentile(99);
        if (p99 > LAG_WARNING_NANOS && wall > 0) {
            double busy = cpu < 0 ? Double.NaN : (double) cpu / wall;
            double submitting = (double) inSubmit / wall;
            if (submitting > 0.5) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "the generator fell behind its schedule (lag p99 %s) because submit blocked %.0f%% of the"
                                + " time: back-pressure from the engine (overflow block); latencies still count from"
                                + " the intended times",
                        Durations.format(p99),
                        submitting * 100));
            } else if (busy > 0.9) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "the generator, not the engine, was the bottleneck: lag p99 %s behind the schedule with the"
                                + " generator thread busy %.0f%% of the time; lower the rate or use a faster machine",
                        Durations.format(p99),
                        busy * 100));
            } else if (busy < 0.5) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "the generator fell behind its schedule (lag p99 %s) while busy only %.0f%% of the time: its"
                                + " thread was kept off the CPU (other threads or processes; %d CPUs); the offered"
                                + " load arrived late, though latencies still count from the intended times",
                        Durations.format(p99),
                        busy * 100,
                        Runtime.getRuntime().availableProcessors()));
            }
        }
        if (clampedServiceTimes > 0) {
            warnings.add(clampedServiceTimes + " service times longer than "
                    + Durations.format(TagCodec.MAX_SERVICE_NANOS) + " were cut to that");
        }
        if (sequenceLimitReached) {
            warnings.add(
                    "the schedule numbers more than " + TagCodec.MAX_SEQUENCE + " events; the generator stopped there");
        }
        return new GeneratorStats(
                "open",
                1,
                measuredOffered,
                wall,
                cpu,
                waited,
                inSubmit,
                cpu < 0 || wall == 0 ? null : (double) cpu / wall,
                LatencySummary.of(measuredLag),
                clampedServiceTimes,
                warnings);
    }
}
