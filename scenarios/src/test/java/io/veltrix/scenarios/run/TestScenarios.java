package io.veltrix.scenarios.run;

import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.parse.ParseResult;
import io.veltrix.scenarios.parse.ScenarioParser;
import io.veltrix.scenarios.results.BenchResults;
import java.nio.file.Path;
import java.time.Duration;

/** Scenarios written in YAML for tests, and short benches of them. */
final class TestScenarios {
    private TestScenarios() {}

    static Scenario of(String yaml) {
        ParseResult result = ScenarioParser.parse("test.yaml", yaml);
        if (!result.isValid()) {
            throw new AssertionError(result.formattedProblems());
        }
        return result.scenario().orElseThrow();
    }

    /** Runs {@code scenario} with the given options (no Flight Recorder unless asked) and returns what it measured. */
    static Bench.BenchOutcome run(Scenario scenario, BenchOptions options) throws Exception {
        try (Bench bench = Bench.prepare(Path.of("test.yaml"), "", scenario, options)) {
            return bench.run(RunListener.NONE, new StopSignal());
        }
    }

    static BenchResults run(Scenario scenario) throws Exception {
        return run(scenario, BenchOptions.DEFAULTS.withDrainTimeout(Duration.ofSeconds(20)))
                .results();
    }
}
