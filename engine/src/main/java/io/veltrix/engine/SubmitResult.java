package io.veltrix.engine;

/** The answer of {@code submit}; an enum, so submitting allocates nothing. */
public enum SubmitResult {
    /** Queued; the engine now owns the event until it completes, is dead-lettered or evicted. */
    ACCEPTED,
    /** The queue was full under {@link OverflowPolicy#REJECT} or {@link OverflowPolicy#SHED_LOWER_PRIORITY}. */
    REJECTED_FULL,
    /** The queue stayed full for the whole block timeout under {@link OverflowPolicy#BLOCK}. */
    REJECTED_TIMEOUT,
    /** The engine is shutting down or stopped. */
    REJECTED_SHUTDOWN;

    /** Whether the engine took the event. */
    public boolean accepted() {
        return this == ACCEPTED;
    }
}
