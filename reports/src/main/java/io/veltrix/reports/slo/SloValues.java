package io.veltrix.reports.slo;

import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.model.SloUnit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Values of SLOs as people read them: {@code 850ns}, {@code 222ms}, {@code 1.03s}, {@code 4,713/s}, {@code 0.12%},
 * {@code 64 B}, {@code 1.5 KB/s}. Three significant digits at most; whole numbers from 100 up.
 */
public final class SloValues {
    private static final String[] BYTE_UNITS = {"B", "KB", "MB", "GB"};

    private SloValues() {}

    /** {@code value}, in the canonical {@code unit}, for reading. */
    public static String format(double value, SloUnit unit) {
        switch (unit) {
            case NANOSECONDS:
                return duration(value);
            case PER_SECOND:
                return number(value, true) + "/s";
            case COUNT:
                return number(value, true);
            case FRACTION:
                return number(value * 100, false) + "%";
            case BYTES:
                return bytes(value);
            default:
                return bytes(value) + "/s";
        }
    }

    /** The comparator and threshold of {@code slo}: {@code < 20ms}, {@code == 0}, {@code >= 4,900/s}. */
    public static String threshold(Slo slo) {
        return slo.comparison().token() + " " + format(slo.threshold(), slo.unit());
    }

    /** Nanoseconds in the largest unit that keeps the number at least 1: {@code 850ns}, {@code 42.5us}. */
    public static String duration(double nanos) {
        double abs = Math.abs(nanos);
        if (abs < 1e3) {
            return number(nanos, false) + "ns";
        }
        if (abs < 1e6) {
            return number(nanos / 1e3, false) + "us";
        }
        if (abs < 1e9) {
            return number(nanos / 1e6, false) + "ms";
        }
        return number(nanos / 1e9, false) + "s";
    }

    /** Bytes in B, KB, MB or GB (1 KB = 1024 B): {@code 64 B}, {@code 1.5 KB}. */
    public static String bytes(double bytes) {
        int unit = 0;
        double value = bytes;
        while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return number(value, false) + " " + BYTE_UNITS[unit];
    }

    /**
     * Three significant digits without a needless zero ({@code 1.5}, {@code 0.0123}); from 100 up, a whole number,
     * with thousands separators when {@code grouped}.
     */
    public static String number(double value, boolean grouped) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, grouped ? "%,.0f" : "%.0f", value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
        if (rounded.abs().compareTo(BigDecimal.valueOf(100)) >= 0) {
            // 99.96 rounds to 100: print it as the whole number it became.
            return String.format(Locale.ROOT, "%.0f", rounded.doubleValue());
        }
        return rounded.toPlainString();
    }
}
