package io.veltrix.engine;

/**
 * Every change of a queue's capacity or admission limit goes through here, under one lock: sizing decisions of
 * the controller, and the slots that {@link OverflowPolicy#SHED_LOWER_PRIORITY} borrows from lower tiers. Only
 * overflow and control paths take the lock; admission reads one volatile {@code limit}.
 */
final class CapacityLedger {
    private final EventQueue[] queues;
    /** debts[borrower][lender]: slots the borrower holds of the lender's capacity. */
    private final long[][] debts;

    private final CapacityListener listener;

    interface CapacityListener {
        void onCapacityChange(EventQueue queue, int oldCapacity, int newCapacity, String reason);
    }

    CapacityLedger(EventQueue[] queues, CapacityListener listener) {
        this.queues = queues;
        this.debts = new long[queues.length][queues.length];
        this.listener = listener;
    }

    /** Moves a queue's nominal capacity, counting and reporting the change. */
    synchronized void setCapacity(EventQueue queue, int newCapacity, String reason) {
        int old = queue.capacity;
        if (old == newCapacity) {
            return;
        }
        queue.capacity = newCapacity;
        queue.updateLimit();
        queue.capacityChanges.incrementAndGet();
        listener.onCapacityChange(queue, old, newCapacity, reason);
    }

    /**
     * Records that {@code borrower} admitted an event in place of one evicted from {@code lender}: one unit of
     * the lender's limit moves to the borrower. The caller already moved the two depths.
     */
    synchronized void borrow(EventQueue borrower, EventQueue lender) {
        debts[borrower.index][lender.index]++;
        borrower.borrowed++;
        lender.lent++;
        borrower.updateLimit();
        lender.updateLimit();
    }

    /** Gives back borrowed slots that borrowers no longer fill. Called by the engine's monitor. */
    synchronized void repay() {
        for (EventQueue borrower : queues) {
            if (borrower.borrowed == 0) {
                continue;
            }
            long spare = borrower.limit - borrower.depth();
            long[] row = debts[borrower.index];
            for (int lender = 0; lender < row.length && spare > 0; lender++) {
                long give = Math.min(spare, row[lender]);
                if (give > 0) {
                    row[lender] -= give;
                    borrower.borrowed -= give;
                    queues[lender].lent -= give;
                    spare -= give;
                    queues[lender].updateLimit();
                }
            }
            borrower.updateLimit();
        }
    }

    /** Slots currently borrowed by {@code queue}. */
    synchronized long borrowedBy(EventQueue queue) {
        return queue.borrowed;
    }
}
