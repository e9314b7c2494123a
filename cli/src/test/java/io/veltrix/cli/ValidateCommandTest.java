package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final Path EXAMPLES = Path.of("..", "scenarios", "examples");

    @Test
    void shouldSummariseAValidScenario() {
        CliRun run = CliRun.of("validate", EXAMPLES.resolve("retry-storm.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("ok: retry-storm: 2 event types, 2 strategies, schedule of ~69000 events\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldValidateSeveralFiles() {
        CliRun run = CliRun.of(
                "validate",
                EXAMPLES.resolve("seed-story.yaml").toString(),
                EXAMPLES.resolve("priority-burst.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out().lines())
                .containsExactly(
                        "ok: seed-story: 4 event types, 2 strategies, schedule of ~113000 events",
                        "ok: priority-burst: 2 event types, 3 strategies, schedule of ~117000 events");
    }

    @Test
    void shouldPrintEveryProblemAndExitWithTwo(@TempDir Path dir) throws IOException {
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
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines())
                .containsExactly(
                        file + ":5:21: error: events[0].tier: unknown tier 'hgh'; expected one of critical, high,"
                                + " normal, low; did you mean 'high'?",
                        file + ":8:22: error: unknown key 'capcity' in strategies[0].sizing.fixed; did you mean"
                                + " 'capacity'?");
    }

    @Test
    void shouldReportAMissingFileAsBadInput(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        CliRun run = CliRun.of("validate", missing.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo(missing + ":1:1: error: no such file\n");
    }

    @Test
    void shouldAskForAFile() {
        CliRun run = CliRun.of("validate");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'");
    }
}
