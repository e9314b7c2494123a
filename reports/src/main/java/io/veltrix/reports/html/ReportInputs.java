package io.veltrix.reports.html;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report can show beyond {@code results.json}. Each part is optional.
 *
 * @param resultsDirectory the directory holding {@code results.json} and its {@code <strategy>.hlog} files, from which
 *     the exact latency distributions are read; null when unknown (the report then draws the few percentiles of
 *     {@code results.json})
 * @param sloVerdicts the SLOs checked against each strategy; empty when none were checked
 * @param jfr each strategy's Flight Recorder figures; empty when there are none
 */
public record ReportInputs(Path resultsDirectory, List<SloVerdict> sloVerdicts, List<JfrSummary> jfr) {

    /** Nothing beyond the results. */
    public static final ReportInputs NONE = new ReportInputs(null, List.of(), List.of());

    public ReportInputs {
        sloVerdicts = sloVerdicts == null ? List.of() : List.copyOf(sloVerdicts);
        jfr = jfr == null ? List.of() : List.copyOf(jfr);
    }

    /** Only the results, read from {@code directory} with their {@code .hlog} files. */
    public static ReportInputs of(Path resultsDirectory) {
        return new ReportInputs(resultsDirectory, List.of(), List.of());
    }

    /** These inputs with SLO verdicts. */
    public ReportInputs withSloVerdicts(List<SloVerdict> verdicts) {
        return new ReportInputs(resultsDirectory, verdicts, jfr);
    }

    /** These inputs with Flight Recorder figures. */
    public ReportInputs withJfr(List<JfrSummary> summaries) {
        return new ReportInputs(resultsDirectory, sloVerdicts, summaries);
    }

    /** The Flight Recorder figures of {@code strategy}, or null. */
    public JfrSummary jfrOf(String strategy) {
        for (JfrSummary j : jfr) {
            if (j.strategy().equals(strategy)) {
                return j;
            }
        }
        return null;
    }
}
