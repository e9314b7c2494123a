package io.veltrix.reports.jfr;

/**
 * What a reported number measures. The JSON format writes the raw number (its field name carries the unit,
 * e.g. {@code pauseTotalMs}); the text format uses the unit to print it for people (e.g. {@code 1.2 GiB}).
 */
public enum Unit {
    /** A plain count of events, samples or items. */
    COUNT,
    /** An amount of memory in bytes. */
    BYTES,
    /** A rate in bytes per second. */
    BYTES_PER_SECOND,
    /** A duration in milliseconds (JSON: up to 6 decimals, i.e. nanosecond resolution). */
    MILLISECONDS,
    /** A duration in seconds (JSON: 3 decimals). */
    SECONDS,
    /** A share in percent, 0 to 100 (JSON: 2 decimals). */
    PERCENT,
    /** A point in time, written as an ISO-8601 instant in UTC. */
    TIMESTAMP,
    /** Free text. */
    TEXT
}
