package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/** {@code veltrix bench} with SLOs, report formats, baselines and repeats: short real runs. */
class BenchChecksTest {
    private static final Path SEED_STORY = Path.of("..", "scenarios", "examples", "seed-story.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A light load that one worker serves easily; no SLOs of its own. */
    static Path smallScenario(Path dir) throws IOException {
        return Files.writeString(dir.resolve("small.yaml"), """
                name: small
                duration: 1s
                warmup: 200ms
                load:
                  constant: {rate: 500/s}
                events:
                  - {name: a, service: 20us}
                engine:
                  workers: 1
                """);
    }

    @Test
    void shouldExitWithOneWhenAnAssertionFailsAndWriteEveryFormat(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliRun run = CliRun.of(
                "bench",
                SEED_STORY.toString(),
                "--duration",
                "2s",
                "--warmup",
                "0.5s",
                "--jfr",
                "off",
                "--assert",
                "p99 < 1us",
                "--format",
                "json,md,junit,benchmark",
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(run.out())
                .containsPattern("FAIL +naive +p99 < 1us: p99 of all events was [0-9.]+(us|ms|s); must be" + " < 1us");
        assertThat(run.out()).containsPattern("FAIL +tiered +p99 < 1us: ");
        assertThat(run.out())
                .contains("reports: report.json, report.md, junit.xml, benchmark-bigger-is-better.json,"
                        + " benchmark-smaller-is-better.json");
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.path("schema").asText()).isEqualTo("veltrix-results/1");
        assertThat(report.path("slo").path("passed").asBoolean()).isFalse();
        // The scenario's three SLOs (for tiered), then the assertion for each strategy.
        assertThat(report.path("slo").path("verdicts")).hasSize(5);
        JsonNode asserted = report.path("slo").path("verdicts").get(3);
        assertThat(asserted.path("expression").asText()).isEqualTo("p99 < 1us");
        assertThat(asserted.path("status").asText()).isEqualTo("fail");
        assertThat(asserted.path("measured").asDouble()).isGreaterThan(1000.0);
        assertThat(Files.readString(out.resolve("report.md"))).startsWith("## ❌ Veltrix seed-story: ");
        Element suite = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(out.resolve("junit.xml").toFile())
                .getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(Integer.parseInt(suite.getAttribute("failures"))).isGreaterThanOrEqualTo(2);
        assertThat(JSON.readTree(out.resolve("benchmark-bigger-is-better.json").toFile()))
                .hasSize(2);
        assertThat(out.resolve("report.html")).doesNotExist();
    }

    @Test
    void shouldRefuseAMalformedAssertionBeforeRunning(@TempDir Path dir) {
        Path out = dir.resolve("run");
        CliRun run = CliRun.of(
                "bench",
                SEED_STORY.toString(),
                "--assert",
                "p99 < 50xs",
                "--assert",
                "loss == 0 tier=hihg",
                "--out",
                out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines())
                .containsExactly(
                        "error: --assert 'p99 < 50xs': invalid value '50xs' at column 7; expected a duration like"
                                + " 50ms (us, ms, s)",
                        "    p99 < 50xs",
                        "          ^",
                        "error: --assert 'loss == 0 tier=hihg': unknown tier 'hihg' at column 16; expected one of"
                                + " critical, high, normal, low; did you mean 'high'?",
                        "    loss == 0 tier=hihg",
                        "                   ^");
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "p95 < 50ms          | 1  | unknown metric 'p95' at column 1; expected one of p50, p90, p99, p99.9, max,"
                        + " throughput, loss, errors, retries, alloc_per_event, alloc_rate, gc_pause_max; did you mean"
                        + " 'p90'?",
                "p99 50ms            | 5  | expected a comparator at column 5, found '50ms'; expected one of <, <=, >,"
                        + " >=, ==",
                "p99 =< 50ms         | 5  | unknown comparator '=<' at column 5; expected one of <, <=, >, >=, ==; did"
                        + " you mean '<='?",
                "p99 <               | 6  | missing a duration like 50ms (us, ms, s) after '<' at column 6",
                "throughput >= 4900  | 15 | invalid value '4900' at column 15; expected a rate like 4900/s",
                "loss < 0.5          | 8  | invalid value '0.5' at column 8; expected a count like 0 or a percentage"
                        + " like 0.1%",
                "alloc_rate < 50MB   | 14 | invalid value '50MB' at column 14; expected a byte rate like 50MB/s (B/s,"
                        + " KB/s, MB/s)",
                "p99 < 50ms over ten | 17 | invalid window 'ten' at column 17; expected a duration like 10s",
                "p99 < 50ms strat=x  | 12 | unknown qualifier 'strat' at column 12; expected strategy=, type= or tier=;"
                        + " did you mean 'strategy'?",
                "p99 < 5ms type=payment tier=critical | 24 | 'tier=' at column 24 beside 'type='; give type= (one"
                        + " event type) or tier= (its event types together), not both",
                "p99 < 5ms strategy=tierd | 20 | unknown strategy 'tierd' at column 20; expected one of naive, tiered;"
                        + " did you mean 'tiered'?"
            })
    void shouldExitWithTwoAndPointAtTheBadTokenOfEachMalformedAssertion(String expression, int column, String message) {
        CliRun run = CliRun.of("bench", SEED_STORY.toString(), "--assert", expression, "--out", "unused");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines())
                .containsExactly(
                        "error: --assert '" + expression + "': " + message,
                        "    " + expression,
                        "    " + " ".repeat(column - 1) + "^");
        assertThat(run.out()).isEmpty();
        assertThat(Path.of("unused")).doesNotExist();
    }

    @Test
    void shouldRefuseBadCheckOptionsBeforeRunning(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        String small = smallScenario(dir).toString();
        assertThat(CliRun.of("bench", small, "--format", "html,pdf", "--out", out.toString())
                        .err())
                .isEqualTo("error: --format: unknown format 'pdf' in 'html,pdf'; expected a comma-separated list of"
                        + " html, json, md, junit, benchmark\n");
        assertThat(CliRun.of("bench", small, "--max-regression", "10%", "--out", out.toString())
                        .err())
                .isEqualTo("error: --max-regression needs --baseline FILE: there is nothing to compare with\n");
        CliRun missing =
                CliRun.of("bench", small, "--baseline", dir.resolve("nope").toString(), "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).isEqualTo("error: --baseline: " + dir.resolve("nope") + ": no such file\n");
        assertThat(CliRun.of("bench", small, "--repeat", "0", "--out", out.toString())
                        .exitCode())
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out).doesNotExist();
    }

    @Test
    void shouldPassWhenEveryAssertionHoldsAndRepeatForCompare(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliRun run = CliRun.of(
                "bench",
                smallScenario(dir).toString(),
                "--jfr",
                "off",
                "--repeat",
                "2",
                "--assert",
                "loss < 100%",
                "--assert",
                "p99 < 10s over 1s",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("repeat 1 of 2", "repeat 2 of 2", "SLOs: all 2 SLO checks passed");
        assertThat(run.err()).doesNotContain("note: --format html");
        JsonNode repeats = JSON.readTree(out.resolve("repeats.json").toFile());
        assertThat(repeats.path("schema").asText()).isEqualTo("veltrix-repeats/1");
        assertThat(repeats.path("repeats").asInt()).isEqualTo(2);
        assertThat(repeats.path("strategies").path("default")).hasSize(2);
        assertThat(repeats.path("strategies")
                        .path("default")
                        .get(0)
                        .path("throughput")
                        .asDouble())
                .isPositive();

        // Against itself: nothing moved beyond noise.
        CliRun same = CliRun.of("compare", out.toString(), out.toString(), "--max-regression", "1%");
        assertThat(same.exitCode()).as(same.out() + same.err()).isEqualTo(ExitCode.OK);
        assertThat(same.out()).contains("no regression (max regression: 1% for every metric)");

        // A baseline that did a hundred times the throughput, without repeats: this run regressed.
        Path fast = dir.resolve("fast");
        Files.createDirectories(fast);
        ObjectNode results =
                (ObjectNode) JSON.readTree(out.resolve("results.json").toFile());
        for (JsonNode s : results.path("strategies")) {
            ((ObjectNode) s).put("throughput", s.path("throughput").asDouble() * 100);
        }
        JSON.writeValue(fast.resolve("results.json").toFile(), results);
        Path again = dir.resolve("again");
        CliRun regressed = CliRun.of(
                "bench",
                smallScenario(dir).toString(),
                "--jfr",
                "off",
                "--baseline",
                fast.toString(),
                "--max-regression",
                "throughput=10%",
                "--format",
                "md",
                "--out",
                again.toString());
        assertThat(regressed.exitCode()).as(regressed.out() + regressed.err()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(regressed.out()).containsPattern("1 regression: default throughput -99\\.[0-9]% \\(limit 10%\\)");
        assertThat(Files.readString(again.resolve("report.md")))
                .contains("### Against the baseline", "| **regression** |");
    }

    @Test
    void shouldStopEarlyOnceAnSloCanNoLongerPass(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("overload.yaml"), """
                name: overload
                duration: 8s
                load:
                  constant: {rate: 3000/s}
                events:
                  - {name: a, service: 2ms}
                engine:
                  workers: 1
                strategies:
                  - name: tiny
                    sizing: {fixed: {capacity: 4}}
                  - name: other
                    sizing: {fixed: {capacity: 8}}
                """);
        Path out = dir.resolve("run");
        CliRun run = CliRun.of(
                "bench",
                scenario.toString(),
                "--jfr",
                "off",
                "--abort-on-fail",
                "--assert",
                "loss == 0",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(run.err())
                .containsPattern("error: stopped early \\(--abort-on-fail\\): SLO 'loss == 0' can no longer pass for"
                        + " strategy tiny: loss of all events is already [0-9,]+ at [0-9.]+s of the run; must be == 0");
        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        assertThat(results.path("partial").asBoolean()).isTrue();
        assertThat(results.path("strategies")).hasSize(1);
        assertThat(results.path("strategies").get(0).path("complete").asBoolean())
                .isFalse();
        assertThat(results.path("strategies").get(0).path("measuredSeconds").asDouble())
                .isLessThan(8.0);
    }
}
