package io.veltrix.scenarios.model;

/** The canonical unit an SLO threshold is stored in, whatever unit the expression used. */
public enum SloUnit {
    /** Nanoseconds (latencies, pauses). */
    NANOSECONDS,
    /** Events per second. */
    PER_SECOND,
    /** A plain number of events or attempts. */
    COUNT,
    /** A fraction in [0, 1] (written as a percentage). */
    FRACTION,
    /** Bytes. */
    BYTES,
    /** Bytes per second. */
    BYTES_PER_SECOND
}
