package io.veltrix.engine;

/** Why an event ended in the dead letters. */
public enum DeadLetterReason {
    /** The handler signalled a permanent failure. */
    PERMANENT,
    /** The last allowed attempt failed. */
    MAX_ATTEMPTS,
    /** The event was older than its retry policy's deadline when it failed. */
    DEADLINE,
    /** The retry budget had no token left for a retry. */
    BUDGET_EXHAUSTED,
    /** The engine stopped while the event waited for a retry. */
    SHUTDOWN;

    /** The lower-case, hyphenated name used in files and reports. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
