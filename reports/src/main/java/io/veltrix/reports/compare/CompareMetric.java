package io.veltrix.reports.compare;

import io.veltrix.reports.slo.SloValues;
import io.veltrix.scenarios.results.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code compare} compares between two runs of a strategy, and which way is better. */
public enum CompareMetric {
    /** Completed events per measured second; higher is better. */
    THROUGHPUT("throughput", true),
    /** End-to-end median (ns). */
    P50("p50", false),
    /** End-to-end 99th percentile (ns). */
    P99("p99", false),
    /** End-to-end 99.9th percentile (ns). */
    P99_9("p99.9", false),
    /** End-to-end maximum (ns). */
    MAX("max", false),
    /** Lost events as a percentage of submitted ones. */
    LOSS("loss", false);

    private final String token;
    private final boolean higherIsBetter;

    CompareMetric(String token, boolean higherIsBetter) {
        this.token = token;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name in tables and in {@code --max-regression p99=5%}. */
    public String token() {
        return token;
    }

    /** Whether a higher value is an improvement. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether this is a latency in nanoseconds. */
    public boolean isLatency() {
        return this != THROUGHPUT && this != LOSS;
    }

    /** This metric's value in one repeat. */
    public double value(RepeatFigures f) {
        switch (this) {
            case THROUGHPUT:
                return f.throughput();
            case P50:
                return f.p50();
            case P99:
                return f.p99();
            case P99_9:
                return f.p99_9();
            case MAX:
                return f.max();
            default:
                return f.lossPercent();
        }
    }

    /** This metric's value in a strategy's result. */
    public double value(StrategyResult s) {
        return value(RepeatFigures.of(s));
    }

    /** A value of this metric for reading: {@code 4,713/s}, {@code 2.5ms}, {@code 0.12%}. */
    public String format(double value) {
        switch (this) {
            case THROUGHPUT:
                return SloValues.number(value, true) + "/s";
            case LOSS:
                return String.format(Locale.ROOT, "%.2f%%", value);
            default:
                return SloValues.duration(value);
        }
    }

    /** The metric called {@code token}, or null. */
    public static CompareMetric byToken(String token) {
        for (CompareMetric m : values()) {
            if (m.token.equals(token)) {
                return m;
            }
        }
        return null;
    }

    /** Every token, in order. */
    public static List<String> tokens() {
        List<String> tokens = new ArrayList<>();
        for (CompareMetric m : values()) {
            tokens.add(m.token);
        }
        return tokens;
    }
}
