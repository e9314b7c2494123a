package io.veltrix.reports.jfr;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Garbage collection figures. All pause figures come from {@code sumOfPauses} and {@code longestPause} of
 * {@code jdk.GarbageCollection}, or from {@code jdk.GCPhasePause}, never from a collection's duration.
 *
 * @param collections number of {@code jdk.GarbageCollection} events
 * @param collectors collections per collector name (e.g. G1New, G1Old, Z), most frequent first
 * @param youngCollector from {@code jdk.GCConfiguration}; null when not recorded
 * @param oldCollector from {@code jdk.GCConfiguration}; null when not recorded
 * @param pauseTotal sum of {@code sumOfPauses} over all collections
 * @param pauseMax largest {@code longestPause}
 * @param collectionPauseP99 99th percentile of the pause time of one collection ({@code sumOfPauses}), to 3
 *     significant digits
 * @param phasePauseCount individual stop-the-world pauses ({@code jdk.GCPhasePause} events)
 * @param phasePauseTotal sum of their durations
 * @param phasePauseMax the longest
 * @param phasePauseP99 99th percentile of their durations, to 3 significant digits
 * @param cycleTotal sum of the collections' durations (for concurrent collectors, mostly not paused)
 * @param cycleMax the longest collection duration
 * @param heapBeforeGc heap used before collections, bytes ({@code jdk.GCHeapSummary when="Before GC"})
 * @param heapAfterGc heap used after collections, bytes: the live set plus what the collector left
 * @param heapCommittedMax the most heap committed, bytes
 * @param heapMax the maximum heap size from {@code jdk.GCHeapConfiguration}, bytes; 0 when not recorded
 * @param recording the recording's duration, the base of {@link #pausePercent()}
 * @param settings to say why figures are missing
 */
