package io.veltrix.engine;

import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.MpmcUnboundedXaddArrayQueue;

/**
 * One queue, stored one of two ways.
 *
 * <ul>
 *   <li>A fixed-capacity queue (other than a borrower under {@link OverflowPolicy#SHED_LOWER_PRIORITY}) is an
 *       {@link EventRing}: events are written in place into pre-allocated cells; its depth is the distance between
 *       the ring's two indices, and admission is the ring's claim.
 *   <li>A dynamic queue, or a fixed one that may borrow capacity, is a chunked JCTools MPMC queue of
 *       {@link EventSlot}s (memory grows and shrinks in chunks with what is queued) under a logical capacity that
 *       admission enforces exactly with a CAS on {@code depth}. {@code depth} counts events reserved or queued;
 *       workers subtract what they take once per batch, right after polling, so for an instant it may over-count
 *       by at most one batch per worker (admission is then briefly conservative, never over capacity).
 * </ul>
 */
final class EventQueue {
    private static final int MAX_CHUNK = 4096;

    final String name;
    final int index;
    /** Tier of the queue; 0 for the shared queue of {@link Topology#SINGLE}. */
    final int tier;

    final TypeState[] types;
    final QueueSizing sizing;
    final OverflowPolicy overflow;
    /**
     * The chunked queue; null when the queue is a {@link #ring}, unless the engine has a single producer: then it is
     * the ring's retry lane (retries cannot claim cells that the producer claims without a CAS), its depth in
     * {@link #depth}, its limit {@link #limit}.
     */
    final MpmcUnboundedXaddArrayQueue<EventSlot> queue;
    /** The ring of a fixed-capacity queue, or null when the queue is chunked. */
    final EventRing ring;

    final AtomicLong depth = new AtomicLong();
    final AtomicLong capacityChanges = new AtomicLong();

    /** The nominal capacity, moved only by the sizing controller. */
    volatile int capacity;
    /**
     * What admission enforces: {@code capacity + borrowed - lent}. Under {@link OverflowPolicy#SHED_LOWER_PRIORITY}
     * a full queue evicts an event of a lower tier and borrows that queue's slot, so the total queued never
     * exceeds the sum of capacities; debts are repaid by {@link CapacityLedger} once the borrower has room again.
     */
    volatile long limit;
    /** Guarded by the {@link CapacityLedger}. */
    long borrowed;
    /** Guarded by the {@link CapacityLedger}. */
    long lent;

    final DynamicSizingState sizingState;

    /**
     * @param sampling one in how many events a ring times ({@link EngineConfig#latencySampling()})
     * @param singleProducer whether one thread alone submits ({@link EngineConfig#singleProducer()}): a ring then
     *     gets a chunked lane beside it for retries (see {@link #queue})
     */
    EventQueue(
            String name,
            int index,
            int tier,
            TypeState[] types,
            QueueSizing sizing,
            OverflowPolicy overflow,
            int sampling,
            boolean singleProducer) {
        this.name = name;
        this.index = index;
        this.tier = tier;
        this.types = types;
        this.sizing = sizing;
        this.overflow = overflow;
        int chunk = Math.min(MAX_CHUNK, Integer.highestOneBit(Math.max(16, sizing.initialCapacity() - 1)) << 1);
        // JCTools allocates the pooled chunks up front and recycles only those; chunks beyond the pool are made
        // when the queue grows past it and left to the GC as it drains. A fixed queue pools its whole capacity
        // (like a ring buffer: its memory is paid once and it never allocates). A dynamic queue pools what its
        // initial capacity needs: above that, memory follows what is actually queued, and a queue kept deeper
        // than its initial capacity allocates about 12 bytes per event as it cycles through fresh chunks.
        int chunksForInitial = (int) (((long) sizing.initialCapacity() + chunk - 1) / chunk);
        if (sizing instanceof QueueSizing.Fixed && overflow != OverflowPolicy.SHED_LOWER_PRIORITY) {
            this.ring = new EventRing(sizing.initialCapacity(), sampling, eventTypes(types), singleProducer);
            this.queue = singleProducer ? new MpmcUnboundedXaddArrayQueue<>(chunk, 2) : null;
        } else {
            this.ring = null;
            this.queue = new MpmcUnboundedXaddArrayQueue<>(chunk, chunksForInitial + 2);
        }
        this.capacity = sizing.initialCapacity();
        this.limit = capacity;
        this.sizingState = sizing instanceof QueueSizing.Dynamic d ? new DynamicSizingState(d) : null;
    }

    private static EventType[] eventTypes(TypeState[] types) {
        EventType[] t = new EventType[types.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = types[k].type;
        }
        return t;
    }

    /** Takes one unit of capacity if there is one (a chunked queue; a ring claims with {@link EventRing#tryClaim}). */
    boolean tryReserve() {
        AtomicLong d = depth;
        for (; ; ) {
            long current = d.get();
            if (current >= limit) {
                return false;
            }
            if (d.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Queues a slot whose capacity was reserved. Never fails: the underlying queue is unbounded. */
    void push(EventSlot slot, long nowNanos) {
        slot.enqueueNanos = nowNanos;
        queue.offer(slot);
    }

    /** Events queued or reserved right now. */
    long depth() {
        if (ring == null) {
            return depth.get();
        }
        return queue == null ? ring.depth() : ring.depth() + depth.get();
    }

    /** Whether retries re-enter through the chunked lane beside the ring (single producer). */
    boolean retriesInLane() {
        return ring != null && queue != null;
    }

    /** Polls ever made from the underlying queue (workers and evictions). */
    long dequeuedTotal() {
        if (ring == null) {
            return queue.currentConsumerIndex();
        }
        return queue == null ? ring.taken() : ring.taken() + queue.currentConsumerIndex();
    }

    /** How long the oldest queued event has waited, in nanoseconds; 0 when empty. A racy read, for control only. */
    long headSojournNanos(long nowNanos) {
        if (ring != null) {
            long at = ring.headEnqueueNanos();
            return at < 0 ? 0 : Math.max(0, nowNanos - at);
        }
        EventSlot head = queue.relaxedPeek();
        if (head == null) {
            return 0;
        }
        long waited = nowNanos - head.enqueueNanos;
        return Math.max(0, waited);
    }

    /** Recomputes {@link #limit}; call with the {@link CapacityLedger} held. */
    void updateLimit() {
        limit = capacity + borrowed - lent;
    }
}
