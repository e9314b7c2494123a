package io.veltrix.engine;

import org.HdrHistogram.Histogram;

/**
 * Latency distributions of one event type, all in nanoseconds except {@code attempts}. The histograms are copies,
 * owned by the caller.
 *
 * @param queueDelay per attempt: from entering the queue to a worker starting it
 * @param service per attempt: the handler's run time
 * @param endToEnd per completed event: from its intended time to the end of its successful attempt, retries
 *     included (so coordinated omission is not hidden when the submitter passes its schedule time)
 * @param attempts per completed event: the attempts it took, 1 when no retry was needed
 * @param fromSubmit per completed event: from the actual call to submit to the end, retries included. This is
 *     the uncorrected latency: when the submitter fell behind its schedule (or was blocked), it hides the
 *     wait that {@code endToEnd} shows, which is the coordinated omission that wrk2 and HdrHistogram describe
 */
public record Latencies(
        Histogram queueDelay, Histogram service, Histogram endToEnd, Histogram attempts, Histogram fromSubmit) {}
