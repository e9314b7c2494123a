package io.veltrix.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.veltrix.scenarios.model.Backoff;
import io.veltrix.scenarios.model.Distribution;
import io.veltrix.scenarios.model.EngineSettings;
import io.veltrix.scenarios.model.EventType;
import io.veltrix.scenarios.model.FailureKind;
import io.veltrix.scenarios.model.FailureWindow;
import io.veltrix.scenarios.model.IdleStrategy;
import io.veltrix.scenarios.model.Jitter;
import io.veltrix.scenarios.model.LoadModel;
import io.veltrix.scenarios.model.OverflowPolicy;
import io.veltrix.scenarios.model.RetryPolicy;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.SchedulingPolicy;
import io.veltrix.scenarios.model.ServiceKind;
import io.veltrix.scenarios.model.Sizing;
import io.veltrix.scenarios.model.SloMetric;
import io.veltrix.scenarios.model.Strategy;
import io.veltrix.scenarios.model.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioParserTest {

    static final String CHECKOUT = """
            name: checkout
            description: Payments and audits.
            seed: 42
            duration: 10s
            warmup: 2s
            load:
              poisson:
                rate: 1k/s
            events:
              - name: payment
                share: 25%
                tier: critical
                service:
                  lognormal: {median: 200us, p99: 2ms}
                failures:
                  rate: 2%
                  kind: permanent
                  windows:
                    - {from: 5s, to: 6s}
                handler: com.example.PaymentHandler
              - name: audit
                share: 75%
                tier: low
                service: 100us
                kind: io
            engine:
              workers: 2
              overflow: block
              block-timeout: 10ms
            strategies:
              - name: naive
                topology: single
                sizing: {fixed: {capacity: 64}}
              - name: tiered
                sizing: {dynamic: {min: 64, max: 4096}}
                overflow: shed-lower-priority
                scheduling: weighted
                weights: {critical: 8, high: 4, normal: 2, low: 1}
                retry:
                  exponential: {base: 1ms}
                  max-attempts: 4
                  budget: 10%
                per-type:
                  audit:
                    retry: none
                    overflow: drop-oldest
            slo:
              - p99 < 50ms strategy=tiered type=payment
              - loss == 0
            """;

    @Test
    void shouldReadEverySectionIntoTheModel() {
        ParseResult result = ScenarioParser.parse("checkout.yaml", CHECKOUT);
        assertThat(result.problems()).isEmpty();
        Scenario scenario = result.scenario().orElseThrow();

        assertThat(scenario.name()).isEqualTo("checkout");
        assertThat(scenario.description()).isEqualTo("Payments and audits.");
        assertThat(scenario.seed()).isEqualTo(42L);
        assertThat(scenario.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(scenario.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(scenario.runLength()).isEqualTo(Duration.ofSeconds(12));
        assertThat(scenario.load()).isEqualTo(new LoadModel.Poisson(1000.0));

        EventType payment = scenario.events().get(0);
        assertThat(payment.name()).isEqualTo("payment");
        assertThat(payment.weight()).isEqualTo(25.0);
        assertThat(payment.share()).isEqualTo(0.25);
        assertThat(payment.tier()).isEqualTo("critical");
        assertThat(payment.service())
                .isEqualTo(new Distribution.LogNormal(Duration.ofNanos(200_000), Duration.ofMillis(2)));
        assertThat(payment.serviceKind()).isEqualTo(ServiceKind.CPU);
        assertThat(payment.failures().rate()).isEqualTo(0.02);
        assertThat(payment.failures().kind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(payment.failures().windows())
                .containsExactly(
                        new FailureWindow(Duration.ofSeconds(5), Duration.ofSeconds(6), 1.0, FailureKind.PERMANENT));
        assertThat(payment.handler()).contains("com.example.PaymentHandler");
        EventType audit = scenario.events().get(1);
        assertThat(audit.share()).isEqualTo(0.75);
        assertThat(audit.service()).isEqualTo(new Distribution.Constant(Duration.ofNanos(100_000)));
        assertThat(audit.serviceKind()).isEqualTo(ServiceKind.IO);
        assertThat(audit.failures().isNone()).isTrue();

        assertThat(scenario.engine())
                .isEqualTo(new EngineSettings(2, EngineSettings.DEFAULT_TIERS, 16, IdleStrategy.BACKOFF));

        Strategy naive = scenario.strategies().get(0);
        assertThat(naive.topology()).isEqualTo(Topology.SINGLE);
        assertThat(naive.sizing()).isEqualTo(new Sizing.Fixed(64));
        assertThat(naive.overflow().policy()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(naive.overflow().blockTimeout()).isEqualTo(Duration.ofMillis(10));
        assertThat(naive.scheduling().policy()).isEqualTo(SchedulingPolicy.STRICT);
        assertThat(naive.retry()).isEqualTo(RetryPolicy.NONE);
        assertThat(naive.workers()).isEqualTo(2);

        Strategy tiered = scenario.strategies().get(1);
        assertThat(tiered.topology()).isEqualTo(Topology.TIERED);
        assertThat(tiered.sizing()).isEqualTo(new Sizing.Dynamic(64, 4096, 64, Duration.ofMillis(5)));
        assertThat(tiered.overflow().policy()).isEqualTo(OverflowPolicy.SHED_LOWER_PRIORITY);
        assertThat(tiered.overflow().blockTimeout()).isZero();
        assertThat(tiered.scheduling().weights()).containsEntry("critical", 8).containsEntry("low", 1);
        assertThat(tiered.retry().backoff())
                .isEqualTo(new Backoff.Exponential(Duration.ofMillis(1), 2.0, Duration.ofSeconds(1), Jitter.FULL));
        assertThat(tiered.retry().maxAttempts()).isEqualTo(4);
        assertThat(tiered.retry().budget().getAsDouble()).isCloseTo(0.10, within(1e-12));
        assertThat(tiered.settingsFor("audit").retry()).isEqualTo(RetryPolicy.NONE);
        assertThat(tiered.settingsFor("audit").overflow().policy()).isEqualTo(OverflowPolicy.DROP_OLDEST);
        assertThat(tiered.settingsFor("audit").sizing()).isEqualTo(tiered.sizing());
        assertThat(tiered.settingsFor("payment").retry()).isEqualTo(tiered.retry());

        assertThat(scenario.slos()).hasSize(2);
        assertThat(scenario.slos().get(0).metric()).isEqualTo(SloMetric.P99);
        assertThat(scenario.slos().get(0).strategy()).contains("tiered");
        assertThat(scenario.slos().get(0).eventType()).contains("payment");
        assertThat(scenario.slos().get(1).metric()).isEqualTo(SloMetric.LOSS);
    }

    @Test
    void shouldApplyDefaultsToAMinimalScenario() {
        Scenario scenario = ScenarioParser.parse("min.yaml", """
                        name: min
                        duration: 5s
                        load: {constant: {rate: 100/s}}
                        events:
                          - {name: a, service: 1ms}
                          - {name: b, share: 3, service: 1ms}
                        """).scenario().orElseThrow();
        assertThat(scenario.seed()).isEqualTo(1L);
        assertThat(scenario.warmup()).isZero();
        assertThat(scenario.description()).isEmpty();
        assertThat(scenario.events().get(0).share()).isEqualTo(0.25);
        assertThat(scenario.events().get(1).share()).isEqualTo(0.75);
        assertThat(scenario.events().get(0).tier()).isEqualTo("normal");
        assertThat(scenario.engine().tiers()).containsExactly("critical", "high", "normal", "low");
        assertThat(scenario.engine().batch()).isEqualTo(16);
        assertThat(scenario.engine().idle()).isEqualTo(IdleStrategy.BACKOFF);
        assertThat(scenario.strategies()).hasSize(1);
        Strategy strategy = scenario.strategies().get(0);
        assertThat(strategy.name()).isEqualTo("default");
        assertThat(strategy.topology()).isEqualTo(Topology.TIERED);
        assertThat(strategy.sizing()).isEqualTo(new Sizing.Fixed(1024));
        assertThat(strategy.overflow().policy()).isEqualTo(OverflowPolicy.REJECT);
        assertThat(strategy.retry()).isEqualTo(RetryPolicy.NONE);
        assertThat(strategy.workers())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        assertThat(scenario.slos()).isEmpty();
    }

    @Test
    void shouldSuggestTheKnownKeyForAMisspeltOne() {
        ParseResult result = ScenarioParser.parse("scenario.yaml", """
                        name: s
                        duration: 5s
                        load: {constant: {rate: 100/s}}
                        events:
                          - {name: a, service: 1ms}
                        strategies:
                          - name: small
                            sizing:
                              fixed:
                                capcity: 64
                        """);
        assertThat(result.isValid()).isFalse();
        assertThat(result.formattedProblems())
                .isEqualTo("scenario.yaml:10:9: error: unknown key 'capcity' in strategies[0].sizing.fixed;"
                        + " did you mean 'capacity'?");
    }

    @Test
    void shouldReportAllErrorsAtOnceInFileOrder() {
        ParseResult result = ScenarioParser.parse("many.yaml", """
                        name: many errors
                        duration: 10sec
                        warmup: -1s
                        load:
                          ramp: {from: 0/s, to: 5k/s, over: 10s}
                        events:
                          - {name: a, share: 30%, tier: hgh, service: {lognormal: {median: 2ms, p99: 1ms}}}
                          - {name: a, share: 2, service: 1ms}
                        strategies:
                          - name: s
                            topology: single
                            overflow: shed-lower-priority
                            sizing: {dynamic: {min: 64, max: 128, initial: 32}}
                          - name: s
                            idle: spin
                        slo:
                          - p99 < 50xs
                          - p99 < 5ms strategy=tierd
                        """);
        assertThat(result.problems())
                .extracting(Problem::format)
                .containsExactly(
                        "many.yaml:1:7: error: name: invalid name 'many errors'; names use letters, digits, '.', '_'"
                                + " and '-', and start with a letter or digit",
                        "many.yaml:2:11: error: duration: unknown unit 'sec' in '10sec'; expected a duration like"
                                + " 250ms (units: ns, us, ms, s, m, h)",
                        "many.yaml:3:9: error: warmup: negative duration '-1s'; expected zero or more, a duration"
                                + " like 250ms (units: ns, us, ms, s, m, h)",
                        "many.yaml:5:16: error: load.ramp.from: must be more than 0/s, was 0/s",
                        "many.yaml:7:33: error: events[0].tier: unknown tier 'hgh'; expected one of critical, high,"
                                + " normal, low; did you mean 'high'?",
                        "many.yaml:7:78: error: events[0].service.lognormal.p99: must be at least the median (2ms),"
                                + " was 1ms",
                        "many.yaml:8:12: error: events[1].name: duplicate event type 'a'; the first is on line 7",
                        "many.yaml:8:22: error: events[1].share: percentages and plain weights cannot be mixed;"
                                + " write every share as a percentage, or every share as a weight",
                        "many.yaml:12:15: error: strategies[0].overflow: shed-lower-priority needs topology: tiered;"
                                + " a single queue has no lower tier to shed",
                        "many.yaml:13:52: error: strategies[0].sizing.dynamic.initial: must be between min (64) and"
                                + " max (128), was 32",
                        "many.yaml:14:11: error: strategies[1].name: duplicate strategy name 's'; the first is on"
                                + " line 10",
                        "many.yaml:15:5: error: unknown key 'idle' in strategies[1]; expected one of: name,"
                                + " topology, sizing, overflow, block-timeout, scheduling, weights, retry, workers,"
                                + " per-type",
                        "many.yaml:17:11: error: slo[0]: invalid SLO 'p99 < 50xs': invalid value '50xs' at column"
                                + " 7; expected a duration like 50ms (us, ms, s)",
                        "many.yaml:18:24: error: slo[1]: unknown strategy 'tierd' in SLO 'p99 < 5ms strategy=tierd';"
                                + " expected one of s");
    }

    @Test
    void shouldReadAFileAndNameItInProblems(@TempDir Path dir) throws IOException, InvalidScenarioException {
        Path file = dir.resolve("checkout.yaml");
        Files.writeString(file, CHECKOUT);
        assertThat(ScenarioParser.readValid(file).name()).isEqualTo("checkout");

        Path missing = dir.resolve("missing.yaml");
        assertThat(ScenarioParser.read(missing).formattedProblems()).isEqualTo(missing + ":1:1: error: no such file");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "name: x\nduration: 1s\n");
        assertThatThrownBy(() -> ScenarioParser.readValid(broken))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining(broken + ":1:1: error: missing key 'events' in scenario")
                .satisfies(e ->
                        assertThat(((InvalidScenarioException) e).problems()).hasSize(2));
    }

    @Test
    void shouldKeepResultAndProblemsExclusive() {
        assertThatThrownBy(() -> new ParseResult(Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
