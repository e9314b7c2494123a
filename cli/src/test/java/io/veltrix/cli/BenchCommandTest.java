package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.veltrix.reports.jfr.AllocationSummary;
import io.veltrix.reports.jfr.ExecutionProfile;
import io.veltrix.reports.jfr.GcSummary;
import io.veltrix.reports.jfr.JfrAnalysis;
import io.veltrix.reports.jfr.JfrAnalyzer;
import io.veltrix.reports.jfr.JfrInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    private static final Path SEED_STORY = Path.of("..", "scenarios", "examples", "seed-story.yaml");

    @Test
    void shouldBenchTheSeedStoryAndWriteEveryFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        CliRun run = CliRun.of(
                "bench", SEED_STORY.toString(), "--duration", "3s", "--warmup", "1s", "--out", out.toString());

        // The seed story's own SLOs decide between 0 and 1 on this machine (BenchChecksTest covers the checks).
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.CHECK_FAILED);
        JsonNode results =
                new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.path("schema").asText()).isEqualTo("veltrix-results/1");
        assertThat(results.path("partial").asBoolean()).isFalse();
        assertThat(results.path("scenario").path("overrides").path("duration").asText())
                .isEqualTo("3s");
        assertThat(results.path("strategies"))
                .extracting(s -> s.path("name").asText())
                .containsExactly("naive", "tiered");
        for (JsonNode s : results.path("strategies")) {
            String name = s.path("name").asText();
            assertThat(s.path("invariantViolations")).isEmpty();
            assertThat(s.path("jfrFile").asText())
                    .as(s.path("warnings").toString())
                    .isEqualTo(name + ".jfr");
            assertThat(hlogTotal(out.resolve(name + ".hlog")))
                    .isEqualTo(s.path("measured").path("completed").asLong())
                    .isPositive();
            Path jfr = out.resolve(name + ".jfr");
            assertThat(Files.size(jfr)).isPositive();
            List<RecordedEvent> intervals = RecordingFile.readAllEvents(jfr).stream()
                    .filter(e -> e.getEventType().getName().equals("io.veltrix.LatencyInterval"))
                    .toList();
            assertThat(intervals).isNotEmpty();
            assertThat(intervals)
                    .allSatisfy(e -> assertThat(e.getString("engine")).isEqualTo(name));
            // The recording covers the whole measured part but not the warm-up: its latencies count every measured
            // completion, plus those that ended between the restart of the engine's JFR intervals and the boundary
            // snapshot just after it (a few; more when the machine is busy), never the whole warm-up.
            long measured = s.path("measured").path("completed").asLong();
            long wholeRun = s.path("wholeRun").path("completed").asLong();
            long recorded = intervals.stream()
                    .filter(e -> e.getString("metric").equals("end-to-end"))
                    .mapToLong(e -> e.getLong("count"))
                    .sum();
            assertThat(recorded).isGreaterThanOrEqualTo(measured).isLessThan(wholeRun);
            assertJfrFigures(s, jfr);
        }
        List<String> lines = run.out().lines().toList();
        assertThat(lines)
                .anyMatch(l -> l.matches("strategy\\s+throughput\\s+p50\\s+p99\\s+p99\\.9\\s+max\\s+loss %"
                        + "\\s+retries\\s+dead letters"));
        assertThat(lines).anyMatch(l -> l.startsWith("naive ") && l.contains("/s"));
        assertThat(lines).anyMatch(l -> l.startsWith("tiered ") && l.contains("/s"));
        assertThat(lines).anyMatch(l -> l.matches("(naive|tiered): .*x the throughput of (naive|tiered).*"));
        assertThat(lines)
                .contains("results: " + out + " (results.json, naive.hlog, naive.jfr, tiered.hlog, tiered.jfr)");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("reports: report.html, report.json");
        assertThat(Files.readString(out.resolve("report.html")))
                .startsWith("<!DOCTYPE html>")
                .contains("naive", "tiered");
        // Each strategy's recording, analysed: allocation, GC, CPU, allocation sites and hot methods.
        JsonNode jfr =
                new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("jfr");
        for (String strategy : List.of("naive", "tiered")) {
            JsonNode figures = jfr.path(strategy);
            assertThat(figures.has("problem")).as(figures.toString()).isFalse();
            assertThat(figures.path("hotMethodsSamples").size())
                    .as(figures.toString())
                    .isBetween(1, 5);
            assertThat(figures.has("gcPauseMaxMs")).isTrue();
            assertThat(figures.path("allocationEstimate").asText())
                    .isEqualTo("sum of jdk.ObjectAllocationSample weights");
        }
        assertThat(run.out()).as("not a terminal: plain lines, no colour").doesNotContain("\r", "\u001B");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(
                            "naive.hlog",
                            "naive.jfr",
                            "report.html",
                            "report.json",
                            "results.json",
                            "tiered.hlog",
                            "tiered.jfr");
        }
    }

    /**
     * results.json carries, per strategy, what its recording says: the same figures as an analysis of the file made
     * here, bytes per event = allocation / measured completions, at most five sites and hot methods, heaviest first,
     * and the estimates named.
     */
    private static void assertJfrFigures(JsonNode strategy, Path recording) throws IOException {
        JsonNode jfr = strategy.path("jfr");
        assertThat(jfr.isObject()).as(strategy.toString()).isTrue();
        assertThat(jfr.path("problem").isNull()).as(jfr.toString()).isTrue();
        JfrAnalysis analysis;
        try {
            analysis = JfrAnalyzer.standard().analyze(List.of(recording));
        } catch (JfrInputException e) {
            throw new AssertionError(e);
        }
        AllocationSummary allocation = analysis.section(AllocationSummary.class).orElseThrow();
        GcSummary gc = analysis.section(GcSummary.class).orElseThrow();
        ExecutionProfile execution = analysis.section(ExecutionProfile.class).orElseThrow();

        long completed = strategy.path("measured").path("completed").asLong();
        long allocated = jfr.path("allocatedBytes").asLong();
        assertThat(allocated).isEqualTo(allocation.sampledBytes()).isPositive();
        assertThat(jfr.path("allocatedBytesPerEvent").asDouble()).isEqualTo((double) allocated / completed);
        assertThat(jfr.path("allocationBytesPerSecond").asDouble())
                .isEqualTo(allocation.sampledBytesPerSecond())
                .isPositive();
        assertThat(jfr.path("excludedFirstSampleBytes").asLong()).isEqualTo(allocation.excludedFirstSampleBytes());
        assertThat(jfr.path("estimates").path("allocatedBytes").asText())
                .startsWith("sum of the weights of jdk.ObjectAllocationSample (throttle ");
        assertThat(jfr.path("estimates").has("allocatedBytesPerEvent")).isTrue();
        assertThat(jfr.path("estimates").has("topAllocationSites")).isTrue();

        JsonNode sites = jfr.path("topAllocationSites");
        assertThat(sites.size())
                .isBetween(1, 5)
                .isEqualTo(Math.min(5, allocation.topSites().size()));
        assertThat(sites.get(0).path("site").asText())
                .isEqualTo(allocation.topSites().get(0).key());
        long previous = Long.MAX_VALUE;
        for (JsonNode site : sites) {
            long bytes = site.path("bytes").asLong();
            assertThat(bytes).isPositive().isLessThanOrEqualTo(previous).isLessThanOrEqualTo(allocated);
            assertThat(site.path("percent").asDouble()).isCloseTo(100.0 * bytes / allocated, within(0.005));
            previous = bytes;
        }

        assertThat(jfr.path("gcCollections").asLong()).isEqualTo(gc.collections());
        assertThat(jfr.path("gcPauseTotalNanos").asLong())
                .isEqualTo(gc.collections() == 0 ? 0 : gc.pauseTotal().toNanos());
        assertThat(jfr.path("gcPauseMaxNanos").asLong())
                .isLessThanOrEqualTo(jfr.path("gcPauseTotalNanos").asLong());

        assertThat(jfr.path("cpuJvmMeanPercent").asDouble())
                .isBetween(0.0, 100.001)
                .isLessThanOrEqualTo(jfr.path("cpuJvmMaxPercent").asDouble());

        assertThat(jfr.path("executionSamples").asLong()).isEqualTo(execution.samples());
        JsonNode methods = jfr.path("hotMethods");
        assertThat(methods.size()).isEqualTo(Math.min(5, execution.hotMethods().size()));
        for (int i = 0; i < methods.size(); i++) {
            assertThat(methods.get(i).path("method").asText())
                    .isEqualTo(execution.hotMethods().get(i).key());
            assertThat(methods.get(i).path("samples").asLong())
                    .isEqualTo(execution.hotMethods().get(i).count());
        }
    }

    private static long hlogTotal(Path file) throws IOException {
        long total = 0;
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                if (h.getTag() == null) {
                    total += ((org.HdrHistogram.Histogram) h).getTotalCount();
                }
            }
        }
        return total;
    }

    @Test
    void shouldPrintEveryProblemOfABadFileAndWriteNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                name: bad
                duration: 10s
                load: {poisson: {rate: 1k/s}}
                events:
                  - {name: a, tier: hgh, service: 1ms}
                strategies:
                  - name: s
                    sizing: {fixed: {capcity: 64}}
                """);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("bench", file.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines())
                .containsExactly(
                        file + ":5:21: error: events[0].tier: unknown tier 'hgh'; expected one of critical, high,"
                                + " normal, low; did you mean 'high'?",
                        file + ":8:22: error: unknown key 'capcity' in strategies[0].sizing.fixed; did you mean"
                                + " 'capacity'?");
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void shouldNameTheKnownStrategiesForAnUnknownOne(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("bench", SEED_STORY.toString(), "--strategy", "fancy", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("error: --strategy: unknown strategy 'fancy'; seed-story has naive, tiered\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void shouldRefuseABadDurationNamingTheOption(@TempDir Path dir) {
        CliRun run = CliRun.of("bench", SEED_STORY.toString(), "--duration", "3 s", "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--duration");
    }

    @Test
    void shouldRefuseAnUnknownJfrSetting(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("bench", SEED_STORY.toString(), "--jfr", "sometimes", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("error: --jfr: expected off, on, profile or a .jfc configuration file, was 'sometimes'\n");
        assertThat(out).doesNotExist();
    }
}
