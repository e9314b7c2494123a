package io.veltrix.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegressionLimitsTest {

    @Test
    void shouldLetPerMetricLimitsOverrideTheGlobalOne() {
        RegressionLimits limits = RegressionLimits.parse(List.of("p99=5%", "10%", "loss=0.5%"));
        assertThat(limits.of(CompareMetric.P99)).contains(5.0);
        assertThat(limits.of(CompareMetric.LOSS)).contains(0.5);
        assertThat(limits.of(CompareMetric.THROUGHPUT)).contains(10.0);
        assertThat(RegressionLimits.parse(List.of("p99.9=2%")).of(CompareMetric.MAX))
                .isEmpty();
        assertThat(RegressionLimits.NONE.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "10          | --max-regression: '10' has no %; expected a percentage like 10% or METRIC=N%"
                        + " (throughput, p50, p99, p99.9, max, loss)",
                "p95=5%      | --max-regression: unknown metric 'p95' in 'p95=5%'; expected one of throughput, p50,"
                        + " p99, p99.9, max, loss",
                "p99=-1%     | --max-regression: 'p99=-1%' is not a percentage of 0 or more; expected a percentage"
                        + " like 10% or METRIC=N% (throughput, p50, p99, p99.9, max, loss)",
                "ten%        | --max-regression: 'ten%' is not a percentage of 0 or more; expected a percentage like"
                        + " 10% or METRIC=N% (throughput, p50, p99, p99.9, max, loss)"
            })
    void shouldNameTheBadValue(String value, String message) {
        assertThatThrownBy(() -> RegressionLimits.parse(List.of(value.trim())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void shouldRefuseTwoLimitsForTheSameThing() {
        assertThatThrownBy(() -> RegressionLimits.parse(List.of("10%", "5%")))
                .hasMessage("--max-regression: '5%' is a second limit for every metric; give one, and per-metric"
                        + " limits as METRIC=N%");
        assertThatThrownBy(() -> RegressionLimits.parse(List.of("p99=1%", "p99=2%")))
                .hasMessage("--max-regression: p99 is given twice; give one limit per metric");
    }
}
