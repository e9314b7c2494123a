package io.veltrix.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.StrategyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PercentileDistributionTest {
    @TempDir
    Path dir;

    @Test
    void shouldAddTheUntaggedIntervalsOfTheHlog() throws IOException {
        HlogFiles.writeUniform(dir.resolve("naive.hlog"), 10_000, 1_000);

        Histogram all = PercentileDistribution.readAllTypes(dir.resolve("naive.hlog"));

        assertThat(all.getTotalCount()).isEqualTo(10_000);
        // The tagged intervals hold ten times the values: leaving them out keeps the maximum at 10 ms.
        assertThat(all.getMaxValue()).isEqualTo(all.highestEquivalentValue(10_000_000));
        assertThat(all.getValueAtPercentile(50)).isEqualTo(all.highestEquivalentValue(5_000_000));
    }

    @Test
    void shouldPlaceEachPercentileAtOneOverOneMinusP() throws IOException {
        HlogFiles.writeUniform(dir.resolve("naive.hlog"), 10_000, 1_000);
        StrategyResult naive = SampleResults.seedStory().strategy("naive");

        PercentileDistribution d = PercentileDistribution.of(naive, dir);

        assertThat(d.exact()).isTrue();
        assertThat(d.count()).isEqualTo(10_000);
        assertThat(d.points().get(0)).containsExactly(1.0, 1_000.0); // 0% at x = 1: the minimum, 1 us
        for (double[] p : d.points()) {
            double percentile = 100 * (1 - 1 / p[0]);
            // Uniform 1..10,000 us: the latency at percentile q is q% of 10 ms, within HdrHistogram's 0.1%.
            assertThat(p[1]).isCloseTo(Math.max(1_000, percentile * 100_000), offset(0.002 * 10_000_000 + 1_000));
        }
        assertThat(d.points()).isSortedAccordingTo((a, b) -> Double.compare(a[0], b[0]));
    }

    @Test
    void shouldFallBackToTheSummaryWhenTheHlogIsMissingEmptyOrDamaged() throws IOException {
        StrategyResult tiered = SampleResults.seedStory().strategy("tiered");
        String header = "#[StartTime: 1.0 (seconds since epoch)]\n"
                + "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n";

        PercentileDistribution missing = PercentileDistribution.of(tiered, dir);
        Files.writeString(dir.resolve("tiered.hlog"), header);
        PercentileDistribution empty = PercentileDistribution.of(tiered, dir);
        Files.writeString(dir.resolve("tiered.hlog"), header + "0.000,1.000,1.000,HISTFAAAAB1oops\n");
        PercentileDistribution damaged = PercentileDistribution.of(tiered, dir);

        assertThat(missing.exact()).isFalse();
        assertThat(missing.source()).contains("(no .hlog found: p50, p90, p99, p99.9, p99.99 and max only)");
        assertThat(empty.source()).contains("(tiered.hlog holds no latencies: ");
        assertThat(damaged.exact()).isFalse();
        // What the decoder says differs between JDKs (17: the exception's class, 25: its bounds message).
        assertThat(damaged.source())
                .startsWith("from the summary percentiles of results.json (cannot read tiered.hlog: ")
                .endsWith(": p50, p90, p99, p99.9, p99.99 and max only)");
        assertThat(damaged.points()).hasSize(6);
    }

    @Test
    void shouldDrawOnlyThePercentilesThatTheCountCanTellApartFromTheMaximum() {
        LatencySummary small = new LatencySummary(150, 1e6, 100, 200, 300, 400, 500, 600);

        PercentileDistribution d = PercentileDistribution.ofSummary(small, "no .hlog found");

        // p50 at 2, p90 at 10, p99 at 100; p99.9 (x = 1000) needs 1000 latencies; the maximum sits at x = 150.
        assertThat(d.points()).hasSize(4);
        assertThat(d.points().get(2)).containsExactly(100.0, 300.0);
        assertThat(d.points().get(3)).containsExactly(150.0, 600.0);
    }
}
