package io.veltrix.engine;

/** Why an event was rejected; each reason has its own counter. */
public enum RejectReason {
    /** The queue was full on the first attempt. */
    FULL,
    /** The block timeout passed with the queue still full. */
    TIMEOUT,
    /** The engine was shutting down. */
    SHUTDOWN,
    /** A retry found its queue full (counted apart from first attempts). */
    RETRY_FULL;

    /** The lower-case, hyphenated name used in files and reports. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
