package io.veltrix.scenarios.parse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Parses the quantities of scenario files: durations ({@code 250ms}), rates ({@code 5k/s}) and fractions
 * ({@code 2%}). Each method throws {@link IllegalArgumentException} with a message that says what was wrong and
 * what is expected, fit to show a user.
 */
public final class Quantities {

    /** What a duration looks like, for messages. */
    public static final String DURATION_EXPECTED = "a duration like 250ms (units: ns, us, ms, s, m, h)";
    /** What a rate looks like, for messages. */
    public static final String RATE_EXPECTED =
            "a rate like 5000/s, 5k/s, 300/min or 1.5M/s (per ms, s, m or min, h; k = thousand, M = million)";
    /** What a fraction looks like, for messages. */
    public static final String FRACTION_EXPECTED = "a percentage like 2% (or a fraction from 0 to 1)";

    private Quantities() {}

    /**
     * Parses a duration: a number (decimals allowed) and a unit, {@code ns}, {@code us} (or {@code µs}),
     * {@code ms}, {@code s}, {@code m} (minutes) or {@code h}, without space; a bare {@code 0} is zero.
     * Rounded to the nearest nanosecond.
     */
    public static Duration parseDuration(String text) {
        int split = numberEnd(text);
        String number = text.substring(0, split);
        String unit = text.substring(split);
        if (text.startsWith("-")) {
            throw new IllegalArgumentException(
                    "negative duration '" + text + "'; expected zero or more, " + DURATION_EXPECTED);
        }
        BigDecimal amount = number(number, text, DURATION_EXPECTED);
        long nanosPerUnit;
        switch (unit) {
            case "ns":
                nanosPerUnit = 1L;
                break;
            case "us":
            case "µs":
                nanosPerUnit = 1_000L;
                break;
            case "ms":
                nanosPerUnit = 1_000_000L;
                break;
            case "s":
                nanosPerUnit = 1_000_000_000L;
                break;
            case "m":
                nanosPerUnit = 60_000_000_000L;
                break;
            case "h":
                nanosPerUnit = 3_600_000_000_000L;
                break;
            case "":
                if (amount.signum() == 0) {
                    return Duration.ZERO;
                }
                throw new IllegalArgumentException("missing unit in '" + text + "'; expected " + DURATION_EXPECTED);
            default:
                throw new IllegalArgumentException(
                        "unknown unit '" + unit + "' in '" + text + "'; expected " + DURATION_EXPECTED);
        }
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit)).setScale(0, RoundingMode.HALF_UP);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("duration '" + text + "' is too long; the longest is about 292 years");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /**
     * Parses a rate into events per second: a number, optionally {@code k} or {@code K} (thousand) or {@code M}
     * (million), then {@code /ms}, {@code /s}, {@code /m} or {@code /min}, or {@code /h}.
     */
    public static double parseRate(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(
                    "missing '/s' (or another unit) in '" + text + "'; expected " + RATE_EXPECTED);
        }
        String count = text.substring(0, slash);
        String per = text.substring(slash + 1);
        double multiplier = 1.0;
        if (count.endsWith("k") || count.endsWith("K")) {
            multiplier = 1e3;
            count = count.substring(0, count.length() - 1);
        } else if (count.endsWith("M")) {
            multiplier = 1e6;
            count = count.substring(0, count.length() - 1);
        }
        if (count.startsWith("-")) {
            throw new IllegalArgumentException("negative rate '" + text + "'; expected " + RATE_EXPECTED);
        }
        if (numberEnd(count) != count.length()) {
            throw new IllegalArgumentException(
                    "'" + count + "' is not a number in '" + text + "'; expected " + RATE_EXPECTED);
        }
        double amount = number(count, text, RATE_EXPECTED).doubleValue() * multiplier;
        switch (per) {
            case "ms":
                return amount * 1e3;
            case "s":
                return amount;
            case "m":
            case "min":
                return amount / 60.0;
            case "h":
                return amount / 3600.0;
            default:
                throw new IllegalArgumentException(
                        "unknown unit '/" + per + "' in '" + text + "'; expected " + RATE_EXPECTED);
        }
    }

    /**
     * Parses a fraction in [0, 1]: a percentage such as {@code 2%} or {@code 0.5%}, or a plain number from 0 to 1
     * such as {@code 0.02}.
     */
    public static double parseFraction(String text) {
        if (text.startsWith("-")) {
            throw new IllegalArgumentException("negative fraction '" + text + "'; expected " + FRACTION_EXPECTED);
        }
        boolean percent = text.endsWith("%");
        String number = percent ? text.substring(0, text.length() - 1) : text;
        if (numberEnd(number) != number.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a number; expected " + FRACTION_EXPECTED);
        }
        double value = number(number, text, FRACTION_EXPECTED).doubleValue();
        if (percent) {
            if (value > 100.0) {
                throw new IllegalArgumentException("'" + text + "' is more than 100%");
            }
            return value / 100.0;
        }
        if (value > 1.0) {
            throw new IllegalArgumentException(
                    "'" + text + "' is more than 1; write " + text + "% for " + text + " percent");
        }
        return value;
    }

    /** Formats nanoseconds the way a scenario would write them: {@code 250ms}, {@code 1.5s}, {@code 20us}. */
    public static String formatDuration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos % 3_600_000_000_000L == 0) {
            return nanos / 3_600_000_000_000L + "h";
        }
        if (nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + "m";
        }
        String[] units = {"s", "ms", "us"};
        int[] scales = {9, 6, 3};
        for (int i = 0; i < units.length; i++) {
            if (nanos >= BigDecimal.ONE.scaleByPowerOfTen(scales[i]).longValue()) {
                BigDecimal value = BigDecimal.valueOf(nanos).scaleByPowerOfTen(-scales[i]);
                return value.stripTrailingZeros().toPlainString() + units[i];
            }
        }
        return nanos + "ns";
    }

    /** Formats a number without a needless ".0": {@code 2}, {@code 1.5}. */
    public static String formatNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal number(String number, String text, String expected) {
        if (number.isEmpty() || number.equals(".")) {
            throw new IllegalArgumentException("'" + text + "' does not start with a number; expected " + expected);
        }
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + number + "' is not a number in '" + text + "'; expected " + expected);
        }
    }

    /** The end of the leading run of digits and dots. */
    private static int numberEnd(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) >= '0' && text.charAt(i) <= '9' || text.charAt(i) == '.')) {
            i++;
        }
        return i;
    }
}
