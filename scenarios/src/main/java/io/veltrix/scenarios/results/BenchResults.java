package io.veltrix.scenarios.results;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param mergedFrom the runs that {@code veltrix merge} combined into these results, in the order given; null (and
 *     not written) for the results of one bench
 */
public record BenchResults(
        String schema,
        ScenarioInfo scenario,
        EnvironmentInfo environment,
        String startedAt,
        String endedAt,
        boolean partial,
        List<StrategyResult> strategies,
        String verdict,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MergedInput> mergedFrom) {

    /** The results of one bench (not a merge). */
    public BenchResults(
            String schema,
            ScenarioInfo scenario,
            EnvironmentInfo environment,
            String startedAt,
            String endedAt,
            boolean partial,
            List<StrategyResult> strategies,
            String verdict) {
        this(schema, scenario, environment, startedAt, endedAt, partial, strategies, verdict, null);
    }

    /** The schema identifier this version writes. */
    public static final String SCHEMA = "veltrix-results/1";

    /** These results with {@code verdict}. */
    public BenchResults withVerdict(String verdict) {
        return new BenchResults(
                schema, scenario, environment, startedAt, endedAt, partial, strategies, verdict, mergedFrom);
    }

    /** These results with other strategy results (e.g. the same ones with more figures). */
    public BenchResults withStrategies(List<StrategyResult> newStrategies) {
        return new BenchResults(
                schema, scenario, environment, startedAt, endedAt, partial, newStrategies, verdict, mergedFrom);
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
