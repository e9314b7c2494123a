package io.veltrix.cli;

import io.veltrix.reports.compare.BadResultsException;
import io.veltrix.reports.compare.CompareConsole;
import io.veltrix.reports.compare.LoadedResults;
import io.veltrix.reports.compare.RegressionLimits;
import io.veltrix.reports.compare.Repeats;
import io.veltrix.reports.format.RecordingFigures;
import io.veltrix.reports.format.ReportFiles;
import io.veltrix.reports.format.ResultFormatType;
import io.veltrix.reports.format.RunReport;
import io.veltrix.reports.slo.InvalidSloException;
import io.veltrix.reports.slo.SloConsole;
import io.veltrix.reports.slo.SloExpressions;
import io.veltrix.reports.slo.SloWatch;
import io.veltrix.scenarios.console.ConsoleProgress;
import io.veltrix.scenarios.console.FinalReport;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.parse.ParseResult;
import io.veltrix.scenarios.parse.Quantities;
import io.veltrix.scenarios.parse.ScenarioParser;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.ResultsWriter;
import io.veltrix.scenarios.run.Bench;
import io.veltrix.scenarios.run.BenchOptions;
import io.veltrix.scenarios.run.BenchSetupException;
import io.veltrix.scenarios.run.JfrSettings;
import io.veltrix.scenarios.run.RunListener;
import io.veltrix.scenarios.run.StopSignal;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code veltrix bench FILE}: runs a scenario once per strategy and compares them. Arguments in, {@link Bench} and
 * {@link ResultsWriter} called, output printed, exit code out.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario's load against each of its queue strategies, on a fresh engine each, and compares them.",
            "Writes results.json, <strategy>.hlog and <strategy>.jfr to the output directory and prints a comparison"
                    + " table. Ctrl-C stops early and still writes what was measured (marked partial, exit 130).",
            "Checks the scenario's SLOs and every --assert (exit 1 when one fails or has no data), writes the reports"
                    + " of --format, and with --baseline compares the run with an earlier one (exit 1 on a regression"
                    + " beyond --max-regression)."
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    Path file;

    @Option(
            names = "--strategy",
            paramLabel = "NAME",
            description = "Run only this strategy (repeat for several); default: all of the scenario's.")
    List<String> strategies = new ArrayList<>();

    @Option(
            names = "--duration",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "Measured duration, replacing the scenario's (e.g. 10s, 2m).")
    Duration duration;

    @Option(
            names = "--warmup",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "Warm-up before measuring, replacing the scenario's (e.g. 3s, 0s).")
    Duration warmup;

    @Option(
            names = "--rate",
            paramLabel = "R",
            converter = RateConverter.class,
            description = "Scale an open load so its mean rate over the run is R (e.g. 5000/s, 5k/s): every rate of the"
                    + " load shape is multiplied by the same factor.")
    Double rate;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the schedule, replacing the scenario's.")
    Long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory; default veltrix-results/<scenario>-<yyyyMMdd-HHmmss>/.")
    Path out;

    @Option(
            names = "--classpath",
            paramLabel = "JARS",
            description = "Jars or class directories, separated by '${sys:path.separator}', holding the event handlers"
                    + " that the scenario's event types name with 'handler:'.")
    String classpath;

    @Option(names = "--quiet", description = "Print only the final table and errors.")
    boolean quiet;

    @Option(
            names = "--jfr",
            paramLabel = "off|on|profile|FILE.jfc",
            defaultValue = "on",
            description = "Record each strategy's measured part with Flight Recorder: on (= profile: allocation and"
                    + " execution sampling), off, or a .jfc configuration file. Default: ${DEFAULT-VALUE}.")
    String jfr;

    @Option(
            names = "--assert",
            paramLabel = "EXPR",
            description = "An SLO to check besides the scenario's, such as 'p99 < 50ms over 10s strategy=tiered"
                    + " type=payment' (repeat for several). See docs/slo.md.")
    List<String> asserts = new ArrayList<>();

    @Option(
            names = "--abort-on-fail",
            description = "Stop the run as soon as an SLO can no longer pass (a loss count over its threshold, a"
                    + " failed window, a maximum over its threshold); exit 1.")
    boolean abortOnFail;

    @Mixin
    FormatOption format = new FormatOption();

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Compare this run with an earlier one (its results.json or output directory) after it ends.")
    Path baseline;

    @Option(
            names = "--max-regression",
            paramLabel = "LIMIT",
            description = "With --baseline: how much worse than the baseline a metric may get before it fails the"
                    + " run: 10% for every metric, or METRIC=N% (throughput, p50, p99, p99.9, max, loss); repeatable.")
    List<String> maxRegression = new ArrayList<>();

    @Option(
            names = "--repeat",
            paramLabel = "N",
            defaultValue = "1",
            description = "Run the whole strategy set N times; results.json holds the last run, repeats.json every"
                    + " run's figures, which compare uses to tell noise from change. Default: ${DEFAULT-VALUE}.")
    int repeat;

    /** What the checks of a run need, read and checked before anything runs. */
    private record Checks(
            List<Slo> slos,
            List<ResultFormatType> formats,
            boolean formatsGiven,
            LoadedResults baseline,
            RegressionLimits limits) {}

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ParseResult parsed = ScenarioParser.read(file);
        if (!parsed.isValid()) {
            stderr.println(parsed.formattedProblems());
            stderr.flush();
            return ExitCode.BAD_INPUT;
        }
        Scenario scenario = parsed.scenario().orElseThrow();
        Checks checks = checks(scenario, stderr);
        if (checks == null) {
            stderr.flush();
            return ExitCode.BAD_INPUT;
        }
        Bench bench;
        try {
            String yaml = Files.readString(file);
            BenchOptions options = BenchOptions.DEFAULTS
                    .withStrategies(strategies)
                    .withTiming(duration, warmup)
                    .withRate(rate)
                    .withSeed(seed)
                    .withClasspath(classpathEntries())
                    .withVeltrixVersion(VersionProvider.version());
            JfrSettings jfrSettings = JfrSettings.parse(jfr);
            Path directory = out != null
                    ? out
                    : ResultsWriter.defaultDirectory(Path.of("veltrix-results"), scenario.name(), LocalDateTime.now());
            bench = Bench.prepare(file, yaml, scenario, options.withJfr(jfrSettings, directory));
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                bench.close();
                throw e;
            }
            return run(bench, directory, checks, stdout, stderr);
        } catch (BenchSetupException e) {
            for (String problem : e.problems()) {
                stderr.println("error: " + problem);
            }
            stderr.flush();
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            stderr.println("error: cannot read the scenario or create the output directory: " + e);
            stderr.flush();
            return ExitCode.BAD_INPUT;
        }
    }

    /** Reads the options of the checks; null, with the problems printed, when one is wrong. */
    private Checks checks(Scenario scenario, PrintWriter stderr) {
        boolean ok = true;
        List<Slo> slos = new ArrayList<>(scenario.slos());
        try {
            slos.addAll(SloExpressions.parse("--assert", asserts, scenario));
        } catch (InvalidSloException e) {
            e.problems().forEach(p -> stderr.println("error: " + p));
            ok = false;
        }
        List<ResultFormatType> formats = ResultFormatType.DEFAULTS;
        try {
            formats = format.formats();
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage());
            ok = false;
        }
        RegressionLimits limits = RegressionLimits.NONE;
        try {
            limits = RegressionLimits.parse(maxRegression);
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage());
            ok = false;
        }
        if (!maxRegression.isEmpty() && baseline == null) {
            stderr.println("error: --max-regression needs --baseline FILE: there is nothing to compare with");
            ok = false;
        }
        LoadedResults base = null;
        if (baseline != null) {
            try {
                base = LoadedResults.load(baseline);
            } catch (BadResultsException e) {
                stderr.println("error: --baseline: " + e.getMessage());
                ok = false;
            }
        }
        if (repeat < 1) {
            stderr.println("error: --repeat: must be at least 1, was " + repeat);
            ok = false;
        }
        return ok ? new Checks(slos, formats, format.given(), base, limits) : null;
    }

    private int run(Bench bench, Path directory, Checks checks, PrintWriter stdout, PrintWriter stderr) {
        boolean terminal = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        boolean colour = terminal && (noColor == null || noColor.isEmpty());
        StopSignal stop = new StopSignal();
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.request();
                    try {
                        written.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "veltrix-bench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try (bench) {
            RunListener console = new ConsoleProgress(stdout, stderr, terminal, colour, quiet);
            SloWatch watch = checks.slos().isEmpty() || !abortOnFail
                    ? null
                    : new SloWatch(checks.slos(), bench.scenario(), stop, console);
            List<BenchResults> runs = new ArrayList<>();
            Bench.BenchOutcome outcome = null;
            for (int r = 1; r <= repeat && (r == 1 || !stop.requested()); r++) {
                if (repeat > 1 && !quiet) {
                    stdout.println("repeat " + r + " of " + repeat);
                    stdout.flush();
                }
                outcome = bench.run(watch != null ? watch : console, stop);
                runs.add(outcome.results());
            }
            BenchResults results = outcome.results();
            ResultsWriter.write(directory, results, outcome.hlogs());
            Repeats repeats = repeat > 1 ? Repeats.of(runs) : null;
            if (repeats != null) {
                LoadedResults.writeRepeats(directory, repeats);
            }
            // results.json is on disk without the recordings' figures from here on; once the recordings are
            // analysed it is replaced, atomically, by the same results with each strategy's jfr figures.
            RecordingFigures recordings = RecordingFigures.analyze(results, directory);
            if (!recordings.strategies().isEmpty()) {
                results = recordings.addTo(results);
                ResultsWriter.rewriteResults(directory, results);
            }
            RunReport report = RunReport.check(
                    results,
                    outcome.hlogs(),
                    checks.slos(),
                    repeats,
                    directory.resolve(ResultsWriter.RESULTS_FILE),
                    checks.baseline(),
                    checks.limits(),
                    recordings);
            ReportFiles.Written reports = ReportFiles.write(report, checks.formats(), directory);
            if (!quiet) {
                stdout.println();
            }
            FinalReport.lines(results, directory, colour).forEach(stdout::println);
            print(stdout, stderr, report, reports, checks, colour);
            if (watch != null && watch.aborted()) {
                stderr.println("error: stopped early (--abort-on-fail): " + watch.abortReason());
                stderr.flush();
                return ExitCode.CHECK_FAILED;
            }
            if (results.partial()) {
                return ExitCode.INTERRUPTED;
            }
            return report.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        } catch (Exception e) {
            stderr.println("error: the run failed: " + e);
            stderr.flush();
            return ExitCode.RUN_FAILED;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down already (Ctrl-C): the hook is running and has just been released.
            }
        }
    }

    private static void print(
            PrintWriter stdout,
            PrintWriter stderr,
            RunReport report,
            ReportFiles.Written written,
            Checks checks,
            boolean colour) {
        List<String> slo = SloConsole.lines(report.slo(), colour);
        if (!slo.isEmpty()) {
            stdout.println();
            slo.forEach(stdout::println);
        }
        if (report.baseline() != null) {
            stdout.println();
            CompareConsole.lines(report.baseline()).forEach(stdout::println);
        }
        if (!written.files().isEmpty()) {
            List<String> names = new ArrayList<>();
            written.files().forEach(f -> names.add(f.getFileName().toString()));
            stdout.println("reports: " + String.join(", ", names));
        }
        stdout.flush();
        if (checks.formatsGiven()) {
            for (ResultFormatType type : written.unavailable()) {
                stderr.println("note: --format " + type.formatName() + ": this build has no " + type.formatName()
                        + " writer yet; skipped");
            }
        }
        stderr.flush();
    }

    private List<Path> classpathEntries() {
        List<Path> entries = new ArrayList<>();
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry));
                }
            }
        }
        return entries;
    }

    /** Reads durations as scenario files write them. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Quantities.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads rates as scenario files write them. */
    static final class RateConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return Quantities.parseRate(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
