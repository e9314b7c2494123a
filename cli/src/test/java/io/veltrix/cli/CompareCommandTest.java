package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path base;

    /** One short real run, whose results.json the tests copy and change. */
    @BeforeAll
    static void bench() throws IOException {
        base = dir.resolve("base");
        CliRun run = CliRun.of(
                "bench", BenchChecksTest.smallScenario(dir).toString(), "--jfr", "off", "--out", base.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
    }

    /** A copy of the base results with p99 of every strategy multiplied by {@code factor}. */
    private static Path withP99Times(String name, double factor) throws IOException {
        ObjectNode results =
                (ObjectNode) JSON.readTree(base.resolve("results.json").toFile());
        for (JsonNode s : results.path("strategies")) {
            ObjectNode e2e = (ObjectNode) s.path("latency").path("endToEnd");
            e2e.put("p99", (long) (e2e.path("p99").asLong() * factor));
        }
        Path file = dir.resolve(name + ".json");
        JSON.writeValue(file.toFile(), results);
        return file;
    }

    @Test
    void shouldExitWithOneOnARegressionBeyondTheLimit() throws IOException {
        Path slower = withP99Times("slower", 1.5);
        CliRun run = CliRun.of("compare", base.toString(), slower.toString(), "--max-regression", "10%");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(run.out().lines())
                .contains("1 regression: default p99 +50.0% (limit 10%)")
                .anyMatch(l -> l.matches("\\s+p99\\s+\\S+\\s+\\S+\\s+\\+50\\.0%\\s+±0\\.1%\\s+regression"));
        CliRun lenient = CliRun.of("compare", base.toString(), slower.toString(), "--max-regression", "p99=60%");
        assertThat(lenient.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(lenient.out()).containsPattern("p99 .* \\+50\\.0% .* worse");
        assertThat(CliRun.of("compare", base.toString(), slower.toString()).exitCode())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void shouldCallABetterRunBetter() throws IOException {
        CliRun run = CliRun.of(
                "compare", base.toString(), withP99Times("faster", 0.5).toString(), "--max-regression", "0%");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).containsPattern("p99 .* -50\\.0% .* better");
        assertThat(run.out()).contains("note: no repeats on either side");
    }

    @Test
    void shouldExitWithTwoOnBadInput() throws IOException {
        CliRun missing =
                CliRun.of("compare", base.toString(), dir.resolve("none.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).isEqualTo("error: " + dir.resolve("none.json") + ": no such file\n");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"schema\": \"veltrix-results/0\"}");
        CliRun schema = CliRun.of("compare", other.toString(), base.toString());
        assertThat(schema.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(schema.err())
                .isEqualTo("error: " + other + ": schema 'veltrix-results/0' is not veltrix-results/1; this version"
                        + " of veltrix reads veltrix-results/1\n");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(CliRun.of("compare", empty.toString(), base.toString()).err())
                .isEqualTo("error: " + empty + ": no results.json in this directory; give a results file or the"
                        + " output directory of a bench\n");
        CliRun limit = CliRun.of("compare", base.toString(), base.toString(), "--max-regression", "p95=5%");
        assertThat(limit.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(limit.err()).startsWith("error: --max-regression: unknown metric 'p95'");
        assertThat(CliRun.of("compare", base.toString()).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
