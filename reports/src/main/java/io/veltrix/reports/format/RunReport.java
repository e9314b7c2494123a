package io.veltrix.reports.format;

import io.veltrix.reports.compare.BaselineComparer;
import io.veltrix.reports.compare.BaselineComparison;
import io.veltrix.reports.compare.LoadedResults;
import io.veltrix.reports.compare.RegressionLimits;
import io.veltrix.reports.compare.Repeats;
import io.veltrix.reports.slo.IntervalHistograms;
import io.veltrix.reports.slo.JvmFiguresSource;
import io.veltrix.reports.slo.SloEvaluator;
import io.veltrix.reports.slo.SloReport;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.results.BenchResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /**
     * Checks what a bench measured: the SLO verdicts (windows from each strategy's {@code .hlog} content) and, with a
     * baseline, the comparison with it.
     *
     * @param results what the bench measured
     * @param hlogs each strategy's {@code .hlog} content, by strategy name
     * @param slos the objectives: the scenario's, then the command line's
     * @param repeats every repeat's figures, or null without repeats
     * @param resultsFile where {@code results} are written, to name them in the comparison
     * @param baseline the baseline, or null
     * @param limits the allowed regressions against the baseline
     */
    public static RunReport check(
            BenchResults results,
            Map<String, byte[]> hlogs,
            List<Slo> slos,
            Repeats repeats,
            Path resultsFile,
            LoadedResults baseline,
            RegressionLimits limits) {
        return check(results, hlogs, slos, repeats, resultsFile, baseline, limits, JvmFiguresSource.NONE);
    }

    /** As {@link #check(BenchResults, Map, List, Repeats, Path, LoadedResults, RegressionLimits)}, with JVM figures. */
    public static RunReport check(
            BenchResults results,
            Map<String, byte[]> hlogs,
            List<Slo> slos,
            Repeats repeats,
            Path resultsFile,
            LoadedResults baseline,
            RegressionLimits limits,
            JvmFiguresSource jvm) {
        SloReport slo = new SloEvaluator(jvm).evaluate(slos, results, IntervalHistograms.readAll(hlogs));
        BaselineComparison comparison = baseline == null
                ? null
                : BaselineComparer.compare(baseline, new LoadedResults(resultsFile, results, repeats), limits);
        return new RunReport(results, slo, comparison, repeats, jvm);
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
