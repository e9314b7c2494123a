package io.veltrix.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.HlogTags;
import io.veltrix.scenarios.results.ResultsJson;
import io.veltrix.scenarios.results.ResultsSchemaTest;
import io.veltrix.scenarios.results.ResultsWriter;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TypeResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One short bench of two strategies written to a directory: results.json and the .hlog files. */
class ResultsFilesTest {
    private static final String YAML = """
            name: files
            seed: 11
            duration: 2s
            warmup: 500ms
            load: {poisson: {rate: 1500/s}}
            events:
              - {name: pay, share: 1, tier: critical, service: {exponential: {mean: 40us}}}
              - {name: order, share: 2, tier: normal, service: {uniform: {min: 10us, max: 60us}}}
              - name: report
                share: 2
                tier: low
                service: 30us
                failures: {rate: 5%}
            engine: {workers: 1, tiers: [critical, normal, low]}
            strategies:
              - name: naive
                topology: single
                sizing: {fixed: {capacity: 64}}
              - name: tiered
                topology: tiered
                sizing: {dynamic: {min: 32, max: 1024, initial: 64, target-delay: 5ms}}
                retry:
                  fixed: {delay: 1ms}
                  max-attempts: 3
            """;

    @TempDir
    static Path directory;

    private static BenchResults results;
    private static JsonNode json;

    @BeforeAll
    static void runOnce() throws Exception {
        Scenario scenario = TestScenarios.of(YAML);
        Bench.BenchOutcome outcome;
        try (Bench bench = Bench.prepare(
                Path.of("files.yaml"), YAML, scenario, BenchOptions.DEFAULTS.withVeltrixVersion("test-version"))) {
            outcome = bench.run(RunListener.NONE, new StopSignal());
        }
        results = outcome.results();
        ResultsWriter.write(directory, results, outcome.hlogs());
        json = new ObjectMapper().readTree(directory.resolve("results.json").toFile());
    }

    @Test
    void shouldWriteWhatItsJsonSchemaDescribes() {
        assertThat(ResultsSchemaTest.problems(json)).isEmpty();
    }

