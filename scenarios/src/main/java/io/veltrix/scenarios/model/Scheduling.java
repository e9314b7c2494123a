package io.veltrix.scenarios.model;

import java.util.Map;
import java.util.Objects;

/**
 * A scheduling policy with its parameters.
 *
 * @param policy how the next tier is chosen
 * @param weights under {@link SchedulingPolicy#WEIGHTED}, each tier's positive weight (every tier has one);
 *     empty under {@link SchedulingPolicy#STRICT}
 */
public record Scheduling(SchedulingPolicy policy, Map<String, Integer> weights) {

    /** Strict priorities. */
    public static final Scheduling STRICT = new Scheduling(SchedulingPolicy.STRICT, Map.of());

    public Scheduling {
        Objects.requireNonNull(policy, "policy");
        weights = Map.copyOf(weights);
        if (policy == SchedulingPolicy.STRICT && !weights.isEmpty()) {
            throw new IllegalArgumentException("weights apply only to WEIGHTED scheduling");
        }
        if (policy == SchedulingPolicy.WEIGHTED && weights.isEmpty()) {
            throw new IllegalArgumentException("WEIGHTED scheduling needs weights");
        }
        weights.forEach((tier, weight) -> Checks.atLeast(weight, 1, "weights[" + tier + "]"));
    }
}
