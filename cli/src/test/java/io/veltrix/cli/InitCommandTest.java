package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InitCommandTest {

    @Test
    void shouldWriteAStarterThatValidates(@TempDir Path dir) throws IOException {
        String name = dir.resolve("checkout").toString();
        CliRun init = CliRun.of("init", name);
        Path file = dir.resolve("checkout.yaml");
        assertThat(init.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(init.out()).isEqualTo("wrote " + file + "; check it with: veltrix validate " + file + "\n");
        assertThat(Files.readString(file)).contains("name: checkout\n");

        CliRun validate = CliRun.of("validate", file.toString());
        assertThat(validate.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(validate.out()).isEqualTo("ok: checkout: 3 event types, 2 strategies, schedule of ~92000 events\n");
    }

    @Test
    void shouldRefuseToOverwriteAnExistingFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "keep me");
        CliRun run = CliRun.of("init", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("veltrix init: " + file + " already exists; not overwriting it (choose another NAME, or"
                        + " move the file away)\n");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void shouldRefuseANameThatCannotNameResults(@TempDir Path dir) {
        CliRun run = CliRun.of("init", dir.resolve("my scenario").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("veltrix init: invalid scenario name 'my scenario'; names use letters, digits, '.', '_'"
                        + " and '-', and start with a letter or digit\n");
        assertThat(dir.resolve("my scenario.yaml")).doesNotExist();
    }

    @Test
    void shouldDefaultToScenarioYaml() {
        InitCommand command = new InitCommand();
        new CommandLine(command).parseArgs();
        assertThat(command.name).isEqualTo("scenario");
    }
}
