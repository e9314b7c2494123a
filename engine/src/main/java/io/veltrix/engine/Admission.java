package io.veltrix.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * What happens when an event (a first attempt or a retry) meets a full queue: the four
 * {@link OverflowPolicy overflow policies}. On success the caller owns one reserved unit of the queue's depth.
 */
final class Admission {
    /**
     * How long drop-oldest waits when its full queue has nothing to evict: room is reserved by producers that have
     * not offered yet, or taken by workers that have not yet subtracted it. Both resolve in moments; this bounds
     * the wait should a worker be stuck.
     */
    private static final long DROP_OLDEST_PATIENCE_NANOS = 1_000_000_000L;

    private final EngineRuntime runtime;

    Admission(EngineRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Reserves room in {@code queue} for an event of {@code type}, applying the overflow policy if it is full.
     *
     * @param mayBlock whether the caller may wait (submitters may; the retry timer may not)
     * @return {@link SubmitResult#ACCEPTED} when a unit of depth is reserved, otherwise why not
     */
    SubmitResult reserve(TypeState type, EventQueue queue, boolean mayBlock) {
        if (queue.tryReserve()) {
            return SubmitResult.ACCEPTED;
        }
        switch (queue.overflow) {
            case REJECT:
                return SubmitResult.REJECTED_FULL;
            case DROP_OLDEST:
                return dropOldest(queue);
            case BLOCK:
                return mayBlock ? block(queue) : SubmitResult.REJECTED_FULL;
            case SHED_LOWER_PRIORITY:
                return shed(type, queue);
            default:
                throw new IllegalStateException("unknown overflow policy " + queue.overflow);
        }
    }

    /**
     * Claims a position in the ring of {@code queue}, applying the overflow policy if it is full. A ring is never
     * a borrower under {@link OverflowPolicy#SHED_LOWER_PRIORITY} (such queues are chunked).
     *
     * @param mayBlock whether the caller may wait (submitters may; the retry timer may not)
     * @return the claimed position, or a negative code that {@link #refusal} turns into the reason
     */
    long claim(EventQueue queue, boolean mayBlock) {
        EventRing ring = queue.ring;
        long p = ring.tryClaim(queue.limit);
        if (p >= 0) {
            return p;
        }
        switch (queue.overflow) {
            case REJECT:
                return code(SubmitResult.REJECTED_FULL);
            case DROP_OLDEST:
                return claimDroppingOldest(queue);
            case BLOCK:
                return mayBlock ? claimBlocking(queue) : code(SubmitResult.REJECTED_FULL);
            default:
                throw new IllegalStateException("a ring queue cannot have overflow policy " + queue.overflow);
        }
    }

    /** The reason behind a negative result of {@link #claim}. */
    static SubmitResult refusal(long code) {
        return SubmitResult.values()[(int) (-code - 1)];
    }

    private static long code(SubmitResult result) {
        return -1L - result.ordinal();
    }

    private long claimDroppingOldest(EventQueue queue) {
        EventRing ring = queue.ring;
        long deadline = 0;
        for (int tries = 0; ; tries++) {
            // Evict the head, then claim the room it left. Another submitter may take that room first; then
            // evict again. Each eviction and each admission is counted, so the accounting stays exact.
            EventSlot victim = ring.takeOne(runtime.pool);
            if (victim != null) {
                runtime.evict(victim);
            }
            long p = ring.tryClaim(queue.limit);
            if (p >= 0) {
                return p;
            }
            if (victim != null) {
                continue;
            }
            if (queue.limit <= 0) {
                // Its whole capacity is lent (shed-lower-priority above it): nothing to drop, nothing will come.
                // (An empty queue is no proof of that: workers may have drained it since the claim failed.)
                return code(SubmitResult.REJECTED_FULL);
            }
            // Full but nothing published at the head: producers are still writing their claimed cells.
            if (tries < 64) {
                Thread.onSpinWait();
                continue;
            }
            long now = System.nanoTime();
            if (deadline == 0) {
                deadline = now + DROP_OLDEST_PATIENCE_NANOS;
            } else if (now - deadline > 0 || !runtime.workersRun) {
                return code(SubmitResult.REJECTED_FULL);
            }
            Thread.yield();
        }
    }

    private long claimBlocking(EventQueue queue) {
        EventRing ring = queue.ring;
        long deadline = runtime.clock.nanoTime() + runtime.blockTimeoutNanos;
        int spins = 0;
        long parkNanos = 1_000;
        while (true) {
            long p = ring.tryClaim(queue.limit);
            if (p >= 0) {
                return p;
            }
            if (!runtime.accepting) {
                return code(SubmitResult.REJECTED_SHUTDOWN);
            }
            if (runtime.clock.nanoTime() - deadline >= 0) {
                return code(SubmitResult.REJECTED_TIMEOUT);
            }
            if (spins < 64) {
                spins++;
                Thread.onSpinWait();
            } else if (spins < 80) {
                spins++;
                Thread.yield();
            } else {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(parkNanos << 1, 200_000);
            }
        }
    }

    private SubmitResult dropOldest(EventQueue queue) {
        long deadline = 0;
        for (int tries = 0; ; tries++) {
            // A strict poll: when a producer has claimed the head but not yet written it (it may be descheduled),
            // wait for it rather than report an empty queue, so drop-oldest always finds its victim.
            EventSlot victim = queue.queue.poll();
            if (victim != null) {
                // The victim's unit of depth passes to the new event: depth is unchanged.
                runtime.evict(victim);
                return SubmitResult.ACCEPTED;
            }
            if (queue.tryReserve()) {
                return SubmitResult.ACCEPTED;
            }
            if (queue.limit <= 0) {
                // Its whole capacity is lent (shed-lower-priority above it): nothing to drop, nothing will come.
                return SubmitResult.REJECTED_FULL;
            }
            if (tries < 64) {
                Thread.onSpinWait();
                continue;
            }
            long now = System.nanoTime();
            if (deadline == 0) {
                deadline = now + DROP_OLDEST_PATIENCE_NANOS;
            } else if (now - deadline > 0 || !runtime.workersRun) {
                return SubmitResult.REJECTED_FULL;
            }
            Thread.yield();
        }
    }

    private SubmitResult block(EventQueue queue) {
        long deadline = runtime.clock.nanoTime() + runtime.blockTimeoutNanos;
        // Spin, then yield, then park up to 200 us: local state, so waiting allocates nothing.
        int spins = 0;
        long parkNanos = 1_000;
        while (true) {
            if (queue.tryReserve()) {
                return SubmitResult.ACCEPTED;
            }
            if (!runtime.accepting) {
                return SubmitResult.REJECTED_SHUTDOWN;
            }
            if (runtime.clock.nanoTime() - deadline >= 0) {
                return SubmitResult.REJECTED_TIMEOUT;
            }
            if (spins < 64) {
                spins++;
                Thread.onSpinWait();
            } else if (spins < 80) {
                spins++;
                Thread.yield();
            } else {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(parkNanos << 1, 200_000);
            }
        }
    }

    private SubmitResult shed(TypeState type, EventQueue queue) {
        EventQueue[][] tiers = runtime.queuesByTier;
        for (int tier = tiers.length - 1; tier > type.type.tierIndex(); tier--) {
            for (EventQueue lender : tiers[tier]) {
                EventSlot victim;
                if (lender.ring != null) {
                    // Taking from a ring lowers its depth by itself.
                    victim = lender.ring.takeOne(runtime.pool);
                } else {
                    victim = lender.queue.relaxedPoll();
                    if (victim != null) {
                        lender.depth.decrementAndGet();
                    }
                }
                if (victim != null) {
                    queue.depth.incrementAndGet();
                    runtime.ledger.borrow(queue, lender);
                    runtime.evict(victim);
                    return SubmitResult.ACCEPTED;
                }
            }
        }
        return queue.tryReserve() ? SubmitResult.ACCEPTED : SubmitResult.REJECTED_FULL;
    }
}
