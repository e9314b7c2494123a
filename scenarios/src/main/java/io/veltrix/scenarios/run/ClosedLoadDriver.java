package io.veltrix.scenarios.run;

import io.veltrix.engine.Engine;
import io.veltrix.engine.EventType;
import io.veltrix.engine.SubmitResult;
import io.veltrix.scenarios.load.Schedule;
import io.veltrix.scenarios.load.SubmitterCursor;
import io.veltrix.scenarios.results.GeneratorStats;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The closed-model driver: {@code concurrency} submitter threads, each submitting one event, waiting until it has
 * ended (completed, dead-lettered, evicted; or rejected at once), waiting its think time, and going again until the
 * run's end. The wait is a {@link CompletionSignal} slot per submitter: nothing is allocated per event.
 *
 * <p>A closed loop has no schedule to fall behind: each event's intended time is its submission time, so end-to-end
 * and uncorrected latencies are the same, and the throughput is whatever the system lets through (the very
 * coordination an open load avoids; that is what a closed model means).
 */
final class ClosedLoadDriver implements LoadDriver {
    private final Engine engine;
    private final EventType[] types;
    private final Schedule schedule;
    private final RunClock clock;
    private final StopSignal stop;
    private final CompletionSignal completions;
    private final Thread[] threads;
    private final AtomicLongArray offered;
    private final long[] measuredOffered;
    private final long[] clamped;

    ClosedLoadDriver(
            Engine engine,
            EventType[] types,
            Schedule schedule,
            RunClock clock,
            StopSignal stop,
            CompletionSignal completions,
            String name) {
        this.engine = engine;
        this.types = types;
        this.schedule = schedule;
        this.clock = clock;
        this.stop = stop;
        this.completions = completions;
        int concurrency = schedule.concurrency();
        this.offered = new AtomicLongArray(types.length);
        this.measuredOffered = new long[concurrency];
        this.clamped = new long[concurrency];
        this.threads = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            int index = i;
            threads[i] = new Thread(() -> submitLoop(index), name + "-submitter-" + i);
            threads[i].setDaemon(true);
        }
    }

    @Override
    public void start() {
        for (Thread t : threads) {
            t.start();
        }
    }

    @Override
    public void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    @Override
    public long offered(int type) {
        return offered.get(type);
    }

    @Override
    public Histogram takeLagInterval() {
        return null;
    }

    private void submitLoop(int index) {
        completions.register(index);
        SubmitterCursor cursor = schedule.submitter(index);
        long start = clock.startNanos();
        long end = start + schedule.endNanos();
        long warmupEnd = start + schedule.warmupNanos();
        sleepUntil(start);
        long measured = 0;
        long clampedHere = 0;
        for (long now = System.nanoTime(); !stop.requested() && now - end < 0; now = System.nanoTime()) {
            cursor.next(now - start);
            long sequence = cursor.sequence();
            if (sequence > TagCodec.MAX_SEQUENCE) {
                break;
            }
            long service = cursor.serviceNanos();
            if (service > TagCodec.MAX_SERVICE_NANOS) {
                clampedHere++;
                service = TagCodec.MAX_SERVICE_NANOS;
            }
            int type = cursor.type();
            SubmitResult result = engine.submit(types[type], null, TagCodec.encode(sequence, service), now);
            offered.incrementAndGet(type);
            if (now - warmupEnd >= 0) {
                measured++;
            }
            if (result.accepted() && !completions.await(index, sequence, end, stop)) {
                break;
            }
            sleepUntil(System.nanoTime() + cursor.thinkNanos());
        }
        measuredOffered[index] = measured;
        clamped[index] = clampedHere;
    }

    private void sleepUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            if (stop.requested()) {
                return;
            }
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
        }
    }

    @Override
    public GeneratorStats stats(Histogram measuredLag) {
        long measured = 0;
        long clampedTotal = 0;
        for (int i = 0; i < threads.length; i++) {
            measured += measuredOffered[i];
            clampedTotal += clamped[i];
        }
        List<String> warnings = clampedTotal == 0
                ? List.of()
                : List.of(clampedTotal + " service times longer than "
                        + io.veltrix.scenarios.results.Durations.format(TagCodec.MAX_SERVICE_NANOS)
                        + " were cut to that");
        return new GeneratorStats("closed", threads.length, measured, 0, -1, 0, 0, null, null, clampedTotal, warnings);
    }
}
