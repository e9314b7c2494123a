package io.veltrix.reports.html;

import java.util.List;
import java.util.Objects;

/**
 * What a strategy's Flight Recorder recording says about the JVM during its measured part, reduced to what the report
 * draws. Every figure is optional: null when the recording has no such events (the event was disabled, or none
 * happened), and the report then says it is missing rather than showing 0.
 *
 * @param strategy the strategy whose recording this is
 * @param allocationBytesPerSecond bytes allocated per second over the recording (an estimate from {@code
 *     jdk.ObjectAllocationSample} weights), or null
 * @param allocatedBytes bytes allocated over the recording (same estimate), or null
 * @param gcCount garbage collections, or null
 * @param gcPauseTotalMillis the sum of their stop-the-world pauses (ms), or null
 * @param gcPauseLongestMillis the longest pause (ms), or null
 * @param gcPauseP99Millis the 99th percentile of pause time per collection (ms), or null
 * @param cpuJvmMeanPercent the JVM's CPU use (user + system), mean over samples, in percent of all the machine's CPUs
 *     (100 = every core busy), or null
 * @param cpuJvmMaxPercent the same, largest sample, or null
 * @param cpuMachineMeanPercent the whole machine's CPU use, mean over samples, in percent, or null
 * @param timeline figures over time (for example one per second); empty when only the totals are known
 * @param gcPauses each pause, in time order; empty when unknown
 * @param collapsedStacks execution samples as collapsed stacks, one line per distinct stack: frames root first
 *     separated by {@code ;}, a space, then the number of samples ({@code main;run;work 42}); empty when there were
 *     no execution samples
 */
public record JfrSummary(
        String strategy,
        Double allocationBytesPerSecond,
        Long allocatedBytes,
        Long gcCount,
        Double gcPauseTotalMillis,
        Double gcPauseLongestMillis,
        Double gcPauseP99Millis,
        Double cpuJvmMeanPercent,
        Double cpuJvmMaxPercent,
        Double cpuMachineMeanPercent,
        List<Sample> timeline,
        List<GcPause> gcPauses,
        List<String> collapsedStacks) {

    public JfrSummary {
        Objects.requireNonNull(strategy, "strategy");
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        gcPauses = gcPauses == null ? List.of() : List.copyOf(gcPauses);
        collapsedStacks = collapsedStacks == null ? List.of() : List.copyOf(collapsedStacks);
    }

    /**
     * The JVM at one moment of the recording.
     *
     * @param second seconds from the start of the run (the same clock as the results' timeline)
     * @param allocationBytesPerSecond allocation rate around that moment, or null
     * @param cpuJvmPercent the JVM's CPU use in percent of all CPUs, or null
     * @param cpuMachinePercent the machine's CPU use in percent, or null
     */
    public record Sample(
            double second, Double allocationBytesPerSecond, Double cpuJvmPercent, Double cpuMachinePercent) {}

    /**
     * One garbage-collection pause.
     *
     * @param second when it started, seconds from the start of the run
     * @param millis how long the application was stopped (ms)
     * @param collector the collector's name ({@code G1New}, {@code G1Old}, {@code ZGC}...), or null
     */
    public record GcPause(double second, double millis, String collector) {}
}
