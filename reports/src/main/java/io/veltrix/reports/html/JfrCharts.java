package io.veltrix.reports.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The charts of the Flight Recorder figures: totals per strategy as bars, the same over time when the figures have a
 * timeline, and one flame graph of execution samples per strategy that has collapsed stacks.
 */
final class JfrCharts {
    private final List<String> strategies;
    private final ReportInputs inputs;

    /** @param strategies the strategies in run order, so each keeps its colour */
    JfrCharts(List<String> strategies, ReportInputs inputs) {
        this.strategies = strategies;
        this.inputs = inputs;
    }

    /** Allocation rate, GC pauses and CPU, one bar per strategy; an empty list without figures. */
    List<ChartSpec> totals() {
        List<ChartSpec> charts = new ArrayList<>();
        if (inputs.jfr().isEmpty()) {
            return charts;
        }
        charts.add(bars(
                "jfr-allocation",
                "Allocation rate",
                "bytesRate",
                List.of(new Bar("allocation rate", JfrSummary::allocationBytesPerSecond))));
        charts.add(bars(
                "jfr-gc",
                "GC pauses: total and longest",
                "ms",
                List.of(
                        new Bar("pause total", JfrSummary::gcPauseTotalMillis),
                        new Bar("longest pause", JfrSummary::gcPauseLongestMillis))));
        charts.add(bars(
                "jfr-cpu",
                "CPU: mean of samples, % of all CPUs",
                "percent",
                List.of(
                        new Bar("JVM", JfrSummary::cpuJvmMeanPercent),
                        new Bar("machine", JfrSummary::cpuMachineMeanPercent))));
        return charts;
    }

    /** Allocation rate, CPU and GC pauses over the run's seconds, for the figures that have a timeline. */
    List<ChartSpec> overTime() {
        List<ChartSpec> charts = new ArrayList<>();
        ChartSpec allocation = new ChartSpec("jfr-allocation-time", "time", "Allocation rate over time", "bytesRate");
        ChartSpec cpu = new ChartSpec("jfr-cpu-time", "time", "JVM CPU over time (% of all CPUs)", "percent");
        ChartSpec pauses = new ChartSpec("jfr-gc-time", "time", "GC pauses (each point one pause)", "ms");
        boolean anyAllocation = false, anyCpu = false, anyPause = false;
        for (int i = 0; i < strategies.size(); i++) {
            JfrSummary jfr = inputs.jfrOf(strategies.get(i));
            if (jfr == null) {
                continue;
            }
            if (jfr.timeline().stream().anyMatch(s -> s.allocationBytesPerSecond() != null)) {
                anyAllocation = true;
                ArrayNode data = allocation.series(jfr.strategy(), i, "line");
                jfr.timeline().stream()
                        .filter(s -> s.allocationBytesPerSecond() != null)
                        .forEach(s -> ChartSpec.point(data, s.second(), s.allocationBytesPerSecond()));
            }
            if (jfr.timeline().stream().anyMatch(s -> s.cpuJvmPercent() != null)) {
                anyCpu = true;
                ArrayNode data = cpu.series(jfr.strategy(), i, "line");
                jfr.timeline().stream()
                        .filter(s -> s.cpuJvmPercent() != null)
                        .forEach(s -> ChartSpec.point(data, s.second(), s.cpuJvmPercent()));
            }
            if (!jfr.gcPauses().isEmpty()) {
                anyPause = true;
                ArrayNode data = pauses.series(jfr.strategy(), i, "scatter");
                jfr.gcPauses().forEach(p -> ChartSpec.point(data, p.second(), p.millis()));
            }
        }
        if (anyAllocation) {
            charts.add(allocation);
        }
        if (anyCpu) {
            charts.add(cpu);
        }
        if (anyPause) {
            charts.add(pauses);
        }
        return charts;
    }

    /** One flame graph per strategy with collapsed stacks, in run order. */
    List<Flame> flameGraphs() {
        List<Flame> flames = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            JfrSummary jfr = inputs.jfrOf(strategies.get(i));
            if (jfr == null || jfr.collapsedStacks().isEmpty()) {
                continue;
            }
            FlameGraph graph = FlameGraph.of(jfr.collapsedStacks());
            ChartSpec chart = new ChartSpec("flame-" + i, "flame", jfr.strategy() + ": execution samples", "count")
                    .height(Math.max(160, 60 + 18 * (graph.maxDepth() + 1)));
            chart.node.put("total", graph.totalSamples());
            chart.node.put("maxDepth", graph.maxDepth());
            ArrayNode frames = chart.node.putArray("frames");
            for (FlameGraph.Frame f : graph.frames()) {
                frames.addArray()
                        .add(f.start())
                        .add(f.start() + f.samples())
                        .add(f.depth())
                        .add(f.name())
                        .add(f.samples());
            }
            flames.add(new Flame(jfr.strategy(), graph, chart));
        }
        return flames;
    }

    /** A strategy's flame graph and its chart. */
    record Flame(String strategy, FlameGraph graph, ChartSpec chart) {}

    private record Bar(String name, Function<JfrSummary, ? extends Number> value) {}

    private ChartSpec bars(String id, String title, String unit, List<Bar> bars) {
        ChartSpec chart = new ChartSpec(id, "bars", title, unit).categories(strategies);
        for (int b = 0; b < bars.size(); b++) {
            ArrayNode data = chart.series(bars.get(b).name(), b, "bar");
            for (String strategy : strategies) {
                JfrSummary jfr = inputs.jfrOf(strategy);
                Number v = jfr == null ? null : bars.get(b).value().apply(jfr);
                if (v == null) {
                    data.addNull();
                } else {
                    data.add(ChartSpec.round(v.doubleValue()));
                }
            }
        }
        return chart;
    }
}
