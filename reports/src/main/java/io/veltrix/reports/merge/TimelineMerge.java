package io.veltrix.reports.merge;

import io.veltrix.reports.slo.IntervalHistograms;
import io.veltrix.scenarios.results.HlogTags;
import io.veltrix.scenarios.results.QueuePoint;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TimelinePoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * One strategy's timelines of several runs laid on the wall clock: each run's intervals (its timeline points and its
 * {@code .hlog} interval histograms) go to the whole epoch second their start falls in, and each second becomes one
 * interval of the merged timeline and of the merged {@code .hlog}.
 *
 * <ul>
 *   <li>Counts (offered, accepted, completed, rejected, evicted, dead letters, retries) are summed.
 *   <li>Latencies of a second ({@code p50}, {@code p99}, {@code max}) come from the sum of the histograms of every
 *       interval in it; a second holding a warm-up interval, which no {@code .hlog} keeps, takes the largest of its
 *       intervals' figures instead.
 *   <li>What is observed at an interval's end (queue depth, capacity and limit, events in flight, heap used) is
 *       summed over the runs, each run giving its last interval in that second: the machines are different engines,
 *       so the fleet's backlog is their sum. A run with no interval starting in that second adds nothing.
 *   <li>The generator's lag of a second likewise comes from the sum of the runs' lag histograms when every run's
 *       {@code .hlog} keeps them; otherwise (logs written before they were kept, or a warm-up interval) it takes the
 *       largest of the runs' figures.
 * </ul>
 *
 * The merged {@code .hlog} keeps the other latency kinds per event type and the generator's lag as well when every
 * run's log keeps them.
 *
 * Merged times count from the earliest run's start rounded down to the second.
 */
final class TimelineMerge {
    private TimelineMerge() {}

    record Result(List<TimelinePoint> points, byte[] hlog) {}

    /** What falls into one wall-clock second. */
    private static final class Second {
        final Map<Integer, TimelinePoint> lastByRun = new LinkedHashMap<>();
        final List<TimelinePoint> points = new ArrayList<>();
        Histogram total;
        final Map<String, Histogram> byType = new LinkedHashMap<>();
        final Map<HlogTags.Kind, Map<String, Histogram>> kinds = new EnumMap<>(HlogTags.Kind.class);
        Histogram lag;
        long endMillis;
    }

    /**
     * @param allKinds whether every run's log keeps the other latency kinds, so the merged log keeps their sums
     * @param allLag whether every run's log keeps the generator's lag (or none has any)
     */
    static Result merge(
            List<StrategyResult> parts,
            List<IntervalHistograms> logs,
            List<String> typeNames,
            String strategy,
            boolean allKinds,
            boolean allLag) {
        long origin = Long.MAX_VALUE;
        for (IntervalHistograms log : logs) {
            origin = Math.min(origin, Math.floorDiv(log.startEpochMillis(), 1000) * 1000);
        }
        TreeMap<Long, Second> seconds = new TreeMap<>();
        for (int run = 0; run < parts.size(); run++) {
            long start = logs.get(run).startEpochMillis();
            for (TimelinePoint p : parts.get(run).timeline()) {
                long from = start + Math.round(p.start() * 1000);
                Second second = seconds.computeIfAbsent(Math.floorDiv(from, 1000), k -> new Second());
                second.points.add(p);
                second.lastByRun.put(run, p);
                second.endMillis = Math.max(second.endMillis, start + Math.round(p.end() * 1000));
            }
            for (IntervalHistograms.Interval interval : logs.get(run).intervals()) {
                long from = start + Math.round(interval.start() * 1000);
                Second second = seconds.computeIfAbsent(Math.floorDiv(from, 1000), k -> new Second());
                if (second.total == null) {
                    second.total = new Histogram(3);
                }
                second.total.add(interval.total());
                interval.byType()
                        .forEach((type, h) -> second.byType
                                .computeIfAbsent(type, k -> new Histogram(3))
                                .add(h));
                interval.kinds()
                        .forEach((kind, types) -> types.forEach((type, h) -> second.kinds
                                .computeIfAbsent(kind, k -> new LinkedHashMap<>())
                                .computeIfAbsent(type, k -> new Histogram(3))
                                .add(h)));
                if (interval.lag() != null) {
                    if (second.lag == null) {
                        second.lag = new Histogram(3);
                    }
                    second.lag.add(interval.lag());
                }
                second.endMillis = Math.max(second.endMillis, start + Math.round(interval.end() * 1000));
            }
        }

        List<TimelinePoint> points = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter log = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.outputComment("veltrix merge: strategy " + strategy + ", the runs' intervals added per wall-clock second");
        log.outputComment("Interval histograms of end-to-end latency (ns from each event's intended time) over the"
                + " measured part, one per event type per second (Tag=<event type>) and one of all types (no tag)");
        if (allKinds) {
            log.outputComment("Per event type also uncorrected latency (Tag=uncorrected:<event type>), queueing delay"
                    + " (Tag=queueDelay:<event type>) and service time (Tag=service:<event type>)"
                    + (allLag ? ", and the generator's lag (Tag=" + HlogTags.LAG + ", open loads only)" : "")
                    + ", ns");
        }
        log.outputLogFormatVersion();
        log.outputStartTime(origin);
        log.setBaseTime(origin);
        log.outputBaseTime(origin);
        log.outputLegend();
        Long lastKey = seconds.isEmpty() ? null : seconds.lastKey();
        for (Map.Entry<Long, Second> e : seconds.entrySet()) {
            long fromMillis = e.getKey() * 1000;
            Second second = e.getValue();
            long toMillis = e.getKey().equals(lastKey) ? Math.max(second.endMillis, fromMillis) : fromMillis + 1000;
            double from = (fromMillis - origin) / 1000.0;
            double to = (toMillis - origin) / 1000.0;
            if (!second.points.isEmpty()) {
                points.add(point(second, from, to, allLag));
            }
            if (second.total != null) {
                for (String type : typeNames) {
                    Histogram h = second.byType.getOrDefault(type, new Histogram(3));
                    h.setTag(type);
                    log.outputIntervalHistogram(from, to, h);
                }
                Histogram total = second.total.copy();
                total.setTag(null);
                log.outputIntervalHistogram(from, to, total);
                if (allKinds) {
                    for (String type : typeNames) {
                        for (HlogTags.Kind kind : HlogTags.Kind.values()) {
                            Histogram h =
                                    second.kinds.getOrDefault(kind, Map.of()).getOrDefault(type, new Histogram(3));
                            h.setTag(kind.tag(type));
                            log.outputIntervalHistogram(from, to, h);
                        }
                    }
                }
                if (allLag && second.lag != null) {
                    second.lag.setTag(HlogTags.LAG);
                    log.outputIntervalHistogram(from, to, second.lag);
                }
            }
        }
        log.close();
        return new Result(points, bytes.toByteArray());
    }

