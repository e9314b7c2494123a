package io.veltrix.engine;

/** What {@code submit} does when the event's queue is at capacity. */
public enum OverflowPolicy {
    /** Drop the new event: {@link SubmitResult#REJECTED_FULL}. */
    REJECT,
    /** Evict the oldest queued event of the same queue (counted as evicted) and admit the new one. */
    DROP_OLDEST,
    /**
     * Back-pressure: the submitting thread waits (spin, yield, then park) for room until the block timeout, and
     * is then rejected with {@link SubmitResult#REJECTED_TIMEOUT}.
     */
    BLOCK,
    /**
     * Evict the oldest event of the lowest non-empty tier below the new event's tier, and admit the new event
     * in its place: the new event's queue borrows that slot, so the total queued never exceeds the sum of all
     * capacities. Rejects when no lower tier has anything queued. Needs {@link Topology#TIERED}.
     */
    SHED_LOWER_PRIORITY
}
