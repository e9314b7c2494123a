package io.veltrix.scenarios.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.LatencySet;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.ScenarioInfo;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TierResult;
import io.veltrix.scenarios.results.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

    static StrategyResult strategy(
            String name, double throughput, long p50, long p99, long max, long submitted, long rejected, long retries) {
        LatencySummary e2e = new LatencySummary(1000, p50, p50, p50, p99, p99, max, max);
        LatencySet latency = new LatencySet(e2e, e2e, e2e, e2e);
        MeasuredCounts measured = MeasuredCounts.of(submitted, submitted - rejected, 0, rejected, 0, retries, 0);
        MeasuredCounts tierCounts = MeasuredCounts.of(submitted / 2, submitted / 2, 0, 0, 0, 0, 0);
        List<TierResult> tiers = List.of(
                new TierResult("critical", List.of("pay"), tierCounts, latency),
                new TierResult("low", List.of("report"), measured, latency));
        return new StrategyResult(
                name,
                true,
                null,
                20.0,
                throughput,
                5000.0,
                measured,
                null,
                latency,
                List.of(),
                tiers,
                Map.of(),
                Map.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                name + ".hlog",
                null,
                null);
    }

    private static final List<StrategyResult> TWO = List.of(
            strategy("naive", 4_050.4, 3_980_000, 117_000_000, 126_000_000, 100_000, 20_670, 0),
            strategy("tiered", 4_987.0, 2_850_000, 8_300_000, 41_000_000, 100_000, 0, 19));

    @Test
    void shouldMarkTheBestValueOfEachColumn() {
        assertThat(ComparisonTable.lines(TWO, false))
                .containsExactly(
                        "strategy  throughput      p50      p99    p99.9      max   loss %   retries   dead letters",
                        "naive        4,050/s   3.98ms    117ms    117ms    126ms   20.67%         0*             0*",
                        "tiered       4,987/s*  2.85ms*  8.30ms*  8.30ms*  41.0ms*   0.00%*       19              0*");
    }

    @Test
    void shouldUseBoldOnlyWhenColoursAreAllowed() {
        List<String> lines = ComparisonTable.lines(TWO, true);
        assertThat(lines.get(2)).contains("\u001B[1m4,987/s*\u001B[0m");
        assertThat(lines.get(1)).doesNotContain("\u001B[1m4,050/s");
        assertThat(String.join("\n", ComparisonTable.lines(TWO, false))).doesNotContain("\u001B");
    }

    @Test
    void shouldSayWhichStrategyWonAndByHowMuch() {
        BenchResults results = new BenchResults(BenchResults.SCHEMA, null, null, "", "", false, TWO, null);
        assertThat(Verdict.of(results))
                .isEqualTo("tiered: 1.2x the throughput of naive, p99 14.1x lower, loss 0.00% vs 20.67%; critical tier:"
                        + " p99 14.1x lower");
        assertThat(Verdict.of(
                        new BenchResults(BenchResults.SCHEMA, null, null, "", "", false, TWO.subList(0, 1), null)))
                .isNull();
    }

    @Test
    void shouldShowWhereLatencyAndLossFellByTier() {
        assertThat(ComparisonTable.tierLines(TWO))
                .containsExactly(
                        "p99 / loss by tier        critical             low",
                        "naive                117ms / 0.00%  117ms / 20.67%",
                        "tiered              8.30ms / 0.00%  8.30ms / 0.00%");
    }

    @Test
    void shouldEndWithWhereTheResultsWent() {
        ScenarioInfo scenario =
                new ScenarioInfo("seed-story", "", 42, "s.yaml", "", null, 20, 3, "poisson 5000/s", 115000.0);
        BenchResults results = new BenchResults(BenchResults.SCHEMA, scenario, null, "", "", true, TWO, "verdict");
        List<String> lines = FinalReport.lines(results, Path.of("out"), false);
        assertThat(lines.get(0))
                .isEqualTo("seed-story: poisson 5000/s, 20s measured after 3s warm-up, seed 42 (interrupted: partial"
                        + " results)");
        assertThat(lines).contains("verdict");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("results: out (results.json, naive.hlog, tiered.hlog)");
    }
}
