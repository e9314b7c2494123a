package io.veltrix.scenarios.results;

import java.util.List;
import java.util.Map;

/**
 * The engine configuration a strategy ran with.
 *
 * @param description the engine's own description of it ({@code EngineConfig.toString()})
 * @param topology {@code single} or {@code tiered}
 * @param tiers tier names, highest priority first
 * @param scheduling {@code strict} or {@code weighted}
 * @param weights the weight of each tier under weighted scheduling; empty under strict
 * @param workers worker threads
 * @param batch events a worker takes from a queue at a time
 * @param idle what an idle worker does: {@code spin}, {@code yield}, {@code park}, {@code backoff}
 * @param blockTimeout the engine-wide block timeout, as a scenario writes durations
 * @param sizing the strategy's queue sizing (the shared queue's under the single topology)
 * @param overflow the strategy's overflow policy
 * @param retry the strategy's retry policy
 * @param eventTypes each event type's own settings
 * @param notes where the engine could not do exactly what the scenario asked, and what it did instead
 */
public record EngineConfigResult(
        String description,
        String topology,
        List<String> tiers,
        String scheduling,
        Map<String, Integer> weights,
        int workers,
        int batch,
        String idle,
        String blockTimeout,
        String sizing,
        String overflow,
        String retry,
        List<TypeConfig> eventTypes,
        List<String> notes) {

    /**
     * One event type's settings as run.
     *
     * @param name the event type
     * @param tier its tier
     * @param sizing its queue sizing (the shared queue's under the single topology)
     * @param overflow its overflow policy
     * @param retry its retry policy
     * @param circuitBreaker its circuit breaker, or null
     * @param handler {@code synthetic cpu}, {@code synthetic io}, or the user's handler class
     */
    public record TypeConfig(
            String name,
            String tier,
            String sizing,
            String overflow,
            String retry,
            String circuitBreaker,
            String handler) {}
}
