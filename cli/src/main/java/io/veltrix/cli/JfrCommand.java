package io.veltrix.cli;

import io.veltrix.reports.jfr.AggregatorFailure;
import io.veltrix.reports.jfr.AnalysisOptions;
import io.veltrix.reports.jfr.JfrAnalysis;
import io.veltrix.reports.jfr.JfrAnalyzer;
import io.veltrix.reports.jfr.JfrInputException;
import io.veltrix.reports.jfr.format.JfrReportFormatType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veltrix jfr FILE.jfr...}: analyses JDK Flight Recorder recordings and prints the report. */
@Command(
        name = "jfr",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Analyses JDK Flight Recorder recordings from any JDK 17+ application: CPU, GC pauses and heap,"
                    + " allocation by class, site and thread, hot methods, lock contention, and the settings"
                    + " the recording was made with.",
            "Several files are analysed as parts of one recording (e.g. the chunk files of a repository).",
            "What each figure means and which are estimates: docs/jfr.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:analysed completely",
            "2:bad usage or bad input: a file is missing, not a recording, or cut short (what was readable is"
                    + " still reported, marked partial)",
            "3:the analysis failed"
        })
final class JfrCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.jfr", arity = "1..*", description = "Recording files.")
    List<Path> files;

    @Option(
            names = "--json",
            description = "Write the report as JSON (fields documented in docs/jfr.md) instead of text.")
    boolean json;

    @Option(
            names = "--collapsed",
            paramLabel = "FILE",
            description = "Also write the execution samples' stacks to FILE in collapsed (folded) format, one"
                    + " 'root;...;leaf count' line per stack, for flame graphs.")
    Path collapsed;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "20",
            description = "Rows per table (default: ${DEFAULT-VALUE}).")
    int top;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JfrAnalysis analysis;
        try {
            analysis = JfrAnalyzer.standard()
                    .withOptions(AnalysisOptions.DEFAULTS.withTop(top))
                    .analyze(files);
        } catch (JfrInputException e) {
            e.problems().forEach(p -> err.println("veltrix jfr: " + p));
            return ExitCode.BAD_INPUT;
        } catch (IOException | AggregatorFailure e) {
            err.println("veltrix jfr: the analysis failed: " + e.getMessage());
            return ExitCode.RUN_FAILED;
        }
        try {
            (json ? JfrReportFormatType.JSON : JfrReportFormatType.TEXT)
                    .create()
                    .write(analysis, out);
            if (collapsed != null) {
                int lines = analysis.writeCollapsedStacks(collapsed);
                err.println("veltrix jfr: wrote " + lines + " collapsed stacks to " + collapsed);
            }
        } catch (IOException e) {
            err.println("veltrix jfr: could not write the output: " + e.getMessage());
            return ExitCode.RUN_FAILED;
        }
        if (analysis.partial()) {
            analysis.problems().forEach(p -> err.println("veltrix jfr: " + p));
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.OK;
    }

    private void checkOptions() {
        if (top < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--top must be at least 1 (rows per table), was " + top);
        }
        if (collapsed != null) {
            Path dir = collapsed.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--collapsed " + collapsed + ": the folder " + dir + " does not exist or is not writable");
            }
        }
    }
}
