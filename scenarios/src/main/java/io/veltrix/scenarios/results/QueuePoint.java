package io.veltrix.scenarios.results;

/**
 * One queue at the end of a timeline interval.
 *
 * @param name the queue (the event type's name, or {@code shared})
 * @param depth events queued
 * @param capacity its capacity, in events (moved by the controller when dynamic)
 * @param limit what admission enforced: capacity plus slots borrowed from lower tiers, minus slots lent
 */
public record QueuePoint(String name, long depth, int capacity, long limit) {}
