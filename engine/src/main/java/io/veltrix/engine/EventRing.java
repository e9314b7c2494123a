package io.veltrix.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Keeps the producer index on a cache line of its own (the fields of a superclass are laid out first). */
abstract class EventRingPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07;
    long p10, p11, p12, p13, p14, p15, p16, p17;
}

abstract class EventRingProducer extends EventRingPad0 {
    volatile long producerIndex;
    /** A recent consumer index, read by producers to check room without touching the consumers' line. */
    long consumerIndexCache;
}

abstract class EventRingPad1 extends EventRingProducer {
    long p20, p21, p22, p23, p24, p25, p26, p27;
    long p30, p31, p32, p33, p34, p35, p36, p37;
}

abstract class EventRingConsumer extends EventRingPad1 {
    volatile long consumerIndex;
}

abstract class EventRingPad2 extends EventRingConsumer {
    long p40, p41, p42, p43, p44, p45, p46, p47;
    long p50, p51, p52, p53, p54, p55, p56, p57;
}

/**
 * The storage of a fixed-capacity queue: a bounded multi-producer, multi-consumer ring whose cells hold an event's
 * fields in parallel arrays, so a first attempt is written in place by its submitter and copied out by a worker;
 * no slot object travels, and nothing is pooled or allocated per event.
 *
 * <p>The protocol is the one of JCTools' {@code MpmcArrayQueue} (after Dmitry Vyukov's bounded MPMC queue): each
 * cell has a sequence number. A producer may claim position {@code p} when its cell's sequence is {@code p} and
 * the queue holds fewer than {@code limit} events; it claims with a CAS on the producer index, writes the fields
 * and publishes by storing {@code p + 1} (release). Consumers claim a run of published cells with one CAS on the
 * consumer index, copy them out, and free each cell by storing {@code p + size}. A queue's depth is
 * {@code producerIndex - consumerIndex}: events claimed (being written) or published, not yet taken.
 *
 * <p>The ring has more cells than the queue's capacity (at least one worker batch per worker more), so the cells
 * that workers have claimed but not yet copied never stop a producer that is within the limit.
 *
 * <p>A retry that re-enters the queue keeps its {@link EventSlot} (it carries the failure history): the cell then
 * holds a reference to it in {@link #carried}, and the consumer hands that slot on instead of a copy.
 */
