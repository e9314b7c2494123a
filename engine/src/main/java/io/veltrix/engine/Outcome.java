package io.veltrix.engine;

/**
 * What a handler says about one attempt at an event. Returning a constant allocates nothing; throwing works
 * too (see {@link EventHandler}).
 */
public enum Outcome {
    /** The event was handled; it is complete. */
    SUCCESS,
    /** The attempt failed but may succeed later: the event type's retry policy decides what happens next. */
    TRANSIENT_FAILURE,
    /** The attempt failed and retrying cannot help: the event goes straight to the dead letters. */
    PERMANENT_FAILURE
}
