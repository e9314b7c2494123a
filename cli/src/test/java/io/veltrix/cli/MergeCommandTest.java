package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.veltrix.reports.slo.IntervalHistograms;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.HlogTags;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.ResultsJson;
import io.veltrix.scenarios.results.StrategyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two short real benches of the seed story's tiered strategy, merged through the command line. */
class MergeCommandTest {
    private static final Path SEED_STORY = Path.of("..", "scenarios", "examples", "seed-story.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path a;
    private static Path b;

    @BeforeAll
    static void bench() {
        a = bench("a", "tiered");
        b = bench("b", "tiered");
    }

    private static Path bench(String name, String strategy) {
        return bench(name, strategy, "off");
    }

    private static Path bench(String name, String strategy, String jfr) {
        Path out = dir.resolve(name);
        CliRun run = CliRun.of(
                "bench",
                SEED_STORY.toString(),
                "--strategy",
                strategy,
                "--duration",
                "1s",
                "--warmup",
                "500ms",
                "--jfr",
                jfr,
                "--quiet",
                "--format",
                "json",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.CHECK_FAILED);
        return out;
    }

    @Test
    void shouldCombineTheRunsFlightRecorderFigures() throws IOException {
        Path x = bench("jfr-x", "tiered", "on");
        Path y = bench("jfr-y", "tiered", "on");
        Path out = dir.resolve("merged-jfr");
        CliRun run = CliRun.of("merge", x.toString(), y.toString(), "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.CHECK_FAILED);
        JsonNode fx =
                strategy(JSON.readTree(x.resolve("results.json").toFile())).path("jfr");
        JsonNode fy =
                strategy(JSON.readTree(y.resolve("results.json").toFile())).path("jfr");
        JsonNode m = strategy(JSON.readTree(out.resolve("results.json").toFile()));
        JsonNode fm = m.path("jfr");
        assertThat(fx.path("allocatedBytes").asLong()).isPositive();
        assertThat(fm.path("allocatedBytes").asLong())
                .isEqualTo(fx.path("allocatedBytes").asLong()
                        + fy.path("allocatedBytes").asLong());
        assertThat(fm.path("gcCollections").asLong())
                .isEqualTo(fx.path("gcCollections").asLong()
                        + fy.path("gcCollections").asLong());
        assertThat(fm.path("gcPauseMaxNanos").asLong())
                .isEqualTo(Math.max(
                        fx.path("gcPauseMaxNanos").asLong(),
                        fy.path("gcPauseMaxNanos").asLong()));
        assertThat(fm.path("allocatedBytesPerEvent").asDouble())
                .isCloseTo(
                        (double) fm.path("allocatedBytes").asLong()
                                / m.path("measured").path("completed").asLong(),
                        org.assertj.core.data.Offset.offset(1e-6));
        assertThat(fm.path("topAllocationSites").size()).isBetween(1, 5);
        assertThat(fm.path("estimates").path("topAllocationSites").asText()).contains("Each machine's top 5 only");
    }

    @Test
    void shouldMergeTwoRunsIntoOneResultsFileAndItsReports() throws IOException {
        Path out = dir.resolve("merged");
        CliRun run = CliRun.of(
                "merge",
                a.toString(),
                b.resolve("results.json").toString(),
                "--out",
                out.toString(),
                "--format",
                "html,json,md,junit");

        // The seed story's SLOs are checked on the merged results: 0 or 1 depending on the machine, never 2 or 3.
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.CHECK_FAILED);
        JsonNode merged = JSON.readTree(out.resolve("results.json").toFile());
        JsonNode ra = JSON.readTree(a.resolve("results.json").toFile());
        JsonNode rb = JSON.readTree(b.resolve("results.json").toFile());
        assertThat(merged.path("schema").asText()).isEqualTo("veltrix-results/1");
        JsonNode m = merged.path("strategies").get(0);
        for (String count : new String[] {"submitted", "completed", "rejected", "evicted", "deadLettered", "retries"}) {
            assertThat(m.path("measured").path(count).asLong())
                    .as(count)
                    .isEqualTo(strategy(ra).path("measured").path(count).asLong()
                            + strategy(rb).path("measured").path(count).asLong());
        }
        assertThat(m.path("latency").path("endToEnd").path("count").asLong())
                .isEqualTo(m.path("measured").path("completed").asLong())
                .isPositive();
        assertThat(merged.path("mergedFrom")).hasSize(2);
        assertThat(merged.path("mergedFrom").get(0).path("file").asText())
                .isEqualTo(a.resolve("results.json").toString());
        assertThat(merged.path("mergedFrom").get(1).path("startedAt").asText())
                .isEqualTo(rb.path("startedAt").asText());
        for (String file : new String[] {"tiered.hlog", "report.html", "report.json", "report.md", "junit.xml"}) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(run.out())
                .contains("merged 2 runs:")
                .contains("results: " + out + " (results.json, tiered.hlog)")
                .contains("p99 < 20ms strategy=tiered type=payment")
                .contains("reports: report.html, report.json, report.md, junit.xml");

        // The merged results are results: report and compare read them.
        assertThat(CliRun.of("report", out.toString()).exitCode()).isEqualTo(ExitCode.OK);
        CliRun compare = CliRun.of("compare", a.toString(), out.toString());
        assertThat(compare.exitCode()).as(compare.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(out.resolve("report.html"))).contains("tiered");
    }

    @Test
    void shouldMergeEveryLatencyKindFromTheAddedHistogramsOfTheLogs() throws IOException {
        Path out = dir.resolve("exact");
        CliRun run = CliRun.of("merge", a.toString(), b.toString(), "--out", out.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.CHECK_FAILED);

        BenchResults merged = ResultsJson.read(out.resolve("results.json"));
        StrategyResult m = merged.strategy("tiered");
        IntervalHistograms logA = IntervalHistograms.read(Files.readAllBytes(a.resolve("tiered.hlog")));
        IntervalHistograms logB = IntervalHistograms.read(Files.readAllBytes(b.resolve("tiered.hlog")));
        assertThat(logA.hasKinds()).isTrue();
        for (HlogTags.Kind kind : HlogTags.Kind.values()) {
            Histogram added = new Histogram(3);
            for (IntervalHistograms log : List.of(logA, logB)) {
                log.intervals().forEach(i -> i.kinds().get(kind).values().forEach(added::add));
            }
            LatencySummary got = kind.summaryIn(m.latency());
            assertThat(got.count())
                    .as(kind.tagName())
                    .isEqualTo(added.getTotalCount())
                    .isPositive();
            assertThat(got.p50()).as(kind.tagName()).isEqualTo(added.getValueAtPercentile(50));
            assertThat(got.p99()).as(kind.tagName()).isEqualTo(added.getValueAtPercentile(99));
            assertThat(got.max()).as(kind.tagName()).isEqualTo(added.getMaxValue());
        }
        Histogram lag = new Histogram(3);
        for (IntervalHistograms log : List.of(logA, logB)) {
            log.intervals().forEach(i -> lag.add(i.lag()));
        }
        assertThat(m.generator().lag()).isEqualTo(LatencySummary.of(lag));
        assertThat(m.warnings().get(0))
                .startsWith("merged from 2 runs (")
                .endsWith("counts and every latency (end-to-end, uncorrected, queue delay, service, generator lag)"
                        + " are exact: the runs' .hlog histograms added");
    }

    @Test
    void shouldBoundTheOtherKindsOfAnOlderRunAndStillReportAndCompareIt() throws IOException {
        // b as written before the other kinds were kept: its .hlog holds only the end-to-end histograms.
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        Files.copy(b.resolve("results.json"), old.resolve("results.json"));
        List<String> lines = Files.readAllLines(b.resolve("tiered.hlog"));
        lines.removeIf(
                l -> l.startsWith("Tag=") && l.substring(0, l.indexOf(',')).contains(":"));
        Files.write(old.resolve("tiered.hlog"), lines);
        assertThat(IntervalHistograms.read(Files.readAllBytes(old.resolve("tiered.hlog")))
                        .hasKinds())
                .isFalse();

        Path out = dir.resolve("bounded");
        CliRun run = CliRun.of("merge", a.toString(), old.toString(), "--out", out.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.CHECK_FAILED);

        StrategyResult m = ResultsJson.read(out.resolve("results.json")).strategy("tiered");
        BenchResults oldResults = ResultsJson.read(old.resolve("results.json"));
        String oldHost = oldResults.environment().hostname();
        assertThat(m.warnings().get(0))
                .contains("counts and end-to-end latencies are exact sums; uncorrected, queue-delay, service and"
                        + " generator-lag percentiles are an upper bound (the largest of the runs') because the .hlog"
                        + " of " + oldHost + " (" + old.resolve("results.json") + ") holds only end-to-end latency"
                        + " (written before veltrix kept every latency kind); the other runs' histograms of them are"
                        + " added");
        LatencySummary oldService = oldResults.strategy("tiered").latency().service();
        assertThat(m.latency().service().p99()).isGreaterThanOrEqualTo(oldService.p99());
        assertThat(m.latency().service().max()).isGreaterThanOrEqualTo(oldService.max());

        // report and compare read a run of either format.
        for (Path r : List.of(old, a)) {
            CliRun report = CliRun.of(
                    "report",
                    r.toString(),
                    "--out",
                    dir.resolve("report-" + r.getFileName() + ".html").toString());
            assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCode.OK);
        }
        assertThat(Files.readString(dir.resolve("report-old.html"))).contains("tiered");
        CliRun compare = CliRun.of("compare", old.toString(), a.toString());
        assertThat(compare.exitCode()).as(compare.err()).isIn(ExitCode.OK, ExitCode.CHECK_FAILED);
        assertThat(compare.out()).contains("tiered");
    }

