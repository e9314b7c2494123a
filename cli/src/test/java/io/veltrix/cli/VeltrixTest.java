package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VeltrixTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Veltrix.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void shouldPrintUsageWithExitCodeTable() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString())
                .contains("Usage: veltrix")
                .contains("Exit codes:")
                .contains("0     success")
                .contains("1     an SLO or regression check failed")
                .contains("2     bad usage or bad input (nothing was run)")
                .contains("3     the run itself failed")
                .contains("130   interrupted");
    }

    @Test
    void shouldPrintVersionStampedByTheBuild() {
        assertThat(run("--version")).isEqualTo(0);
        assertThat(out.toString()).startsWith("veltrix 0.").contains("JVM: ").contains("CPUs");
    }

    @Test
    void shouldExitWithTwoOnUnknownOption() {
        assertThat(run("--no-such-option")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void shouldExitWithTwoWhenNoCommandGiven() {
        assertThat(run()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("Missing a command.");
    }
}
