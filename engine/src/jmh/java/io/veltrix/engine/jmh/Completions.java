package io.veltrix.engine.jmh;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One producer's token, and the only work every consumer does: the no-op handler of each hand-off counts the
 * event as completed here, so a producer can wait until everything it had accepted has been handled. The same
 * pre-allocated object is the engine's payload, the JCTools queue element, the Disruptor event's reference and
 * the {@link java.util.concurrent.ThreadPoolExecutor}'s {@link Runnable}: nothing is allocated per event. Under {@code -p
 * payload=long} the engine and the Disruptor carry the token's {@link #number} instead (a long, no reference).
 *
 * <p>The counter is a {@link LongAdder} because with two workers both may complete events of the same producer
 * at once; an uncontended increment is one CAS. Every hand-off pays exactly this cost per event.
 */
final class Completions implements Runnable {
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    /** Every producer's token by its {@link #number}: how a handler finds it from an event that carries a long. */
    private static final Completions[] BY_NUMBER = new Completions[1 << 12];

    private final LongAdder completed = new LongAdder();

    /**
     * This token's number in the JVM, from 1: what an event carries instead of a reference under {@code -p
     * payload=long} (never 0, which the engine reads as "no tag").
     */
    final long number;

    Completions() {
        int n = NUMBERS.incrementAndGet();
        if (n >= BY_NUMBER.length) {
            throw new IllegalStateException("more than " + (BY_NUMBER.length - 1) + " producer tokens in one JVM");
        }
        BY_NUMBER[n] = this;
        number = n;
    }

    /**
     * The token numbered {@code number}. Its registration happened before its producer published any event that
     * carries the number, so a consumer that received the event sees it.
     */
    static Completions byNumber(long number) {
        return BY_NUMBER[(int) number];
    }

    /** Events this producer had rejected; written by the producer's own thread only. */
    long rejected;

    /** Events this producer had accepted; written by the producer's own thread only. */
    long accepted;

    /** The consumer side's whole job: counts one handled event. Any thread. */
    @Override
    public void run() {
        completed.increment();
    }

    /** Events handled so far. */
    long completed() {
        return completed.sum();
    }

    /**
     * Waits until every event this producer had accepted has been handled: spins briefly, then yields, so that on
     * a 2-core machine the waiting producer leaves the core to the consumers. The same for every hand-off.
     */
    void awaitAllHandled() {
        long target = accepted;
        for (int i = 0; completed.sum() < target; i++) {
            if (i < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }
}
