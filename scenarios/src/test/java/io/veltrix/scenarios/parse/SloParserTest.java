package io.veltrix.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.veltrix.scenarios.model.Comparison;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.model.SloMetric;
import io.veltrix.scenarios.model.SloUnit;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SloParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "p99 < 50ms                  | P99             | LESS             | 50000000   | NANOSECONDS",
                "p50<=200us                  | P50             | LESS_OR_EQUAL    | 200000     | NANOSECONDS",
                "p90 < 1s                    | P90             | LESS             | 1000000000 | NANOSECONDS",
                "p99.9 < 100ms               | P99_9           | LESS             | 100000000  | NANOSECONDS",
                "max <= 2s                   | MAX             | LESS_OR_EQUAL    | 2000000000 | NANOSECONDS",
                "gc_pause_max < 10ms         | GC_PAUSE_MAX    | LESS             | 10000000   | NANOSECONDS",
                "throughput >= 4900/s        | THROUGHPUT      | GREATER_OR_EQUAL | 4900       | PER_SECOND",
                "throughput > 4.9k/s         | THROUGHPUT      | GREATER          | 4900       | PER_SECOND",
                "loss == 0                   | LOSS            | EQUAL            | 0          | COUNT",
                "loss==0                     | LOSS            | EQUAL            | 0          | COUNT",
                "loss < 0.1%                 | LOSS            | LESS             | 0.001      | FRACTION",
                "errors <= 2%                | ERRORS          | LESS_OR_EQUAL    | 0.02       | FRACTION",
                "retries < 1000              | RETRIES         | LESS             | 1000       | COUNT",
                "alloc_per_event < 64B       | ALLOC_PER_EVENT | LESS             | 64         | BYTES",
                "alloc_per_event <= 1.5KB    | ALLOC_PER_EVENT | LESS_OR_EQUAL    | 1536       | BYTES",
                "alloc_rate < 50MB/s         | ALLOC_RATE      | LESS             | 52428800   | BYTES_PER_SECOND"
            })
    void shouldParseEveryMetricIntoCanonicalUnits(
            String expression, SloMetric metric, Comparison comparison, double threshold, SloUnit unit) {
        Slo slo = SloParser.parse(expression.trim());
        assertThat(slo.metric()).isEqualTo(metric);
        assertThat(slo.comparison()).isEqualTo(comparison);
        assertThat(slo.threshold()).isEqualTo(threshold);
        assertThat(slo.unit()).isEqualTo(unit);
        assertThat(slo.window()).isEmpty();
        assertThat(slo.strategy()).isEmpty();
        assertThat(slo.eventType()).isEmpty();
        assertThat(slo.tier()).isEmpty();
        assertThat(slo.expression()).isEqualTo(expression.trim());
    }

    @Test
    void shouldParseWindowAndQualifiersInAnyOrder() {
        Slo slo = SloParser.parse("p99 < 50ms over 10s strategy=tiered type=payment");
        assertThat(slo.window()).contains(Duration.ofSeconds(10));
        assertThat(slo.strategy()).contains("tiered");
        assertThat(slo.eventType()).contains("payment");

        Slo reordered = SloParser.parse("p99 < 50ms type=payment over 500ms strategy=tiered");
        assertThat(reordered.window()).contains(Duration.ofMillis(500));
        assertThat(reordered.strategy()).contains("tiered");
        assertThat(reordered.eventType()).contains("payment");
    }

    @Test
    void shouldParseATierQualifier() {
        SloParser.Parsed parsed = SloParser.parseWithPositions("loss == 0 tier=critical strategy=tiered");
        assertThat(parsed.slo().tier()).contains("critical");
        assertThat(parsed.slo().eventType()).isEmpty();
        assertThat(parsed.slo().strategy()).contains("tiered");
        assertThat(parsed.tierStart()).isEqualTo(15);
        assertThat(parsed.typeStart()).isEqualTo(-1);
        assertThat(parsed.strategyStart()).isEqualTo(33);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "p99 < 5ms strategy=tierd | 20 | unknown strategy 'tierd' at column 20; expected one of naive, tiered;"
                        + " did you mean 'tiered'?",
                "p99 < 5ms type=paymnt | 16 | unknown event type 'paymnt' at column 16; expected one of payment,"
                        + " order, notification, analytics; did you mean 'payment'?",
                "loss == 0 tier=hihg | 16 | unknown tier 'hihg' at column 16; expected one of critical, high, normal,"
                        + " low; did you mean 'high'?"
            })
    void shouldCheckNamesAgainstAScenario(String expression, int column, String message) throws Exception {
        Scenario scenario = ScenarioParser.read(Path.of("examples", "seed-story.yaml"))
                .scenario()
                .orElseThrow();
        SloSyntaxException e =
                catchThrowableOfType(SloSyntaxException.class, () -> SloParser.parse(expression, scenario));
        assertThat(e).hasMessage(message);
        assertThat(e.column()).isEqualTo(column);
        assertThat(SloParser.parse("p99 < 5ms strategy=tiered tier=critical", scenario)
                        .tier())
                .contains("critical");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "p95 < 50ms | 1 | unknown metric 'p95' at column 1; expected one of p50, p90, p99, p99.9, max,"
                        + " throughput, loss, errors, retries, alloc_per_event, alloc_rate, gc_pause_max; did you"
                        + " mean 'p90'?",
                "latency < 50ms | 1 | unknown metric 'latency' at column 1; expected one of p50, p90, p99, p99.9,"
                        + " max, throughput, loss, errors, retries, alloc_per_event, alloc_rate, gc_pause_max",
                "p99 50ms | 5 | expected a comparator at column 5, found '50ms'; expected one of <, <=, >, >=, ==",
                "p99 =< 50ms | 5 | unknown comparator '=<' at column 5; expected one of <, <=, >, >=, ==; did you"
                        + " mean '<='?",
                "loss = 0 | 6 | unknown comparator '=' at column 6; expected one of <, <=, >, >=, ==; did you mean"
                        + " '=='?",
                "p99 < | 6 | missing a duration like 50ms (us, ms, s) after '<' at column 6",
                "p99 < 50xs | 7 | invalid value '50xs' at column 7; expected a duration like 50ms (us, ms, s)",
                "p99 < 50/s | 7 | invalid value '50/s' at column 7; expected a duration like 50ms (us, ms, s)",
                "throughput >= 4900 | 15 | invalid value '4900' at column 15; expected a rate like 4900/s",
                "loss < 0.5 | 8 | invalid value '0.5' at column 8; expected a count like 0 or a percentage like"
                        + " 0.1%",
                "alloc_rate < 50MB | 14 | invalid value '50MB' at column 14; expected a byte rate like 50MB/s (B/s,"
                        + " KB/s, MB/s)",
                "p99 < 50ms over | 16 | missing a window duration like 10s after 'over' at column 16",
                "p99 < 50ms over ten | 17 | invalid window 'ten' at column 17; expected a duration like 10s",
                "p99 < 50ms strat=tiered | 12 | unknown qualifier 'strat' at column 12; expected strategy=, type="
                        + " or tier=; did you mean 'strategy'?",
                "p99 < 50ms tire=critical | 12 | unknown qualifier 'tire' at column 12; expected strategy=, type="
                        + " or tier=; did you mean 'tier'?",
                "p99 < 50ms for 10s | 12 | unexpected 'for' at column 12; expected over <duration>, strategy=<name>,"
                        + " type=<name> or tier=<name>",
                "p99 < 50ms type=a tier=high | 19 | 'tier=' at column 19 beside 'type='; give type= (one event type)"
                        + " or tier= (its event types together), not both",
                "p99 < 50ms tier=high tier=low | 22 | second 'tier=' at column 22; give one",
                "p99 < 50ms tier= | 17 | missing name after 'tier=' at column 17",
                "p99 < 50ms type= | 17 | missing name after 'type=' at column 17",
                "loss != 0 | 6 | unknown comparator '!=' at column 6; expected one of <, <=, >, >=, ==",
                "'' | 1 | empty SLO; expected an expression like p99 < 50ms"
            })
    void shouldNameTheBadTokenAndItsColumn(String expression, int column, String message) {
        SloSyntaxException e = catchThrowableOfType(SloSyntaxException.class, () -> SloParser.parse(expression));
        assertThat(e).hasMessage(message);
        assertThat(e.column()).isEqualTo(column);
    }
}
