package io.veltrix.reports.format;

import io.veltrix.reports.html.JfrSummary;
import io.veltrix.reports.jfr.AllocationSummary;
import io.veltrix.reports.jfr.CpuLoadAggregator.CpuLoad;
import io.veltrix.reports.jfr.EventSettings;
import io.veltrix.reports.jfr.ExecutionProfile;
import io.veltrix.reports.jfr.GcSummary;
import io.veltrix.reports.jfr.JfrAnalysis;
import io.veltrix.reports.jfr.JfrAnalyzer;
import io.veltrix.reports.jfr.Ranked;
import io.veltrix.reports.slo.JvmFigures;
import io.veltrix.reports.slo.JvmFiguresSource;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.JfrFigures;
import io.veltrix.scenarios.results.StrategyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each strategy's Flight Recorder recording ({@code <strategy>.jfr}, its measured part) says about the JVM:
 * allocation (an estimate from {@code jdk.ObjectAllocationSample} weights), GC pauses, CPU, top allocation sites
 * and hot methods, and collapsed stacks for the flame graph. It answers the SLO metrics {@code alloc_per_event},
 * {@code alloc_rate} and {@code gc_pause_max}, and feeds the HTML report's JVM sections and {@code report.json}.
 */
public final class RecordingFigures implements JvmFiguresSource {
    /** How many allocation sites and hot methods are kept per strategy. */
    public static final int TOP = 5;

    /**
     * The figures of one strategy.
     *
     * @param jvm the SLO figures
     * @param summary what the HTML report draws
     * @param topAllocationSites the top allocation sites (frame, estimated bytes)
     * @param hotMethods the methods most often on top of the stack (method, samples)
     * @param problem why the recording could not be read, or null
     * @param results the figures as {@code results.json} carries them
     */
    public record Strategy(
            JvmFigures jvm,
            JfrSummary summary,
            Map<String, Long> topAllocationSites,
            Map<String, Long> hotMethods,
            String problem,
            JfrFigures results) {}

    private final Map<String, Strategy> byStrategy;

    private RecordingFigures(Map<String, Strategy> byStrategy) {
        this.byStrategy = byStrategy;
    }

    /** Figures of no strategy. */
    public static final RecordingFigures NONE = new RecordingFigures(Map.of());

