package io.veltrix.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.scenarios.load.ArrivalCursor;
import io.veltrix.scenarios.load.Schedule;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.parse.ScenarioParser;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.RunCounts;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TypeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example scenario, cut to 2 s after a 0.5 s warm-up, run under each of its strategies: every event is
 * accounted for, and every strategy is offered exactly the same events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleScenariosRunTest {
    private final Map<String, BenchResults> runs = new HashMap<>();
    private final Map<String, Scenario> scenarios = new HashMap<>();

    private synchronized BenchResults run(String example) throws Exception {
        if (!runs.containsKey(example)) {
            Scenario scenario = ScenarioParser.readValid(Path.of("examples", example))
                    .withTiming(Duration.ofSeconds(2), Duration.ofMillis(500));
            scenarios.put(example, scenario);
            runs.put(example, TestScenarios.run(scenario));
        }
        return runs.get(example);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seed-story.yaml", "fixed-vs-dynamic.yaml", "retry-storm.yaml", "priority-burst.yaml"})
    void shouldAccountForEveryEventUnderEveryStrategy(String example) throws Exception {
        BenchResults results = run(example);
        assertThat(results.partial()).isFalse();
        assertThat(results.strategies())
                .hasSize(scenarios.get(example).strategies().size());
        for (StrategyResult s : results.strategies()) {
            RunCounts c = s.wholeRun();
            assertThat(s.invariantViolations()).as(s.name()).isEmpty();
            assertThat(c.submitted())
                    .as(s.name() + ": submitted == completed + dead-lettered + rejected + evicted + in flight")
                    .isEqualTo(c.completed() + c.deadLettered() + c.rejected() + c.evicted() + c.inFlight());
            assertThat(s.shutdown().drained()).as(s.name() + " drained").isTrue();
            assertThat(c.inFlight()).as(s.name() + " left in flight").isZero();
            assertThat(c.completed()).as(s.name() + " completed").isPositive();
            long perTypeSubmitted =
                    s.types().stream().mapToLong(t -> t.wholeRun().submitted()).sum();
            assertThat(perTypeSubmitted).isEqualTo(c.submitted());
            LatencySummary e2e = s.latency().endToEnd();
            assertThat(e2e.count()).isEqualTo(s.measured().completed());
            assertThat(e2e.p50()).isLessThanOrEqualTo(e2e.p99());
            assertThat(e2e.p99()).isLessThanOrEqualTo(e2e.max());
            assertThat(s.timeline()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seed-story.yaml", "fixed-vs-dynamic.yaml", "retry-storm.yaml", "priority-burst.yaml"})
    void shouldOfferTheSameEventsOfEachTypeToEveryStrategy(String example) throws Exception {
        BenchResults results = run(example);
        long[] expected = scheduledPerType(scenarios.get(example));
        for (StrategyResult s : results.strategies()) {
            List<Long> offered = s.types().stream()
                    .map(TypeResult::wholeRun)
                    .map(RunCounts::submitted)
                    .toList();
            assertThat(offered)
                    .as(s.name() + ": first attempts per type, against the schedule")
                    .containsExactly(boxed(expected));
        }
    }

    private static long[] scheduledPerType(Scenario scenario) {
        Schedule schedule = Schedule.of(scenario);
        long[] counts = new long[schedule.eventTypeCount()];
        ArrivalCursor arrivals = schedule.arrivals();
        while (arrivals.next()) {
            counts[arrivals.type()]++;
        }
        return counts;
    }

    private static Long[] boxed(long[] values) {
        Long[] out = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
