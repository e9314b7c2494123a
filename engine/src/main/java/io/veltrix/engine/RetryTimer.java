package io.veltrix.engine;

import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * Holds events waiting for a retry without holding a worker: a hashed timing wheel (Varghese and Lauck, 1987)
 * whose buckets are intrusive lists threaded through the events' own slots, so waiting allocates nothing.
 * Workers hand events over through a chunked MPSC queue; one timer thread owns the wheel, fires what is due
 * once per tick and re-enters it into its queue. The delay error (fire time minus due time) is recorded.
 *
 * <p>With nothing to hold, the timer thread parks until an event is handed over, rather than waking every tick:
 * an idle timer would otherwise take a core from the producers and workers a thousand times a second.
 */
final class RetryTimer implements Runnable {
    private final EngineRuntime runtime;
    private final NanoClock clock;
    private final long tickNanos;
    private final EventSlot[] wheel;
    private final int mask;
    private final MpscUnboundedXaddArrayQueue<EventSlot> incoming = new MpscUnboundedXaddArrayQueue<>(1024, 4);
    private final SingleWriterRecorder delayError = new SingleWriterRecorder(3);
    private final Histogram delayErrorTotal = new Histogram(3);
    private long lastTick;
    /** Events filed in the wheel (the timer thread's own count). */
    private int held;
    /** The timer thread while it parks with nothing to hold; {@link #schedule} wakes it. */
    private volatile Thread sleeper;

    private volatile boolean running = true;

    RetryTimer(EngineRuntime runtime, NanoClock clock, long tickNanos, int wheelSize) {
        this.runtime = runtime;
        this.clock = clock;
        this.tickNanos = tickNanos;
        int size = Integer.highestOneBit(Math.max(2, wheelSize - 1)) << 1;
        this.wheel = new EventSlot[size];
        this.mask = size - 1;
        this.lastTick = clock.nanoTime() / tickNanos;
        delayErrorTotal.setAutoResize(true);
    }

    /** Hands a slot whose {@code retryDueNanos} is set to the timer. Any thread. */
    void schedule(EventSlot slot) {
        incoming.offer(slot);
        Thread s = sleeper;
        if (s != null) {
            LockSupport.unpark(s);
        }
    }

    /** Makes {@link #run} return (soon, if it is parked). */
    void stop() {
        running = false;
        Thread s = sleeper;
        if (s != null) {
            LockSupport.unpark(s);
        }
    }

    @Override
    public void run() {
        while (running) {
            int fired = tick(clock.nanoTime());
            if (fired > 0) {
                continue;
            }
            if (held > 0) {
                LockSupport.parkNanos(tickNanos);
                continue;
            }
            // Nothing held: announce the park, then look once more, so that a hand-over between the last tick and
            // the announcement is not missed (schedule offers, then reads sleeper; this writes sleeper, then reads
            // the queue).
            sleeper = Thread.currentThread();
            if (incoming.isEmpty() && running) {
                LockSupport.park(this);
            }
            sleeper = null;
        }
    }

    /** One pass: files new arrivals into the wheel, then fires every due slot. Returns how many fired. */
    int tick(long now) {
        EventSlot slot;
        while ((slot = incoming.relaxedPoll()) != null) {
            // A retry already due (its tick is behind the last one fired) goes to the current tick's bucket:
            // filed under its own tick it would wait a whole turn of the wheel.
            long dueTick = Math.max(slot.retryDueNanos / tickNanos, lastTick);
            int bucket = (int) (dueTick & mask);
            slot.next = wheel[bucket];
            wheel[bucket] = slot;
            held++;
        }
        long nowTick = now / tickNanos;
        long from = Math.max(lastTick, nowTick - mask);
        int fired = 0;
        for (long t = from; t <= nowTick; t++) {
            fired += fireBucket((int) (t & mask), now);
        }
        lastTick = nowTick;
        held -= fired;
        return fired;
    }

    private int fireBucket(int bucket, long now) {
        EventSlot kept = null;
        EventSlot s = wheel[bucket];
        wheel[bucket] = null;
        int fired = 0;
        while (s != null) {
            EventSlot next = s.next;
            s.next = null;
            if (s.retryDueNanos - now <= 0) {
                TypeState type = runtime.types[s.type.index()];
                long due = s.retryDueNanos;
                if (runtime.reenterFromTimer(s, type, now)) {
                    // Actual minus intended delay, including any time spent back-pressured.
                    delayError.recordValue(Math.min(now - due, WorkerMetrics.MAX_VALUE));
                    fired++;
                } else {
                    // Back-pressured (block policy): try again next tick.
                    s.next = kept;
                    kept = s;
                }
            } else {
                s.next = kept;
                kept = s;
            }
            s = next;
        }
        // Whatever stays goes back to its own bucket (later revolutions, or back-pressured retries).
        while (kept != null) {
            EventSlot next = kept.next;
            int home = kept.retryDueNanos - now <= 0
                    ? (int) (((now / tickNanos) + 1) & mask)
                    : (int) ((kept.retryDueNanos / tickNanos) & mask);
            kept.next = wheel[home];
            wheel[home] = kept;
            kept = next;
        }
        return fired;
    }

    /** Empties the wheel (after stop), handing each waiting slot to {@code sink}. */
    void drainTo(java.util.function.Consumer<EventSlot> sink) {
        held = 0;
        EventSlot slot;
        while ((slot = incoming.relaxedPoll()) != null) {
            sink.accept(slot);
        }
        for (int i = 0; i < wheel.length; i++) {
            EventSlot s = wheel[i];
            wheel[i] = null;
            while (s != null) {
                EventSlot next = s.next;
                s.next = null;
                sink.accept(s);
                s = next;
            }
        }
    }

    /** The delay error histogram (ns) since the timer started. Reader side; call from one thread at a time. */
    synchronized Histogram delayErrorHistogram() {
        delayErrorTotal.add(delayError.getIntervalHistogram());
        return delayErrorTotal.copy();
    }
}
