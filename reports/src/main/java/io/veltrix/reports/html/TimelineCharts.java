package io.veltrix.reports.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.QueuePoint;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TimelinePoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The charts over the run's seconds, from each strategy's timeline: throughput, p99, drops, queues, retries and dead
 * letters. Rates are per second of each interval (the intervals are about a second; the last, the drain, may be
 * shorter or longer). Series longer than {@link Downsampler#MAX_POINTS} are thinned, and {@link #downsampled} says
 * which.
 */
final class TimelineCharts {
    private final BenchResults results;
    private final List<String> downsampled = new ArrayList<>();

    TimelineCharts(BenchResults results) {
        this.results = results;
    }

    /** What was thinned, one line per series, such as {@code naive throughput: 3,600 points drawn as 600}. */
    List<String> downsampled() {
        return List.copyOf(downsampled);
    }

    ChartSpec throughput() {
        ChartSpec chart = timeChart("throughput", "Throughput: completed per second (solid), offered (dotted)", "rate");
        int colour = 0;
        for (StrategyResult s : results.strategies()) {
            add(chart, s, s.name() + " completed", colour, "line", p -> perSecond(p, p.completed()));
            add(chart, s, s.name() + " offered", colour, "dotted", p -> perSecond(p, p.offered()));
            colour++;
        }
        return chart;
    }

    ChartSpec p99() {
        ChartSpec chart = timeChart("p99", "End-to-end p99 per interval", "ms");
        int colour = 0;
        for (StrategyResult s : results.strategies()) {
            add(chart, s, s.name(), colour++, "line", p -> p.p99() / 1e6);
        }
        return chart;
    }

    ChartSpec drops() {
        ChartSpec chart = timeChart("drops", "Drops per second (rejected + evicted + dead-lettered)", "rate");
        int colour = 0;
        for (StrategyResult s : results.strategies()) {
            add(chart, s, s.name(), colour++, "line", p -> perSecond(p, p.rejected() + p.evicted() + p.deadLettered()));
        }
        return chart;
    }

    ChartSpec retriesAndDeadLetters() {
        ChartSpec chart =
                timeChart("retries", "Retries per second (solid) and dead letters per second (dashed)", "rate");
        int colour = 0;
        for (StrategyResult s : results.strategies()) {
            add(chart, s, s.name() + " retries", colour, "line", p -> perSecond(p, p.retries()));
            add(chart, s, s.name() + " dead letters", colour, "dashed", p -> perSecond(p, p.deadLettered()));
            colour++;
        }
        return chart;
    }

    /**
     * One chart per strategy: every queue's depth (solid) and capacity (dashed steps), and what admission enforced
     * (dotted) where that differs from the capacity (slots borrowed from or lent to other tiers).
     */
    List<ChartSpec> queues() {
        List<ChartSpec> charts = new ArrayList<>();
        int index = 0;
        for (StrategyResult s : results.strategies()) {
            ChartSpec chart =
                    timeChart("queues-" + index++, s.name() + ": queue depth (solid) and capacity (dashed)", "count");
            Set<String> names = new LinkedHashSet<>();
            for (TimelinePoint p : s.timeline()) {
                p.queues().forEach(q -> names.add(q.name()));
            }
            int colour = 0;
            for (String queue : names) {
                add(chart, s, queue + " depth", colour, "line", p -> queue(p, queue, QueuePoint::depth));
                add(chart, s, queue + " capacity", colour, "step", p -> queue(p, queue, QueuePoint::capacity));
                boolean borrows = s.timeline().stream()
                        .flatMap(p -> p.queues().stream())
                        .anyMatch(q -> q.name().equals(queue) && q.limit() != q.capacity());
                if (borrows) {
                    add(chart, s, queue + " limit", colour, "dotted", p -> queue(p, queue, QueuePoint::limit));
                }
                colour++;
            }
            charts.add(chart);
        }
        return charts;
    }

    private ChartSpec timeChart(String id, String title, String unit) {
        return new ChartSpec(id, "time", title, unit).warmup(results.scenario().warmupSeconds());
    }

    /** Adds one series of {@code strategy}'s timeline, thinned when long; points without a value are skipped. */
    private void add(
            ChartSpec chart,
            StrategyResult strategy,
            String name,
            int colour,
            String style,
            ToDoubleFunction<TimelinePoint> value) {
        List<TimelinePoint> timeline = strategy.timeline();
        double[] xs = new double[timeline.size()];
        double[] ys = new double[timeline.size()];
        int n = 0;
        for (TimelinePoint p : timeline) {
            double y = value.applyAsDouble(p);
            if (!Double.isNaN(y)) {
                xs[n] = p.end();
                ys[n] = y;
                n++;
            }
        }
        double[] values = Arrays.copyOf(ys, n);
        int[] kept = Downsampler.keep(values, Downsampler.MAX_POINTS);
        if (kept.length < n) {
            downsampled.add(
                    String.format(Locale.ROOT, "%s, %s: %,d points drawn as %,d", chart.id, name, n, kept.length));
        }
        ArrayNode data = chart.series(name, colour, style);
        for (int i : kept) {
            ChartSpec.point(data, xs[i], ys[i]);
        }
    }

    private static double perSecond(TimelinePoint p, long count) {
        double seconds = p.end() - p.start();
        return seconds > 0 ? count / seconds : Double.NaN;
    }

    private static double queue(TimelinePoint p, String name, ToDoubleFunction<QueuePoint> value) {
        for (QueuePoint q : p.queues()) {
            if (q.name().equals(name)) {
                return value.applyAsDouble(q);
            }
        }
        return Double.NaN;
    }
}
