package io.veltrix.reports.format;

import io.veltrix.reports.compare.BaselineComparison;
import io.veltrix.reports.compare.Repeats;
import io.veltrix.reports.slo.JvmFiguresSource;
import io.veltrix.reports.slo.SloReport;
import io.veltrix.scenarios.results.BenchResults;
import java.util.Objects;

/**
 * Everything a report of a bench shows, whatever its format.
 *
 * @param results what the bench measured (the content of results.json)
 * @param slo the SLO verdicts; {@link SloReport#EMPTY} without objectives
 * @param baseline the comparison with a baseline ({@code --baseline}), or null
 * @param repeats each strategy's figures in each repeat ({@code --repeat}), or null
 * @param jvm allocation and GC figures of each strategy, when known
 */
public record RunReport(
        BenchResults results, SloReport slo, BaselineComparison baseline, Repeats repeats, JvmFiguresSource jvm) {

    public RunReport {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(jvm, "jvm");
    }

    /** A report of results and verdicts only. */
    public static RunReport of(BenchResults results, SloReport slo) {
        return new RunReport(results, slo, null, null, JvmFiguresSource.NONE);
    }

    /** Whether every check passed: no failing SLO verdict and no regression. */
    public boolean passed() {
        return slo.passed() && (baseline == null || !baseline.hasRegression());
    }
}
