package io.veltrix.scenarios.run;

import io.veltrix.engine.EngineListener;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.Outcome;
import io.veltrix.scenarios.load.Schedule;
import io.veltrix.scenarios.model.LoadModel;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Strategy;
import io.veltrix.scenarios.parse.Quantities;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.ScenarioInfo;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario's bench: runs the scenario's schedule once per strategy, each on a fresh engine, and returns what was
 * measured. {@link #prepare} checks everything that can be checked before running (strategy names, options, handler
 * classes, engine settings); {@link #run} runs.
 *
 * <pre>{@code
 * Bench bench = Bench.prepare(file, yaml, scenario, options);   // BenchSetupException: nothing ran
 * BenchOutcome outcome = bench.run(listener, stop);
 * ResultsWriter.write(directory, outcome.results(), outcome.hlogs());
 * }</pre>
 */
public final class Bench implements AutoCloseable {
    private final Context context;
    private final List<Strategy> strategies;
    private final Path file;
    private final String yaml;
    private final BenchOptions options;

    /** What every strategy's run shares. */
    record Context(
            Scenario scenario,
            Schedule schedule,
            UserHandlers handlers,
            JfrSettings jfr,
            Path outputDirectory,
            Duration drainTimeout,
            StopSignal stop,
            RunListener listener) {}

    /** What a bench produced: results.json's content and each strategy's HdrHistogram log, by strategy. */
    public record BenchOutcome(BenchResults results, Map<String, byte[]> hlogs) {}

    private Bench(
            Scenario scenario,
            UserHandlers handlers,
            List<Strategy> strategies,
            Path file,
            String yaml,
            BenchOptions options) {
        this.context = new Context(
                scenario,
                Schedule.of(scenario),
                handlers,
                options.jfr(),
                options.outputDirectory(),
                options.drainTimeout(),
                null,
                RunListener.NONE);
        this.strategies = List.copyOf(strategies);
        this.file = file;
        this.yaml = yaml;
        this.options = options;
    }

    /**
     * Applies the options to the scenario and checks that the bench can run.
     *
     * @param file the scenario file, as the user named it
     * @param yaml the file's text
     * @param scenario the file, parsed and valid
     * @throws BenchSetupException listing every problem; nothing was run
     */
    public static Bench prepare(Path file, String yaml, Scenario scenario, BenchOptions options)
            throws BenchSetupException {
        List<String> problems = new ArrayList<>();
        Scenario effective = scenario;
        if (options.duration() != null || options.warmup() != null) {
            Duration duration = options.duration() != null ? options.duration() : scenario.duration();
            Duration warmup = options.warmup() != null ? options.warmup() : scenario.warmup();
            if (duration.isNegative() || duration.isZero()) {
                problems.add("--duration: must be positive, was " + Quantities.formatDuration(duration));
            } else if (warmup.isNegative()) {
                problems.add("--warmup: must not be negative");
            } else {
                effective = effective.withTiming(duration, warmup);
            }
        }
        if (options.seed() != null) {
            effective = effective.withSeed(options.seed());
        }
        List<Strategy> chosen = chooseStrategies(effective, options.strategies(), problems);
        if (options.rate() != null) {
            if (!effective.load().isOpen()) {
                problems.add(
                        "--rate: the scenario's load is closed (concurrency "
                                + ((LoadModel.Closed) effective.load()).concurrency()
                                + "); a closed loop has no arrival rate to scale, change its concurrency or think-time instead");
            } else if (!(options.rate() > 0) || options.rate().isInfinite()) {
                problems.add("--rate: must be a positive rate like 5000/s, was " + options.rate());
            } else {
                effective = Loads.scaledTo(effective, options.rate());
            }
        }
        if (effective.load().isOpen()) {
            double expected = Schedule.of(effective).expectedArrivals();
            if (expected > TagCodec.MAX_SEQUENCE * 0.9) {
                problems.add(String.format(
                        "the schedule has about %.0f events, more than a run can number (%d); shorten the duration or"
                                + " lower the rate",
                        expected, TagCodec.MAX_SEQUENCE));
            }
        }
        UserHandlers handlers = null;
        try {
            handlers = UserHandlers.load(effective, options.classpath());
        } catch (BenchSetupException e) {
            problems.addAll(e.problems());
        }
        checkEngineSettings(effective, chosen, problems);
        if (!problems.isEmpty()) {
            if (handlers != null) {
                handlers.close();
            }
            throw new BenchSetupException(problems);
        }
        return new Bench(effective, handlers, chosen, file, yaml, options);
    }

    private static List<Strategy> chooseStrategies(Scenario scenario, List<String> names, List<String> problems) {
        if (names.isEmpty()) {
            return scenario.strategies();
        }
        List<String> known = new ArrayList<>();
        for (Strategy s : scenario.strategies()) {
            known.add(s.name());
        }
        List<Strategy> chosen = new ArrayList<>();
        for (Strategy s : scenario.strategies()) {
            if (names.contains(s.name())) {
                chosen.add(s);
            }
        }
        for (String name : names) {
            if (!known.contains(name)) {
                problems.add("--strategy: unknown strategy '" + name + "'; " + scenario.name() + " has "
                        + String.join(", ", known));
            }
        }
        return chosen;
    }

    /** Builds each strategy's engine configuration once, so the engine's own checks fail before anything runs. */
    private static void checkEngineSettings(Scenario scenario, List<Strategy> strategies, List<String> problems) {
        EventHandler<Object> probe = event -> Outcome.SUCCESS;
        List<EventHandler<?>> handlers = Collections.nCopies(scenario.events().size(), probe);
        for (Strategy strategy : strategies) {
            try {
                EngineConfigMapper.map(scenario, strategy, handlers, EngineListener.NONE);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    /** The scenario as it will run, options applied. */
    public Scenario scenario() {
        return context.scenario();
    }

    /** The strategies that will run, in order. */
    public List<Strategy> strategies() {
        return strategies;
    }

    /**
     * Runs every strategy in turn. A stop request ends the current strategy early (its drain is cut to 2 s) and
     * skips the rest; what was measured is returned with {@code partial} set.
     *
     * @param listener hears of progress (for the console)
     * @param stop asks the bench to stop early
     * @throws IOException when a Flight Recorder file cannot be written
     * @throws BenchSetupException when a user's handler cannot be constructed
     */
    public BenchOutcome run(RunListener listener, StopSignal stop)
            throws IOException, InterruptedException, BenchSetupException {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(stop, "stop");
        Context run = new Context(
                context.scenario(),
                context.schedule(),
                context.handlers(),
                context.jfr(),
                context.outputDirectory(),
                context.drainTimeout(),
                stop,
                listener);
        JfrRecording.initialise(run.jfr());
        Instant startedAt = Instant.now();
        List<StrategyResult> results = new ArrayList<>();
        Map<String, byte[]> hlogs = new LinkedHashMap<>();
        for (int i = 0; i < strategies.size() && !stop.requested(); i++) {
            Strategy strategy = strategies.get(i);
            int index = i;
            quietly(() -> listener.strategyStarted(strategy.name(), index, strategies.size()));
            StrategyRun.Outcome outcome = new StrategyRun(run, strategy).run();
            results.add(outcome.result());
            hlogs.put(strategy.name(), outcome.hlog());
            quietly(() -> listener.strategyFinished(outcome.result()));
        }
        boolean partial = stop.requested() || results.size() < strategies.size();
        BenchResults draft = new BenchResults(
                BenchResults.SCHEMA,
                scenarioInfo(),
                EnvironmentProbe.probe(directoryOf(file), options.veltrixVersion()),
                startedAt.toString(),
                Instant.now().toString(),
                partial,
                results,
                null);
        BenchResults complete = new BenchResults(
                draft.schema(),
                draft.scenario(),
                draft.environment(),
                draft.startedAt(),
                draft.endedAt(),
                draft.partial(),
                draft.strategies(),
                Verdict.of(draft));
        return new BenchOutcome(complete, hlogs);
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // A listener is for show; it must not stop a run.
        }
    }

    private ScenarioInfo scenarioInfo() {
        Scenario s = context.scenario();
        ScenarioInfo.Overrides overrides = new ScenarioInfo.Overrides(
                options.strategies().isEmpty() ? null : options.strategies(),
                options.duration() == null ? null : Quantities.formatDuration(options.duration()),
                options.warmup() == null ? null : Quantities.formatDuration(options.warmup()),
                options.rate(),
                options.seed());
        Double expected = s.load().isOpen() ? context.schedule().expectedArrivals() : null;
        return new ScenarioInfo(
                s.name(),
                s.description(),
                s.seed(),
                file == null ? null : file.toString(),
                yaml,
                overrides,
                s.duration().toNanos() / 1e9,
                s.warmup().toNanos() / 1e9,
                Loads.describe(s.load()),
                expected);
    }

    private static Path directoryOf(Path file) {
        if (file == null) {
            return null;
        }
        Path parent = file.toAbsolutePath().getParent();
        return parent;
    }

    @Override
    public void close() {
        context.handlers().close();
    }
}
