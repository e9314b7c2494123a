package io.veltrix.scenarios.results;

import io.veltrix.scenarios.run.RunListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Shows a running bench on the console. On a terminal, one progress line per strategy redrawn in place with
 * {@code \r} every second; elsewhere (a pipe, a CI log), a plain line every {@value #PLAIN_PERIOD_SECONDS} seconds.
 * Warnings go to the error stream. Quiet shows nothing (the final table is printed by the caller).
 */
public final class ConsoleProgress implements RunListener {
    static final int PLAIN_PERIOD_SECONDS = 5;

    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String RESET = "\u001B[0m";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean colour;
    private final boolean quiet;
    private int index;
    private int count;
    private int lastWidth;
    private long nextPlainNanos;

    /**
     * @param terminal whether {@code out} is a terminal that understands {@code \r}
     * @param colour whether ANSI colours may be used (never when not a terminal, or when NO_COLOR is set)
     * @param quiet show nothing
     */
    public ConsoleProgress(PrintWriter out, PrintWriter err, boolean terminal, boolean colour, boolean quiet) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.colour = colour && terminal;
        this.quiet = quiet;
    }

    @Override
    public synchronized void strategyStarted(String strategy, int index, int count) {
        this.index = index;
        this.count = count;
        this.lastWidth = 0;
        this.nextPlainNanos = TimeUnit.SECONDS.toNanos(PLAIN_PERIOD_SECONDS);
        if (!quiet && !terminal) {
            out.println(String.format(Locale.ROOT, "%s [%d/%d] started", strategy, index + 1, count));
            out.flush();
        }
    }

    @Override
    public synchronized void progress(Progress p) {
        if (quiet) {
            return;
        }
        String line = line(p);
        if (terminal) {
            int visible = line.length();
            String shown = colour
                    ? BOLD + p.strategy() + RESET + line.substring(p.strategy().length())
                    : line;
            out.print("\r" + shown + " ".repeat(Math.max(0, lastWidth - visible)));
            lastWidth = visible;
            out.flush();
        } else if (p.elapsedNanos() >= nextPlainNanos) {
            out.println(line);
            out.flush();
            while (nextPlainNanos <= p.elapsedNanos()) {
                nextPlainNanos += TimeUnit.SECONDS.toNanos(PLAIN_PERIOD_SECONDS);
            }
        }
    }

    /** The progress line: {@code naive [1/2] 12.0s/23.0s offered 5,012/s p99 3.20ms drops 1,234}. */
    String line(Progress p) {
        return String.format(
                Locale.ROOT,
                "%s [%d/%d] %5.1fs/%.1fs%s offered %,.0f/s p99 %s drops %,d",
                p.strategy(),
                index + 1,
                count,
                p.elapsedNanos() / 1e9,
                p.runNanos() / 1e9,
                p.warmup() ? " warm-up" : "",
                p.offeredPerSecond(),
                Durations.format(p.p99Nanos()),
                p.drops());
    }

    @Override
    public synchronized void strategyFinished(StrategyResult result) {
        if (!quiet) {
            String done = String.format(
                    Locale.ROOT,
                    "%s [%d/%d] done: %,.0f/s, p99 %s, loss %.2f%%",
                    result.name(),
                    index + 1,
                    count,
                    result.throughput(),
                    Durations.format(result.latency().endToEnd().p99()),
                    result.measured().lossPercent());
            if (terminal) {
                out.print("\r" + done + " ".repeat(Math.max(0, lastWidth - done.length())) + System.lineSeparator());
            } else {
                out.println(done);
            }
            out.flush();
        }
        if (!quiet) {
            for (String warning : result.warnings()) {
                err.println((colour ? RED + "warning" + RESET : "warning") + ": " + result.name() + ": " + warning);
            }
        }
        for (String violation : result.invariantViolations()) {
            err.println("error: " + result.name() + ": accounting: " + violation);
        }
        err.flush();
    }
}
