package io.veltrix.reports.compare;

import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.EnvironmentInfo;
import io.veltrix.scenarios.results.ScenarioInfo;
import io.veltrix.scenarios.results.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a new run with a baseline, strategy by strategy (matched by name), on throughput, end-to-end p50, p99,
 * p99.9 and max, and loss.
 *
 * <p>Each side's value is the mean of its repeats when it has some ({@code bench --repeat N}), else its only run's.
 * The noise is the largest of twice either side's standard deviation and either side's range (max - min) over its
 * repeats; for latencies, at least 0.1% of the larger value, the precision of the histograms they come from. A
 * difference within the noise is {@link CompareVerdict#WITHIN_NOISE} whatever the limits; beyond it, a worsening
 * larger than the metric's {@link RegressionLimits limit} is a {@link CompareVerdict#REGRESSION}. Twice the standard
 * deviation of single repeats (not of their mean) is deliberately wide: a check that fails builds must not cry wolf.
 * Without repeats on either side, every difference beyond the histograms' precision counts: repeat to measure noise.
 */
public final class BaselineComparer {
    /** The relative precision of latencies: HdrHistogram with 3 significant digits. */
    static final double LATENCY_PRECISION = 0.001;

    private BaselineComparer() {}

    /** Compares {@code current} with {@code base}. */
    public static BaselineComparison compare(LoadedResults base, LoadedResults current, RegressionLimits limits) {
        Objects.requireNonNull(limits, "limits");
        List<ComparisonRow> rows = new ArrayList<>();
        List<String> onlyInBase = new ArrayList<>();
        List<String> onlyInNew = new ArrayList<>();
        for (StrategyResult s : current.results().strategies()) {
            StrategyResult b = base.results().strategy(s.name());
            if (b == null) {
                onlyInNew.add(s.name());
                continue;
            }
            double[] baseValues;
            double[] newValues;
            for (CompareMetric metric : CompareMetric.values()) {
                baseValues = values(base, b, metric);
                newValues = values(current, s, metric);
                rows.add(row(s.name(), metric, baseValues, newValues, limits.of(metric)));
            }
        }
        for (StrategyResult b : base.results().strategies()) {
            if (current.results().strategy(b.name()) == null) {
                onlyInBase.add(b.name());
            }
        }
        return new BaselineComparison(
                String.valueOf(base.file()),
                String.valueOf(current.file()),
                rows,
                onlyInBase,
                onlyInNew,
                notes(base, current),
                limits.describe());
    }

    /** One metric's row from each side's samples. */
    static ComparisonRow row(
            String strategy, CompareMetric metric, double[] base, double[] current, Optional<Double> limit) {
        double b = mean(base);
        double n = mean(current);
        double noise = Math.max(Math.max(2 * stddev(base), 2 * stddev(current)), Math.max(range(base), range(current)));
        if (metric.isLatency()) {
            noise = Math.max(noise, LATENCY_PRECISION * Math.max(Math.abs(b), Math.abs(n)));
        }
        Double delta = b != 0 ? Double.valueOf(100 * (n - b) / Math.abs(b)) : n == 0 ? Double.valueOf(0) : null;
        double difference = n - b;
        CompareVerdict verdict;
        if (Math.abs(difference) <= noise) {
            verdict = CompareVerdict.WITHIN_NOISE;
        } else if (metric.higherIsBetter() == difference > 0) {
            verdict = CompareVerdict.BETTER;
        } else {
            double worsening = delta == null ? Double.POSITIVE_INFINITY : Math.abs(delta);
            verdict = limit.isPresent() && worsening > limit.get() ? CompareVerdict.REGRESSION : CompareVerdict.WORSE;
        }
        return new ComparisonRow(
                strategy, metric, b, n, delta, noise, base.length, current.length, limit.orElse(null), verdict);
    }

    private static double[] values(LoadedResults side, StrategyResult s, CompareMetric metric) {
        List<RepeatFigures> repeats =
                side.repeats() == null ? List.of() : side.repeats().of(s.name());
        if (repeats.isEmpty()) {
            return new double[] {metric.value(s)};
        }
        double[] values = new double[repeats.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = metric.value(repeats.get(i));
        }
        return values;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The sample standard deviation (n - 1); 0 for a single value. */
    static double stddev(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    static double range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }

    private static List<String> notes(LoadedResults base, LoadedResults current) {
        List<String> notes = new ArrayList<>();
        BenchResults b = base.results();
        BenchResults n = current.results();
        ScenarioInfo bs = b.scenario();
        ScenarioInfo ns = n.scenario();
        differs(notes, "scenario", bs.name(), ns.name());
        differs(notes, "seed", bs.seed(), ns.seed());
        differs(notes, "load", bs.load(), ns.load());
        differs(notes, "measured duration (s)", bs.durationSeconds(), ns.durationSeconds());
        differs(notes, "warm-up (s)", bs.warmupSeconds(), ns.warmupSeconds());
        EnvironmentInfo be = b.environment();
        EnvironmentInfo ne = n.environment();
        if (be != null && ne != null) {
            differs(notes, "CPUs", be.cpus(), ne.cpus());
            differs(notes, "JDK", be.jdkVendor() + " " + be.jdkVersion(), ne.jdkVendor() + " " + ne.jdkVersion());
        }
        if (b.partial()) {
            notes.add("the baseline was interrupted: its results are partial");
        }
        if (n.partial()) {
            notes.add("the new run was interrupted: its results are partial");
        }
        int baseRepeats = base.repeats() == null ? 1 : base.repeats().repeats();
        int newRepeats = current.repeats() == null ? 1 : current.repeats().repeats();
        if (baseRepeats < 2 && newRepeats < 2) {
            notes.add("no repeats on either side: only differences within the latency histograms' precision (0.1%)"
                    + " count as noise; run bench --repeat N to measure the noise");
        } else {
            notes.add("noise: twice the standard deviation or the range of " + baseRepeats + " base and " + newRepeats
                    + " new repeats, whichever is larger");
        }
        return notes;
    }

    private static void differs(List<String> notes, String what, Object base, Object current) {
        if (!Objects.equals(base, current)) {
            notes.add(what + " differs: " + base + " (base) vs " + current + " (new)");
        }
    }
}
