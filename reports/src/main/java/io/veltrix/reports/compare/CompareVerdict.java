package io.veltrix.reports.compare;

import java.util.Locale;

/** How a metric moved between a baseline and a new run. */
public enum CompareVerdict {
    /** Better by more than the noise. */
    BETTER,
    /** Worse by more than the noise, but within the allowed regression (or none was set). */
    WORSE,
    /** The difference is within the noise: within the spread of the repeats (or the histogram's precision). */
    WITHIN_NOISE,
    /** Worse by more than the noise and by more than {@code --max-regression} allows: fails the check. */
    REGRESSION;

    /** {@code better}, {@code worse}, {@code within noise}, {@code regression}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
