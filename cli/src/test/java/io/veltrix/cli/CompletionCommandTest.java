package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionCommandTest {

    @Test
    void shouldPrintABashCompletionScriptCoveringTheCommands() {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_veltrix")
                .contains("validate")
                .contains("init")
                .contains("schema")
                .contains("completion");
    }

    @Test
    void shouldRefuseOtherShells() {
        CliRun run = CliRun.of("completion", "fish");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Unsupported shell 'fish': veltrix prints bash completion only");
    }
}
