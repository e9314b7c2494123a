package io.veltrix.engine;

/**
 * Handles the events of one event type. Called on a worker thread, possibly by several workers at once for
 * different events, so an implementation must be thread-safe.
 *
 * <p>Failure: return {@link Outcome#TRANSIENT_FAILURE} or {@link Outcome#PERMANENT_FAILURE}, or throw. A thrown
 * exception counts as a transient failure, unless it is a {@link PermanentFailureException} (or has one as
 * its cause), which counts as permanent. Nothing thrown here ever reaches or stops the worker.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface EventHandler<T> {

    /**
     * Handles one attempt at {@code event}.
     *
     * @param event the event; valid only until this method returns
     * @return the outcome; {@code null} counts as {@link Outcome#SUCCESS}
     * @throws Exception a failure, transient unless it is a {@link PermanentFailureException}
     */
    Outcome onEvent(Event<T> event) throws Exception;
}
