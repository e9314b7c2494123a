package io.veltrix.reports.slo;

import io.veltrix.reports.slo.WindowTracker.WindowValue;
import io.veltrix.scenarios.model.Comparison;
import io.veltrix.scenarios.model.EventType;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.model.SloMetric;
import io.veltrix.scenarios.model.SloUnit;
import io.veltrix.scenarios.parse.Quantities;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.run.RunListener;
import io.veltrix.scenarios.run.StopSignal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * Watches a bench as it runs ({@code veltrix bench --abort-on-fail}) and stops it through its {@link StopSignal} as
 * soon as an SLO can no longer pass, forwarding everything to another listener (the console's progress).
 *
 * <p>Checked once a second, on each measured interval, for the strategy running:
 *
 * <ul>
 *   <li>{@code loss}, {@code errors} and {@code retries} given as a count with {@code <}, {@code <=} or {@code ==}:
 *       counts only grow, so once over the threshold they stay over;
 *   <li>{@code max} with {@code <}, {@code <=} or {@code ==}: the largest latency so far only grows;
 *   <li>every windowed SLO that can be checked after the run ({@link WindowTracker}): a window that failed stays
 *       failed.
 * </ul>
 *
 * Percentiles, throughput and percentages over the whole run can still recover, and allocation figures come only
 * after the run: those are checked at the end.
 */
public final class SloWatch implements RunListener {
    private final List<Slo> slos;
    private final Map<String, String> tierOfType;
    private final StopSignal stop;
    private final RunListener delegate;
    private final List<Watched> watched = new ArrayList<>();
    private volatile String abortReason;

    /** One SLO being watched during the current strategy. */
    private static final class Watched {
        final Slo slo;
        final List<String> types;
        final WindowTracker tracker;
        long count;
        long max;

        Watched(Slo slo, List<String> types) {
            this.slo = slo;
            this.types = types;
            this.tracker = slo.window().isPresent() ? new WindowTracker(slo, types) : null;
        }
    }

    /**
     * @param slos every SLO of the run
     * @param scenario the scenario run (for the event types of each tier)
     * @param stop the signal to stop the bench with
     * @param delegate hears everything this listener hears
     */
    public SloWatch(List<Slo> slos, Scenario scenario, StopSignal stop, RunListener delegate) {
        this.slos = List.copyOf(slos);
        this.tierOfType = new LinkedHashMap<>();
        for (EventType type : scenario.events()) {
            tierOfType.put(type.name(), type.tier());
        }
        this.stop = Objects.requireNonNull(stop, "stop");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Whether {@code slo} can be found failed before a run ends. */
    static boolean watchable(Slo slo, List<String> types) {
        if (slo.window().isPresent()) {
            return WindowTracker.missing(slo, types, List.of()) == null;
        }
        Comparison c = slo.comparison();
        boolean upperBound = c == Comparison.LESS || c == Comparison.LESS_OR_EQUAL || c == Comparison.EQUAL;
        SloMetric m = slo.metric();
        boolean count =
                (m == SloMetric.LOSS || m == SloMetric.ERRORS || m == SloMetric.RETRIES) && slo.unit() == SloUnit.COUNT;
        return upperBound && (count || m == SloMetric.MAX);
    }

    /** Why the run was stopped, or null when it was not. */
    public String abortReason() {
        return abortReason;
    }

    /** Whether an SLO stopped the run. */
    public boolean aborted() {
        return abortReason != null;
    }

    @Override
    public void strategyStarted(String strategy, int index, int count) {
        synchronized (watched) {
            watched.clear();
            for (Slo slo : slos) {
                if (slo.strategy().isPresent() && !slo.strategy().get().equals(strategy)) {
                    continue;
                }
                List<String> types = typesOf(slo);
                if (watchable(slo, types)) {
                    watched.add(new Watched(slo, types));
                }
            }
        }
        delegate.strategyStarted(strategy, index, count);
    }

    @Override
    public void progress(Progress progress) {
        delegate.progress(progress);
    }

    @Override
    public void strategyFinished(StrategyResult result) {
        delegate.strategyFinished(result);
    }

    @Override
    public void measuredInterval(MeasuredInterval interval) {
        try {
            delegate.measuredInterval(interval);
        } finally {
            check(interval);
        }
    }

    private void check(MeasuredInterval interval) {
        synchronized (watched) {
            if (abortReason != null) {
                return;
            }
            Histogram total = new Histogram(3);
            interval.endToEnd().values().forEach(total::add);
            Slice slice = new Slice(
                    interval.point().start(), interval.point().end(), interval.point(), total, interval.endToEnd());
            for (Watched w : watched) {
                String failure = w.tracker != null ? window(w, slice) : running(w, interval);
                if (failure != null) {
                    abortReason = "SLO '" + w.slo.expression() + "' can no longer pass for strategy "
                            + interval.strategy() + ": " + failure;
                    stop.request();
                    return;
                }
            }
        }
    }

    private static String window(Watched w, Slice slice) {
        WindowValue value = w.tracker.add(slice);
        if (value == null || value.value() == null || w.slo.comparison().holds(value.value(), w.slo.threshold())) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%s of %s was %s in the %s window %.1fs-%.1fs of the run; must be %s in every window",
                w.slo.metric().token(),
                Scope.labelOf(w.slo),
                SloValues.format(value.value(), w.slo.unit()),
                Quantities.formatDuration(w.slo.window().orElseThrow()),
                value.start(),
                value.end(),
                SloValues.threshold(w.slo));
    }

    private static String running(Watched w, MeasuredInterval interval) {
        double value;
        if (w.slo.metric() == SloMetric.MAX) {
            for (Map.Entry<String, Histogram> e : interval.endToEnd().entrySet()) {
                if ((w.types == null || w.types.contains(e.getKey()))
                        && e.getValue().getTotalCount() > 0) {
                    w.max = Math.max(w.max, e.getValue().getMaxValue());
                }
            }
            value = w.max;
        } else {
            for (Map.Entry<String, MeasuredCounts> e : interval.counts().entrySet()) {
                if (w.types == null || w.types.contains(e.getKey())) {
                    MeasuredCounts c = e.getValue();
                    w.count += w.slo.metric() == SloMetric.LOSS
                            ? c.lost()
                            : w.slo.metric() == SloMetric.ERRORS ? c.deadLettered() : c.retries();
                }
            }
            value = w.count;
        }
        // Counts and the maximum only grow: once the threshold is crossed it stays crossed.
        boolean over =
                value > w.slo.threshold() || (w.slo.comparison() == Comparison.LESS && value >= w.slo.threshold());
        if (!over) {
            return null;
        }
        return w.slo.metric().token() + " of " + Scope.labelOf(w.slo) + " is already "
                + SloValues.format(value, w.slo.unit()) + " at "
                + String.format(Locale.ROOT, "%.1fs", interval.point().end()) + " of the run; must be "
                + SloValues.threshold(w.slo);
    }

    private List<String> typesOf(Slo slo) {
        if (slo.eventType().isPresent()) {
            return List.of(slo.eventType().get());
        }
        if (slo.tier().isPresent()) {
            List<String> types = new ArrayList<>();
            tierOfType.forEach((type, tier) -> {
                if (tier.equals(slo.tier().get())) {
                    types.add(type);
                }
            });
            return types;
        }
        return null;
    }
}
