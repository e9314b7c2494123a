package io.veltrix.scenarios.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One strategy's run. Latencies are in nanoseconds; rates in events per second.
 *
 * @param name the strategy
 * @param complete false when the run was interrupted before the schedule's end
 * @param engine the engine configuration as run
 * @param measuredSeconds from the warm-up boundary to the end of the drain
 * @param throughput completed events per measured second
 * @param offeredRate first attempts submitted per second of the schedule's measured part
 * @param measured counts of the measured part
 * @param wholeRun counts of the whole run (warm-up included), after the drain
 * @param latency latencies of every event type together, measured part
 * @param types each event type
 * @param tiers each tier that has event types, highest priority first
 * @param deadLettersByReason whole-run dead letters by reason
 * @param rejectedByReason whole-run rejections by reason
 * @param generator how the load generator did
 * @param timeline the run second by second, warm-up included
 * @param warnings things to know before trusting the numbers (generator bottleneck, engine notes, left in flight)
 * @param invariantViolations accounting errors; always empty unless something is broken
 * @param shutdown how the final drain went
 * @param hlogFile the HdrHistogram log of end-to-end latencies, relative to results.json, or null
 * @param jfrFile the Flight Recorder recording of the measured part, relative to results.json, or null
 * @param jfr what that recording says (allocation, GC, CPU, allocation sites, hot methods), filled in after the run;
 *     null without a recording, and in results written before this field existed
 */
public record StrategyResult(
        String name,
        boolean complete,
        EngineConfigResult engine,
        double measuredSeconds,
        double throughput,
        double offeredRate,
        MeasuredCounts measured,
        RunCounts wholeRun,
        LatencySet latency,
        List<TypeResult> types,
        List<TierResult> tiers,
        Map<String, Long> deadLettersByReason,
        Map<String, Long> rejectedByReason,
        GeneratorStats generator,
        List<TimelinePoint> timeline,
        List<String> warnings,
        List<String> invariantViolations,
        ShutdownResult shutdown,
        String hlogFile,
        String jfrFile,
        @JsonInclude(JsonInclude.Include.NON_NULL) JfrFigures jfr) {

    /** This result with the names of its files. */
    public StrategyResult withFiles(String hlog, String jfr) {
        return with(hlog, jfr, this.jfr);
    }

    /** This result with the figures of its recording. */
    public StrategyResult withJfr(JfrFigures figures) {
        return with(hlogFile, jfrFile, figures);
    }

    private StrategyResult with(String hlog, String jfrName, JfrFigures figures) {
        return new StrategyResult(
                name,
                complete,
                engine,
                measuredSeconds,
                throughput,
                offeredRate,
                measured,
                wholeRun,
                latency,
                types,
                tiers,
                deadLettersByReason,
                rejectedByReason,
                generator,
                timeline,
                warnings,
                invariantViolations,
                shutdown,
                hlog,
                jfrName,
                figures);
    }
}
