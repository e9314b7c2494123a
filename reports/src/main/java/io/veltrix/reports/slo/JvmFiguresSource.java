package io.veltrix.reports.slo;

import io.veltrix.scenarios.results.JfrFigures;
import io.veltrix.scenarios.results.StrategyResult;

/**
 * Where the allocation and garbage-collection figures of a strategy come from, for the SLO metrics
 * {@code alloc_per_event}, {@code alloc_rate} and {@code gc_pause_max}. Those figures are derived from each
 * strategy's Flight Recorder recording (by {@code RecordingFigures} after a bench) or read from the results
 * ({@link #FROM_RESULTS}, after a merge). Where none are known ({@link #NONE}), such SLOs get the verdict "no data",
 * which fails.
 */
@FunctionalInterface
public interface JvmFiguresSource {
    /** Knows no figures. */
    JvmFiguresSource NONE = strategy -> null;

    /**
     * The figures that {@code results.json} carries ({@code strategies[].jfr}): what a merged run has, whose
     * recordings stay on their machines.
     */
    JvmFiguresSource FROM_RESULTS = strategy -> {
        JfrFigures f = strategy.jfr();
        if (f == null || f.problem() != null) {
            return null;
        }
        return new JvmFigures(f.allocatedBytesPerEvent(), f.allocationBytesPerSecond(), f.gcPauseMaxNanos());
    };

    /** The figures of {@code strategy}'s measured part, or null when none were measured. */
    JvmFigures figures(StrategyResult strategy);
}
