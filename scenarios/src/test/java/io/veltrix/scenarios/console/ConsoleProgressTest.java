package io.veltrix.scenarios.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.scenarios.run.RunListener.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ConsoleProgress console(boolean terminal, boolean colour, boolean quiet) {
        return new ConsoleProgress(new PrintWriter(out), new PrintWriter(err), terminal, colour, quiet);
    }

    private static Progress at(double seconds, long drops) {
        return new Progress("naive", (long) (seconds * 1e9), 23_000_000_000L, seconds < 3, 5012.4, 3_200_000, drops);
    }

    @Test
    void shouldPrintAPlainLineEveryFiveSecondsWhenNotATerminal() {
        ConsoleProgress console = console(false, true, false);
        console.strategyStarted("naive", 0, 2);
        for (int s = 1; s <= 11; s++) {
            console.progress(at(s, 10L * s));
        }
        assertThat(out.toString().lines())
                .containsExactly(
                        "naive [1/2] started",
                        "naive [1/2]   5.0s/23.0s offered 5,012/s p99 3.20ms drops 50",
                        "naive [1/2]  10.0s/23.0s offered 5,012/s p99 3.20ms drops 100");
        assertThat(out.toString()).doesNotContain("\r", "\u001B");
    }

    @Test
    void shouldRedrawOneLineInPlaceOnATerminal() {
        ConsoleProgress console = console(true, false, false);
        console.strategyStarted("naive", 0, 1);
        console.progress(at(1, 0));
        console.progress(at(2, 7));
        assertThat(out.toString())
                .isEqualTo("\rnaive [1/1]   1.0s/23.0s warm-up offered 5,012/s p99 3.20ms drops 0"
                        + "\rnaive [1/1]   2.0s/23.0s warm-up offered 5,012/s p99 3.20ms drops 7");
    }

    @Test
    void shouldShowNothingWhenQuiet() {
        ConsoleProgress console = console(true, true, true);
        console.strategyStarted("naive", 0, 1);
        console.progress(at(6, 1));
        assertThat(out.toString()).isEmpty();
    }
}
