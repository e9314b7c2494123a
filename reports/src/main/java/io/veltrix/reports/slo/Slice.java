package io.veltrix.reports.slo;

import io.veltrix.scenarios.results.TimelinePoint;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One interval of a measured part as windowed SLOs see it.
 *
 * @param start its start, seconds from the start of the run
 * @param end its end, seconds from the start of the run
 * @param point the timeline's counts of every event type together
 * @param total every type's end-to-end latencies (ns), or null when unknown (no {@code .hlog})
 * @param byType each type's end-to-end latencies (ns), or null when unknown
 */
record Slice(double start, double end, TimelinePoint point, Histogram total, Map<String, Histogram> byType) {

    /** Whether this interval's latencies are known. */
    boolean hasLatencies() {
        return total != null && byType != null;
    }

    /** The latencies of {@code types} (null: all) in this interval; call only when {@link #hasLatencies()}. */
    Histogram latencies(List<String> types) {
        if (types == null) {
            return total;
        }
        if (types.size() == 1 && byType.containsKey(types.get(0))) {
            return byType.get(types.get(0));
        }
        Histogram sum = new Histogram(3);
        for (String type : types) {
            Histogram h = byType.get(type);
            if (h != null) {
                sum.add(h);
            }
        }
        return sum;
    }
}
