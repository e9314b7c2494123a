package io.veltrix.reports.compare;

import static io.veltrix.reports.Fixtures.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.veltrix.reports.Fixtures;
import io.veltrix.reports.GoldenReport;
import io.veltrix.scenarios.results.BenchResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaselineComparerTest {

    private static ComparisonRow row(CompareMetric metric, double[] base, double[] current, Double limit) {
        return BaselineComparer.row("s", metric, base, current, Optional.ofNullable(limit));
    }

    @Test
    void shouldCallADifferenceWithinTwiceTheStandardDeviationNoise() {
        // Base p99 repeats 100, 104, 96 ms: mean 100, stddev 4, range 8; noise = max(2 x 4, 8) = 8 ms.
        double[] base = {100 * MS, 104 * MS, 96 * MS};
        ComparisonRow within = row(CompareMetric.P99, base, new double[] {107 * MS}, 5.0);
        assertThat(within.noise()).isCloseTo(8.0 * MS, within(1.0));
        assertThat(within.deltaPercent()).isCloseTo(7.0, within(1e-9));
        assertThat(within.verdict()).isEqualTo(CompareVerdict.WITHIN_NOISE);
        ComparisonRow regression = row(CompareMetric.P99, base, new double[] {109 * MS}, 5.0);
        assertThat(regression.verdict()).isEqualTo(CompareVerdict.REGRESSION);
        assertThat(row(CompareMetric.P99, base, new double[] {109 * MS}, 10.0).verdict())
                .isEqualTo(CompareVerdict.WORSE);
        assertThat(row(CompareMetric.P99, base, new double[] {109 * MS}, null).verdict())
                .isEqualTo(CompareVerdict.WORSE);
        assertThat(row(CompareMetric.P99, base, new double[] {91 * MS}, 5.0).verdict())
                .isEqualTo(CompareVerdict.BETTER);
    }

    @Test
    void shouldUseTheRangeWhenItIsWiderThanTwiceTheStandardDeviation() {
        // 1000, 1000, 1000, 1000, 1100: stddev 44.7 (twice: 89.4), range 100.
        double[] base = {1000, 1000, 1000, 1000, 1100};
        ComparisonRow row = row(CompareMetric.THROUGHPUT, base, new double[] {925}, 5.0);
        assertThat(row.noise()).isEqualTo(100.0);
        assertThat(row.verdict()).isEqualTo(CompareVerdict.WITHIN_NOISE);
        assertThat(row(CompareMetric.THROUGHPUT, base, new double[] {900}, 5.0).verdict())
                .isEqualTo(CompareVerdict.REGRESSION);
        assertThat(row(CompareMetric.THROUGHPUT, base, new double[] {1200}, 5.0).verdict())
                .isEqualTo(CompareVerdict.BETTER);
    }

    @Test
    void shouldTakeTheNoisierSideAndCompareMeans() {
        double[] quietBase = {1000, 1001, 999};
        double[] noisyNew = {900, 1100, 1000, 950, 1050};
        ComparisonRow row = row(CompareMetric.THROUGHPUT, quietBase, noisyNew, 1.0);
        assertThat(row.current()).isEqualTo(1000.0);
        assertThat(row.newSamples()).isEqualTo(5);
        assertThat(row.noise()).isEqualTo(200.0);
        assertThat(row.verdict()).isEqualTo(CompareVerdict.WITHIN_NOISE);
    }

    @Test
    void shouldCountEveryDifferenceBeyondTheHistogramPrecisionWithoutRepeats() {
        double[] base = {100 * MS};
        assertThat(row(CompareMetric.P99, base, new double[] {100.05 * MS}, 0.0).verdict())
                .isEqualTo(CompareVerdict.WITHIN_NOISE);
        assertThat(row(CompareMetric.P99, base, new double[] {100.2 * MS}, 0.1).verdict())
                .isEqualTo(CompareVerdict.REGRESSION);
        assertThat(row(CompareMetric.THROUGHPUT, new double[] {1000}, new double[] {999}, 0.0)
                        .verdict())
                .isEqualTo(CompareVerdict.REGRESSION);
    }

    @Test
    void shouldTreatAnyLossAfterNoneAsInfinitelyWorse() {
        ComparisonRow row = row(CompareMetric.LOSS, new double[] {0}, new double[] {0.01}, 50.0);
        assertThat(row.deltaPercent()).isNull();
        assertThat(row.deltaText()).isEqualTo("from 0");
        assertThat(row.verdict()).isEqualTo(CompareVerdict.REGRESSION);
        assertThat(row(CompareMetric.LOSS, new double[] {0, 0.02, 0.01}, new double[] {0.01}, 50.0)
                        .verdict())
                .isEqualTo(CompareVerdict.WITHIN_NOISE);
        assertThat(row(CompareMetric.LOSS, new double[] {0}, new double[] {0}, 0.0)
                        .verdict())
                .isEqualTo(CompareVerdict.WITHIN_NOISE);
    }

    @Test
    void shouldCompareEveryMetricOfEveryStrategyBothRan() {
        BaselineComparison c = GoldenReport.build().baseline();
        assertThat(c.rows()).hasSize(12);
        assertThat(c.rows())
                .extracting(r -> r.strategy() + " " + r.metric().token() + " "
                        + r.verdict().label())
                .containsExactly(
                        "naive throughput within noise",
                        "naive p50 within noise",
                        "naive p99 regression",
                        "naive p99.9 worse",
                        "naive max worse",
                        "naive loss within noise",
                        "tiered throughput better",
                        "tiered p50 better",
                        "tiered p99 within noise",
                        "tiered p99.9 within noise",
                        "tiered max within noise",
                        "tiered loss within noise");
        assertThat(c.hasRegression()).isTrue();
        assertThat(c.summary()).isEqualTo("1 regression: naive p99 +23.2% (limit 10%)");
        assertThat(c.limits()).isEqualTo("10% for every metric, p99.9 25%, max 50%");
    }

    @Test
    void shouldNoteStrategiesAndSettingsThatDiffer() {
        BenchResults base = Fixtures.results(List.of(Fixtures.naive()));
        BenchResults current = Fixtures.results(List.of(Fixtures.tiered()));
        BaselineComparison c = BaselineComparer.compare(
                new LoadedResults(Path.of("a.json"), base, null),
                new LoadedResults(Path.of("b.json"), current, null),
                RegressionLimits.NONE);
        assertThat(c.rows()).isEmpty();
        assertThat(c.onlyInBase()).containsExactly("naive");
        assertThat(c.onlyInNew()).containsExactly("tiered");
        assertThat(c.hasRegression()).isFalse();
        assertThat(c.summary()).isEqualTo("no regression (max regression: none)");
        assertThat(c.notes())
                .containsExactly("no repeats on either side: only differences within the latency histograms'"
                        + " precision (0.1%) count as noise; run bench --repeat N to measure the noise");
    }
}
