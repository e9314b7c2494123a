package io.veltrix.cli;

import io.veltrix.reports.compare.RegressionLimits;
import io.veltrix.reports.format.ReportFiles;
import io.veltrix.reports.format.ResultFormatType;
import io.veltrix.reports.format.RunReport;
import io.veltrix.reports.merge.MergeException;
import io.veltrix.reports.merge.MergeInput;
import io.veltrix.reports.merge.RunMerger;
import io.veltrix.reports.slo.JvmFiguresSource;
import io.veltrix.reports.slo.SloConsole;
import io.veltrix.scenarios.console.FinalReport;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.parse.ParseResult;
import io.veltrix.scenarios.parse.ScenarioParser;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.MergedInput;
import io.veltrix.scenarios.results.ResultsWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code veltrix merge RUN...}: combines runs of one scenario made on several machines into one results file and its
 * reports. Arguments in, {@link MergeInput}, {@link RunMerger}, {@link ResultsWriter}, {@link RunReport} and {@link
 * ReportFiles} called, output printed, exit code out.
 */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Merges runs of the same scenario made on several machines at once (a CI matrix, a Kubernetes Job) into one"
                    + " results.json, .hlog per strategy and reports, as if one machine had made the whole load:"
                    + " counts add, latency histograms add (percentiles come from the sum), throughput counts over"
                    + " the union of the runs' measured windows, timelines align on the wall clock.",
            "Checks the scenario's SLOs on the merged results (exit 1 when one fails). Exits 2 when a run is missing"
                    + " or damaged, when the runs are not of one scenario, or when a run is given twice."
                    + " See docs/distributed.md."
        })
public final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "RUN",
            description = "A run's directory (as written by veltrix bench) or its results.json; the .hlog files must"
                    + " be beside it.")
    List<Path> runs = new ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory; default veltrix-results/<scenario>-merged-<yyyyMMdd-HHmmss>/.")
    Path out;

    @Mixin
    FormatOption format = new FormatOption();

    @Option(names = "--quiet", description = "Print only the final table and errors.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<ResultFormatType> formats;
        try {
            formats = format.formats();
        } catch (IllegalArgumentException e) {
            return fail(stderr, e.getMessage());
        }
        RunMerger.Merged merged;
        List<Slo> slos;
        Path directory;
        try {
            List<MergeInput> inputs = new ArrayList<>();
            for (Path run : runs) {
                inputs.add(MergeInput.load(run));
            }
            merged = RunMerger.merge(inputs);
            slos = slos(merged.results());
            directory = out != null
                    ? out
                    : ResultsWriter.defaultDirectory(
                            Path.of("veltrix-results"),
                            merged.results().scenario().name() + "-merged",
                            LocalDateTime.now());
            for (MergeInput input : inputs) {
                Path inputDirectory = input.file().toAbsolutePath().getParent();
                if (Files.isDirectory(directory) && Files.isSameFile(directory, inputDirectory)) {
                    throw new MergeException("--out " + directory + " is the directory of " + input.file()
                            + "; the merged results would replace that run's: choose another directory");
                }
            }
        } catch (MergeException e) {
            return fail(stderr, e.getMessage());
        } catch (IOException e) {
            return fail(stderr, "cannot check the output directory " + out + ": " + e.getMessage());
        }
        BenchResults results = merged.results();
        try {
            ResultsWriter.write(directory, results, merged.hlogs());
            RunReport report = RunReport.check(
                    results,
                    merged.hlogs(),
                    slos,
                    null,
                    directory.resolve(ResultsWriter.RESULTS_FILE),
                    null,
                    RegressionLimits.NONE,
                    JvmFiguresSource.FROM_RESULTS);
            ReportFiles.Written written = ReportFiles.write(report, formats, directory);
            if (!quiet) {
                stdout.println("merged " + results.mergedFrom().size() + " runs:");
                for (MergedInput in : results.mergedFrom()) {
                    stdout.println("  " + in.file() + "  host " + in.hostname() + ", " + in.startedAt() + " to "
                            + in.endedAt() + (in.partial() ? " (partial)" : ""));
                }
                stdout.println();
            }
            FinalReport.lines(results, directory, false).forEach(stdout::println);
            List<String> slo = SloConsole.lines(report.slo(), false);
            if (!slo.isEmpty()) {
                stdout.println();
                slo.forEach(stdout::println);
            }
            if (!written.files().isEmpty()) {
                List<String> names = new ArrayList<>();
                written.files().forEach(f -> names.add(f.getFileName().toString()));
                stdout.println("reports: " + String.join(", ", names));
            }
            stdout.flush();
            return report.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        } catch (IOException e) {
            stderr.println("error: cannot write the merged results to " + directory + ": " + e.getMessage());
            stderr.flush();
            return ExitCode.RUN_FAILED;
        }
    }

    /** The SLOs of the scenario as the first run ran it. */
    private static List<Slo> slos(BenchResults results) throws MergeException {
        String yaml = results.scenario().yaml();
        if (yaml == null) {
            return List.of();
        }
        ParseResult parsed = ScenarioParser.parse(results.scenario().file(), yaml);
        Scenario scenario = parsed.scenario().orElse(null);
        if (!parsed.isValid() || scenario == null) {
            throw new MergeException("the scenario recorded in the runs' results.json does not parse, so its SLOs"
                    + " cannot be checked:\n" + parsed.formattedProblems());
        }
        return scenario.slos();
    }

    private static int fail(PrintWriter stderr, String message) {
        stderr.println("error: " + message);
        stderr.flush();
        return ExitCode.BAD_INPUT;
    }
}
