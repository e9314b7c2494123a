package io.veltrix.engine;

import org.jctools.queues.MpmcArrayQueue;

/**
 * Recycles {@link EventSlot}s. The pool starts with as many slots as the queues' initial capacities and the
 * workers' batches can hold (about 100 bytes each), so a run that stays within them never allocates one; beyond
 * that (dynamic queues grown past their initial capacity, retries waiting) slots are made on demand and
 * returned here when their event ends. Slots beyond the pool's size are left to the garbage collector.
 */
final class SlotPool {
    private final MpmcArrayQueue<EventSlot> free;

    SlotPool(int size, int prefill) {
        free = new MpmcArrayQueue<>(Math.max(2, size));
        for (int i = 0; i < prefill; i++) {
            free.offer(new EventSlot());
        }
    }

    EventSlot acquire() {
        // Strict poll: a relaxed one returns null while a releasing thread is between claiming and writing its
        // cell, and every such miss would allocate a slot the pool later drops.
        EventSlot slot = free.poll();
        return slot != null ? slot : new EventSlot();
    }

    void release(EventSlot slot) {
        slot.clear();
        free.relaxedOffer(slot);
    }
}
