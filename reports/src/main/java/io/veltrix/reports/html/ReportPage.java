package io.veltrix.reports.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts one report together, section by section in the order a reader asks their questions: who won, by how much,
 * where the latency went, how the run unfolded, what the JVM did, and what exactly was run where. Every chart's data
 * goes into one JSON element that {@code report.js} reads; the page's text is escaped, its JSON made script-safe.
 */
final class ReportPage {
    private final BenchResults results;
    private final ReportInputs inputs;
    private final List<ChartSpec> charts = new ArrayList<>();
    private final StringBuilder h = new StringBuilder(64 * 1024);

    private ReportPage(BenchResults results, ReportInputs inputs) {
        this.results = results;
        this.inputs = inputs;
    }

    /** The whole page, with {@code assets}' library, style and script inlined. */
    static String render(BenchResults results, ReportInputs inputs, ReportAssets assets) {
        return new ReportPage(results, inputs).build(assets);
    }

    private String build(ReportAssets assets) {
        String name = results.scenario().name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                // Nothing may leave the page: scripts and styles are inline, images only data: URLs.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src"
                        + " 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>Veltrix report: ")
                .append(Html.escape(name))
                .append("</title>\n<style>\n")
                .append(assets.css())
                .append("</style>\n<script>\n")
                .append(assets.statusScript())
                .append("</script>\n</head>\n<body>\n<main>\n");
        header();
        section("verdict", "Verdict", Sections.verdict(results, inputs.sloVerdicts()));
        section(
                "comparison",
                "Strategies compared",
                ComparisonTable.html(results.strategies())
                        + ComparisonTable.offered(results.strategies())
                        + "<p class=\"muted\">Measured part only. Latency is end-to-end, from each event's intended time"
                        + " (no coordinated omission); the uncorrected p99 counts from the actual submission. ★ marks the"
                        + " best value of a column; other values show their distance from it.</p>\n");
        latency();
        TimelineCharts timelines = new TimelineCharts(results);
        section(
                "over-time",
                "Throughput, p99 and drops over time",
                chart(timelines.throughput()) + chart(timelines.p99()) + chart(timelines.drops()) + warmupNote());
        StringBuilder queues = new StringBuilder();
        timelines.queues().forEach(c -> queues.append(chart(c)));
        section("queues", "Queue depth and capacity over time", queues.toString());
        section("retries", "Retries and dead letters over time", chart(timelines.retriesAndDeadLetters()));
        jfr();
        section("types", "By event type", BreakdownTables.types(results.strategies()));
        section("tiers", "By tier", BreakdownTables.tiers(results.strategies()));
        section("scenario", "Scenario as run", Sections.scenario(results));
        section("environment", "Environment", Sections.environment(results));
        footer(timelines.downsampled());
        h.append("</main>\n<div id=\"report-status\" hidden></div>\n")
                .append("<script type=\"application/json\" id=\"report-charts\">")
                .append(chartsJson())
                .append("</script>\n<script>\n")
                .append(assets.echarts())
                .append("\n</script>\n<script>\n")
                .append(assets.reportScript())
                .append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private void header() {
        var sc = results.scenario();
        h.append("<header>\n<h1>")
                .append(Html.escape(sc.name()))
                .append("</h1>\n<p class=\"lead\">")
                .append(Html.escape(sc.description()))
                .append("</p>\n<p class=\"muted\">")
                .append(Html.escape(sc.load()))
                .append(String.format(
                        Locale.ROOT,
                        " · %.0f s measured after %.0f s warm-up · seed %d · %d strateg%s · %s",
                        sc.durationSeconds(),
                        sc.warmupSeconds(),
                        sc.seed(),
                        results.strategies().size(),
                        results.strategies().size() == 1 ? "y" : "ies",
                        Html.escape(Html.instant(results.startedAt()))))
                .append("</p>\n<nav><a href=\"#verdict\">verdict</a> <a href=\"#comparison\">comparison</a>"
                        + " <a href=\"#latency\">latency</a> <a href=\"#over-time\">over time</a>"
                        + " <a href=\"#queues\">queues</a> <a href=\"#retries\">retries</a> <a href=\"#jfr\">JVM</a>"
                        + " <a href=\"#types\">event types</a> <a href=\"#tiers\">tiers</a>"
                        + " <a href=\"#scenario\">scenario</a> <a href=\"#environment\">environment</a></nav>\n")
                .append("</header>\n");
    }

    private void latency() {
        ChartSpec chart = new ChartSpec("percentiles", "nines", "End-to-end latency by percentile", "ms");
        StringBuilder sources = new StringBuilder("<ul class=\"sources\">\n");
        int colour = 0;
        for (StrategyResult s : results.strategies()) {
            PercentileDistribution d = PercentileDistribution.of(s, inputs.resultsDirectory());
            ArrayNode data = chart.series(s.name(), colour++, "line");
            d.points().forEach(p -> ChartSpec.point(data, p[0], p[1] / 1e6));
            sources.append("<li><strong>")
                    .append(Html.escape(s.name()))
                    .append("</strong> ")
                    .append(Html.escape(d.source()))
                    .append("</li>\n");
        }
        sources.append("</ul>\n");
        section(
                "latency",
                "Latency distribution",
                chart(chart)
                        + "<p class=\"muted\">x: percentile on a log scale of 1/(1−p), as HdrHistogram's plotter draws it:"
                        + " each step right is ten times rarer (90%, 99%, 99.9%…). y: latency.</p>\n" + sources);
    }

