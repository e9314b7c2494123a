package io.veltrix.reports.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How much worse than the baseline each metric may get before it is a regression ({@code --max-regression}): one
 * limit for every metric ({@code 10%}), and limits for single metrics ({@code p99=5%}) that take precedence. The
 * change is relative to the baseline: a p99 from 10ms to 11ms is 10% worse; a throughput from 5,000/s to 4,500/s is
 * 10% worse; a loss from 1% to 1.5% of events is 50% worse, and any loss after none is infinitely worse.
 */
public final class RegressionLimits {
    /** No limits: nothing is a regression. */
    public static final RegressionLimits NONE = new RegressionLimits(null, Map.of());

    private final Double global;
    private final Map<CompareMetric, Double> perMetric;

    private RegressionLimits(Double global, Map<CompareMetric, Double> perMetric) {
        this.global = global;
        this.perMetric = perMetric.isEmpty() ? Map.of() : new EnumMap<>(perMetric);
    }

    /**
     * Parses {@code --max-regression} values: {@code 10%} or {@code METRIC=N%}, where METRIC is one of
     * throughput, p50, p99, p99.9, max, loss.
     *
     * @throws IllegalArgumentException naming the bad value and what was expected
     */
    public static RegressionLimits parse(List<String> values) {
        Double global = null;
        Map<CompareMetric, Double> perMetric = new EnumMap<>(CompareMetric.class);
        for (String value : values) {
            String text = value.trim();
            int equals = text.indexOf('=');
            if (equals < 0) {
                if (global != null) {
                    throw new IllegalArgumentException(
                            "--max-regression: '" + text + "' is a second limit for every metric; give one, and"
                                    + " per-metric limits as METRIC=N%");
                }
                global = percent(text, text);
                continue;
            }
            String name = text.substring(0, equals).trim();
            CompareMetric metric = CompareMetric.byToken(name);
            if (metric == null) {
                throw new IllegalArgumentException("--max-regression: unknown metric '" + name + "' in '" + text
                        + "'; expected one of " + String.join(", ", CompareMetric.tokens()));
            }
            if (perMetric.containsKey(metric)) {
                throw new IllegalArgumentException(
                        "--max-regression: " + name + " is given twice; give one limit per metric");
            }
            perMetric.put(metric, percent(text.substring(equals + 1).trim(), text));
        }
        return new RegressionLimits(global, perMetric);
    }

    private static double percent(String number, String whole) {
        String expected =
                "; expected a percentage like 10% or METRIC=N% (" + String.join(", ", CompareMetric.tokens()) + ")";
        if (!number.endsWith("%")) {
            throw new IllegalArgumentException("--max-regression: '" + whole + "' has no %" + expected);
        }
        try {
            double value = Double.parseDouble(number.substring(0, number.length() - 1));
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--max-regression: '" + whole + "' is not a percentage of 0 or more" + expected);
        }
    }

    /** The limit of {@code metric} in percent, if any. */
    public Optional<Double> of(CompareMetric metric) {
        Double limit = perMetric.getOrDefault(metric, global);
        return Optional.ofNullable(limit);
    }

    /** Whether no limit was set. */
    public boolean isEmpty() {
        return global == null && perMetric.isEmpty();
    }

    /** {@code 10% for every metric, p99 5%}, or {@code none}. */
    public String describe() {
        if (isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        if (global != null) {
            s.append(number(global)).append("% for every metric");
        }
        perMetric.forEach((metric, limit) -> {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(metric.token()).append(' ').append(number(limit)).append('%');
        });
        return s.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
