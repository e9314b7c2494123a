package io.veltrix.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.veltrix.scenarios.model.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code Bench.prepare} refuses before anything runs, each problem saying what would be right. */
class BenchSetupTest {
    private static final String BASE = """
            name: setup
            duration: 1s
            load: {constant: {rate: 100/s}}
            events:
              - {name: a, service: 10us}
            strategies:
              - {name: naive, topology: single}
              - {name: tiered, topology: tiered}
            """;

    private static BenchSetupException refused(Scenario scenario, BenchOptions options) {
        return catchThrowableOfType(
                BenchSetupException.class, () -> Bench.prepare(Path.of("s.yaml"), "", scenario, options));
    }

    @Test
    void shouldNameTheKnownStrategiesForAnUnknownOne() {
        BenchSetupException e =
                refused(TestScenarios.of(BASE), BenchOptions.DEFAULTS.withStrategies(List.of("tiered", "fancy")));
        assertThat(e.problems()).containsExactly("--strategy: unknown strategy 'fancy'; setup has naive, tiered");
    }

    @Test
    void shouldRunOnlyTheChosenStrategiesInTheScenariosOrder() throws Exception {
        try (Bench bench = Bench.prepare(
                Path.of("s.yaml"),
                "",
                TestScenarios.of(BASE),
                BenchOptions.DEFAULTS.withStrategies(List.of("tiered", "naive")))) {
            assertThat(bench.strategies()).extracting(s -> s.name()).containsExactly("naive", "tiered");
        }
    }

    @Test
    void shouldApplyTimingSeedAndRate() throws Exception {
        try (Bench bench = Bench.prepare(
                Path.of("s.yaml"),
                "",
                TestScenarios.of(BASE),
                BenchOptions.DEFAULTS
                        .withTiming(Duration.ofSeconds(4), Duration.ofSeconds(1))
                        .withSeed(77L)
                        .withRate(250.0))) {
            assertThat(bench.scenario().duration()).isEqualTo(Duration.ofSeconds(4));
            assertThat(bench.scenario().warmup()).isEqualTo(Duration.ofSeconds(1));
            assertThat(bench.scenario().seed()).isEqualTo(77L);
            assertThat(Loads.meanRate(bench.scenario())).isEqualTo(250.0);
        }
    }

    @Test
    void shouldRefuseARateForAClosedLoad() {
        Scenario closed = TestScenarios.of(BASE.replace("{constant: {rate: 100/s}}", "{closed: {concurrency: 3}}"));
        BenchSetupException e = refused(closed, BenchOptions.DEFAULTS.withRate(100.0));
        assertThat(e.problems())
                .containsExactly("--rate: the scenario's load is closed (concurrency 3); a closed loop has no arrival"
                        + " rate to scale, change its concurrency or think-time instead");
    }

    @Test
    void shouldReportEveryHandlerThatIsMissingOrWrong(@TempDir Path dir) {
        Scenario scenario = TestScenarios.of("""
                name: handlers
                duration: 1s
                load: {constant: {rate: 100/s}}
                events:
                  - {name: a, service: 10us, handler: com.example.Missing}
                  - {name: b, service: 10us, handler: io.veltrix.scenarios.run.NotAHandler}
                  - {name: c, service: 10us, handler: io.veltrix.scenarios.run.StallOnceHandler}
                """);
        Path jar = dir.resolve("handlers.jar");
        BenchSetupException e = refused(scenario, BenchOptions.DEFAULTS.withClasspath(List.of(jar)));
        assertThat(e.problems())
                .containsExactly(
                        "--classpath: no such file or directory: " + jar,
                        "events[0].handler (a): class com.example.Missing not found (searched --classpath " + jar + ")",
                        "events[1].handler (b): io.veltrix.scenarios.run.NotAHandler does not implement"
                                + " io.veltrix.engine.EventHandler");
    }

    @Test
    void shouldSayWhenNoClasspathWasGiven() {
        Scenario scenario = TestScenarios.of(BASE.replace("service: 10us}", "service: 10us, handler: x.Y}"));
        assertThat(refused(scenario, BenchOptions.DEFAULTS).problems())
                .containsExactly("events[0].handler (a): class x.Y not found (no --classpath was given)");
    }
}
