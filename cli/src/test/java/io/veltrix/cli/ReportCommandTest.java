package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.EngineConfigResult;
import io.veltrix.scenarios.results.EnvironmentInfo;
import io.veltrix.scenarios.results.GeneratorStats;
import io.veltrix.scenarios.results.LatencySet;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.QueuePoint;
import io.veltrix.scenarios.results.ResultsWriter;
import io.veltrix.scenarios.results.RunCounts;
import io.veltrix.scenarios.results.ScenarioInfo;
import io.veltrix.scenarios.results.ShutdownResult;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TimelinePoint;
import io.veltrix.scenarios.results.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    /** A run's directory as bench writes it: results.json of two strategies (no .hlog files). */
    private Path run() throws IOException {
        List<StrategyResult> strategies =
                List.of(strategy("fixed", 3_000, 40_000_000), strategy("dynamic", 4_000, 8_000_000));
        BenchResults partial = new BenchResults(
                BenchResults.SCHEMA,
                new ScenarioInfo(
                        "demo",
                        "Two strategies",
                        7,
                        "demo.yaml",
                        "name: demo\n",
                        null,
                        2,
                        1,
                        "constant 4000/s",
                        12_000.0),
                new EnvironmentInfo(
                        "Vendor", "17.0.1", "VM", 2, 1L << 30, "Linux", "6.1", "amd64", "host", "0.1.0", null),
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:08Z",
                false,
                strategies,
                null);
        BenchResults results = new BenchResults(
                partial.schema(),
                partial.scenario(),
                partial.environment(),
                partial.startedAt(),
                partial.endedAt(),
                false,
                strategies,
                Verdict.of(partial));
        Path run = dir.resolve("demo-20260101-000000");
        ResultsWriter.write(run, results, Map.of());
        return run;
    }

    private static StrategyResult strategy(String name, double throughput, long p99) {
        LatencySummary latency = new LatencySummary(8_000, p99 / 4.0, p99 / 8, p99 / 2, p99, p99 * 2, p99 * 3, p99 * 4);
        MeasuredCounts counts =
                MeasuredCounts.of(8_000, (long) (throughput * 2), 0, 8_000 - (long) (throughput * 2), 0, 0, 0);
        List<TimelinePoint> timeline = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            timeline.add(new TimelinePoint(
                    s,
                    s + 1,
                    s == 0 ? "warmup" : "measured",
                    4_000,
                    (long) throughput,
                    (long) throughput,
                    4_000 - (long) throughput,
                    0,
                    0,
                    0,
                    10,
                    p99 / 8,
                    p99,
                    p99 * 4,
                    1L << 27,
                    0L,
                    0L,
                    List.of(new QueuePoint("shared", 100 + s, 128, 128))));
        }
        return new StrategyResult(
                name,
                true,
                new EngineConfigResult(
                        name,
                        "single",
                        List.of("normal"),
                        "strict",
                        Map.of(),
                        1,
                        16,
                        "backoff",
                        "1s",
                        "fixed(capacity=128)",
                        "reject",
                        "none",
                        List.of(),
                        List.of()),
                2,
                throughput,
                4_000,
                counts,
                new RunCounts(12_000, 9_000, 0, 3_000, 0, 0, 0, 0),
                new LatencySet(latency, latency, latency, latency),
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                new GeneratorStats("open", 1, 8_000, 0, -1, 0, 0, null, null, 0, List.of()),
                timeline,
                List.of(),
                List.of(),
                new ShutdownResult(true, 0.1, 0, 0, 0, 0, 0),
                name + ".hlog",
                null,
                null);
    }

    @Test
    void shouldWriteReportHtmlBesideTheResultsOfARunsDirectory() throws IOException {
        Path run = run();

        CliRun cli = CliRun.of("report", run.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
        Path report = run.resolve("report.html");
        assertThat(cli.out()).matches("report: " + Pattern.quote(report.toString()) + " \\(1\\.\\d MB\\)\\R");
        assertThat(Files.readString(report))
                .contains("<title>Veltrix report: demo</title>")
                .contains("<strong id=\"winner\">dynamic</strong> wins")
                .contains("dynamic: 1.3x the throughput of fixed, p99 5.0x lower, loss 0.00% vs 25.00%")
                .contains("<strong>fixed</strong> from the summary percentiles of results.json (no .hlog found");
    }

    @Test
    void shouldWriteTheReportWhereOutSaysFromAResultsFile() throws IOException {
        Path results = run().resolve("results.json");
        Path out = dir.resolve("artifacts/demo.html");

        CliRun cli = CliRun.of("report", "--out", out.toString(), results.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(out)).contains("<section id=\"verdict\">");
        assertThat(results.resolveSibling("report.html")).doesNotExist();
    }

    @Test
    void shouldExitWithTwoWhenTheDirectoryHasNoResults() {
        CliRun cli = CliRun.of("report", dir.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("error: " + dir + " has no results.json: name a run's directory (as written by veltrix"
                        + " bench) or its results file\n");
    }

    @Test
    void shouldExitWithTwoWhenTheFileIsNotResults() throws IOException {
        Path other = Files.writeString(dir.resolve("results.json"), "{\"schema\": \"something-else/3\"}");

        CliRun cli = CliRun.of("report", other.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err()).isEqualTo("error: " + other + ": schema 'something-else/3' is not veltrix-results/1\n");
    }

    @Test
    void shouldBeListedInTheHelp() {
        assertThat(CliRun.of("--help").out()).containsPattern("\\n\\s+report\\s+Writes a run's HTML report");
    }
}
