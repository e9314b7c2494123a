package io.veltrix.reports.slo;

import static io.veltrix.reports.Fixtures.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.veltrix.reports.Fixtures;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.parse.SloParser;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.StrategyResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SloEvaluatorTest {
    private static final BenchResults CHECKOUT = Fixtures.checkout();

    private static SloVerdict check(String expression, StrategyResult strategy) {
        return new SloEvaluator().check(SloParser.parse(expression), strategy, null);
    }

    /** naive: p50 5.74ms, p90 21ms, p99 186ms, p99.9 191ms, max 195ms, 3,882.75/s, 100,000 submitted. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "p50 < 10ms             | PASS | 5740000",
                "p50 <= 5.74ms          | PASS | 5740000",
                "p50 < 5.74ms           | FAIL | 5740000",
                "p50 == 5740us          | PASS | 5740000",
                "p90 > 21ms             | FAIL | 21000000",
                "p90 >= 21ms            | PASS | 21000000",
                "p99 < 50ms             | FAIL | 186000000",
                "p99 > 100ms            | PASS | 186000000",
                "p99.9 <= 191ms         | PASS | 191000000",
                "p99.9 < 0.1s           | FAIL | 191000000",
                "max < 1s               | PASS | 195000000",
                "max == 195ms           | PASS | 195000000",
                "max < 195ms            | FAIL | 195000000",
                "throughput >= 3.8k/s   | PASS | 3882.75",
                "throughput > 3900/s    | FAIL | 3882.75",
                "throughput == 3882.75/s | PASS | 3882.75",
                "loss == 0              | FAIL | 22345",
                "loss <= 22345          | PASS | 22345",
                "loss < 22345           | FAIL | 22345",
                "loss < 25%             | PASS | 0.22345",
                "loss < 0.1%            | FAIL | 0.22345",
                "errors <= 5            | PASS | 5",
                "errors < 5             | FAIL | 5",
                "errors < 0.001%        | FAIL | 0.00005",
                "errors < 0.01%         | PASS | 0.00005",
                "retries == 0           | PASS | 0",
                "retries > 0%           | FAIL | 0",
                "retries >= 0           | PASS | 0"
            })
    void shouldCompareEveryMetricWithEveryComparator(String expression, SloStatus status, double measured) {
        SloVerdict verdict = check(expression.trim(), Fixtures.naive());
        assertThat(verdict.status()).as(verdict.message()).isEqualTo(status);
        assertThat(verdict.measured()).isCloseTo(measured, within(1e-9));
        assertThat(verdict.strategy()).isEqualTo("naive");
        assertThat(verdict.scope()).isEqualTo("all events");
    }

    @Test
    void shouldSayWhatWasMeasuredAgainstWhat() {
        assertThat(check("p99 < 20ms type=payment", Fixtures.naive()).message())
                .isEqualTo("p99 of type payment was 186ms; must be < 20ms");
        assertThat(check("loss < 1% tier=critical", Fixtures.naive()).message())
                .isEqualTo("loss of tier critical was 23.4% (rejected 2,340, evicted 0, dead-lettered 5 of 10,000"
                        + " submitted); must be < 1%");
        assertThat(check("throughput >= 4900/s", Fixtures.tiered()).message())
                .isEqualTo("throughput of all events was 4,900/s; must be >= 4,900/s");
        assertThat(check("retries < 100 type=payment", Fixtures.tiered()).message())
                .isEqualTo("retries of type payment was 120 (120 retries for 10,000 submitted); must be < 100");
        assertThat(check("errors == 0", Fixtures.naive()).measuredText()).isEqualTo("5");
        assertThat(check("errors == 0", Fixtures.naive()).thresholdText()).isEqualTo("== 0");
    }

    @Test
    void shouldMeasureOneEventTypeOrOneTier() {
        StrategyResult tiered = Fixtures.tiered();
        assertThat(check("p99 < 5ms type=payment", tiered).measured()).isEqualTo(2.5 * MS);
        assertThat(check("p99 < 5ms type=payment", tiered).status()).isEqualTo(SloStatus.PASS);
        assertThat(check("p99 < 5ms type=analytics", tiered).status()).isEqualTo(SloStatus.FAIL);
        assertThat(check("loss == 0 tier=critical", tiered).status()).isEqualTo(SloStatus.PASS);
        assertThat(check("loss == 0 tier=low", tiered).measured()).isEqualTo(2000.0);
        assertThat(check("throughput >= 500/s type=payment", tiered).measured()).isEqualTo(500.0);
        assertThat(check("p99.9 <= 40ms tier=low", tiered).status()).isEqualTo(SloStatus.PASS);
    }

    @Test
    void shouldCheckAnSloForEveryStrategyUnlessItNamesOne() {
        List<Slo> slos = List.of(
                SloParser.parse("p99 < 50ms"),
                SloParser.parse("loss == 0 strategy=tiered type=payment"),
                SloParser.parse("p99 < 1s strategy=dynamic"));
        SloReport report = new SloEvaluator().evaluate(slos, CHECKOUT, Map.of());
        assertThat(report.verdicts())
                .extracting(v -> v.slo().expression() + " [" + v.strategy() + "] " + v.status())
                .containsExactly(
                        "p99 < 50ms [naive] FAIL",
                        "p99 < 50ms [tiered] PASS",
                        "loss == 0 strategy=tiered type=payment [tiered] PASS",
                        "p99 < 1s strategy=dynamic [dynamic] SKIPPED");
        assertThat(report.verdicts().get(3).message()).isEqualTo("strategy dynamic was not run");
        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).isEqualTo("1 of 3 SLO checks failed (1 skipped)");
    }

    @Test
    void shouldPassARunWhoseEveryCheckPassedOrWasSkipped() {
        SloReport report = new SloEvaluator()
                .evaluate(
                        List.of(SloParser.parse("p99 < 1s"), SloParser.parse("max < 1s strategy=other")),
                        CHECKOUT,
                        Map.of());
        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("all 2 SLO checks passed (1 skipped)");
        assertThat(SloReport.EMPTY.passed()).isTrue();
        assertThat(SloReport.EMPTY.summary()).isEqualTo("no SLOs");
    }

    @Test
    void shouldFailAllocationAndGcSlosWithNoDataWhenResultsHaveNoFigures() {
        for (String expression : List.of("alloc_per_event < 64B", "alloc_rate < 50MB/s", "gc_pause_max < 10ms")) {
            SloVerdict verdict = check(expression, Fixtures.tiered());
            assertThat(verdict.status()).isEqualTo(SloStatus.NO_DATA);
            assertThat(verdict.status().fails()).isTrue();
            assertThat(verdict.measured()).isNull();
            assertThat(verdict.message())
                    .isEqualTo("no data: " + expression.substring(0, expression.indexOf(' '))
                            + " comes from the Flight Recorder analysis, and the results of strategy tiered carry no"
                            + " such figure, so the SLO cannot pass");
        }
        SloReport report =
                new SloEvaluator().evaluate(List.of(SloParser.parse("gc_pause_max < 10ms")), CHECKOUT, Map.of());
        assertThat(report.passed()).isFalse();
    }

    @Test
    void shouldCheckAllocationAndGcSlosAgainstTheFiguresGiven() {
        JvmFiguresSource figures = s -> new JvmFigures(48.0, 60.0 * 1024 * 1024, 12 * MS);
        SloEvaluator evaluator = new SloEvaluator(figures);
        StrategyResult tiered = Fixtures.tiered();
        SloVerdict perEvent = evaluator.check(SloParser.parse("alloc_per_event < 64B"), tiered, null);
        assertThat(perEvent.status()).isEqualTo(SloStatus.PASS);
        assertThat(perEvent.message()).isEqualTo("alloc_per_event was 48 B; must be < 64 B");
        SloVerdict rate = evaluator.check(SloParser.parse("alloc_rate < 50MB/s"), tiered, null);
        assertThat(rate.status()).isEqualTo(SloStatus.FAIL);
        assertThat(rate.message()).isEqualTo("alloc_rate was 60 MB/s; must be < 50 MB/s");
        SloVerdict pause = evaluator.check(SloParser.parse("gc_pause_max <= 12ms"), tiered, null);
        assertThat(pause.status()).isEqualTo(SloStatus.PASS);
        assertThat(pause.measured()).isEqualTo(12.0 * MS);
        assertThat(evaluator
                        .check(SloParser.parse("alloc_rate < 50MB/s type=payment"), tiered, null)
                        .message())
                .isEqualTo("no data: alloc_rate is measured for the whole JVM, not per event type or tier");
    }

    @Test
    void shouldGiveNoDataForALatencyOfATypeThatCompletedNothing() {
        MeasuredCounts none = MeasuredCounts.of(50, 0, 0, 50, 0, 0, 0);
        StrategyResult starved = Fixtures.strategy(
                "starved",
                10,
                none,
                LatencySummary.EMPTY,
                List.of(Fixtures.type("payment", "critical", none, LatencySummary.EMPTY)),
                List.of(),
                List.of());
        SloVerdict verdict = check("p99 < 1s type=payment", starved);
        assertThat(verdict.status()).isEqualTo(SloStatus.NO_DATA);
        assertThat(verdict.message())
                .isEqualTo("no data for p99 of type payment: no event of type payment completed in the measured part");
        assertThat(check("loss == 0 type=payment", starved).status()).isEqualTo(SloStatus.FAIL);
        assertThat(check("p99 < 1s type=audit", starved).message())
                .isEqualTo("no data: the results of strategy starved have no type audit");
    }
}
