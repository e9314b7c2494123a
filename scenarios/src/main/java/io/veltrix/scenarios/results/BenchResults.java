package io.veltrix.scenarios.results;

import java.util.List;

/**
 * Everything a bench measured: the content of {@code results.json} (schema {@value #SCHEMA}, described in
 * {@code docs/results-format.md}).
 *
 * @param schema always {@value #SCHEMA}
 * @param scenario what was run
 * @param environment where it ran
 * @param startedAt when the first strategy started (ISO-8601 instant)
 * @param endedAt when the last one ended (ISO-8601 instant)
 * @param partial true when the run was interrupted: some strategies are missing or incomplete
 * @param strategies each strategy run, in run order
 * @param verdict one line saying which strategy won and by how much, or null with fewer than two strategies
 */
public record BenchResults(
        String schema,
        ScenarioInfo scenario,
        EnvironmentInfo environment,
        String startedAt,
        String endedAt,
        boolean partial,
        List<StrategyResult> strategies,
        String verdict) {

    /** The schema identifier this version writes. */
    public static final String SCHEMA = "veltrix-results/1";

    /** These results with other strategy results (e.g. the same ones with more figures). */
    public BenchResults withStrategies(List<StrategyResult> newStrategies) {
        return new BenchResults(schema, scenario, environment, startedAt, endedAt, partial, newStrategies, verdict);
    }

    /** The strategy called {@code name}, or null. */
    public StrategyResult strategy(String name) {
        for (StrategyResult s : strategies) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
