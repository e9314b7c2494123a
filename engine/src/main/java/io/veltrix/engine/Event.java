package io.veltrix.engine;

/**
 * A read-only view of one event as a handler sees it. The engine reuses the object behind it for later
 * events once the handler returns: read what you need inside {@link EventHandler#onEvent}, never keep it.
 *
 * @param <T> the payload type of the event type
 */
public interface Event<T> {

    /** The payload given to {@code submit}. */
    T payload();

    /** The primitive tag given to {@code submit} (0 when none was given); free for the application's use. */
    long tag();

    /** The event type this event belongs to. */
    EventType type();

    /** Which attempt this is: 1 for the first, 2 for the first retry, and so on. */
    int attempt();

    /**
     * The time the event was meant to happen, in {@link System#nanoTime()} units. End-to-end latency counts
     * from here, so a load generator that passes its schedule time measures without coordinated omission.
     */
    long intendedTimeNanos();
}
