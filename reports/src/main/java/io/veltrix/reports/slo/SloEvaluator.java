package io.veltrix.reports.slo;

import io.veltrix.reports.slo.SloVerdict.WindowStats;
import io.veltrix.reports.slo.WindowTracker.WindowValue;
import io.veltrix.scenarios.model.Comparison;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.model.SloUnit;
import io.veltrix.scenarios.parse.Quantities;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks SLOs against a bench's results: each objective once per strategy it applies to (every strategy run, or the
 * one it names), over the measured part, or in every window of its {@code over} length.
 *
 * <p>Metrics: {@code p50}, {@code p90}, {@code p99}, {@code p99.9} and {@code max} are end-to-end latencies counted
 * from each event's intended time (corrected for coordinated omission); {@code throughput} is completed events per
 * measured second; {@code loss} is rejected + evicted + dead-lettered events, {@code errors} dead-lettered events
 * and {@code retries} retries scheduled, each a count or a percentage of submitted events; {@code alloc_per_event},
 * {@code alloc_rate} and {@code gc_pause_max} come from a {@link JvmFiguresSource}. Whatever cannot be measured gets
 * {@link SloStatus#NO_DATA}, which fails.
 */
public final class SloEvaluator {
    private final JvmFiguresSource jvm;

    /** An evaluator whose allocation and GC figures come from {@code jvm}. */
    public SloEvaluator(JvmFiguresSource jvm) {
        this.jvm = Objects.requireNonNull(jvm, "jvm");
    }

    /** An evaluator without allocation or GC figures (their SLOs get "no data"). */
    public SloEvaluator() {
        this(JvmFiguresSource.NONE);
    }

    /**
     * @param slos the objectives, in order
     * @param results what the bench measured
     * @param intervals each strategy's interval histograms (its {@code .hlog}), by strategy name; a strategy without
     *     them gets "no data" for windowed latency SLOs
     */
    public SloReport evaluate(List<Slo> slos, BenchResults results, Map<String, IntervalHistograms> intervals) {
        List<SloVerdict> verdicts = new ArrayList<>();
        for (Slo slo : slos) {
            if (slo.strategy().isPresent()) {
                String name = slo.strategy().get();
                StrategyResult strategy = results.strategy(name);
                if (strategy == null) {
                    verdicts.add(
                            verdict(slo, name, SloStatus.SKIPPED, null, null, "strategy " + name + " was not run"));
                } else {
                    verdicts.add(check(slo, strategy, intervals.get(name)));
                }
            } else if (results.strategies().isEmpty()) {
                verdicts.add(verdict(slo, null, SloStatus.NO_DATA, null, null, "no strategy was run"));
            } else {
                for (StrategyResult strategy : results.strategies()) {
                    verdicts.add(check(slo, strategy, intervals.get(strategy.name())));
                }
            }
        }
        return new SloReport(verdicts);
    }

    /** {@code slo} checked against one strategy's results. */
    public SloVerdict check(Slo slo, StrategyResult strategy, IntervalHistograms intervals) {
        Scope scope = Scope.of(slo, strategy);
        if (scope == null) {
            return verdict(
                    slo,
                    strategy.name(),
                    SloStatus.NO_DATA,
                    null,
                    null,
                    "no data: the results of strategy " + strategy.name() + " have no " + Scope.labelOf(slo));
        }
        if (WindowTracker.isJvm(slo.metric())) {
            return jvm(slo, strategy, scope);
        }
        if (slo.window().isPresent()) {
            return windowed(slo, strategy, scope, intervals);
        }
        return whole(slo, strategy, scope);
    }

    private SloVerdict whole(Slo slo, StrategyResult strategy, Scope scope) {
        String subject = slo.metric().token() + " of " + scope.label();
        Double value = measure(slo, scope);
        if (value == null) {
            String why = scope.counts().submitted() == 0
                    ? "nothing of " + scope.label() + " was submitted in the measured part"
                    : "no event of " + scope.label() + " completed in the measured part";
            return verdict(
                    slo,
                    strategy.name(),
                    SloStatus.NO_DATA,
                    null,
                    null,
                    "no data for " + subject + ": " + why + partial(strategy));
        }
        boolean holds = slo.comparison().holds(value, slo.threshold());
        String message = subject + " was " + SloValues.format(value, slo.unit()) + detail(slo, scope.counts())
                + "; must be " + SloValues.threshold(slo) + partial(strategy);
        return verdict(slo, strategy.name(), holds ? SloStatus.PASS : SloStatus.FAIL, value, null, message);
    }

    /** The measured part's value of {@code slo}'s metric in {@code scope}, or null when there is none. */
    static Double measure(Slo slo, Scope scope) {
        LatencySummary latency = scope.endToEnd();
        MeasuredCounts counts = scope.counts();
        boolean fraction = slo.unit() == SloUnit.FRACTION;
        switch (slo.metric()) {
            case P50:
                return latency.count() == 0 ? null : (double) latency.p50();
            case P90:
                return latency.count() == 0 ? null : (double) latency.p90();
            case P99:
                return latency.count() == 0 ? null : (double) latency.p99();
            case P99_9:
                return latency.count() == 0 ? null : (double) latency.p99_9();
            case MAX:
                return latency.count() == 0 ? null : (double) latency.max();
            case THROUGHPUT:
                return scope.throughput();
            case LOSS:
                return count(counts.lost(), counts, fraction);
            case ERRORS:
                return count(counts.deadLettered(), counts, fraction);
            case RETRIES:
                return count(counts.retries(), counts, fraction);
            default:
                throw new IllegalArgumentException(slo.metric() + " is not measured from counts or latencies");
        }
    }

    private static Double count(long count, MeasuredCounts counts, boolean fraction) {
        if (!fraction) {
            return (double) count;
        }
        return counts.submitted() == 0 ? null : (double) count / counts.submitted();
    }

    /** What a count is made of: {@code (rejected 3, evicted 0, dead-lettered 1 of 5,012 submitted)}. */
    private static String detail(Slo slo, MeasuredCounts c) {
        switch (slo.metric()) {
            case LOSS:
                return String.format(
                        Locale.ROOT,
                        " (rejected %,d, evicted %,d, dead-lettered %,d of %,d submitted)",
                        c.rejected(),
                        c.evicted(),
                        c.deadLettered(),
                        c.submitted());
            case ERRORS:
                return String.format(
                        Locale.ROOT, " (dead-lettered %,d of %,d submitted)", c.deadLettered(), c.submitted());
            case RETRIES:
                return String.format(Locale.ROOT, " (%,d retries for %,d submitted)", c.retries(), c.submitted());
            default:
                return "";
        }
    }

    private SloVerdict windowed(Slo slo, StrategyResult strategy, Scope scope, IntervalHistograms intervals) {
        String window = Quantities.formatDuration(slo.window().orElseThrow());
        String subject = slo.metric().token() + " of " + scope.label() + " over " + window + " windows";
        List<Slice> slices = slices(strategy, intervals);
        String missing = WindowTracker.missing(slo, scope.types(), slices);
        if (missing == null && slices.isEmpty()) {
            missing = "the timeline has no measured interval";
        }
        if (missing != null) {
            return verdict(
                    slo, strategy.name(), SloStatus.NO_DATA, null, null, "no data for " + subject + ": " + missing);
        }
        WindowTracker tracker = new WindowTracker(slo, scope.types());
        int count = 0;
        int failed = 0;
        WindowValue worst = null;
        boolean wholeRun = false;
        List<WindowValue> windows = new ArrayList<>();
        for (Slice slice : slices) {
            WindowValue w = tracker.add(slice);
            if (w != null) {
                windows.add(w);
            }
        }
        if (windows.isEmpty()) {
            windows.add(tracker.whole());
            wholeRun = true;
        }
        for (WindowValue w : windows) {
            if (w.value() == null) {
                continue;
            }
            count++;
            if (!slo.comparison().holds(w.value(), slo.threshold())) {
                failed++;
            }
            if (worst == null || worse(slo, w.value(), worst.value())) {
                worst = w;
            }
        }
        if (worst == null) {
            return verdict(
                    slo,
                    strategy.name(),
                    SloStatus.NO_DATA,
                    null,
                    null,
                    "no data for " + subject + ": no window had a completed event of " + scope.label()
                            + partial(strategy));
        }
        WindowStats stats = new WindowStats(count, failed, worst.start(), worst.end(), wholeRun);
        String where = String.format(Locale.ROOT, "%.1fs-%.1fs of the run", worst.start(), worst.end());
        String how = failed == 0
                ? "held in " + (count == 1 ? "the only window" : "all " + count + " windows")
                : "failed in " + failed + " of " + count + " window" + (count == 1 ? "" : "s");
        String shorter = wholeRun
                ? String.format(
                        Locale.ROOT,
                        " (the measured part, %.1fs, is shorter than the window: checked over all of it)",
                        worst.end() - worst.start())
                : "";
        String message = subject + ": worst " + SloValues.format(worst.value(), slo.unit()) + " (" + where + "), " + how
                + "; must be " + SloValues.threshold(slo) + " in every window" + shorter + partial(strategy);
        SloStatus status = failed == 0 ? SloStatus.PASS : SloStatus.FAIL;
        return new SloVerdict(
                slo,
                strategy.name(),
                scope.label(),
                status,
                worst.value(),
                SloValues.format(worst.value(), slo.unit()),
                SloValues.threshold(slo),
                stats,
                message);
    }

    /** Whether {@code a} is further than {@code b} on the failing side of {@code slo}'s threshold. */
    static boolean worse(Slo slo, double a, double b) {
        Comparison c = slo.comparison();
        if (c == Comparison.LESS || c == Comparison.LESS_OR_EQUAL) {
            return a > b;
        }
        if (c == Comparison.GREATER || c == Comparison.GREATER_OR_EQUAL) {
            return a < b;
        }
        return Math.abs(a - slo.threshold()) > Math.abs(b - slo.threshold());
    }

    /**
     * The measured part of {@code strategy} interval by interval: its timeline's points after the warm-up, each with
     * the interval histograms of the same interval when {@code intervals} has them.
     */
    static List<Slice> slices(StrategyResult strategy, IntervalHistograms intervals) {
        List<Slice> slices = new ArrayList<>();
        for (TimelinePoint point : strategy.timeline()) {
            if ("warmup".equals(point.phase())) {
                continue;
            }
            IntervalHistograms.Interval match = intervals == null ? null : intervals.startingAt(point.start());
            slices.add(new Slice(
                    point.start(),
                    point.end(),
                    point,
                    match == null ? null : match.total(),
                    match == null ? null : match.byType()));
        }
        return slices;
    }

    private SloVerdict jvm(Slo slo, StrategyResult strategy, Scope scope) {
        String metric = slo.metric().token();
        if (slo.window().isPresent()) {
            return verdict(
                    slo,
                    strategy.name(),
                    SloStatus.NO_DATA,
                    null,
                    null,
                    "no data: " + metric + " is measured over a strategy's whole measured part, not per window");
        }
        if (!scope.all()) {
            return verdict(
                    slo,
                    strategy.name(),
                    SloStatus.NO_DATA,
                    null,
                    null,
                    "no data: " + metric + " is measured for the whole JVM, not per event type or tier");
        }
        JvmFigures figures = jvm.figures(strategy);
        Double value = null;
        if (figures != null) {
            switch (slo.metric()) {
                case ALLOC_PER_EVENT:
                    value = figures.allocatedBytesPerEvent();
                    break;
                case ALLOC_RATE:
                    value = figures.allocatedBytesPerSecond();
                    break;
                default:
                    value = figures.gcPauseMaxNanos() == null
                            ? null
                            : figures.gcPauseMaxNanos().doubleValue();
            }
        }
        if (value == null) {
            return verdict(
                    slo,
                    strategy.name(),
                    SloStatus.NO_DATA,
                    null,
                    null,
                    "no data: " + metric
                            + " comes from the Flight Recorder analysis, and the results of strategy " + strategy.name()
                            + " carry no such figure, so the SLO cannot pass");
        }
        boolean holds = slo.comparison().holds(value, slo.threshold());
        String message = metric + " was " + SloValues.format(value, slo.unit()) + "; must be "
                + SloValues.threshold(slo) + partial(strategy);
        return verdict(slo, strategy.name(), holds ? SloStatus.PASS : SloStatus.FAIL, value, null, message);
    }

    private static String partial(StrategyResult strategy) {
        return strategy.complete() ? "" : " (the run was stopped early: partial results)";
    }

    private static SloVerdict verdict(
            Slo slo, String strategy, SloStatus status, Double value, WindowStats windows, String message) {
        return new SloVerdict(
                slo,
                strategy,
                Scope.labelOf(slo),
                status,
                value,
                value == null ? null : SloValues.format(value, slo.unit()),
                SloValues.threshold(slo),
                windows,
                message);
    }
}