    private static TimelinePoint point(Second second, double from, double to, boolean allLag) {
        long offered = 0, accepted = 0, completed = 0, rejected = 0, evicted = 0, deadLettered = 0, retries = 0;
        long p50 = 0, p99 = 0, max = 0;
        boolean warmup = false;
        Long lagP99 = null;
        Long lagMax = null;
        for (TimelinePoint p : second.points) {
            offered += p.offered();
            accepted += p.accepted();
            completed += p.completed();
            rejected += p.rejected();
            evicted += p.evicted();
            deadLettered += p.deadLettered();
            retries += p.retries();
            p50 = Math.max(p50, p.p50());
            p99 = Math.max(p99, p.p99());
            max = Math.max(max, p.max());
            warmup |= "warmup".equals(p.phase());
            if (p.lagP99() != null) {
                lagP99 = Math.max(lagP99 == null ? 0 : lagP99, p.lagP99());
            }
            if (p.lagMax() != null) {
                lagMax = Math.max(lagMax == null ? 0 : lagMax, p.lagMax());
            }
        }
        if (!warmup && second.total != null && second.total.getTotalCount() > 0) {
            p50 = second.total.getValueAtPercentile(50);
            p99 = second.total.getValueAtPercentile(99);
            max = second.total.getMaxValue();
        } else if (!warmup) {
            p50 = 0;
            p99 = 0;
            max = 0;
        }
        if (!warmup && allLag && second.lag != null) {
            lagP99 = second.lag.getTotalCount() == 0 ? 0 : second.lag.getValueAtPercentile(99);
            lagMax = second.lag.getMaxValue();
        }
        long inFlight = 0, heap = 0;
        Map<String, long[]> queues = new LinkedHashMap<>();
        for (TimelinePoint last : second.lastByRun.values()) {
            inFlight += last.inFlight();
            heap += last.heapUsedBytes();
            for (QueuePoint q : last.queues()) {
                long[] sum = queues.computeIfAbsent(q.name(), k -> new long[3]);
                sum[0] += q.depth();
                sum[1] += q.capacity();
                sum[2] += q.limit();
            }
        }
        List<QueuePoint> queuePoints = new ArrayList<>();
        queues.forEach((name, sum) ->
                queuePoints.add(new QueuePoint(name, sum[0], (int) Math.min(Integer.MAX_VALUE, sum[1]), sum[2])));
        // Warm-up or drain only when every run's interval in this second is; measured otherwise.
        String phase = onlyPhase(second, "warmup") ? "warmup" : onlyPhase(second, "drain") ? "drain" : "measured";
        return new TimelinePoint(
                from,
                to,
                phase,
                offered,
                accepted,
                completed,
                rejected,
                evicted,
                deadLettered,
                retries,
                inFlight,
                p50,
                p99,
                max,
                heap,
                lagP99,
                lagMax,
                queuePoints);
    }

    private static boolean onlyPhase(Second second, String phase) {
        return second.points.stream().allMatch(p -> phase.equals(p.phase()));
    }
}
