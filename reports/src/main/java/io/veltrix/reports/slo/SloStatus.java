package io.veltrix.reports.slo;

import java.util.Locale;

/** The outcome of one SLO for one strategy. */
public enum SloStatus {
    /** The objective held. */
    PASS,
    /** The objective did not hold. */
    FAIL,
    /**
     * The results have nothing to measure the objective with (no allocation figures, no completed event of the type,
     * no interval histograms for a window). Counts as a failure: an objective is never passed silently.
     */
    NO_DATA,
    /** The objective names a strategy that was not run (for example left out with {@code --strategy}). */
    SKIPPED;

    /** Whether this outcome fails a run: {@link #FAIL} and {@link #NO_DATA}. */
    public boolean fails() {
        return this == FAIL || this == NO_DATA;
    }

    /** The lower-case name used in reports: {@code pass}, {@code fail}, {@code no data}, {@code skipped}. */
    public String label() {
        return this == NO_DATA ? "no data" : name().toLowerCase(Locale.ROOT);
    }
}