    @Test
    void shouldWriteTheSchemaScenarioAndEnvironment() {
        assertThat(json.path("schema").asText()).isEqualTo("veltrix-results/1");
        assertThat(json.path("partial").asBoolean(true)).isFalse();
        JsonNode scenario = json.path("scenario");
        assertThat(scenario.path("name").asText()).isEqualTo("files");
        assertThat(scenario.path("seed").asLong()).isEqualTo(11);
        assertThat(scenario.path("file").asText()).isEqualTo("files.yaml");
        assertThat(scenario.path("yaml").asText()).isEqualTo(YAML);
        assertThat(scenario.path("durationSeconds").asDouble()).isEqualTo(2.0);
        assertThat(scenario.path("warmupSeconds").asDouble()).isEqualTo(0.5);
        assertThat(scenario.path("load").asText()).isEqualTo("poisson 1500/s");
        JsonNode environment = json.path("environment");
        assertThat(environment.path("cpus").asInt())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(environment.path("jdkVersion").asText()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(environment.path("veltrixVersion").asText()).isEqualTo("test-version");
        assertThat(json.path("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.path("verdict").asText()).matches("(naive|tiered): .*x the throughput of (naive|tiered).*");
    }

    @Test
    void shouldWriteEveryStrategyWithOrderedPercentilesPerTypeAndPerTier() {
        JsonNode strategies = json.path("strategies");
        assertThat(strategies).hasSize(2);
        assertThat(strategies.get(0).path("name").asText()).isEqualTo("naive");
        assertThat(strategies.get(1).path("name").asText()).isEqualTo("tiered");
        for (JsonNode s : strategies) {
            assertThat(s.path("invariantViolations")).isEmpty();
            assertOrdered(s.path("latency").path("endToEnd"));
            assertOrdered(s.path("latency").path("uncorrected"));
            assertOrdered(s.path("latency").path("queueDelay"));
            assertOrdered(s.path("latency").path("service"));
            assertThat(s.path("types"))
                    .extracting(t -> t.path("name").asText())
                    .containsExactly("pay", "order", "report");
            for (JsonNode t : s.path("types")) {
                assertOrdered(t.path("latency").path("endToEnd"));
                assertOrdered(t.path("latency").path("service"));
            }
            assertThat(s.path("tiers"))
                    .extracting(t -> t.path("name").asText())
                    .containsExactly("critical", "normal", "low");
            for (JsonNode t : s.path("tiers")) {
                assertOrdered(t.path("latency").path("endToEnd"));
            }
            assertThat(s.path("engine").path("topology").asText()).isIn("single", "tiered");
            assertThat(s.path("timeline").size()).isGreaterThanOrEqualTo(3);
            assertThat(s.path("timeline").get(0).path("phase").asText()).isEqualTo("warmup");
            assertThat(s.path("hlogFile").asText()).isEqualTo(s.path("name").asText() + ".hlog");
            assertThat(s.path("jfrFile").isNull()).isTrue();
            assertThat(s.path("generator").path("model").asText()).isEqualTo("open");
            assertThat(s.path("deadLettersByReason").has("max-attempts")).isTrue();
        }
        assertThat(strategies.get(0).path("engine").path("sizing").asText()).isEqualTo("fixed(64)");
    }

    private static void assertOrdered(JsonNode latency) {
        assertThat(latency.path("count").asLong()).as("count in %s", latency).isPositive();
        long p50 = latency.path("p50").asLong();
        long p90 = latency.path("p90").asLong();
        long p99 = latency.path("p99").asLong();
        long p999 = latency.path("p99_9").asLong();
        long p9999 = latency.path("p99_99").asLong();
        long max = latency.path("max").asLong();
        assertThat(p50).as("p50 in %s", latency).isPositive().isLessThanOrEqualTo(p90);
        assertThat(p90).isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(p999);
        assertThat(p999).isLessThanOrEqualTo(p9999);
        assertThat(p9999).isLessThanOrEqualTo(max);
    }

    @Test
    void shouldCountExactlyTheMeasuredCompletionsInTheHistogramLog() throws Exception {
        for (StrategyResult s : results.strategies()) {
            File log = directory.resolve(s.name() + ".hlog").toFile();
            long total = 0;
            Map<String, Long> byTag = new HashMap<>();
            int intervals = 0;
            try (HistogramLogReader reader = new HistogramLogReader(log)) {
                for (EncodableHistogram h = reader.nextIntervalHistogram();
                        h != null;
                        h = reader.nextIntervalHistogram()) {
                    long count = ((org.HdrHistogram.Histogram) h).getTotalCount();
                    if (h.getTag() == null) {
                        total += count;
                        intervals++;
                    } else {
                        byTag.merge(h.getTag(), count, Long::sum);
                    }
                }
            }
            assertThat(total)
                    .as(s.name() + ": untagged total")
                    .isEqualTo(s.measured().completed());
            assertThat(intervals)
                    .as("about one interval per measured second, plus the drain")
                    .isBetween(2, 4);
            for (TypeResult t : s.types()) {
                assertThat(byTag.get(t.name()))
                        .as(s.name() + "/" + t.name())
                        .isEqualTo(t.measured().completed());
            }
        }
    }

    @Test
    void shouldLogEveryOtherLatencyKindPerTypeAndTheGeneratorsLag() throws Exception {
        for (StrategyResult s : results.strategies()) {
            File log = directory.resolve(s.name() + ".hlog").toFile();
            Map<String, Long> byTag = new HashMap<>();
            try (HistogramLogReader reader = new HistogramLogReader(log)) {
                for (EncodableHistogram h = reader.nextIntervalHistogram();
                        h != null;
                        h = reader.nextIntervalHistogram()) {
                    if (h.getTag() != null) {
                        byTag.merge(h.getTag(), ((org.HdrHistogram.Histogram) h).getTotalCount(), Long::sum);
                    }
                }
            }
            long attempts = 0;
            for (TypeResult t : s.types()) {
                for (HlogTags.Kind kind : HlogTags.Kind.values()) {
                    assertThat(byTag.get(kind.tag(t.name())))
                            .as(s.name() + "/" + kind.tag(t.name()))
                            .isEqualTo(kind.summaryIn(t.latency()).count());
                }
                attempts += byTag.get(HlogTags.Kind.QUEUE_DELAY.tag(t.name()));
            }
            assertThat(attempts)
                    .as("queue delay per attempt: failed ones too")
                    .isGreaterThan(s.measured().completed());
            assertThat(s.generator().lag().count()).isPositive();
            assertThat(byTag.get(HlogTags.LAG)).isEqualTo(s.generator().lag().count());
        }
    }

    @Test
    void shouldReadBackWhatItWrote() throws Exception {
        BenchResults read = ResultsJson.read(directory.resolve("results.json"));
        assertThat(read).isEqualTo(results);
    }

    @Test
    void shouldLeaveNoTemporaryFiles() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(List.of("naive.hlog", "results.json", "tiered.hlog"));
        }
    }

    @Test
    void shouldBalanceTheWholeRunAndMeasureAboutTheDuration() {
        for (StrategyResult s : results.strategies()) {
            assertThat(s.wholeRun().balances()).isTrue();
            // 2 s measured: the window runs from the sampler's boundary snapshot (taken when it wakes after the
            // warm-up, up to a few hundred ms late on a loaded machine) to the end of the drain.
            assertThat(s.measuredSeconds()).isBetween(1.5, 4.0);
            assertThat(s.offeredRate()).isBetween(1200.0, 1800.0);
        }
        assertThat(ResultsWriter.defaultDirectory(directory, "files", java.time.LocalDateTime.of(2024, 9, 17, 8, 5, 3)))
                .isEqualTo(directory.resolve("files-20240917-080503"));
    }
}
