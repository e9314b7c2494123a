package io.veltrix.engine;

import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * One worker's measurements, written by that worker alone. Histograms are double-buffered behind a
 * {@link WriterReaderPhaser}, as in HdrHistogram's {@code Recorder}, but the worker enters the critical section
 * once per batch instead of once per value, so recording costs a plain array increment. Counters are
 * single-writer: incremented with {@code lazySet}, read by anyone.
 */
final class WorkerMetrics {
    /** Histograms per event type, in this order. */
    static final int QUEUE_DELAY = 0, SERVICE = 1, END_TO_END = 2, ATTEMPTS = 3, FROM_SUBMIT = 4, KINDS = 5;

    /** Values above this (one hour, in ns) are recorded as this. */
    static final long MAX_VALUE = 3_600_000_000_000L;

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile AbstractHistogram[] active;
    private AbstractHistogram[] inactive;

    final AtomicLongArray completed;
    final AtomicLongArray failedAttempts;
    /** Events this worker has taken from queues and not yet finished. */
    volatile int inBatch;

    WorkerMetrics(int types) {
        active = newHistograms(types);
        inactive = newHistograms(types);
        completed = new AtomicLongArray(types);
        failedAttempts = new AtomicLongArray(types);
    }

    static AbstractHistogram[] newHistograms(int types) {
        AbstractHistogram[] h = new AbstractHistogram[types * KINDS];
        for (int i = 0; i < h.length; i++) {
            // Sized for the whole range up front (about 135 KB for a time histogram), so recording never resizes,
            // that is never allocates. Int counts suffice: the monitor empties them every harvest interval.
            boolean attempts = i % KINDS == ATTEMPTS;
            h[i] = new IntCountsHistogram(1, attempts ? 2_000_000 : MAX_VALUE, 3);
        }
        return h;
    }

    long enter() {
        return phaser.writerCriticalSectionEnter();
    }

    void exit(long token) {
        phaser.writerCriticalSectionExit(token);
    }

    /** Records one attempt's queueing delay and service time (ns). Call between {@link #enter} and {@link #exit}. */
    void recordAttempt(int type, long queueDelayNanos, long serviceNanos) {
        AbstractHistogram[] h = active;
        h[type * KINDS + QUEUE_DELAY].recordValue(clamp(queueDelayNanos));
        h[type * KINDS + SERVICE].recordValue(clamp(serviceNanos));
    }

    /**
     * Records a completed event's end-to-end latency from its intended time and from its actual submission (ns);
     * count it with {@link #countCompletion} or {@link #countFirstAttemptCompletions}. Inside the section.
     */
    void recordLatencies(int type, long endToEndNanos, long fromSubmitNanos) {
        AbstractHistogram[] h = active;
        h[type * KINDS + END_TO_END].recordValue(clamp(endToEndNanos));
        h[type * KINDS + FROM_SUBMIT].recordValue(clamp(fromSubmitNanos));
    }

    /** Counts a completed event (its latencies, if timed, recorded apart) and its attempts. Inside the section. */
    void countCompletion(int type, int attempts) {
        active[type * KINDS + ATTEMPTS].recordValue(Math.min(attempts, 2_000_000));
        completed.lazySet(type, completed.get(type) + 1);
    }

    /** Counts {@code count} untimed events completed at their first attempt. Inside the section. */
    void countFirstAttemptCompletions(int type, int count) {
        active[type * KINDS + ATTEMPTS].recordValueWithCount(1, count);
        completed.lazySet(type, completed.get(type) + count);
    }

    void countFailedAttempt(int type) {
        failedAttempts.lazySet(type, failedAttempts.get(type) + 1);
    }

    /** Adds everything recorded since the last harvest into {@code into} and starts a fresh interval. */
    void harvestInto(AbstractHistogram[] into) {
        phaser.readerLock();
        try {
            AbstractHistogram[] previous = active;
            active = inactive;
            inactive = previous;
            phaser.flipPhase();
            for (int i = 0; i < previous.length; i++) {
                if (previous[i].getTotalCount() > 0) {
                    into[i].add(previous[i]);
                    previous[i].reset();
                }
            }
        } finally {
            phaser.readerUnlock();
        }
    }

    private static long clamp(long value) {
        return value < 0 ? 0 : Math.min(value, MAX_VALUE);
    }
}
