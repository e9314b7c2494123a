package io.veltrix.cli;

import io.veltrix.reports.ResultsLocation;
import io.veltrix.reports.html.HtmlReportWriter;
import io.veltrix.reports.html.ReportInputs;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.ResultsJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code veltrix report DIR|results.json}: writes a run's self-contained HTML report. Arguments in, {@link
 * ResultsLocation}, {@link ResultsJson} and {@link HtmlReportWriter} called, the file's path printed, exit code out.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a run's HTML report: one self-contained file (charts included, nothing loaded from the network)"
                    + " with the verdict, the strategies compared, latency percentiles from the .hlog files, timelines,"
                    + " queues, breakdowns by event type and tier, the scenario and the environment.",
            "Exits 2 when the results cannot be read, 3 when the report cannot be written."
        })
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "DIR|results.json",
            description = "A run's directory (as written by veltrix bench) or its results.json.")
    Path results;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the report; default: report.html beside results.json.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path json;
        BenchResults read;
        try {
            json = ResultsLocation.resolve(results);
            read = ResultsJson.read(json);
        } catch (IOException e) {
            stderr.println("error: " + e.getMessage());
            stderr.flush();
            return ExitCode.BAD_INPUT;
        }
        Path directory = json.toAbsolutePath().getParent();
        Path target = out != null ? out : directory.resolve(HtmlReportWriter.REPORT_FILE);
        try {
            new HtmlReportWriter().write(read, ReportInputs.of(directory), target);
            stdout.println(
                    String.format(Locale.ROOT, "report: %s (%.1f MB)", target, Files.size(target) / (1024.0 * 1024.0)));
            stdout.flush();
            return ExitCode.OK;
        } catch (IOException e) {
            stderr.println("error: cannot write " + target + ": " + e.getMessage());
            stderr.flush();
            return ExitCode.RUN_FAILED;
        }
    }
}
