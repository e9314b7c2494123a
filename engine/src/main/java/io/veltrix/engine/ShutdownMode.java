package io.veltrix.engine;

/** How {@link Engine#shutdown} treats what is still queued. */
public enum ShutdownMode {
    /** Stop accepting, process everything queued (and every due retry), then stop the workers. */
    DRAIN,
    /** Stop accepting and stop the workers after the event each is handling; what is queued stays unprocessed. */
    STOP_NOW
}
