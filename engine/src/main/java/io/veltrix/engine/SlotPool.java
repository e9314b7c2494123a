package io.veltrix.engine;

import org.jctools.queues.MpmcArrayQueue;

/**
 * Recycles {@link EventSlot}s. Slots are made on demand (so memory follows the peak of what was in flight, not
 * the sum of capacities) and returned here when their event ends; once warm, acquiring and releasing allocate
 * nothing. Slots beyond the pool's size are left to the garbage collector.
 */
final class SlotPool {
    private final MpmcArrayQueue<EventSlot> free;

    SlotPool(int size) {
        free = new MpmcArrayQueue<>(Math.max(2, size));
    }

    EventSlot acquire() {
        EventSlot slot = free.relaxedPoll();
        return slot != null ? slot : new EventSlot();
    }

    void release(EventSlot slot) {
        slot.clear();
        free.relaxedOffer(slot);
    }
}
