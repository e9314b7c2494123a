package io.veltrix.scenarios.run;

import io.veltrix.engine.Engine;
import io.veltrix.engine.EngineListener;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.EventType;
import io.veltrix.engine.NanoClock;
import io.veltrix.engine.ShutdownMode;
import io.veltrix.engine.ShutdownReport;
import io.veltrix.scenarios.load.Schedule;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Strategy;
import io.veltrix.scenarios.results.StrategyResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one strategy: a fresh engine, the scenario's whole schedule (warm-up included), the sampler's timeline, a
 * Flight Recorder recording of the measured part, and a drain. Returns what it measured even when stopped early.
 */
final class StrategyRun {
    /** Time between building everything and the first event being due, so every thread is up. */
    private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** How long an interrupted run drains before it stops. */
    private static final Duration INTERRUPTED_DRAIN = Duration.ofSeconds(2);

    private final Bench.Context context;
    private final Strategy strategy;

    StrategyRun(Bench.Context context, Strategy strategy) {
        this.context = context;
        this.strategy = strategy;
    }

    /** What a strategy's run produced: its result and its HdrHistogram log. */
    record Outcome(StrategyResult result, byte[] hlog) {}

    Outcome run() throws BenchSetupException, IOException, InterruptedException {
        Scenario scenario = context.scenario();
        Schedule schedule = context.schedule();
        StopSignal stop = context.stop();
        RunClock clock = new RunClock();
        CompletionSignal completions = schedule.isOpen() ? null : new CompletionSignal(schedule.concurrency());
        List<EventHandler<?>> handlers = new ArrayList<>();
        String[] names = new String[scenario.events().size()];
        for (int t = 0; t < names.length; t++) {
            names[t] = scenario.events().get(t).name();
            handlers.add(
                    context.handlers().has(t)
                            ? context.handlers().create(t, completions)
                            : new SyntheticHandler(
                                    schedule, t, scenario.events().get(t).serviceKind(), clock, completions));
        }
        MappedStrategy mapped = EngineConfigMapper.map(
                scenario, strategy, handlers, completions == null ? EngineListener.NONE : completions);
        Engine engine = Engine.start(mapped.config(), NanoClock.SYSTEM, scenario.seed());
        AtomicReference<JfrRecording> recording = new AtomicReference<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        Sampler sampler = null;
        try {
            EventType[] types = new EventType[names.length];
            for (int t = 0; t < types.length; t++) {
                types[t] = engine.eventType(names[t]);
            }
            LoadDriver driver = schedule.isOpen()
                    ? new OpenLoadGenerator(engine, types, schedule.arrivals(), clock, stop, strategy.name())
                    : new ClosedLoadDriver(engine, types, schedule, clock, stop, completions, strategy.name());
            long start = System.nanoTime() + LEAD_NANOS;
            long startEpochMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(LEAD_NANOS);
            clock.start(start);
            sampler = new Sampler(
                    engine,
                    driver,
                    clock,
                    strategy.name(),
                    schedule.warmupNanos(),
                    schedule.endNanos(),
                    startEpochMillis,
                    names,
                    "veltrix " + scenario.name() + ", strategy " + strategy.name(),
                    context.listener(),
                    () -> {
                        if (context.jfr().enabled() && context.outputDirectory() != null) {
                            // Just before the boundary snapshot, so that the engine's periodic Flight Recorder
                            // events cover the measured part, not the warm-up, and miss nothing of it.
                            engine.restartJfrIntervals();
                        }
                    },
                    () -> startRecording(recording, problems));
            sampler.start();
            driver.start();
            driver.join();
            boolean complete = !stop.requested();
            sampler.stop();
            ShutdownReport report =
                    engine.shutdown(ShutdownMode.DRAIN, complete ? context.drainTimeout() : INTERRUPTED_DRAIN);
            sampler.finish(report.last(), System.nanoTime() - start);
            String jfrFile = null;
            JfrRecording r = recording.getAndSet(null);
            if (r != null) {
                jfrFile = finishRecording(r, problems);
            }
            StrategyResult result = StrategyResults.assemble(
                    scenario, strategy, mapped, handlers, sampler, driver, report, complete, schedule, problems);
            return new Outcome(result.withFiles(strategy.name() + ".hlog", jfrFile), sampler.hlog());
        } finally {
            if (sampler != null) {
                sampler.stop();
            }
            JfrRecording left = recording.getAndSet(null);
            if (left != null) {
                left.discard();
            }
            engine.shutdown(ShutdownMode.STOP_NOW, Duration.ofSeconds(1));
        }
    }

    /** Moves the recording next to the results; returns its file name, or null (with the reason in problems). */
    private String finishRecording(JfrRecording recording, List<String> problems) {
        String file = strategy.name() + ".jfr";
        try {
            recording.stopAndMove(context.outputDirectory().resolve(file));
            return file;
        } catch (IOException | RuntimeException e) {
            problems.add("no Flight Recorder file: " + e.getMessage());
            return null;
        }
    }

    /** Called by the sampler right after the warm-up boundary's snapshot: starts the recording. */
    private void startRecording(AtomicReference<JfrRecording> recording, List<String> problems) {
        if (!context.jfr().enabled()
                || context.outputDirectory() == null
                || context.stop().requested()) {
            return;
        }
        try {
            recording.set(JfrRecording.start(
                    context.jfr(), strategy.name(), context.outputDirectory().resolve(strategy.name() + ".jfr")));
        } catch (IOException | RuntimeException e) {
            problems.add("no Flight Recorder recording: " + e.getMessage());
        }
    }
}
