package io.veltrix.reports.slo;

import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.model.SloMetric;
import io.veltrix.scenarios.model.SloUnit;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Slides a windowed SLO's window over a measured part, one interval at a time, and gives the value of each window.
 * A window is a run of consecutive intervals that spans at least the SLO's window (less {@value #JITTER_SECONDS}
 * s of sampling jitter); the window that ends with each interval is the shortest such run ending there, except
 * that an interval leaves only once it was part of a window (so that a short interval at the start, when samples
 * came late, is still checked). Latencies
 * of a window come from the sum of its intervals' histograms (added as an interval enters, subtracted as one
 * leaves), so its percentiles are exact to the histogram's precision; counts are summed the same way.
 *
 * <p>Used after a run over the timeline and the {@code .hlog}, and during a run by {@link SloWatch}, so both see
 * the same windows.
 */
final class WindowTracker {
    /** How much shorter than asked a window may be: samples are taken a few milliseconds late or early. */
    static final double JITTER_SECONDS = 0.05;

    /**
     * A window and the SLO metric's value over it.
     *
     * @param start seconds from the start of the run
     * @param end seconds from the start of the run
     * @param value in the SLO's canonical unit; null when the window has nothing to measure (no completion for a
     *     latency, nothing submitted for a percentage)
     */
    record WindowValue(double start, double end, Double value) {}

    private record Entry(
            double start,
            double end,
            Histogram latencies,
            long completed,
            long offered,
            long lost,
            long deadLettered,
            long retries) {}

    private final Slo slo;
    private final List<String> types;
    private final double span;
    private final List<Entry> entries = new ArrayList<>();
    private final Histogram latencies;
    private int head;
    /** Entries before this index were part of a window given out: only those may leave. */
    private int covered;

    private long completed;
    private long offered;
    private long lost;
    private long deadLettered;
    private long retries;

    /**
     * @param slo a windowed SLO whose metric {@link #missing} accepts
     * @param types the event types in scope, or null for all
     */
    WindowTracker(Slo slo, List<String> types) {
        this.slo = slo;
        this.types = types;
        double seconds = slo.window().orElseThrow().toNanos() / 1e9;
        this.span = Math.max(seconds - JITTER_SECONDS, seconds / 2);
        this.latencies = isLatency(slo.metric()) ? new Histogram(3) : null;
    }

    /**
     * Why {@code slo} cannot be checked window by window over {@code slices} with this scope, or null when it can.
     */
    static String missing(Slo slo, List<String> types, List<Slice> slices) {
        SloMetric metric = slo.metric();
        boolean needsLatencies = isLatency(metric) || (metric == SloMetric.THROUGHPUT && types != null);
        if (isJvm(metric)) {
            return metric.token() + " is measured over a strategy's whole measured part, not per window";
        }
        if (!isLatency(metric) && metric != SloMetric.THROUGHPUT && types != null) {
            return "the timeline in results.json counts " + metric.token()
                    + " for every event type together, not per type or tier, so it cannot be checked per window"
                    + " for " + Scope.labelOf(slo);
        }
        if (needsLatencies && slices.stream().anyMatch(s -> !s.hasLatencies())) {
            return (isLatency(metric) ? "a window's latencies" : "a window's completions of one event type or tier")
                    + " come from the strategy's interval histograms (<strategy>.hlog), and they are missing or do"
                    + " not cover the timeline";
        }
        return null;
    }

    static boolean isLatency(SloMetric metric) {
        switch (metric) {
            case P50:
            case P90:
            case P99:
            case P99_9:
            case MAX:
                return true;
            default:
                return false;
        }
    }

    static boolean isJvm(SloMetric metric) {
        return metric == SloMetric.ALLOC_PER_EVENT
                || metric == SloMetric.ALLOC_RATE
                || metric == SloMetric.GC_PAUSE_MAX;
    }

    /** Adds the next interval; returns the window ending with it, or null while the intervals span less. */
    WindowValue add(Slice slice) {
        Histogram h = latencies != null || (types != null && slo.metric() == SloMetric.THROUGHPUT)
                ? slice.latencies(types)
                : null;
        long done = types == null ? slice.point().completed() : h.getTotalCount();
        Entry entry = new Entry(
                slice.start(),
                slice.end(),
                latencies != null ? h : null,
                done,
                slice.point().offered(),
                slice.point().rejected()
                        + slice.point().evicted()
                        + slice.point().deadLettered(),
                slice.point().deadLettered(),
                slice.point().retries());
        entries.add(entry);
        change(entry, 1);
        while (head < covered
                && entries.size() - head > 1
                && entry.end() - entries.get(head + 1).start() >= span) {
            change(entries.get(head), -1);
            entries.set(head, null);
            head++;
        }
        if (entry.end() - entries.get(head).start() < span) {
            return null;
        }
        covered = entries.size();
        return value();
    }

    /**
     * Everything added so far as one window: for a measured part shorter than the window, when {@link #add} never
     * returned one. Null when nothing was added.
     */
    WindowValue whole() {
        return entries.size() == head ? null : value();
    }

    private void change(Entry e, int sign) {
        if (latencies != null) {
            if (sign > 0) {
                latencies.add(e.latencies());
            } else {
                latencies.subtract(e.latencies());
            }
        }
        completed += sign * e.completed();
        offered += sign * e.offered();
        lost += sign * e.lost();
        deadLettered += sign * e.deadLettered();
        retries += sign * e.retries();
    }

    private WindowValue value() {
        double start = entries.get(head).start();
        double end = entries.get(entries.size() - 1).end();
        return new WindowValue(start, end, measure(end - start));
    }

    private Double measure(double seconds) {
        boolean fraction = slo.unit() == SloUnit.FRACTION;
        switch (slo.metric()) {
            case P50:
                return percentile(50);
            case P90:
                return percentile(90);
            case P99:
                return percentile(99);
            case P99_9:
                return percentile(99.9);
            case MAX:
                return latencies.getTotalCount() == 0 ? null : (double) latencies.getMaxValue();
            case THROUGHPUT:
                return seconds > 0 ? completed / seconds : null;
            case LOSS:
                return count(lost, fraction);
            case ERRORS:
                return count(deadLettered, fraction);
            case RETRIES:
                return count(retries, fraction);
            default:
                throw new IllegalStateException(slo.metric() + " has no windows");
        }
    }

    private Double percentile(double percentile) {
        return latencies.getTotalCount() == 0 ? null : (double) latencies.getValueAtPercentile(percentile);
    }

    private Double count(long count, boolean fraction) {
        if (!fraction) {
            return (double) count;
        }
        return offered == 0 ? null : (double) count / offered;
    }
}
