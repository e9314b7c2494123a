package io.veltrix.reports.jfr;

import java.time.Duration;
import java.time.Instant;

/**
 * What every aggregator may need when it finishes: the recording's time window, its settings, the events read per
 * type and the options of the analysis.
 *
 * @param firstEvent the earliest start time of any event read; null if no event was read
 * @param lastEvent the latest end time (start + duration) of any event read; null if no event was read
 * @param settings the event settings from {@code jdk.ActiveSetting}, with the count of events read per type
 * @param options the limits of this analysis
 * @param partial whether some input could not be read completely
 */
public record AnalysisContext(
        Instant firstEvent, Instant lastEvent, EventSettings settings, AnalysisOptions options, boolean partial) {

    /** Time from the first to the last event read; zero when no event was read. */
    public Duration duration() {
        return firstEvent == null ? Duration.ZERO : Duration.between(firstEvent, lastEvent);
    }

    /** Events of {@code eventType} read. */
    public long eventCount(String eventType) {
        return settings.eventCount(eventType);
    }

    /** Per-second rate of {@code amount} over the recording's duration; 0 when the duration is zero. */
    public double perSecond(double amount) {
        long nanos = duration().toNanos();
        return nanos <= 0 ? 0 : amount * 1e9 / nanos;
    }
}
