package io.veltrix.scenarios.load;

/** Whether the schedule makes an attempt fail, and how. */
public enum InjectedFailure {
    /** The attempt succeeds (unless the handler itself fails). */
    NONE,
    /** The attempt fails; a retry may succeed. */
    TRANSIENT,
    /** The attempt fails, and so will every retry of the event. */
    PERMANENT;

    /** Whether the attempt fails. */
    public boolean fails() {
        return this != NONE;
    }
}
