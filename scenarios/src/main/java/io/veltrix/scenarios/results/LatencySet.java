package io.veltrix.scenarios.results;

/**
 * The four latencies Veltrix reports for a set of events, in nanoseconds.
 *
 * @param endToEnd per completed event, from its intended time to the end of its successful attempt, retries and
 *     any lag of the generator included: the corrected latency (no coordinated omission)
 * @param uncorrected per completed event, from the actual call to submit to the end: what a generator that waits
 *     for the system would report; lower than {@code endToEnd} when submissions were late
 * @param queueDelay per attempt, from entering the queue to a worker starting it
 * @param service per attempt, the handler's run time
 */
public record LatencySet(
        LatencySummary endToEnd, LatencySummary uncorrected, LatencySummary queueDelay, LatencySummary service) {}
