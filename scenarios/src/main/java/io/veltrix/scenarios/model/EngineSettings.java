package io.veltrix.scenarios.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Engine settings every strategy shares.
 *
 * @param workers the default number of worker threads (a strategy may override it), at least 1
 * @param tiers tier names, highest priority first, unique, at least one
 * @param batch how many events a worker takes from a queue at a time, at least 1
 * @param idle what an idle worker does
 */
public record EngineSettings(int workers, List<String> tiers, int batch, IdleStrategy idle) {

    /** The tiers when a scenario names none: highest priority first. */
    public static final List<String> DEFAULT_TIERS = List.of("critical", "high", "normal", "low");

    public EngineSettings {
        Checks.atLeast(workers, 1, "workers");
        Checks.atLeast(batch, 1, "batch");
        Objects.requireNonNull(idle, "idle");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("tiers must not be empty");
        }
        if (new HashSet<>(tiers).size() != tiers.size()) {
            throw new IllegalArgumentException("tiers must be unique, were " + tiers);
        }
    }

    /** The priority of {@code tier}: 0 for the highest, or -1 when there is no such tier. */
    public int priorityOf(String tier) {
        return tiers.indexOf(tier);
    }
}
