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
    /**
     * A recent consumer index, read by producers to check room without touching the consumers' line. Written with
     * release and read with acquire (plain moves on x86): a producer that finds room through another producer's
     * reading then sees everything the consumers had copied out by that reading, as if it had read the consumer
     * index itself, and so what the last producer of its cell wrote there (see {@link EventRing#publish}).
     */
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
 * <p>The protocol. Producers claim position {@code p} with a CAS on the producer index, which is also the capacity
 * check ({@code p - consumerIndex < limit}), write the cell's fields and publish by storing {@code p + 1} into the
 * cell's sequence (release). Consumers read a run of published cells at the consumer index {@code c}, copy them
 * out <em>first</em>, and only then claim them with one CAS of the consumer index from {@code c} to {@code c + n};
 * when the CAS fails (another consumer took them), the copies are dropped and the consumer reads again. Because a
 * cell is copied before its position is claimed, every position below the consumer index has been copied, and a
 * producer may overwrite the cell of position {@code p - size} as soon as the capacity check admits {@code p}
 * ({@code limit <= size}). Until its CAS succeeds a consumer may read a cell a producer is rewriting, but then the
 * CAS fails: the producer could write there only because the consumer index had moved past {@code c}.
 *
 * <p>So consumers never write into the ring: the cache lines of the cells are written by producers only, read by
 * consumers, and the consumers' progress is one index moved once per batch, as in the LMAX Disruptor (whose
 * consumers publish a gating sequence per batch). The price is that a cell keeps its last payload reference until
 * the position a lap later reuses it: a ring holds on to at most {@link #size} handled payloads, as the
 * Disruptor's pre-allocated events do.
 *
 * <p>What crosses between the submitter's core and the worker's is what limits a hand-off, so a cell carries as
 * few bytes as it can: the sequence is always written; the payload reference unless it is a null over a null;
 * the {@code meta} word (the event type's index in the queue and which optional fields are set) only when it
 * differs from the cell's last; the tag only when not 0, the intended time only when the submitter gave one, the
 * submit time only when the event is {@link #timed}. An untimed event of a queue's usual type moves 8 bytes with a
 * payload and no tag, 12 with a tag and no payload (as Veltrix's load generators submit, plus the intended time).
 * A null payload also keeps G1's write barrier, and its fence, off the submit path. Cell sequences are
 * {@code int}s, compared for equality: two values of one cell differ by a lap.
 *
 * <p>A retry that re-enters the queue keeps its {@link EventSlot} (it carries the failure history): the cell then
 * holds a reference to it in {@link #carried}, and the consumer hands that slot on instead of a copy.
 */
final class EventRing extends EventRingPad2 {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle PRODUCER;
    private static final VarHandle CONSUMER;
    private static final VarHandle CONSUMER_CACHE;

    /** {@code meta}: the type's index among the queue's types in the low bits, then the flags. */
    private static final int TYPE_BITS = 0xFFFFF;

    private static final int HAS_TAG = 1 << 20;
    private static final int HAS_INTENDED = 1 << 21;
    /** The intended time is the submit time (the submitter gave none, and the event is timed). */
    private static final int INTENDED_IS_SUBMIT = 1 << 22;
    /** The cell holds a retry's own slot in {@link #carried}. */
    private static final int CARRIED = 1 << 23;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER = lookup.findVarHandle(EventRingProducer.class, "producerIndex", long.class);
            CONSUMER = lookup.findVarHandle(EventRingConsumer.class, "consumerIndex", long.class);
            CONSUMER_CACHE = lookup.findVarHandle(EventRingProducer.class, "consumerIndexCache", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int size;
    private final int mask;
    /** Whether one thread alone claims (then a claim is a plain ordered store, not a CAS). */
    private final boolean singleProducer;
    /** Whether every event is timed; otherwise those whose hashed position has its top bits all zero. */
    private final boolean timeAll;

    private final int sampleShift;
    private final int[] sequence;
    /** The queue's event types; a cell's {@code meta} indexes them. */
    private final EventType[] types;
    /** Whether the queue's types are the engine's, in index order (so an event type's index is its place here). */
    private final boolean single;

    private final int[] meta;
    private final Object[] payload;
    private final long[] tag;
    private final long[] intended;
    private final long[] submitted;
    private final EventSlot[] carried;

    /**
     * A ring whose only use is {@link #timed}: it holds no event type, so nothing can be published in it.
     *
     * @param sampling one in how many events is timed, a power of two
     */
    EventRing(int capacity, int sampling) {
        this(capacity, sampling, new EventType[0], false);
    }

    /**
     * @param capacity the most events the queue may hold; the ring has the next power of two of cells
     * @param sampling one in how many events is timed, a power of two
     * @param types the queue's event types: one, or the engine's every type in index order
     * @param singleProducer whether one thread alone will ever call {@link #tryClaim}
     */
    EventRing(int capacity, int sampling, EventType[] types, boolean singleProducer) {
        if (capacity > 1 << 30) {
            throw new IllegalArgumentException("ring too large: " + capacity + " cells");
        }
        if (types.length > TYPE_BITS) {
            throw new IllegalArgumentException("too many event types for one ring: " + types.length);
        }
        for (int k = 0; k < types.length && types.length > 1; k++) {
            if (types[k].index() != k) {
                throw new IllegalArgumentException("a ring of several types needs them all, in index order");
            }
        }
        this.size = capacity <= 2 ? 2 : Integer.highestOneBit(capacity - 1) << 1;
        this.mask = size - 1;
        this.singleProducer = singleProducer;
        this.sequence = new int[size];
        for (int i = 0; i < size; i++) {
            sequence[i] = i;
        }
        this.types = types.clone();
        this.single = types.length == 1;
        this.meta = new int[size];
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
     * Claims the next position if the ring holds fewer than {@code limit} events ({@code limit <= size}). A
     * single-producer ring must be claimed by one thread only.
     *
     * @return the claimed position, to be filled by {@link #publish} or {@link #publishCarried}; -1 when full
     */
    long tryClaim(long limit) {
        for (; ; ) {
            long p = producerIndex;
            if (p - (long) CONSUMER_CACHE.getAcquire(this) >= limit) {
                long c = consumerIndex;
                CONSUMER_CACHE.setRelease(this, c);
                if (p - c >= limit) {
                    return -1;
                }
            }
            // Every position below the consumer index was copied out before it was claimed (see the class
            // comment), so the cell of p - size, which is below it, is free.
            if (singleProducer) {
                PRODUCER.setRelease(this, p + 1);
                return p;
            }
            if (PRODUCER.compareAndSet(this, p, p + 1)) {
                return p;
            }
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
     * Writes a first attempt into the claimed position {@code p} and makes it visible to consumers. Only what is
     * set is written: the tag when not 0, the intended time when given, the submit time {@code now} when the
     * position is {@link #timed}.
     *
     * @param intendedGiven whether {@code intendedNanos} is the submitter's; if not, the event is meant to happen
     *     at {@code now} (when timed) or its intended time is unknown, 0 (when not)
     * @param timed {@link #timed timed(p)}, which the caller needed already to know whether to read the clock
     */
    void publish(
            long p,
            EventType eventType,
            Object eventPayload,
            long eventTag,
            long intendedNanos,
            boolean intendedGiven,
            boolean timed,
            long now) {
        int i = (int) (p & mask);
        int m = single ? 0 : eventType.index();
        if (eventPayload != null || payload[i] != null) {
            // A null over a null is not stored: events that carry only a tag (as Veltrix's load generators
            // submit) leave the payload's line shared between the producer's and the consumers' caches. The read
            // sees the cell's last first attempt: that producer's publish happened before the consumer's copy,
            // which happened before the claim of the consumer index that gave this producer room (read directly,
            // or through the acquire of consumerIndexCache). Retries never write payload[] (they use carried[]).
            payload[i] = eventPayload;
        }
        if (eventTag != 0) {
            tag[i] = eventTag;
            m |= HAS_TAG;
        }
        if (intendedGiven) {
            intended[i] = intendedNanos;
            m |= HAS_INTENDED;
        }
        if (timed) {
            submitted[i] = now;
            if (!intendedGiven) {
                m |= INTENDED_IS_SUBMIT;
            }
        }
        if (meta[i] != m) {
            // Written only when it changes (a queue's events mostly share one type and no flags): an unchanged
            // line stays shared between the producer's and the consumers' caches instead of moving twice a lap.
            meta[i] = m;
        }
        SEQUENCE.setRelease(sequence, i, (int) (p + 1));
    }

    /** Puts a retry's slot into the claimed position {@code p}; its {@code enqueueNanos} is set here. */
    void publishCarried(long p, EventSlot slot, long now) {
        int i = (int) (p & mask);
        slot.enqueueNanos = now;
        carried[i] = slot;
        meta[i] = CARRIED;
        SEQUENCE.setRelease(sequence, i, (int) (p + 1));
    }

    /**
     * Takes up to {@code max} published events, oldest first. A first attempt is copied into
     * {@code flyweights[k]} and a retry's own slot is handed on; either way {@code out[k]} is the event to handle.
     * The events are copied before they are claimed; copies of a run another consumer claimed first are dropped.
     *
     * @param from where in {@code flyweights} and {@code out} to start
     * @return how many were taken, into {@code out[from ... from + n - 1]}
     */
    int take(EventSlot[] flyweights, EventSlot[] out, int from, int max) {
        for (; ; ) {
            long c = consumerIndex;
            int n = 0;
            if (singleProducer && max > 1 && isPublished(c + max - 1)) {
                // One producer publishes in order: when the last cell of a whole batch is published, all are. So a
                // consumer behind the producer reads one cache line of sequences per batch, and the lines it does
                // not read never leave the producer's cache.
                for (; n < max; n++) {
                    out[from + n] = copyOut(c + n, flyweights[from + n]);
                }
            }
            while (n < max && isPublished(c + n)) {
                out[from + n] = copyOut(c + n, flyweights[from + n]);
                n++;
            }
            if (n == 0) {
                return 0;
            }
            if (CONSUMER.compareAndSet(this, c, c + n)) {
                return n;
            }
        }
    }

    private boolean isPublished(long position) {
        return (int) SEQUENCE.getAcquire(sequence, (int) (position & mask)) == (int) (position + 1);
    }

    /**
     * Takes the oldest event, copied into a slot from {@code pool} (the slot is the caller's); null when nothing
     * is published at the head.
     */
    EventSlot takeOne(SlotPool pool) {
        EventSlot spare = null;
        for (; ; ) {
            long c = consumerIndex;
            int i = (int) (c & mask);
            if ((int) SEQUENCE.getAcquire(sequence, i) != (int) (c + 1)) {
                if (spare != null) {
                    pool.release(spare);
                }
                return null;
            }
            if ((meta[i] & CARRIED) == 0 && spare == null) {
                spare = pool.acquire();
            }
            EventSlot slot = copyOut(c, (meta[i] & CARRIED) != 0 ? null : spare);
            if (CONSUMER.compareAndSet(this, c, c + 1)) {
                if (slot != spare && spare != null) {
                    pool.release(spare);
                }
                return slot;
            }
        }
    }

    /**
     * Copies position {@code p} out (into {@code into}, unless it carries its own slot). Nothing is written into
     * the ring: the copy is good only if the caller then claims {@code p}.
     */
    private EventSlot copyOut(long p, EventSlot into) {
        int i = (int) (p & mask);
        int m = meta[i];
        if ((m & CARRIED) != 0) {
            return carried[i];
        }
        EventSlot slot = into;
        slot.type = types[m & TYPE_BITS];
        slot.payload = payload[i];
        slot.tag = (m & HAS_TAG) != 0 ? tag[i] : 0;
        slot.attempt = 1;
        boolean timed = timed(p);
        slot.timed = timed;
        long at = timed ? submitted[i] : 0;
        slot.submitNanos = at;
        slot.enqueueNanos = at;
        slot.intendedNanos = (m & HAS_INTENDED) != 0 ? intended[i] : (m & INTENDED_IS_SUBMIT) != 0 ? at : 0;
        return slot;
    }

    /**
     * Events claimed or published and not yet taken. The two indices are read apart: a reader descheduled between
     * the reads would pair an old consumer index with a newer producer index and report more than was ever queued.
     * So the producer index is read between two reads of the consumer index; when those agree, the pair held at one
     * instant (and the depth is never above the limit). Under constant taking it gives up after a few tries and
     * reports the lower estimate.
     */
    long depth() {
        for (int tries = 0; ; tries++) {
            long c = consumerIndex;
            long p = producerIndex;
            long c2 = consumerIndex;
            if (c == c2 || tries == 16) {
                return Math.max(0, p - c2);
            }
        }
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
        if ((int) SEQUENCE.getAcquire(sequence, i) != (int) (c + 1)) {
            return -1;
        }
        // The cell may have been taken and refilled meanwhile; then the reading is merely newer.
        if ((meta[i] & CARRIED) != 0) {
            EventSlot slot = carried[i];
            return slot == null ? -1 : slot.enqueueNanos;
        }
        return timed(c) ? submitted[i] : -1;
    }
}
