package io.veltrix.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.veltrix.reports.Fixtures;
import io.veltrix.reports.compare.LoadedResults;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.JfrFigures;
import io.veltrix.scenarios.results.ResultsJson;
import io.veltrix.scenarios.results.StrategyResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strategies[].jfr} of results.json: optional, so results written before it existed still read. */
class ResultsJfrFiguresTest {

    private static final JfrFigures FIGURES = new JfrFigures(
            null,
            Map.of("allocatedBytes", "sum of the weights of jdk.ObjectAllocationSample"),
            1_000_000L,
            250_000.0,
            12.5,
            4_096L,
            3L,
            2_000_000L,
            1_500_000L,
            41.5,
            77.25,
            60.0,
            List.of(new JfrFigures.Site("a.B.c:12", 600_000, 60.0)),
            200L,
            List.of(new JfrFigures.HotMethod("a.B.run", 50, 25.0)),
            Map.of("cpuMachineMeanPercent", "because"));

    @Test
    void shouldWriteNoJfrFieldWithoutFiguresAndReadResultsThatHaveNone(@TempDir Path dir) throws Exception {
        byte[] json = ResultsJson.toBytes(Fixtures.checkout());
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("\"jfr\"");
        Files.write(dir.resolve("results.json"), json);
        BenchResults read = ResultsJson.read(dir.resolve("results.json"));
        assertThat(read.strategies()).extracting(StrategyResult::jfr).containsOnlyNulls();
        assertThat(LoadedResults.load(dir).results()).isEqualTo(Fixtures.checkout());
    }

    @Test
    void shouldWriteAndReadEachStrategysFigures(@TempDir Path dir) throws Exception {
        BenchResults plain = Fixtures.checkout();
        List<StrategyResult> strategies = new ArrayList<>(plain.strategies());
        strategies.set(0, strategies.get(0).withJfr(FIGURES));
        BenchResults withFigures = plain.withStrategies(strategies);
        Files.write(dir.resolve("results.json"), ResultsJson.toBytes(withFigures));

        JsonNode node = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode jfr = node.path("strategies").get(0).path("jfr");
        assertThat(jfr.path("allocatedBytesPerEvent").asDouble()).isEqualTo(12.5);
        assertThat(jfr.path("gcPauseMaxNanos").asLong()).isEqualTo(1_500_000L);
        assertThat(jfr.path("topAllocationSites").get(0).path("site").asText()).isEqualTo("a.B.c:12");
        assertThat(jfr.path("hotMethods").get(0).path("samples").asLong()).isEqualTo(50);
        assertThat(node.path("strategies").get(1).has("jfr")).isFalse();
        assertThat(ResultsJson.read(dir.resolve("results.json"))).isEqualTo(withFigures);
    }

    @Test
    void shouldSayWhyARecordingCouldNotBeAnalysed(@TempDir Path dir) throws Exception {
        BenchResults plain = Fixtures.checkout();
        List<StrategyResult> strategies = new ArrayList<>();
        for (StrategyResult s : plain.strategies()) {
            strategies.add(s.withFiles(s.name() + ".hlog", s.name() + ".jfr"));
        }
        BenchResults results = plain.withStrategies(strategies);
        Files.writeString(dir.resolve("naive.jfr"), "not a recording");

        BenchResults analysed = RecordingFigures.analyze(results, dir).addTo(results);

        JfrFigures naive = analysed.strategy("naive").jfr();
        assertThat(naive.problem())
                .startsWith(dir.resolve("naive.jfr") + ": ")
                .contains("not a JDK Flight Recorder recording");
        assertThat(naive.allocatedBytes()).isNull();
        assertThat(naive.topAllocationSites()).isEmpty();
        assertThat(analysed.strategy("tiered").jfr())
                .as("no tiered.jfr on disk")
                .isNull();
    }
}