public record GcSummary(
        long collections,
        List<Ranked<String>> collectors,
        String youngCollector,
        String oldCollector,
        Duration pauseTotal,
        Duration pauseMax,
        Duration collectionPauseP99,
        long phasePauseCount,
        Duration phasePauseTotal,
        Duration phasePauseMax,
        Duration phasePauseP99,
        Duration cycleTotal,
        Duration cycleMax,
        LongStats heapBeforeGc,
        LongStats heapAfterGc,
        long heapCommittedMax,
        long heapMax,
        Duration recording,
        EventSettings settings)
        implements ReportSection {

    @Override
    public String key() {
        return "gc";
    }

    @Override
    public String title() {
        return "Garbage collection";
    }

    /** Pause time as a share of the recording's duration, in percent. */
    public double pausePercent() {
        return recording.isZero() ? 0 : 100.0 * pauseTotal.toNanos() / recording.toNanos();
    }

    /** Whether a collector that works concurrently (ZGC, Shenandoah) took part. */
    public boolean concurrentCollector() {
        return collectors.stream().map(Ranked::key).anyMatch(GcSummary::isConcurrent)
                || isConcurrent(youngCollector)
                || isConcurrent(oldCollector);
    }

    private static boolean isConcurrent(String name) {
        return name != null && (name.equals("Z") || name.startsWith("ZGC") || name.startsWith("Shenandoah"));
    }

    @Override
    public void writeTo(SectionWriter out) {
        if (youngCollector != null) {
            out.text("youngCollector", "young collector", youngCollector);
            out.text("oldCollector", "old collector", oldCollector);
        }
        if (collections == 0) {
            out.missing("collections", "collections", settings.whyMissing(GcAggregator.GARBAGE_COLLECTION));
        } else {
            out.count("collections", "collections", collections);
            out.text(
                    "collectorCounts",
                    "by collector",
                    collectors.stream().map(e -> e.key() + " " + e.count()).collect(Collectors.joining(", ")));
            out.millis("pauseTotalMs", "pause total (sum of sumOfPauses)", pauseTotal);
            out.millis("pauseMaxMs", "longest pause (max longestPause)", pauseMax);
            out.millis("collectionPauseP99Ms", "p99 pause time per collection", collectionPauseP99);
            out.percent("pauseTimePercent", "pause time / recording", pausePercent());
            out.millis("cycleTotalMs", "collection time total (durations)", cycleTotal);
            out.millis("cycleMaxMs", "longest collection (duration)", cycleMax);
        }
        if (phasePauseCount == 0) {
            out.missing("pauseCount", "pauses", settings.whyMissing(GcAggregator.PHASE_PAUSE));
        } else {
            out.count("pauseCount", "pauses (jdk.GCPhasePause)", phasePauseCount);
            out.millis("pauseP99Ms", "p99 pause", phasePauseP99);
            out.millis("phasePauseTotalMs", "pause total (jdk.GCPhasePause)", phasePauseTotal);
            out.millis("phasePauseMaxMs", "longest pause (jdk.GCPhasePause)", phasePauseMax);
        }
        writeHeap(out);
        if (concurrentCollector()) {
            out.note("A concurrent collector (ZGC or Shenandoah) ran: a jdk.GarbageCollection's duration is its whole"
                    + " concurrent cycle, mostly beside the application, so pause figures use sumOfPauses and"
                    + " longestPause; collection time is reported apart.");
        }
        if (collections > 0 && phasePauseCount > 0) {
            long difference = Math.abs(pauseTotal.toNanos() - phasePauseTotal.toNanos());
            out.note(
                    difference == 0
                            ? "Pause totals from sumOfPauses and from jdk.GCPhasePause agree."
                            : "Pause totals from sumOfPauses and from jdk.GCPhasePause differ by "
                                    + String.format(Locale.ROOT, "%.6f ms", difference / 1e6)
                                    + " (a collection cut by the recording's start or end, or pauses not tied to a"
                                    + " collection).");
        }
        out.note("Percentiles are accurate to 3 significant digits (HdrHistogram), capped at the exact maximum.");
    }

    private void writeHeap(SectionWriter out) {
        if (heapBeforeGc.count() == 0 && heapAfterGc.count() == 0) {
            out.missing("heapAfterGcMaxBytes", "heap after GC", settings.whyMissing(GcAggregator.HEAP_SUMMARY));
        } else {
            out.bytes("heapBeforeGcMeanBytes", "heap used before GC, mean", Math.round(heapBeforeGc.mean()));
            out.bytes("heapBeforeGcMaxBytes", "heap used before GC, max", heapBeforeGc.max());
            out.bytes("heapAfterGcMeanBytes", "heap used after GC, mean", Math.round(heapAfterGc.mean()));
            out.bytes("heapAfterGcMaxBytes", "heap used after GC, max", heapAfterGc.max());
            out.bytes("heapAfterGcLastBytes", "heap used after last GC", heapAfterGc.last());
            out.bytes("heapCommittedMaxBytes", "heap committed, max", heapCommittedMax);
        }
        if (heapMax > 0) {
            out.bytes("heapMaxBytes", "maximum heap size", heapMax);
        }
    }

    /** Mutable state of {@link GcAggregator}. */
    static final class Builder {
        long collections;
        List<Ranked<String>> collectorCounts = List.of();
        String youngCollector;
        String oldCollector;
        long pauseTotalNanos;
        long pauseMaxNanos;
        long collectionPauseP99Nanos;
        long phasePauseCount;
        long phasePauseTotalNanos;
        long phasePauseMaxNanos;
        long phasePauseP99Nanos;
        long cycleTotalNanos;
        long cycleMaxNanos;
        final LongStats.Accumulator before = new LongStats.Accumulator();
        final LongStats.Accumulator after = new LongStats.Accumulator();
        long heapCommittedMaxBytes;
        long heapMaxBytes;

        /** Adds another builder's sums, counts and maxima; the collector names are merged by the aggregator. */
        void merge(Builder o) {
            collections += o.collections;
            pauseTotalNanos += o.pauseTotalNanos;
            pauseMaxNanos = Math.max(pauseMaxNanos, o.pauseMaxNanos);
            phasePauseCount += o.phasePauseCount;
            phasePauseTotalNanos += o.phasePauseTotalNanos;
            phasePauseMaxNanos = Math.max(phasePauseMaxNanos, o.phasePauseMaxNanos);
            cycleTotalNanos += o.cycleTotalNanos;
            cycleMaxNanos = Math.max(cycleMaxNanos, o.cycleMaxNanos);
            before.merge(o.before);
            after.merge(o.after);
            heapCommittedMaxBytes = Math.max(heapCommittedMaxBytes, o.heapCommittedMaxBytes);
            heapMaxBytes = Math.max(heapMaxBytes, o.heapMaxBytes);
        }

        GcSummary build(AnalysisContext context) {
            return new GcSummary(
                    collections,
                    collectorCounts,
                    youngCollector,
                    oldCollector,
                    Duration.ofNanos(pauseTotalNanos),
                    Duration.ofNanos(pauseMaxNanos),
                    Duration.ofNanos(collectionPauseP99Nanos),
                    phasePauseCount,
                    Duration.ofNanos(phasePauseTotalNanos),
                    Duration.ofNanos(phasePauseMaxNanos),
                    Duration.ofNanos(phasePauseP99Nanos),
                    Duration.ofNanos(cycleTotalNanos),
                    Duration.ofNanos(cycleMaxNanos),
                    before.stats(),
                    after.stats(),
                    heapCommittedMaxBytes,
                    heapMaxBytes,
                    context.duration(),
                    context.settings());
        }
    }
}
