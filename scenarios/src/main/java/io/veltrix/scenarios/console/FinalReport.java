package io.veltrix.scenarios.console;

import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.ResultsWriter;
import io.veltrix.scenarios.results.StrategyResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the console shows at the end of a bench: the comparison table, the verdict, and where the files went. */
public final class FinalReport {
    private FinalReport() {}

    /**
     * @param directory the output directory
     * @param colour whether ANSI bold may mark the best values
     */
    public static List<String> lines(BenchResults results, Path directory, boolean colour) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "%s: %s, %.0fs measured after %.0fs warm-up, seed %d%s",
                results.scenario().name(),
                results.scenario().load(),
                results.scenario().durationSeconds(),
                results.scenario().warmupSeconds(),
                results.scenario().seed(),
                results.partial() ? " (interrupted: partial results)" : ""));
        lines.add("");
        lines.addAll(ComparisonTable.lines(results.strategies(), colour));
        lines.add("(end-to-end latency from each event's intended time; * marks the best value of a column)");
        List<String> tiers = ComparisonTable.tierLines(results.strategies());
        if (!tiers.isEmpty()) {
            lines.add("");
            lines.addAll(tiers);
        }
        if (results.verdict() != null) {
            lines.add("");
            lines.add(results.verdict());
        }
        lines.add("");
        List<String> files = new ArrayList<>();
        files.add(ResultsWriter.RESULTS_FILE);
        for (StrategyResult s : results.strategies()) {
            if (s.hlogFile() != null) {
                files.add(s.hlogFile());
            }
            if (s.jfrFile() != null) {
                files.add(s.jfrFile());
            }
        }
        lines.add("results: " + directory + " (" + String.join(", ", files) + ")");
        return lines;
    }
}
