package io.veltrix.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.veltrix.reports.GoldenReport;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {

    @Test
    void shouldParseAFormatListInTheOrderGiven() {
        assertThat(ResultFormatType.parseList("md, junit,json,md"))
                .containsExactly(ResultFormatType.MARKDOWN, ResultFormatType.JUNIT, ResultFormatType.JSON);
        assertThat(ResultFormatType.parseList("markdown,benchmark,html"))
                .containsExactly(ResultFormatType.MARKDOWN, ResultFormatType.BENCHMARK, ResultFormatType.HTML);
        assertThatThrownBy(() -> ResultFormatType.parseList("html,xml"))
                .hasMessage("unknown format 'xml' in 'html,xml'; expected a comma-separated list of html, json, md,"
                        + " junit, benchmark");
    }

    @Test
    void shouldMakeAWriterForEveryFormat() {
        for (ResultFormatType type : ResultFormatType.values()) {
            assertThat(ResultFormatFactory.create(type))
                    .get()
                    .extracting(ResultFormat::type)
                    .isEqualTo(type);
        }
    }

    @Test
    void shouldWriteEachFormatsFilesIntoTheDirectory(@TempDir Path dir) throws Exception {
        List<Path> written = new ArrayList<>();
        for (ResultFormatType type : ResultFormatType.values()) {
            ResultFormatFactory.create(type).ifPresent(f -> {
                try {
                    written.addAll(f.write(GoldenReport.build(), dir.resolve("out")));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
        assertThat(written)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "report.html",
                        "report.json",
                        "report.md",
                        "junit.xml",
                        "benchmark-bigger-is-better.json",
                        "benchmark-smaller-is-better.json");
        for (Path p : written) {
            assertThat(Files.size(p)).isGreaterThan(100);
        }
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")))
                    .isEmpty();
        }
    }

    @Test
    void shouldWriteResultsJsonContentWithTheVerdictsBesideIt(@TempDir Path dir) throws Exception {
        Path file = new JsonResultFormat().write(GoldenReport.build(), dir).get(0);
        BenchResults again = ResultsJson.read(file);
        assertThat(again).isEqualTo(GoldenReport.build().results());
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode slo = root.get("slo");
        assertThat(slo.get("passed").asBoolean()).isFalse();
        assertThat(slo.get("summary").asText()).isEqualTo("5 of 8 SLO checks failed (1 skipped)");
        JsonNode first = slo.get("verdicts").get(0);
        assertThat(first.get("expression").asText()).isEqualTo("p99 < 20ms strategy=tiered type=payment");
        assertThat(first.get("status").asText()).isEqualTo("pass");
        assertThat(first.get("measured").asDouble()).isEqualTo(2_500_000.0);
        assertThat(first.get("threshold").asDouble()).isEqualTo(20_000_000.0);
        assertThat(first.get("unit").asText()).isEqualTo("ns");
        JsonNode windowed = slo.get("verdicts").get(4);
        assertThat(windowed.get("window").asText()).isEqualTo("5s");
        assertThat(windowed.get("windows").get("count").asInt()).isEqualTo(16);
        assertThat(root.get("baseline").get("regression").asBoolean()).isTrue();
        assertThat(root.get("baseline").get("rows")).hasSize(12);
    }
}
