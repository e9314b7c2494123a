package io.veltrix.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's counts of first attempts submitted, per event type, when any thread may submit. Each submitting
 * thread counts into an array of its own (found through a {@link ThreadLocal}), which it alone writes: an
 * increment is a plain store, with no atomic instruction. A {@link LongAdder} would cost every submit a
 * {@code lock cmpxchg}, and on x86 a locked instruction waits until every store before it has left the core: on
 * the submit path those include the previous event's stores into the ring, whose cache lines a worker has just
 * pulled to its own core. Readers sum the arrays.
 *
 * <p>At most {@link #MAX_OWN} threads get an array; the arrays of threads that have ended are kept (their counts
 * stay in the sums). Threads beyond that, e.g. a stream of short-lived or virtual threads, count into shared
 * {@link LongAdder}s, so the memory stays bounded whatever the number of submitting threads.
 */
final class SubmitCounts {
    /** How many submitting threads get counters of their own. */
    static final int MAX_OWN = 64;

    /** Longs of padding on each side of a thread's counters, so that no other object shares their cache lines. */
    private static final int PAD = 16;

    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(long[].class);

    /** What a thread beyond {@link #MAX_OWN} finds in its {@link ThreadLocal}: count into {@link #shared}. */
    private static final long[] SHARED = new long[0];

    private final int types;
    private final LongAdder[] shared;
    private final ThreadLocal<long[]> mine = ThreadLocal.withInitial(this::register);
    /** Every thread's own counters; grows by copy under the lock, read without it. */
    private volatile long[][] own = new long[0][];

    SubmitCounts(int types) {
        this.types = types;
        this.shared = new LongAdder[types];
        for (int i = 0; i < types; i++) {
            shared[i] = new LongAdder();
        }
    }

    /**
     * Counts a first attempt of {@code type} submitted by the calling thread. A release store: a reader that sees
     * an event the caller publishes afterwards (with a release) sees it counted.
     */
    void increment(int type) {
        long[] counts = mine.get();
        if (counts != SHARED) {
            int i = PAD + type;
            COUNT.setRelease(counts, i, counts[i] + 1);
        } else {
            shared[type].increment();
        }
    }

    /** First attempts of {@code type} submitted so far, by every thread. */
    long sum(int type) {
        long total = shared[type].sum();
        int i = PAD + type;
        for (long[] counts : own) {
            total += (long) COUNT.getAcquire(counts, i);
        }
        return total;
    }

    /** Threads that have counters of their own (for tests). */
    int ownCount() {
        return own.length;
    }

    private synchronized long[] register() {
        long[][] current = own;
        if (current.length >= MAX_OWN) {
            return SHARED;
        }
        long[] counts = new long[types + 2 * PAD];
        long[][] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = counts;
        own = grown;
        return counts;
    }
}
