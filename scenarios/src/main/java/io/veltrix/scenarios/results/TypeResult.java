package io.veltrix.scenarios.results;

import java.util.Map;

/**
 * One event type under one strategy.
 *
 * @param name the event type
 * @param tier its tier
 * @param queue the queue that held it ({@code shared} under the single topology)
 * @param measured counts of the measured part
 * @param wholeRun counts of the whole run
 * @param latency latencies of the measured part (ns)
 * @param meanAttempts attempts per completed event in the measured part (1 when nothing was retried)
 * @param rejectedBy whole-run rejections by reason ({@code full}, {@code timeout}, {@code shutdown},
 *     {@code retry-full})
 * @param deadLetteredBy whole-run dead letters by reason ({@code permanent}, {@code max-attempts}, {@code deadline},
 *     {@code budget-exhausted}, {@code shutdown})
 */
public record TypeResult(
        String name,
        String tier,
        String queue,
        MeasuredCounts measured,
        RunCounts wholeRun,
        LatencySet latency,
        double meanAttempts,
        Map<String, Long> rejectedBy,
        Map<String, Long> deadLetteredBy) {}
