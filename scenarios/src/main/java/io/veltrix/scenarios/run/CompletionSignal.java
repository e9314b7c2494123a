package io.veltrix.scenarios.run;

import io.veltrix.engine.DeadLetterReason;
import io.veltrix.engine.EngineListener;
import io.veltrix.engine.Event;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The hand-off between closed-loop submitters and the engine: each submitter waits until the event it submitted
 * has ended (completed, dead-lettered or evicted). One padded slot per submitter holds the sequence number of its
 * last ended event; the ender writes it and unparks the submitter. Nothing is allocated per event.
 *
 * <p>A submitter's events have sequence numbers {@code index + k * concurrency}, so the slot of an event is
 * {@code sequence % concurrency}.
 */
final class CompletionSignal implements EngineListener {
    /** Slots are 16 longs (128 bytes) apart, so submitters never share a cache line. */
    private static final int PAD = 16;

    private static final long SPINS = 200;
    private static final long PARK_NANOS = 100_000;

    private final int concurrency;
    private final AtomicLongArray ended;
    private final Thread[] waiters;

    CompletionSignal(int concurrency) {
        this.concurrency = concurrency;
        this.ended = new AtomicLongArray(concurrency * PAD);
        this.waiters = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            ended.set(i * PAD, -1);
        }
    }

    /** Registers the calling thread as submitter {@code index}, before it submits anything. */
    void register(int index) {
        waiters[index] = Thread.currentThread();
    }

    /** The event with this sequence number has ended: wakes its submitter. */
    void ended(long sequence) {
        int index = (int) (sequence % concurrency);
        ended.set(index * PAD, sequence);
        Thread waiter = waiters[index];
        if (waiter != null) {
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Waits until event {@code sequence} of submitter {@code index} has ended, {@code stop} is requested, or the
     * clock passes {@code deadlineNanos}.
     *
     * @return whether the event ended
     */
    boolean await(int index, long sequence, long deadlineNanos, StopSignal stop) {
        int slot = index * PAD;
        for (int i = 0; i < SPINS; i++) {
            if (ended.get(slot) == sequence) {
                return true;
            }
            Thread.onSpinWait();
        }
        while (ended.get(slot) != sequence) {
            if (stop.requested() || System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            LockSupport.parkNanos(PARK_NANOS);
        }
        return true;
    }

    @Override
    public void onEvicted(Event<?> event) {
        ended(TagCodec.sequence(event.tag()));
    }

    @Override
    public void onDeadLetter(Event<?> event, DeadLetterReason reason, Throwable lastFailure) {
        ended(TagCodec.sequence(event.tag()));
    }
}
