package io.veltrix.reports.jfr;

import java.time.Duration;
import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import org.HdrHistogram.Histogram;

/**
 * Garbage collection: pauses from {@code jdk.GarbageCollection} (and {@code jdk.GCPhasePause} when recorded), heap
 * use before and after collections from {@code jdk.GCHeapSummary}, and the collectors from
 * {@code jdk.GCConfiguration}.
 *
 * <p>Pause time is {@code sumOfPauses} and the longest pause is {@code longestPause}, never the event's duration:
 * for ZGC and Shenandoah a {@code jdk.GarbageCollection} spans the whole concurrent cycle, most of which runs
 * beside the application. Durations are kept as well, as "cycle time".
 */
public final class GcAggregator implements MergeableAggregator<GcAggregator> {

    static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";
    static final String PHASE_PAUSE = "jdk.GCPhasePause";
    static final String HEAP_SUMMARY = "jdk.GCHeapSummary";
    static final String CONFIGURATION = "jdk.GCConfiguration";
    static final String HEAP_CONFIGURATION = "jdk.GCHeapConfiguration";

    private static final int MAX_COLLECTOR_NAMES = 64;

    private final GcSummary.Builder gc = new GcSummary.Builder();
    private final TopCounter<String> collectors = new TopCounter<>(MAX_COLLECTOR_NAMES);
    // Pause times in nanoseconds at 3 significant digits: a few KB whatever the number of collections.
    private final Histogram collectionPauses = new Histogram(3);
    private final Histogram phasePauses = new Histogram(3);
    private long collectionPauseMaxNanos;
    private Instant configurationTime;

    public GcAggregator(AnalysisOptions options) {
        // Options are not needed: every table here is small and fixed.
    }

    @Override
    public void subscribe(EventSubscriptions subscriptions) {
        subscriptions.on(GARBAGE_COLLECTION, this::onCollection);
        subscriptions.on(PHASE_PAUSE, this::onPhasePause);
        subscriptions.on(HEAP_SUMMARY, this::onHeapSummary);
        subscriptions.on(CONFIGURATION, this::onConfiguration);
        subscriptions.on(HEAP_CONFIGURATION, e -> gc.heapMaxBytes = Math.max(gc.heapMaxBytes, e.getLong("maxSize")));
    }

    private void onCollection(RecordedEvent e) {
        long pauses = nanos(e, "sumOfPauses");
        long longest = nanos(e, "longestPause");
        long cycle = e.getDuration().toNanos();
        gc.collections++;
        gc.pauseTotalNanos += pauses;
        gc.pauseMaxNanos = Math.max(gc.pauseMaxNanos, longest);
        gc.cycleTotalNanos += cycle;
        gc.cycleMaxNanos = Math.max(gc.cycleMaxNanos, cycle);
        collectionPauses.recordValue(Math.max(0, pauses));
        collectionPauseMaxNanos = Math.max(collectionPauseMaxNanos, pauses);
        String name = e.getString("name");
        collectors.add(name != null ? name : "[unnamed]", 1);
    }

    private void onPhasePause(RecordedEvent e) {
        long pause = e.getDuration().toNanos();
        gc.phasePauseCount++;
        gc.phasePauseTotalNanos += pause;
        gc.phasePauseMaxNanos = Math.max(gc.phasePauseMaxNanos, pause);
        phasePauses.recordValue(Math.max(0, pause));
    }

    private void onHeapSummary(RecordedEvent e) {
        long used = e.getLong("heapUsed");
        RecordedObject space = e.getValue("heapSpace");
        if (space != null) {
            gc.heapCommittedMaxBytes = Math.max(gc.heapCommittedMaxBytes, space.getLong("committedSize"));
        }
        String when = e.getString("when");
        if ("Before GC".equals(when)) {
            gc.before.add(used, e.getStartTime());
        } else if ("After GC".equals(when)) {
            gc.after.add(used, e.getStartTime());
        }
    }

    private void onConfiguration(RecordedEvent e) {
        // Emitted per chunk; the latest by time wins (file order is not time order).
        Instant at = e.getStartTime();
        if (configurationTime == null || !at.isBefore(configurationTime)) {
            configurationTime = at;
            gc.youngCollector = e.getString("youngCollector");
            gc.oldCollector = e.getString("oldCollector");
        }
    }

    @Override
    public void merge(GcAggregator other) {
        gc.merge(other.gc);
        collectors.merge(other.collectors);
        collectionPauses.add(other.collectionPauses);
        phasePauses.add(other.phasePauses);
        collectionPauseMaxNanos = Math.max(collectionPauseMaxNanos, other.collectionPauseMaxNanos);
        if (other.configurationTime != null
                && (configurationTime == null || !other.configurationTime.isBefore(configurationTime))) {
            configurationTime = other.configurationTime;
            gc.youngCollector = other.gc.youngCollector;
            gc.oldCollector = other.gc.oldCollector;
        }
    }

    /**
     * The 99th percentile, to 3 significant digits. HdrHistogram reports the top of the value's bucket, which can
     * exceed the largest value recorded; it is capped at the exact maximum.
     */
    private static long p99(Histogram h, long exactMax) {
        return h.getTotalCount() == 0 ? 0 : Math.min(h.getValueAtPercentile(99), exactMax);
    }

    private static long nanos(RecordedEvent e, String field) {
        Duration d = e.getDuration(field);
        return d == null ? 0 : d.toNanos();
    }

    @Override
    public GcSummary finish(AnalysisContext context) {
        gc.collectorCounts = collectors.top(MAX_COLLECTOR_NAMES);
        gc.collectionPauseP99Nanos = p99(collectionPauses, collectionPauseMaxNanos);
        gc.phasePauseP99Nanos = p99(phasePauses, gc.phasePauseMaxNanos);
        return gc.build(context);
    }
}
