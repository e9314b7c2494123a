package io.veltrix.cli;

import io.veltrix.reports.compare.BadResultsException;
import io.veltrix.reports.compare.BaselineComparer;
import io.veltrix.reports.compare.BaselineComparison;
import io.veltrix.reports.compare.CompareConsole;
import io.veltrix.reports.compare.LoadedResults;
import io.veltrix.reports.compare.RegressionLimits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code veltrix compare BASE NEW}: compares two benches strategy by strategy. Arguments in, {@link
 * BaselineComparer} called, table printed, exit code out.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compares a new bench with a baseline, strategy by strategy: throughput, end-to-end p50, p99, p99.9, max"
                    + " and loss, with the change and a verdict (better, worse, within noise, regression).",
            "Noise comes from the repeats of each side (bench --repeat N writes them to repeats.json): a difference"
                    + " within twice their standard deviation or their range is within noise. A worsening beyond"
                    + " noise and beyond --max-regression is a regression: exit 1."
        })
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "BASE",
            description = "The baseline: a results.json, or a bench's output directory.")
    Path base;

    @Parameters(
            index = "1",
            paramLabel = "NEW",
            description = "The new run: a results.json, or a bench's output directory.")
    Path current;

    @Option(
            names = "--max-regression",
            paramLabel = "LIMIT",
            description = "How much worse than the baseline a metric may get: 10% for every metric, or METRIC=N%"
                    + " (throughput, p50, p99, p99.9, max, loss); repeatable. Without it nothing is a regression.")
    List<String> maxRegression = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        RegressionLimits limits;
        LoadedResults baseResults;
        LoadedResults newResults;
        try {
            limits = RegressionLimits.parse(maxRegression);
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage());
            stderr.flush();
            return ExitCode.BAD_INPUT;
        }
        try {
            baseResults = LoadedResults.load(base);
            newResults = LoadedResults.load(current);
        } catch (BadResultsException e) {
            stderr.println("error: " + e.getMessage());
            stderr.flush();
            return ExitCode.BAD_INPUT;
        }
        BaselineComparison comparison = BaselineComparer.compare(baseResults, newResults, limits);
        CompareConsole.lines(comparison).forEach(stdout::println);
        stdout.flush();
        return comparison.hasRegression() ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
}
