package io.veltrix.scenarios.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run a bench, beyond the scenario itself: the command line's options. Null means "as the scenario says".
 *
 * @param strategies the strategies to run, by name, in the scenario's order; empty for all
 * @param duration replaces the scenario's measured duration, or null
 * @param warmup replaces its warm-up, or null
 * @param rate scales an open load to this mean rate (events per second, see {@link Loads}), or null
 * @param seed replaces its seed, or null
 * @param classpath jars and class directories to load event handlers from
 * @param jfr whether and how to record each strategy with Flight Recorder
 * @param outputDirectory where Flight Recorder files go during the run, or null for none
 * @param drainTimeout how long the engine may drain after each strategy's schedule
 * @param veltrixVersion recorded in the results, or null
 */
public record BenchOptions(
        List<String> strategies,
        Duration duration,
        Duration warmup,
        Double rate,
        Long seed,
        List<Path> classpath,
        JfrSettings jfr,
        Path outputDirectory,
        Duration drainTimeout,
        String veltrixVersion) {

    /** Everything as the scenario says; no Flight Recorder, no files. */
    public static final BenchOptions DEFAULTS = new BenchOptions(
            List.of(), null, null, null, null, List.of(), JfrSettings.OFF, null, Duration.ofSeconds(30), null);

    public BenchOptions {
        strategies = List.copyOf(strategies);
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(jfr, "jfr");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
    }

    public BenchOptions withStrategies(List<String> names) {
        return new BenchOptions(
                names, duration, warmup, rate, seed, classpath, jfr, outputDirectory, drainTimeout, veltrixVersion);
    }

    public BenchOptions withTiming(Duration newDuration, Duration newWarmup) {
        return new BenchOptions(
                strategies,
                newDuration,
                newWarmup,
                rate,
                seed,
                classpath,
                jfr,
                outputDirectory,
                drainTimeout,
                veltrixVersion);
    }

    public BenchOptions withRate(Double newRate) {
        return new BenchOptions(
                strategies,
                duration,
                warmup,
                newRate,
                seed,
                classpath,
                jfr,
                outputDirectory,
                drainTimeout,
                veltrixVersion);
    }

    public BenchOptions withSeed(Long newSeed) {
        return new BenchOptions(
                strategies,
                duration,
                warmup,
                rate,
                newSeed,
                classpath,
                jfr,
                outputDirectory,
                drainTimeout,
                veltrixVersion);
    }

    public BenchOptions withClasspath(List<Path> entries) {
        return new BenchOptions(
                strategies, duration, warmup, rate, seed, entries, jfr, outputDirectory, drainTimeout, veltrixVersion);
    }

    public BenchOptions withJfr(JfrSettings settings, Path directory) {
        return new BenchOptions(
                strategies, duration, warmup, rate, seed, classpath, settings, directory, drainTimeout, veltrixVersion);
    }

    public BenchOptions withDrainTimeout(Duration timeout) {
        return new BenchOptions(
                strategies, duration, warmup, rate, seed, classpath, jfr, outputDirectory, timeout, veltrixVersion);
    }

    public BenchOptions withVeltrixVersion(String version) {
        return new BenchOptions(
                strategies, duration, warmup, rate, seed, classpath, jfr, outputDirectory, drainTimeout, version);
    }
}
