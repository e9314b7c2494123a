package io.veltrix.reports.slo;

import io.veltrix.scenarios.results.StrategyResult;

/**
 * Where the allocation and garbage-collection figures of a strategy come from, for the SLO metrics
 * {@code alloc_per_event}, {@code alloc_rate} and {@code gc_pause_max}. Those figures are derived from each
 * strategy's Flight Recorder recording; until the results carry them, {@link #NONE} answers, and such SLOs get the
 * verdict "no data", which fails.
 */
@FunctionalInterface
public interface JvmFiguresSource {
    /** Knows no figures. */
    JvmFiguresSource NONE = strategy -> null;

    /** The figures of {@code strategy}'s measured part, or null when none were measured. */
    JvmFigures figures(StrategyResult strategy);
}
