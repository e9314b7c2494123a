package io.veltrix.cli;

import io.veltrix.scenarios.console.ConsoleProgress;
import io.veltrix.scenarios.console.FinalReport;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.parse.ParseResult;
import io.veltrix.scenarios.parse.Quantities;
import io.veltrix.scenarios.parse.ScenarioParser;
import io.veltrix.scenarios.results.ResultsWriter;
import io.veltrix.scenarios.run.Bench;
import io.veltrix.scenarios.run.BenchOptions;
import io.veltrix.scenarios.run.BenchSetupException;
import io.veltrix.scenarios.run.JfrSettings;
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
                    + " table. Ctrl-C stops early and still writes what was measured (marked partial, exit 130)."
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
            return run(bench, directory, stdout, stderr);
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

    private int run(Bench bench, Path directory, PrintWriter stdout, PrintWriter stderr) {
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
            Bench.BenchOutcome outcome = bench.run(new ConsoleProgress(stdout, stderr, terminal, colour, quiet), stop);
            ResultsWriter.write(directory, outcome.results(), outcome.hlogs());
            if (!quiet) {
                stdout.println();
            }
            FinalReport.lines(outcome.results(), directory, colour).forEach(stdout::println);
            stdout.flush();
            return outcome.results().partial() ? ExitCode.INTERRUPTED : ExitCode.OK;
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