    private void jfr() {
        List<String> names =
                results.strategies().stream().map(StrategyResult::name).toList();
        JfrCharts jfr = new JfrCharts(names, inputs);
        StringBuilder body = new StringBuilder();
        if (inputs.jfr().isEmpty()) {
            List<String> files = results.strategies().stream()
                    .filter(s -> s.jfrFile() != null)
                    .map(StrategyResult::jfrFile)
                    .toList();
            body.append("<p class=\"muted\" id=\"jfr-missing\">No Flight Recorder figures were given to this report")
                    .append(
                            files.isEmpty()
                                    ? "."
                                    : "; the recordings are " + Html.escape(String.join(", ", files)) + ".")
                    .append("</p>\n");
        } else {
            body.append(Sections.jfrTable(results.strategies(), inputs)).append("<div class=\"grid\">\n");
            jfr.totals().forEach(c -> body.append(chart(c)));
            body.append("</div>\n");
            jfr.overTime().forEach(c -> body.append(chart(c)));
            body.append("<p class=\"muted\">Allocation is estimated from jdk.ObjectAllocationSample weights; CPU is"
                    + " in percent of all the machine's CPUs (100% = every core busy).</p>\n");
        }
        section("jfr", "JVM: allocation, GC pauses, CPU", body.toString());
        List<JfrCharts.Flame> flames = jfr.flameGraphs();
        if (!flames.isEmpty()) {
            StringBuilder f = new StringBuilder();
            for (JfrCharts.Flame flame : flames) {
                f.append(chart(flame.chart()))
                        .append("<p class=\"muted\">")
                        .append(Html.escape(flame.strategy()))
                        .append(String.format(
                                Locale.ROOT,
                                ": %,d samples, %,d frames drawn",
                                flame.graph().totalSamples(),
                                flame.graph().frames().size()))
                        .append(hidden(flame.graph().hiddenFrames()))
                        .append(".</p>\n");
            }
            f.append("<p class=\"muted\">Execution samples (jdk.ExecutionSample): each frame is as wide as the"
                    + " samples whose stack passes through it, its callers below it. Drag the slider or use the"
                    + " mouse wheel to zoom; hover for a frame's samples.</p>\n");
            section("flame", "Where the CPU went: flame graphs", f.toString());
        }
    }

    private static String hidden(int frames) {
        if (frames == 0) {
            return "";
        }
        return String.format(
                Locale.ROOT, ", %,d frame%s under 0.1%% of the samples hidden", frames, frames == 1 ? "" : "s");
    }

    private String warmupNote() {
        return "<p class=\"muted\">The shaded band is the warm-up, excluded from every other figure. Each point is"
                + " one interval of about a second, placed at its end.</p>\n";
    }

    private void footer(List<String> downsampled) {
        h.append("<footer>\n<p>Timelines: a series over ")
                .append(Downsampler.MAX_POINTS)
                .append(" points is drawn downsampled, keeping its first and last points and the minimum and maximum"
                        + " of each bucket; ");
        if (downsampled.isEmpty()) {
            h.append("<span id=\"downsampling\">none was downsampled in this report</span>.");
        } else {
            h.append("<span id=\"downsampling\">downsampled here: ")
                    .append(Html.escape(String.join("; ", downsampled)))
                    .append("</span>.");
        }
        String version = results.environment().veltrixVersion();
        h.append("</p>\n<p>From results.json (")
                .append(Html.escape(results.schema()))
                .append(") of a run by Veltrix ")
                .append(Html.escape(version == null ? "(version unknown)" : version))
                .append(". Charts by Apache ECharts ")
                .append(ReportAssets.ECHARTS_VERSION)
                .append(", inlined: this page loads nothing from the network.</p>\n</footer>\n");
    }

    private void section(String id, String title, String body) {
        h.append("<section id=\"")
                .append(id)
                .append("\">\n<h2>")
                .append(Html.escape(title))
                .append("</h2>\n")
                .append(body)
                .append("</section>\n");
    }

    /** A chart's place on the page: its title as text (it wraps on a phone), then the element ECharts draws in. */
    private String chart(ChartSpec spec) {
        charts.add(spec);
        String title = Html.escape(spec.node.get("title").asText());
        String height = spec.node.has("height")
                ? " style=\"height:" + spec.node.get("height").asInt() + "px\""
                : "";
        return "<figure class=\"chart-box\"><figcaption>" + title + "</figcaption><div class=\"chart\" id=\"chart-"
                + spec.id + "\" data-chart=\"" + spec.id + "\"" + height + " role=\"img\" aria-label=\"" + title
                + "\"></div></figure>\n";
    }

    private String chartsJson() {
        ArrayNode all = ChartSpec.JSON.createArrayNode();
        charts.forEach(c -> all.add(c.node));
        try {
            return Html.scriptSafeJson(ChartSpec.JSON.writeValueAsString(all));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data cannot be written as JSON", e);
        }
    }
}
