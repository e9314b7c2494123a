package io.veltrix.reports.jfr;

/**
 * One row of a top-N table: a key (class, site, method, thread...) with how many events named it and their summed
 * weight (bytes, nanoseconds, or the count itself).
 */
public record Ranked<K>(K key, long count, long weight) {}
