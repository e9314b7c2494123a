package io.veltrix.scenarios.load;

import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.parse.ParseResult;
import io.veltrix.scenarios.parse.ScenarioParser;

/** Builds test scenarios from a load, events and timing written in YAML. */
final class Scenarios {
    private Scenarios() {}

    static Scenario of(String yaml) {
        ParseResult result = ScenarioParser.parse("test.yaml", yaml);
        if (!result.isValid()) {
            throw new AssertionError(result.formattedProblems());
        }
        return result.scenario().orElseThrow();
    }

    /** A scenario with the given seed, timing, load (YAML flow mapping) and events (YAML block list). */
    static Scenario of(long seed, String duration, String warmup, String load, String events) {
        return of("name: t\nseed: " + seed + "\nduration: " + duration + "\nwarmup: " + warmup + "\nload: " + load
                + "\nevents:\n" + events);
    }
}
