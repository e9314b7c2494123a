package io.veltrix.reports.compare;

import java.util.Locale;

/**
 * One metric of one strategy, baseline against new.
 *
 * @param strategy the strategy
 * @param metric the metric
 * @param base the baseline's value: the mean of its repeats, or its only run's (ns for latencies, events per second,
 *     percent of events for loss)
 * @param current the new run's value, likewise
 * @param deltaPercent {@code (current - base) / base} in percent; null when the base is 0 and the new value is not
 * @param noise how far apart the two may be by chance, in the metric's unit (see {@link BaselineComparer})
 * @param baseSamples how many repeats the base value comes from (1 without repeats)
 * @param newSamples how many repeats the new value comes from
 * @param limitPercent the allowed worsening in percent, or null when none was set
 * @param verdict how it moved
 */
public record ComparisonRow(
        String strategy,
        CompareMetric metric,
        double base,
        double current,
        Double deltaPercent,
        double noise,
        int baseSamples,
        int newSamples,
        Double limitPercent,
        CompareVerdict verdict) {

    /** The change as read: {@code +12.5%}, {@code -3.0%}, {@code 0.0%}, or {@code new} after a base of 0. */
    public String deltaText() {
        if (deltaPercent == null) {
            return "from 0";
        }
        return String.format(Locale.ROOT, "%+.1f%%", deltaPercent);
    }

    /** The noise relative to the base: {@code ±2.1%}; {@code ±0} without any. */
    public String noiseText() {
        if (noise == 0) {
            return "±0";
        }
        if (base == 0) {
            return "±" + metric.format(noise);
        }
        return String.format(Locale.ROOT, "±%.1f%%", 100 * noise / Math.abs(base));
    }

    /** The allowed worsening: {@code 10%}, {@code 2.5%}, or {@code none}. */
    public String limitText() {
        if (limitPercent == null) {
            return "none";
        }
        double l = limitPercent;
        return (l == Math.rint(l) ? Long.toString((long) l) : Double.toString(l)) + "%";
    }
}
