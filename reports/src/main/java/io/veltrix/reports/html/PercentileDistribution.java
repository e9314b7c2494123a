package io.veltrix.reports.html;

import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.StrategyResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;

/**
 * A strategy's end-to-end latency by percentile, as HdrHistogram's plotter draws it: x is {@code 1 / (1 - p)} on a
 * log axis (90% at 10, 99% at 100, 99.9% at 1000...), y the latency at that percentile.
 *
 * <p>The exact source is the strategy's {@code .hlog} next to {@code results.json}: the sum of its untagged interval
 * histograms (one per second, all event types together) is every measured completion. Without it, the few
 * percentiles kept in {@code results.json} are drawn instead, and {@link #source} says so.
 *
 * @param points {@code [1 / (1 - p), latency in ns]} pairs, percentile ascending
 * @param count the number of latencies the distribution holds
 * @param source where the points come from, for the page
 * @param exact whether the points come from the full histogram
 */
record PercentileDistribution(List<double[]> points, long count, String source, boolean exact) {

    /** HdrHistogram's default for its percentile output: five steps per halving of the distance to 100%. */
    static final int TICKS_PER_HALF_DISTANCE = 5;

    /** The distribution of {@code strategy}, from its .hlog in {@code directory} when there is one. */
    static PercentileDistribution of(StrategyResult strategy, Path directory) {
        LatencySummary summary = strategy.latency().endToEnd();
        if (directory == null || strategy.hlogFile() == null) {
            return ofSummary(summary, "no .hlog given");
        }
        Path hlog = directory.resolve(strategy.hlogFile());
        if (!Files.isRegularFile(hlog)) {
            return ofSummary(summary, "no .hlog found");
        }
        Histogram histogram;
        try {
            histogram = readAllTypes(hlog);
        } catch (RuntimeException e) {
            // A damaged log (HdrHistogram throws unchecked exceptions of several kinds) must not cost the whole
            // report: draw the summary and say why.
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return ofSummary(summary, "cannot read " + strategy.hlogFile() + ": " + why);
        }
        if (histogram.getTotalCount() == 0) {
            return ofSummary(summary, strategy.hlogFile() + " holds no latencies");
        }
        return of(histogram, strategy.hlogFile());
    }

    /** The full distribution of {@code histogram}. */
    static PercentileDistribution of(Histogram histogram, String fileName) {
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double percentile = v.getPercentileLevelIteratedTo();
            if (percentile >= 100.0) {
                // x would be infinite; the plotter leaves the last line out as well.
                break;
            }
            // The value HdrHistogram's own percentile output prints (the bucket's highest equivalent value).
            points.add(new double[] {100.0 / (100.0 - percentile), v.getValueIteratedTo()});
        }
        long count = histogram.getTotalCount();
        String source = "from " + fileName + " (" + count + " latencies, every measured completion)";
        return new PercentileDistribution(points, count, source, true);
    }

    /** The few percentiles of a summary, each only where there are enough latencies to tell it from the maximum. */
    static PercentileDistribution ofSummary(LatencySummary s, String why) {
        List<double[]> points = new ArrayList<>();
        double[] percentiles = {50, 90, 99, 99.9, 99.99};
        long[] values = {s.p50(), s.p90(), s.p99(), s.p99_9(), s.p99_99()};
        for (int i = 0; i < percentiles.length; i++) {
            double x = 100.0 / (100.0 - percentiles[i]);
            if (s.count() > 0 && x <= s.count()) {
                points.add(new double[] {x, values[i]});
            }
        }
        if (s.count() > 1) {
            // With n latencies the largest sits at the 1 - 1/n quantile.
            points.add(new double[] {s.count(), s.max()});
        }
        String source =
                "from the summary percentiles of results.json (" + why + ": p50, p90, p99, p99.9, p99.99 and max only)";
        return new PercentileDistribution(points, s.count(), source, false);
    }

    /** The sum of the untagged intervals of an .hlog: every event type together. */
    static Histogram readAllTypes(Path hlog) {
        Histogram total = new Histogram(3);
        try {
            File file = hlog.toFile();
            try (HistogramLogReader reader = new HistogramLogReader(file)) {
                for (EncodableHistogram h = reader.nextIntervalHistogram();
                        h != null;
                        h = reader.nextIntervalHistogram()) {
                    if (h.getTag() == null && h instanceof Histogram interval) {
                        total.add(interval);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return total;
    }
}
