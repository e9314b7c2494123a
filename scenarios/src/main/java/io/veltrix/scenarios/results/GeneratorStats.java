package io.veltrix.scenarios.results;

import java.util.List;

/**
 * How the load generator did during the measured part.
 *
 * @param model {@code open} (one generator thread following the schedule) or {@code closed} (submitter threads)
 * @param threads generator or submitter threads
 * @param offered first attempts submitted in the measured part
 * @param wallNanos the generator thread's measured time (open model; 0 for closed)
 * @param cpuNanos its CPU time in that time (ThreadMXBean; -1 when not available or closed)
 * @param waitNanos time spent waiting for the schedule (parked or spinning)
 * @param submitNanos time spent inside {@code submit} (long under overflow {@code block})
 * @param busyFraction {@code cpuNanos / wallNanos}, or null
 * @param lag how late submissions were against the schedule (ns); null for a closed load
 * @param clampedServiceTimes service times cut to the longest a tag can carry (see {@code TagCodec})
 * @param warnings when the generator, not the engine, limited the run; empty when it kept up
 */
public record GeneratorStats(
        String model,
        int threads,
        long offered,
        long wallNanos,
        long cpuNanos,
        long waitNanos,
        long submitNanos,
        Double busyFraction,
        LatencySummary lag,
        long clampedServiceTimes,
        List<String> warnings) {}