    @Test
    void shouldRefuseRunsOfOtherStrategiesTheSameRunTwiceAndMissingRuns() {
        Path naive = bench("naive", "naive");
        CliRun other = CliRun.of(
                "merge",
                a.toString(),
                naive.toString(),
                "--out",
                dir.resolve("x").toString());
        assertThat(other.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(other.err())
                .isEqualTo("error: " + naive.resolve("results.json") + " and " + a.resolve("results.json")
                        + " are not runs of the same scenario: strategies [naive] against [tiered]\n");

        CliRun twice = CliRun.of(
                "merge",
                a.toString(),
                b.toString(),
                a.toString(),
                "--out",
                dir.resolve("y").toString());
        assertThat(twice.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(twice.err()).contains(a.resolve("results.json") + ": given twice");

        CliRun missing = CliRun.of("merge", a.toString(), dir.resolve("none").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).startsWith("error: " + dir.resolve("none") + ": no such file");

        CliRun over = CliRun.of("merge", a.toString(), b.toString(), "--out", a.toString());
        assertThat(over.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(over.err()).contains("--out " + a + " is the directory of");

        assertThat(CliRun.of("merge").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(dir.resolve("y")).doesNotExist();
    }

    private static JsonNode strategy(JsonNode results) {
        return results.path("strategies").get(0);
    }
}
