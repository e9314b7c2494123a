package io.veltrix.scenarios.results;

import java.util.Locale;

/** Short, human-readable latencies for the console: {@code 850ns}, {@code 42us}, {@code 3.2ms}, {@code 1.25s}. */
public final class Durations {
    private Durations() {}

    /** {@code nanos} with three significant digits at most and the largest unit that keeps it at least 1. */
    public static String format(long nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return number(nanos / 1e3) + "us";
        }
        if (nanos < 1_000_000_000) {
            return number(nanos / 1e6) + "ms";
        }
        return number(nanos / 1e9) + "s";
    }

    private static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
