package io.veltrix.scenarios.results;

import java.util.List;

/**
 * The event types of one tier together, under one strategy.
 *
 * @param name the tier
 * @param eventTypes its event types
 * @param measured counts of the measured part
 * @param latency latencies of the measured part (ns)
 */
public record TierResult(String name, List<String> eventTypes, MeasuredCounts measured, LatencySet latency) {}
