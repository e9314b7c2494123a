package io.veltrix.reports.slo;

import io.veltrix.scenarios.model.Slo;
import java.util.Objects;

/**
 * One SLO checked against one strategy's results.
 *
 * @param slo the objective
 * @param strategy the strategy it was checked against
 * @param scope what it looked at: {@code all events}, {@code type payment} or {@code tier critical}
 * @param status the outcome
 * @param measured the measured value in the SLO's canonical unit ({@link Slo#unit()}: nanoseconds, events per
 *     second, a count, a fraction, bytes...); for a windowed SLO, the worst window's; null without data
 * @param measuredText {@code measured} as people read it ({@code 222ms}, {@code 4,713/s}, {@code 0.12%}); null
 *     without data
 * @param thresholdText the comparator and threshold ({@code < 20ms})
 * @param windows for a windowed SLO, how its windows went; null otherwise
 * @param message one sentence saying what was measured against what, or why there is no data
 */
public record SloVerdict(
        Slo slo,
        String strategy,
        String scope,
        SloStatus status,
        Double measured,
        String measuredText,
        String thresholdText,
        WindowStats windows,
        String message) {

    public SloVerdict {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(thresholdText, "thresholdText");
        Objects.requireNonNull(message, "message");
    }

    /**
     * How a windowed SLO went over its windows.
     *
     * @param count the windows checked
     * @param failed of those, the windows where the objective did not hold
     * @param worstStart where the worst window starts, seconds from the start of the run (warm-up included)
     * @param worstEnd where it ends
     * @param wholeRun true when the measured part was shorter than the window, so that it was checked as one window
     */
    public record WindowStats(int count, int failed, double worstStart, double worstEnd, boolean wholeRun) {}
}
