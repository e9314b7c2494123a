package io.veltrix.engine;

/**
 * Hears about events the engine lets go of without completing them. Called on the thread where it happened (a
 * submitter for evictions, a worker or the retry timer for dead letters), so it must be fast and thread-safe;
 * an exception thrown here is counted and otherwise ignored. The event is valid only during the call.
 */
public interface EngineListener {
    /** A listener that does nothing. */
    EngineListener NONE = new EngineListener() {};

    /** {@code event} was evicted from its queue to admit another ({@code drop-oldest}, {@code shed-lower-priority}). */
    default void onEvicted(Event<?> event) {}

    /** {@code event} reached the dead letters (its last attempt failed for {@code reason}). */
    default void onDeadLetter(Event<?> event, DeadLetterReason reason, Throwable lastFailure) {}

    /**
     * A dynamic queue's capacity moved (called on the engine's monitor thread).
     *
     * @param queue the queue's name
     * @param oldCapacity the capacity before, in events
     * @param newCapacity the capacity after, in events
     * @param reason why: grow (pressure with delay under target), shrink-delay (delay over target) or shrink-idle
     */
    default void onCapacityChange(String queue, int oldCapacity, int newCapacity, String reason) {}
}