    /** Analyses the recording of every strategy of {@code results} that has one in {@code directory}. */
    public static RecordingFigures analyze(BenchResults results, Path directory) {
        Map<String, Strategy> figures = new LinkedHashMap<>();
        for (StrategyResult s : results.strategies()) {
            if (s.jfrFile() == null) {
                continue;
            }
            Path file = directory.resolve(s.jfrFile());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                figures.put(s.name(), of(s, JfrAnalyzer.standard().analyze(List.of(file))));
            } catch (Exception e) {
                String problem = file + ": " + e.getMessage();
                figures.put(
                        s.name(), new Strategy(null, null, Map.of(), Map.of(), problem, JfrFigures.failed(problem)));
            }
        }
        return new RecordingFigures(figures);
    }

    static Strategy of(StrategyResult s, JfrAnalysis analysis) {
        AllocationSummary allocation = analysis.section(AllocationSummary.class).orElse(null);
        GcSummary gc = analysis.section(GcSummary.class).orElse(null);
        CpuLoad cpu = analysis.section(CpuLoad.class).orElse(null);
        ExecutionProfile execution = analysis.section(ExecutionProfile.class).orElse(null);

        Double bytesPerSecond =
                allocation == null || allocation.samples() == 0 ? null : allocation.sampledBytesPerSecond();
        Long bytes = allocation == null || allocation.samples() == 0 ? null : allocation.sampledBytes();
        long completed = s.measured().completed();
        Double bytesPerEvent = bytes == null || completed == 0 ? null : (double) bytes / completed;
        Long pauseMaxNanos =
                gc == null || gc.pauseMax() == null ? null : gc.pauseMax().toNanos();
        JvmFigures jvm = new JvmFigures(
                bytesPerEvent, bytesPerSecond, gc == null ? null : (pauseMaxNanos == null ? 0L : pauseMaxNanos));

        List<String> stacks = new ArrayList<>();
        if (execution != null && execution.samples() > 0) {
            StringBuilder collapsed = new StringBuilder();
            execution.writeCollapsed(collapsed);
            for (String line : collapsed.toString().split("\n")) {
                if (!line.isBlank()) {
                    stacks.add(line);
                }
            }
        }
        JfrSummary summary = new JfrSummary(
                s.name(),
                bytesPerSecond,
                bytes,
                gc == null ? null : gc.collections(),
                gc == null ? null : millis(gc.pauseTotal()),
                gc == null ? null : millis(gc.pauseMax()),
                gc == null ? null : millis(gc.collectionPauseP99()),
                cpu == null || cpu.jvmTotal() == null || cpu.jvmTotal().count() == 0
                        ? null
                        : cpu.jvmTotal().mean(),
                cpu == null || cpu.jvmTotal() == null || cpu.jvmTotal().count() == 0
                        ? null
                        : cpu.jvmTotal().max(),
                cpu == null || cpu.machineTotal() == null || cpu.machineTotal().count() == 0
                        ? null
                        : cpu.machineTotal().mean(),
                List.of(),
                List.of(),
                stacks);
        return new Strategy(
                jvm,
                summary,
                top(allocation == null ? List.of() : allocation.topSites(), true),
                top(execution == null ? List.of() : execution.hotMethods(), false),
                null,
                results(analysis, s, allocation, gc, cpu, execution, bytes, bytesPerSecond, bytesPerEvent));
    }

    private static final String SAMPLE = "jdk.ObjectAllocationSample";

    /** The figures {@code results.json} carries, with what each estimate is and why a missing figure is missing. */
    private static JfrFigures results(
            JfrAnalysis analysis,
            StrategyResult s,
            AllocationSummary allocation,
            GcSummary gc,
            CpuLoad cpu,
            ExecutionProfile execution,
            Long bytes,
            Double bytesPerSecond,
            Double bytesPerEvent) {
        EventSettings settings = analysis.context().settings();
        Map<String, String> estimates = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<JfrFigures.Site> sites = new ArrayList<>();
        if (bytes == null) {
            String why = settings.whyMissing(SAMPLE);
            for (String figure : List.of(
                    "allocatedBytes", "allocationBytesPerSecond", "allocatedBytesPerEvent", "topAllocationSites")) {
                unavailable.put(figure, why);
            }
        } else {
            String throttle = settings.setting(SAMPLE, "throttle");
            estimates.put(
                    "allocatedBytes",
                    "sum of the weights of jdk.ObjectAllocationSample (throttle "
                            + (throttle == null ? "unknown" : throttle)
                            + "), each the bytes its thread allocated since its previous sample; without the first"
                            + " sample of each thread older than the recording (see excludedFirstSampleBytes)");
            estimates.put("allocationBytesPerSecond", "allocatedBytes over the recording's first to last event");
            estimates.put("allocatedBytesPerEvent", "allocatedBytes over measured.completed");
            estimates.put(
                    "topAllocationSites",
                    "each sample's weight credited to its top frame: statistical, better with more samples");
            if (bytesPerEvent == null) {
                unavailable.put("allocatedBytesPerEvent", "no event completed in the measured part");
            }
            for (Ranked<String> r : allocation.topSites()) {
                if (sites.size() == TOP) {
                    break;
                }
                sites.add(new JfrFigures.Site(r.key(), r.weight(), percent(r.weight(), allocation.sampledBytes())));
            }
        }
        Long collections = null;
        Long pauseTotal = null;
        Long pauseMax = null;
        if (gc != null
                && (gc.collections() > 0 || settings.state("jdk.GarbageCollection") == EventSettings.State.ENABLED)) {
            collections = gc.collections();
            pauseTotal = gc.pauseTotal() == null ? 0L : gc.pauseTotal().toNanos();
            pauseMax = gc.pauseMax() == null ? 0L : gc.pauseMax().toNanos();
        } else {
            String why = settings.whyMissing("jdk.GarbageCollection");
            for (String figure : List.of("gcCollections", "gcPauseTotalNanos", "gcPauseMaxNanos")) {
                unavailable.put(figure, why);
            }
        }
        boolean cpuSampled =
                cpu != null && cpu.jvmTotal() != null && cpu.jvmTotal().count() > 0;
        if (!cpuSampled) {
            String why = settings.whyMissing("jdk.CPULoad");
            for (String figure : List.of("cpuJvmMeanPercent", "cpuJvmMaxPercent", "cpuMachineMeanPercent")) {
                unavailable.put(figure, why);
            }
        }
        List<JfrFigures.HotMethod> methods = new ArrayList<>();
        long executionSamples = execution == null ? 0 : execution.samples();
        if (executionSamples == 0) {
            unavailable.put("hotMethods", settings.whyMissing("jdk.ExecutionSample"));
        } else {
            estimates.put(
                    "hotMethods",
                    "jdk.ExecutionSample every "
                            + (execution.period() == null ? "(period unknown)" : execution.period())
                            + " of threads running Java code: statistical; native code and waiting are not sampled");
            for (Ranked<String> r : execution.hotMethods()) {
                if (methods.size() == TOP) {
                    break;
                }
                methods.add(new JfrFigures.HotMethod(r.key(), r.count(), percent(r.count(), executionSamples)));
            }
        }
        return new JfrFigures(
                null,
                estimates,
                bytes,
                bytesPerSecond,
                bytesPerEvent,
                allocation == null ? null : allocation.excludedFirstSampleBytes(),
                collections,
                pauseTotal,
                pauseMax,
                cpuSampled ? cpu.jvmTotal().mean() : null,
                cpuSampled ? cpu.jvmTotal().max() : null,
                cpuSampled && cpu.machineTotal() != null && cpu.machineTotal().count() > 0
                        ? cpu.machineTotal().mean()
                        : null,
                sites,
                executionSamples,
                methods,
                unavailable);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 100.0;
    }

    /**
     * {@code results} with each analysed strategy's figures ({@code strategies[].jfr}); strategies without a
     * recording are left as they are.
     */
    public BenchResults addTo(BenchResults results) {
        List<StrategyResult> strategies = new ArrayList<>();
        for (StrategyResult s : results.strategies()) {
            Strategy figures = byStrategy.get(s.name());
            strategies.add(figures == null ? s : s.withJfr(figures.results()));
        }
        return results.withStrategies(strategies);
    }

    private static Map<String, Long> top(List<Ranked<String>> ranked, boolean byWeight) {
        Map<String, Long> top = new LinkedHashMap<>();
        for (Ranked<String> r : ranked) {
            if (top.size() == TOP) {
                break;
            }
            top.put(r.key(), byWeight ? r.weight() : r.count());
        }
        return top;
    }

    private static Double millis(Duration d) {
        return d == null ? null : d.toNanos() / 1e6;
    }

    @Override
    public JvmFigures figures(StrategyResult strategy) {
        Strategy s = byStrategy.get(strategy.name());
        return s == null ? null : s.jvm();
    }

    /** Every analysed strategy, in the order of the results. */
    public Map<String, Strategy> strategies() {
        return byStrategy;
    }

    /** The HTML report's JVM summaries. */
    public List<JfrSummary> summaries() {
        List<JfrSummary> list = new ArrayList<>();
        byStrategy.values().forEach(s -> {
            if (s.summary() != null) {
                list.add(s.summary());
            }
        });
        return list;
    }
}
