package io.veltrix.scenarios.model;

import java.util.Map;
import java.util.Objects;

/**
 * One named way of running the engine, fully resolved (the engine section's defaults already applied). Every
 * strategy of a scenario gets exactly the same arrival schedule.
 *
 * @param name unique within the scenario; used in file names ({@code [A-Za-z0-9][A-Za-z0-9._-]*})
 * @param topology how queues are laid out
 * @param sizing how queue capacity is set
 * @param overflow what happens at a full queue
 * @param scheduling how workers pick the next tier
 * @param retry how failed attempts are retried
 * @param workers how many worker threads, at least 1
 * @param perType event types whose sizing, overflow or retry differ from the strategy's, by type name; each entry
 *     is complete (fields not overridden are the strategy's)
 */
public record Strategy(
        String name,
        Topology topology,
        Sizing sizing,
        Overflow overflow,
        Scheduling scheduling,
        RetryPolicy retry,
        int workers,
        Map<String, TypeSettings> perType) {

    public Strategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(scheduling, "scheduling");
        Objects.requireNonNull(retry, "retry");
        Checks.atLeast(workers, 1, "workers");
        perType = Map.copyOf(perType);
        if (overflow.policy() == OverflowPolicy.SHED_LOWER_PRIORITY && topology != Topology.TIERED) {
            throw new IllegalArgumentException("shed-lower-priority needs the tiered topology");
        }
    }

    /** The settings that apply to events of {@code typeName}: its overrides, or the strategy's own. */
    public TypeSettings settingsFor(String typeName) {
        TypeSettings settings = perType.get(typeName);
        return settings != null ? settings : new TypeSettings(sizing, overflow, retry);
    }
}
