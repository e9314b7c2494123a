package io.veltrix.scenarios.results;

import java.util.List;

/**
 * One interval of a run (about a second), from the sampler's engine snapshots.
 *
 * @param start the interval's start, seconds from the start of the run
 * @param end its end, seconds from the start of the run
 * @param phase {@code warmup} (excluded from the results), {@code measured}, or {@code drain}: the last interval,
 *     from the last sample to the end of the drain, included in the results
 * @param offered first attempts submitted
 * @param accepted of those, admitted to a queue
 * @param completed events completed
 * @param rejected rejections (first attempts and retries)
 * @param evicted evictions
 * @param deadLettered dead letters
 * @param retries retries scheduled
 * @param inFlight events in flight at the end of the interval
 * @param p50 end-to-end latency of the interval's completions, median (ns)
 * @param p99 its 99th percentile (ns)
 * @param max its maximum (ns)
 * @param heapUsedBytes the JVM's heap in use at the end of the interval
 * @param lagP99 the generator's lag behind the schedule in the interval, 99th percentile (ns); null for a closed
 *     load
 * @param lagMax the generator's largest lag in the interval (ns); null for a closed load
 * @param queues every queue at the end of the interval
 */
public record TimelinePoint(
        double start,
        double end,
        String phase,
        long offered,
        long accepted,
        long completed,
        long rejected,
        long evicted,
        long deadLettered,
        long retries,
        long inFlight,
        long p50,
        long p99,
        long max,
        long heapUsedBytes,
        Long lagP99,
        Long lagMax,
        List<QueuePoint> queues) {}
