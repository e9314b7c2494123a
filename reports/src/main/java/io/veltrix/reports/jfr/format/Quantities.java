package io.veltrix.reports.jfr.format;

import io.veltrix.reports.jfr.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;

/** How numbers look: for people in the text format, and rounded for JSON. */
final class Quantities {

    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Quantities() {}

    /** Human-readable text of a value in {@code unit}; "-" for null. */
    static String text(Object value, Unit unit) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Instant || value instanceof String) {
            return value.toString();
        }
        double v = ((Number) value).doubleValue();
        return switch (unit) {
            case BYTES -> bytes(v);
            case BYTES_PER_SECOND -> bytes(v) + "/s";
            case MILLISECONDS -> millis(v);
            case SECONDS -> String.format(Locale.ROOT, "%.3f s", v);
            case PERCENT -> String.format(Locale.ROOT, "%.1f %%", v);
            case COUNT -> value instanceof Double ? String.format(Locale.ROOT, "%.1f", v) : value.toString();
            case TIMESTAMP, TEXT -> value.toString();
        };
    }

    /** Binary-prefixed bytes with 3 significant digits, e.g. {@code 1.23 GiB}; exact below 1 KiB. */
    static String bytes(double bytes) {
        double v = bytes;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < BINARY_UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return String.format(Locale.ROOT, "%d B", Math.round(v));
        }
        String pattern = Math.abs(v) >= 100 ? "%.0f %s" : Math.abs(v) >= 10 ? "%.1f %s" : "%.2f %s";
        return String.format(Locale.ROOT, pattern, v, BINARY_UNITS[u]);
    }

    private static String millis(double ms) {
        if (Math.abs(ms) >= 10_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        // Concurrent collectors pause for tens of microseconds: keep 3 significant digits there.
        if (ms != 0 && Math.abs(ms) < 1) {
            return String.format(Locale.ROOT, "%.4f ms", ms);
        }
        return String.format(Locale.ROOT, "%.3f ms", ms);
    }

    /** The JSON value of a number in {@code unit}: rounded to the resolution the unit promises. */
    static Number json(Number value, Unit unit) {
        if (value instanceof Long || value instanceof Integer) {
            return value;
        }
        double v = value.doubleValue();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return switch (unit) {
            case MILLISECONDS -> round(v, 6);
            case SECONDS -> round(v, 3);
            case PERCENT -> round(v, 2);
            case BYTES, BYTES_PER_SECOND, COUNT -> Math.round(v);
            case TIMESTAMP, TEXT -> v;
        };
    }

    private static BigDecimal round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
