package io.veltrix.scenarios.results;

import java.util.List;
import java.util.Map;

/**
 * What one strategy's Flight Recorder recording ({@code <strategy>.jfr}, the measured part) says about the JVM, as
 * {@code results.json} carries it ({@code strategies[].jfr}). Filled in after the run by the analysis in the
 * {@code reports} module; this module only holds the figures. A figure is null when it could not be computed, and
 * {@link #unavailable()} then says why.
 *
 * @param problem why the recording could not be analysed (every figure is then null), or null
 * @param estimates for each figure that is an estimate, how it was estimated
 * @param allocatedBytes bytes allocated during the recording (estimate: sampled allocation)
 * @param allocationBytesPerSecond {@code allocatedBytes} per second of the recording (estimate)
 * @param allocatedBytesPerEvent {@code allocatedBytes} per measured completed event (estimate)
 * @param excludedFirstSampleBytes weight of the first allocation samples of threads older than the recording, left
 *     out of {@code allocatedBytes} because it reaches back before the recording
 * @param gcCollections garbage collections ({@code jdk.GarbageCollection})
 * @param gcPauseTotalNanos sum of the collections' pause time (ns)
 * @param gcPauseMaxNanos the longest pause (ns)
 * @param cpuJvmMeanPercent the JVM's CPU use (user + system), mean of {@code jdk.CPULoad}, percent of all CPUs
 * @param cpuJvmMaxPercent the same, highest sample
 * @param cpuMachineMeanPercent the whole machine's CPU use, mean, percent of all CPUs
 * @param topAllocationSites the heaviest allocation sites (top frame with line), at most five (estimate)
 * @param executionSamples {@code jdk.ExecutionSample} events, the base of the hot methods' shares
 * @param hotMethods the methods most often on top of the sampled stacks, at most five (estimate)
 * @param unavailable figure name to the reason it is null
 */
public record JfrFigures(
        String problem,
        Map<String, String> estimates,
        Long allocatedBytes,
        Double allocationBytesPerSecond,
        Double allocatedBytesPerEvent,
        Long excludedFirstSampleBytes,
        Long gcCollections,
        Long gcPauseTotalNanos,
        Long gcPauseMaxNanos,
        Double cpuJvmMeanPercent,
        Double cpuJvmMaxPercent,
        Double cpuMachineMeanPercent,
        List<Site> topAllocationSites,
        Long executionSamples,
        List<HotMethod> hotMethods,
        Map<String, String> unavailable) {

    /**
     * An allocation site.
     *
     * @param site {@code package.Class.method:line} of the top frame
     * @param bytes the weight of the samples taken there (estimate)
     * @param percent share of {@code allocatedBytes}, 0 to 100
     */
    public record Site(String site, long bytes, double percent) {}

    /**
     * A hot method.
     *
     * @param method {@code package.Class.method}
     * @param samples execution samples with the method on top
     * @param percent share of {@code executionSamples}, 0 to 100
     */
    public record HotMethod(String method, long samples, double percent) {}

    /** The figures of a recording that could not be analysed. */
    public static JfrFigures failed(String problem) {
        return new JfrFigures(
                problem, Map.of(), null, null, null, null, null, null, null, null, null, null, List.of(), null,
                List.of(), Map.of());
    }
}
