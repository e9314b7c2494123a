package io.veltrix.engine;

import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's shared internals, reachable from workers, the retry timer and the monitor: the types and
 * queues, the slot pool, admission, failure routing, and the lifecycle flags. The public face is {@link Engine}.
 */
final class EngineRuntime {
    final EngineConfig config;
    final NanoClock clock;
    final long seed;
    final TypeState[] types;
    final EventQueue[] queues;
    /** Queues by tier, highest priority first; under {@link Topology#SINGLE}, one tier with the shared queue. */
    final EventQueue[][] queuesByTier;

    final SlotPool pool;
    final Admission admission;
    final FailureRouter failures;
    final RetryTimer retryTimer;
    final CapacityLedger ledger;
    final DeadLetters deadLetters;
    final EngineListener listener;
    final long blockTimeoutNanos;

    /** Events taken by a worker and dropped unprocessed by a stop-now shutdown. */
    final LongAdder[] abandoned;

    final LongAdder listenerErrors = new LongAdder();

    private static final java.lang.invoke.VarHandle PRODUCER;

    static {
        try {
            PRODUCER = java.lang.invoke.MethodHandles.lookup()
                    .findVarHandle(EngineRuntime.class, "producer", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Whether one thread alone submits ({@link EngineConfig#singleProducer()}). */
    final boolean singleProducer;
    /** Under {@link #singleProducer}, the thread that submitted first: the only one allowed to. */
    private volatile Thread producer;

    volatile boolean accepting = true;
    volatile boolean workersRun = true;
    volatile boolean stopNow;

    EngineRuntime(EngineConfig config, NanoClock clock, long seed, Topologies.Layout layout, DeadLetters deadLetters) {
        this.config = config;
        this.clock = clock;
        this.singleProducer = config.singleProducer();
        this.seed = seed;
        this.types = layout.types();
        this.queues = layout.queues();
        this.queuesByTier = layout.queuesByTier();
        this.listener = config.listener();
        this.blockTimeoutNanos = config.blockTimeout().toNanos();
        long batches = (long) config.workers() * config.batchSize() + 64;
        long atMax = batches + 1024;
        long initial = batches;
        for (EventQueue q : queues) {
            atMax += q.sizing.maxCapacity();
            if (q.ring == null) {
                // A ring holds first attempts in its own cells; only retries and evictions take pooled slots.
                initial += q.sizing.initialCapacity();
            }
        }
        this.pool = new SlotPool((int) Math.min(atMax, 1 << 22), (int) Math.min(initial, 1 << 22));
        this.admission = new Admission(this);
        this.failures = new FailureRouter(this);
        this.retryTimer = new RetryTimer(this, clock, 1_000_000L, 1024);
        this.ledger = new CapacityLedger(queues, this::onCapacityChange);
        this.deadLetters = deadLetters;
        this.abandoned = new LongAdder[types.length];
        for (int i = 0; i < types.length; i++) {
            abandoned[i] = new LongAdder();
        }
    }

    /**
     * Admits a first attempt. The common case, a ring with room, stays in this method and is kept small enough
     * (in bytecode) for the JIT to inline it into the submitter's loop; a full ring and chunked queues go to
     * methods of their own.
     *
     * @param intendedGiven whether the submitter gave {@code intendedNanos}; if not, the event is meant to happen
     *     when submit is called
     */
    SubmitResult submit(EventType eventType, Object payload, long tag, long intendedNanos, boolean intendedGiven) {
        TypeState type = types[eventType.index()];
        boolean sole = singleProducer;
        if (sole) {
            checkProducer();
        }
        type.countSubmitted(sole);
        if (!accepting) {
            return refused(type, SubmitResult.REJECTED_SHUTDOWN);
        }
        EventQueue queue = type.queue;
        EventRing ring = queue.ring;
        if (ring == null) {
            return submitChunked(type, queue, eventType, payload, tag, intendedNanos, intendedGiven);
        }
        long p = ring.tryClaim(queue.limit);
        if (p < 0) {
            return submitToFullRing(type, queue, eventType, payload, tag, intendedNanos, intendedGiven);
        }
        boolean timed = ring.timed(p);
        ring.publish(p, eventType, payload, tag, intendedNanos, intendedGiven, timed, timed ? clock.nanoTime() : 0);
        return SubmitResult.ACCEPTED;
    }

    /** A first attempt that found its ring full: the overflow policy may wait or evict. */
    private SubmitResult submitToFullRing(
            TypeState type,
            EventQueue queue,
            EventType eventType,
            Object payload,
            long tag,
            long intendedNanos,
            boolean intendedGiven) {
        // The event was meant to happen before the policy's wait.
        long called = clock.nanoTime();
        long p = admission.claim(queue, true);
        if (p < 0) {
            return refused(type, Admission.refusal(p));
        }
        long now = clock.nanoTime();
        queue.ring.publish(
                p, eventType, payload, tag, intendedGiven ? intendedNanos : called, true, queue.ring.timed(p), now);
        return SubmitResult.ACCEPTED;
    }

    /** A first attempt into a chunked queue (dynamic sizing, or a borrower under shed-lower-priority). */
    private SubmitResult submitChunked(
            TypeState type,
            EventQueue queue,
            EventType eventType,
            Object payload,
            long tag,
            long intendedNanos,
            boolean intendedGiven) {
        long called = clock.nanoTime();
        long now = called;
        if (!queue.tryReserve()) {
            SubmitResult result = admission.reserve(type, queue, true);
            if (result != SubmitResult.ACCEPTED) {
                return refused(type, result);
            }
            now = clock.nanoTime();
        }
        EventSlot slot = pool.acquire();
        slot.type = eventType;
        slot.payload = payload;
        slot.tag = tag;
        slot.attempt = 1;
        slot.intendedNanos = intendedGiven ? intendedNanos : called;
        slot.submitNanos = now;
        queue.push(slot, now);
        return SubmitResult.ACCEPTED;
    }

    /** Under {@link #singleProducer}: lets the first submitting thread in, and only that one. */
    private void checkProducer() {
        Thread current = Thread.currentThread();
        Thread owner = producer;
        if (owner == current || (owner == null && PRODUCER.compareAndSet(this, null, current))) {
            return;
        }
        throw new IllegalStateException("this engine has a single producer (EngineConfig.singleProducer): only thread '"
                + producer.getName() + "' may submit, not '" + current.getName() + "'; nothing was submitted");
    }

    private static SubmitResult refused(TypeState type, SubmitResult result) {
        RejectReason reason = switch (result) {
            case REJECTED_TIMEOUT -> RejectReason.TIMEOUT;
            case REJECTED_SHUTDOWN -> RejectReason.SHUTDOWN;
            default -> RejectReason.FULL;
        };
        type.rejected[reason.ordinal()].increment();
        return result;
    }

    /** A retry with no delay goes straight back to its queue (worker thread; never blocks). */
    void reenter(EventSlot slot, TypeState type, long now) {
        if (!reenterFromTimer(slot, type, now)) {
            // Block policy with a full queue: let the timer hold it and try each tick.
            retryTimer.schedule(slot);
        }
    }

    /**
     * Puts a due retry back into its queue under the queue's overflow policy.
     *
     * @return false when the queue is full under the block policy and the block timeout has not passed since the
     *     retry was due: the caller keeps the event and tries again later
     */
    boolean reenterFromTimer(EventSlot slot, TypeState type, long now) {
        EventQueue queue = type.queue;
        boolean admitted;
        if (queue.ring != null && !queue.retriesInLane()) {
            long p = admission.claim(queue, false);
            admitted = p >= 0;
            if (admitted) {
                queue.ring.publishCarried(p, slot, now);
            }
        } else {
            admitted = admission.reserve(type, queue, false) == SubmitResult.ACCEPTED;
            if (admitted) {
                queue.push(slot, now);
            }
        }
        if (admitted) {
            type.retriesEnqueued.increment();
            type.waitingRetry.decrementAndGet();
            return true;
        }
        if (queue.overflow == OverflowPolicy.BLOCK && workersRun && now - slot.retryDueNanos < blockTimeoutNanos) {
            return false;
        }
        type.rejected[RejectReason.RETRY_FULL.ordinal()].increment();
        type.waitingRetry.decrementAndGet();
        pool.release(slot);
        return true;
    }

    /** Ends a slot's life: a worker's flyweight is only emptied, a pooled slot goes back to the pool. */
    void recycle(EventSlot slot) {
        if (slot.flyweight) {
            slot.payload = null;
        } else {
            pool.release(slot);
        }
    }

    void evict(EventSlot victim) {
        TypeState type = types[victim.type.index()];
        type.evicted.increment();
        try {
            listener.onEvicted(victim);
        } catch (RuntimeException e) {
            listenerErrors.increment();
        }
        recycle(victim);
    }

    void deadLetter(EventSlot slot, TypeState type, DeadLetterReason reason) {
        // Kept first, counted after: whoever sees the count finds the dead letter in deadLetters().
        deadLetters.add(slot, reason, clock);
        type.deadLettered[reason.ordinal()].increment();
        try {
            Object last = slot.lastFailure;
            listener.onDeadLetter(slot, reason, last instanceof Throwable t ? t : null);
        } catch (RuntimeException e) {
            listenerErrors.increment();
        }
        recycle(slot);
    }

    /** Called by a worker stopped mid-batch: the events it had taken stay in flight, unprocessed. */
    void abandon(EventSlot[] slots, int from, int to) {
        for (int i = from; i < to; i++) {
            EventSlot slot = slots[i];
            slots[i] = null;
            abandoned[slot.type.index()].increment();
            recycle(slot);
        }
    }

    private void onCapacityChange(EventQueue queue, int oldCapacity, int newCapacity, String reason) {
        JfrPublisher.capacityChanged(config.threadNamePrefix(), queue.name, oldCapacity, newCapacity, reason);
        try {
            listener.onCapacityChange(queue.name, oldCapacity, newCapacity, reason);
        } catch (RuntimeException e) {
            listenerErrors.increment();
        }
    }
}
