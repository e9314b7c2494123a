package io.veltrix.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparisonTableTest {
    private static ComparisonTable.Column column(String header) {
        return ComparisonTable.COLUMNS.stream()
                .filter(c -> c.header().equals(header))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldWriteSmallDistancesAsPercentagesAndLargeOnesAsRatios() {
        ComparisonTable.Column p99 = column("p99");

        assertThat(ComparisonTable.delta(p99, 10.4e6, 10.0e6)).isEqualTo("+4.0%");
        assertThat(ComparisonTable.delta(p99, 15e6, 10e6)).isEqualTo("+50%");
        assertThat(ComparisonTable.delta(p99, 20e6, 10e6)).isEqualTo("×2.0");
        assertThat(ComparisonTable.delta(p99, 145e6, 9.8e6)).isEqualTo("×14.8");
    }

    @Test
    void shouldWriteLowerThroughputAsAShareBelowTheBest() {
        ComparisonTable.Column throughput = column("throughput");

        assertThat(ComparisonTable.delta(throughput, 4_612, 5_480)).isEqualTo("−16%");
        assertThat(ComparisonTable.delta(throughput, 5_470, 5_480)).isEqualTo("−0.2%");
    }

    @Test
    void shouldWriteLossDistancesInPercentagePointsAndCountsAboveZeroAsCounts() {
        assertThat(ComparisonTable.delta(column("loss"), 16.1454, 0.35)).isEqualTo("+15.80 pp");
        assertThat(ComparisonTable.delta(column("dead letters"), 1_210, 0)).isEqualTo("+1,210");
    }

    @Test
    void shouldFindTheBestOfEachColumnInItsDirection() {
        var strategies = SampleResults.seedStory().strategies();

        assertThat(ComparisonTable.best(strategies, column("throughput"))).isEqualTo(5_480.0);
        assertThat(ComparisonTable.best(strategies, column("p99"))).isEqualTo(9_800_000.0);
        assertThat(ComparisonTable.best(strategies, column("evicted"))).isZero();
    }
}