final class EventRing extends EventRingPad2 {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle PRODUCER;
    private static final VarHandle CONSUMER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER = lookup.findVarHandle(EventRingProducer.class, "producerIndex", long.class);
            CONSUMER = lookup.findVarHandle(EventRingConsumer.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int size;
    private final int mask;
    /** Whether every event is timed; otherwise those whose hashed position has its top bits all zero. */
    private final boolean timeAll;

    private final int sampleShift;
    private final long[] sequence;
    /** The event type of every cell when the queue has only one (then {@link #type} is null). */
    private final EventType onlyType;
    /** Per cell, when the queue has several types. */
    private final EventType[] type;

    private final Object[] payload;
    private final long[] tag;
    private final long[] intended;
    private final long[] submitted;
    private final EventSlot[] carried;

    /**
     * @param capacity the most events the queue may hold
     * @param slack cells beyond that: the most cells that consumers may hold between claiming and copying
     * @param sampling one in how many events is timed, a power of two
     */
    EventRing(int capacity, int slack, int sampling) {
        this(capacity, slack, sampling, null);
    }

    /**
     * @param onlyType the queue's one event type, or null when it holds several: a ring of one type does not
     *     store the type per cell
     */
    EventRing(int capacity, int slack, int sampling, EventType onlyType) {
        long wanted = (long) capacity + slack;
        if (wanted > 1 << 30) {
            throw new IllegalArgumentException("ring too large: " + wanted + " cells");
        }
        this.size = wanted <= 2 ? 2 : Integer.highestOneBit((int) wanted - 1) << 1;
        this.mask = size - 1;
        this.sequence = new long[size];
        for (int i = 0; i < size; i++) {
            sequence[i] = i;
        }
        this.onlyType = onlyType;
        this.type = onlyType == null ? new EventType[size] : null;
        this.payload = new Object[size];
        this.tag = new long[size];
        this.intended = new long[size];
        this.submitted = new long[size];
        this.carried = new EventSlot[size];
        this.timeAll = sampling <= 1;
        this.sampleShift = 64 - Integer.numberOfTrailingZeros(Math.max(1, sampling));
        VarHandle.releaseFence();
    }

    /**
     * Claims the next position if the ring holds fewer than {@code limit} events.
     *
     * @return the claimed position, to be filled by {@link #publish} or {@link #publishCarried}; -1 when full
     */
    long tryClaim(long limit) {
        for (; ; ) {
            long p = producerIndex;
            if (p - consumerIndexCache >= limit) {
                long c = consumerIndex;
                consumerIndexCache = c;
                if (p - c >= limit) {
                    return -1;
                }
            }
            long s = (long) SEQUENCE.getAcquire(sequence, (int) (p & mask));
            if (s == p) {
                if (PRODUCER.compareAndSet(this, p, p + 1)) {
                    return p;
                }
            } else if (s < p) {
                // The cell still holds an event of the previous lap that a consumer has claimed and is copying
                // out (possible only if more consumers hold cells than the slack allows for): it frees it soon.
                Thread.onSpinWait();
            }
            // s > p: another producer took p; read the index again.
        }
    }

    /**
     * Whether the event at position {@code p} is timed. Fibonacci hashing: the top bits of {@code p} times the
     * golden ratio walk the unit interval evenly whatever the step between the positions of one event type, so
     * types submitted round robin are timed in the same proportion.
     */
    boolean timed(long p) {
        return timeAll || (p * 0x9E3779B97F4A7C15L) >>> sampleShift == 0;
    }

    /**
     * Writes a first attempt into the claimed position {@code p} and makes it visible to consumers. The submit
     * time {@code now} is kept only if the position is {@link #timed}: an untimed event is the cheaper to carry.
     */
    void publish(long p, EventType eventType, Object eventPayload, long eventTag, long intendedNanos, long now) {
        int i = (int) (p & mask);
        EventType[] types = type;
        if (types != null) {
            types[i] = eventType;
        }
        payload[i] = eventPayload;
        tag[i] = eventTag;
        intended[i] = intendedNanos;
        if (timed(p)) {
            submitted[i] = now;
        }
        SEQUENCE.setRelease(sequence, i, p + 1);
    }

    /** Puts a retry's slot into the claimed position {@code p}; its {@code enqueueNanos} is set here. */
    void publishCarried(long p, EventSlot slot, long now) {
        int i = (int) (p & mask);
        slot.enqueueNanos = now;
        carried[i] = slot;
        SEQUENCE.setRelease(sequence, i, p + 1);
    }

    /**
     * Takes up to {@code max} published events, oldest first. A first attempt is copied into
     * {@code flyweights[k]} and a retry's own slot is handed on; either way {@code out[k]} is the event to handle.
     *
     * @return how many were taken
     */
    int take(EventSlot[] flyweights, EventSlot[] out, int max) {
        for (; ; ) {
            long c = consumerIndex;
            int n = 0;
            while (n < max && (long) SEQUENCE.getAcquire(sequence, (int) ((c + n) & mask)) == c + n + 1) {
                n++;
            }
            if (n == 0) {
                return 0;
            }
            if (CONSUMER.compareAndSet(this, c, c + n)) {
                for (int k = 0; k < n; k++) {
                    out[k] = copyOut(c + k, flyweights[k]);
                }
                return n;
            }
        }
    }

    /**
     * Takes the oldest event, copied into a slot from {@code pool} (the slot is the caller's); null when nothing
     * is published at the head.
     */
    EventSlot takeOne(SlotPool pool) {
        for (; ; ) {
            long c = consumerIndex;
            if ((long) SEQUENCE.getAcquire(sequence, (int) (c & mask)) != c + 1) {
                return null;
            }
            if (CONSUMER.compareAndSet(this, c, c + 1)) {
                int i = (int) (c & mask);
                if (carried[i] != null) {
                    return copyOut(c, null);
                }
                return copyOut(c, pool.acquire());
            }
        }
    }

    /** Copies position {@code p} out (into {@code into}, unless it carries its own slot) and frees its cell. */
    private EventSlot copyOut(long p, EventSlot into) {
        int i = (int) (p & mask);
        EventSlot slot = carried[i];
        if (slot != null) {
            carried[i] = null;
        } else {
            slot = into;
            EventType[] types = type;
            slot.type = types != null ? types[i] : onlyType;
            slot.payload = payload[i];
            slot.tag = tag[i];
            slot.attempt = 1;
            boolean timed = timed(p);
            slot.timed = timed;
            slot.intendedNanos = intended[i];
            long at = timed ? submitted[i] : 0;
            slot.submitNanos = at;
            slot.enqueueNanos = at;
            payload[i] = null;
        }
        SEQUENCE.setRelease(sequence, i, p + size);
        return slot;
    }

    /** Events claimed or published and not yet taken. */
    long depth() {
        long c = consumerIndex;
        long p = producerIndex;
        return Math.max(0, p - c);
    }

    /** Positions ever taken by consumers. */
    long taken() {
        return consumerIndex;
    }

    /**
     * When the oldest published event was queued (a racy read, for control only); -1 when there is none or it
     * is untimed.
     */
    long headEnqueueNanos() {
        long c = consumerIndex;
        int i = (int) (c & mask);
        if ((long) SEQUENCE.getAcquire(sequence, i) != c + 1) {
            return -1;
        }
        EventSlot slot = carried[i];
        if (slot != null) {
            return slot.enqueueNanos;
        }
        // The cell may have been taken and refilled meanwhile; then the reading is merely newer.
        return timed(c) ? submitted[i] : -1;
    }
}
