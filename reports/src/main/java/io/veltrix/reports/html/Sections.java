package io.veltrix.reports.html;

import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.EngineConfigResult;
import io.veltrix.scenarios.results.EnvironmentInfo;
import io.veltrix.scenarios.results.MergedInput;
import io.veltrix.scenarios.results.ScenarioInfo;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The parts of the page that are text and tables: verdict, SLOs, JFR figures, scenario and environment. */
final class Sections {
    private Sections() {}

    /** Which strategy wins and by how much, the SLOs' outcome, and what to know before trusting the numbers. */
    static String verdict(BenchResults results, List<SloVerdict> slos) {
        StringBuilder h = new StringBuilder();
        List<StrategyResult> ranked = new ArrayList<>(results.strategies());
        ranked.sort(Verdict.RANKING);
        if (results.partial()) {
            h.append("<p class=\"banner bad\">Interrupted run: these are partial results.</p>\n");
        }
        if (ranked.isEmpty()) {
            h.append("<p class=\"headline\">No strategy finished: there is nothing to compare.</p>\n");
        } else if (ranked.size() == 1) {
            h.append("<p class=\"headline\">One strategy was run, <strong>")
                    .append(Html.escape(ranked.get(0).name()))
                    .append("</strong>: there is nothing to compare it with.</p>\n");
        } else {
            String line = results.verdict() != null ? results.verdict() : Verdict.of(results);
            h.append("<p class=\"headline\"><strong id=\"winner\">")
                    .append(Html.escape(ranked.get(0).name()))
                    .append("</strong> wins</p>\n<p class=\"verdict-line\">")
                    .append(Html.escape(line))
                    .append("</p>\n<p class=\"muted\">Ranking: the smallest share of events lost first (within 0.1"
                            + " percentage point counts as equal), then the lowest end-to-end p99: ");
            for (int i = 0; i < ranked.size(); i++) {
                h.append(i == 0 ? "" : ", ")
                        .append(i + 1)
                        .append(". ")
                        .append(Html.escape(ranked.get(i).name()));
            }
            h.append(".</p>\n");
        }
        if (!slos.isEmpty()) {
            h.append(sloSummary(results, slos));
        }
        h.append(warnings(results));
        return h.toString();
    }

    private static String sloSummary(BenchResults results, List<SloVerdict> slos) {
        StringBuilder h = new StringBuilder("<div class=\"slo-summary\">\n");
        for (StrategyResult s : results.strategies()) {
            long total =
                    slos.stream().filter(v -> v.strategy().equals(s.name())).count();
            long passed = slos.stream()
                    .filter(v -> v.strategy().equals(s.name()) && v.passed())
                    .count();
            if (total == 0) {
                continue;
            }
            boolean pass = passed == total;
            h.append("<span class=\"chip ")
                    .append(pass ? "pass" : "fail")
                    .append("\">")
                    .append(Html.escape(s.name()))
                    .append(": SLOs ")
                    .append(pass ? "PASS" : "FAIL")
                    .append(" (")
                    .append(passed)
                    .append(" of ")
                    .append(total)
                    .append(")</span>\n");
        }
        h.append(
                "</div>\n<div class=\"scroll\"><table id=\"slos\" class=\"text-table\">\n<thead><tr><th>strategy</th><th>SLO</th>"
                        + "<th>measured</th><th>verdict</th><th>detail</th></tr></thead>\n<tbody>\n");
        for (SloVerdict v : slos) {
            h.append("<tr><td>")
                    .append(Html.escape(v.strategy()))
                    .append("</td><td><code>")
                    .append(Html.escape(v.objective()))
                    .append("</code></td><td>")
                    .append(Html.escape(v.measured() == null ? "—" : v.measured()))
                    .append("</td><td class=\"")
                    .append(v.passed() ? "pass\">PASS" : "fail\">FAIL")
                    .append("</td><td>")
                    .append(Html.escape(v.detail() == null ? "" : v.detail()))
                    .append("</td></tr>\n");
        }
        return h.append("</tbody></table></div>\n").toString();
    }

    private static String warnings(BenchResults results) {
        List<String> lines = new ArrayList<>();
        for (StrategyResult s : results.strategies()) {
            if (!s.complete()) {
                lines.add(s.name() + ": interrupted before the end of its schedule");
            }
            s.invariantViolations().forEach(w -> lines.add(s.name() + ": accounting error: " + w));
            s.warnings().forEach(w -> lines.add(s.name() + ": " + w));
            if (s.generator() != null) {
                s.generator().warnings().forEach(w -> lines.add(s.name() + ": " + w));
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<details class=\"warnings\" open><summary>Before trusting these numbers (")
                .append(lines.size())
                .append(")</summary><ul>\n");
        lines.stream()
                .distinct()
                .forEach(l -> h.append("<li>").append(Html.escape(l)).append("</li>\n"));
        return h.append("</ul></details>\n").toString();
    }

    /** The Flight Recorder figures, one row per strategy that has them. */
    static String jfrTable(List<StrategyResult> strategies, ReportInputs inputs) {
        StringBuilder h = new StringBuilder("<div class=\"scroll\"><table id=\"jfr-figures\">\n<thead><tr>"
                + "<th>strategy</th><th>allocation rate</th><th>allocated</th><th>GCs</th><th>GC pause total</th>"
                + "<th>longest pause</th><th>p99 pause</th><th>JVM CPU mean</th><th>JVM CPU max</th>"
                + "<th>machine CPU mean</th></tr></thead>\n<tbody>\n");
        for (StrategyResult s : strategies) {
            JfrSummary j = inputs.jfrOf(s.name());
            if (j == null) {
                continue;
            }
            h.append("<tr><th scope=\"row\">").append(Html.escape(s.name())).append("</th>");
            figure(h, j.allocationBytesPerSecond(), v -> Html.bytes(v) + "/s");
            figure(h, j.allocatedBytes(), v -> Html.bytes(v));
            figure(h, j.gcCount(), v -> Html.count(v.longValue()));
            figure(h, j.gcPauseTotalMillis(), Html::millis);
            figure(h, j.gcPauseLongestMillis(), Html::millis);
            figure(h, j.gcPauseP99Millis(), Html::millis);
            figure(h, j.cpuJvmMeanPercent(), v -> String.format(Locale.ROOT, "%.1f%%", v));
            figure(h, j.cpuJvmMaxPercent(), v -> String.format(Locale.ROOT, "%.1f%%", v));
            figure(h, j.cpuMachineMeanPercent(), v -> String.format(Locale.ROOT, "%.1f%%", v));
            h.append("</tr>\n");
        }
        return h.append("</tbody></table></div>\n").toString();
    }

    private static void figure(StringBuilder h, Number value, Function<Double, String> format) {
        if (value == null) {
            h.append("<td class=\"muted\" title=\"not in the recording\">—</td>");
        } else {
            h.append("<td>")
                    .append(Html.escape(format.apply(value.doubleValue())))
                    .append("</td>");
        }
    }

    /** The scenario as run: what the command line changed, each strategy's engine, and the file's text, escaped. */
    static String scenario(BenchResults results) {
        ScenarioInfo sc = results.scenario();
        StringBuilder h = new StringBuilder("<p>")
                .append(Html.escape(sc.file()))
                .append(", seed ")
                .append(sc.seed())
                .append(", ")
                .append(Html.escape(sc.load()))
                .append(String.format(
                        Locale.ROOT,
                        ", %.0f s measured after %.0f s of warm-up",
                        sc.durationSeconds(),
                        sc.warmupSeconds()))
                .append(".</p>\n");
        List<String> overrides = overrides(sc.overrides());
        if (!overrides.isEmpty()) {
            h.append("<p>Changed on the command line: ")
                    .append(Html.escape(String.join(", ", overrides)))
                    .append(".</p>\n");
        }
        h.append(
                "<div class=\"scroll\"><table id=\"engines\" class=\"text-table\">\n<thead><tr><th>strategy</th><th>topology</th>"
                        + "<th>scheduling</th><th>workers</th><th>batch</th><th>idle</th><th>sizing</th><th>overflow</th>"
                        + "<th>retry</th></tr></thead>\n<tbody>\n");
        List<String> notes = new ArrayList<>();
        for (StrategyResult s : results.strategies()) {
            EngineConfigResult e = s.engine();
            h.append("<tr><th scope=\"row\">").append(Html.escape(s.name())).append("</th>");
            for (String cell : new String[] {
                e.topology(),
                e.scheduling(),
                String.valueOf(e.workers()),
                String.valueOf(e.batch()),
                e.idle(),
                e.sizing(),
                e.overflow(),
                e.retry()
            }) {
                h.append("<td class=\"text\">").append(Html.escape(cell)).append("</td>");
            }
            h.append("</tr>\n");
            e.notes().forEach(n -> notes.add(s.name() + ": " + n));
        }
        h.append("</tbody></table></div>\n");
        if (!notes.isEmpty()) {
            h.append("<ul class=\"notes\">\n");
            notes.forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("<pre id=\"scenario-yaml\"><code>")
                .append(Html.escape(sc.yaml()))
                .append("</code></pre>\n");
        return h.toString();
    }

    private static List<String> overrides(ScenarioInfo.Overrides o) {
        List<String> list = new ArrayList<>();
        if (o == null) {
            return list;
        }
        if (o.strategies() != null && !o.strategies().isEmpty()) {
            list.add("--strategy " + String.join(" --strategy ", o.strategies()));
        }
        if (o.duration() != null) {
            list.add("--duration " + o.duration());
        }
        if (o.warmup() != null) {
            list.add("--warmup " + o.warmup());
        }
        if (o.rate() != null) {
            list.add(String.format(Locale.ROOT, "--rate %.0f/s", o.rate()));
        }
        if (o.seed() != null) {
            list.add("--seed " + o.seed());
        }
        return list;
    }

    /** Where the bench ran. */
    static String environment(BenchResults results) {
        EnvironmentInfo e = results.environment();
        StringBuilder h = new StringBuilder("<dl class=\"environment\">\n");
        item(h, "JDK", e.jdkVendor() + " " + e.jdkVersion() + " (" + e.vmName() + ")");
        item(h, "CPUs", String.valueOf(e.cpus()));
        item(h, "max heap", Html.bytes(e.maxHeapBytes()));
        item(h, "OS", e.os() + " " + e.osVersion() + " " + e.arch());
        item(h, "host", e.hostname() == null ? "unknown" : e.hostname());
        item(h, "Veltrix", e.veltrixVersion() == null ? "unknown" : e.veltrixVersion());
        item(h, "git commit", e.gitCommit() == null ? "not in a git work tree" : e.gitCommit());
        item(h, "started", results.startedAt());
        item(h, "ended", results.endedAt());
        h.append("</dl>\n");
        mergedFrom(h, results.mergedFrom());
        return h.toString();
    }

    /** The runs that {@code veltrix merge} combined into these results, if it did: where and when each ran. */
    private static void mergedFrom(StringBuilder h, List<MergedInput> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            return;
        }
        h.append("<p>Merged by <code>veltrix merge</code> from ")
                .append(inputs.size())
                .append(inputs.size() == 1 ? " run" : " runs")
                .append(" (the CPUs, heap and hosts above are theirs together):</p>\n")
                .append("<div class=\"scroll\"><table id=\"merged-from\" class=\"text-table\">\n")
                .append(
                        "<thead><tr><th>run</th><th>host</th><th>file</th><th>started</th><th>ended</th></tr></thead>\n")
                .append("<tbody>\n");
        for (int i = 0; i < inputs.size(); i++) {
            MergedInput in = inputs.get(i);
            h.append("<tr><th scope=\"row\">").append(i + 1).append("</th>");
            for (String cell : new String[] {
                in.hostname() == null ? "unknown" : in.hostname(),
                in.file(),
                in.startedAt() == null ? "unknown" : in.startedAt(),
                (in.endedAt() == null ? "unknown" : in.endedAt()) + (in.partial() ? " (interrupted)" : "")
            }) {
                h.append("<td class=\"text\">").append(Html.escape(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    private static void item(StringBuilder h, String term, String value) {
        h.append("<dt>")
                .append(Html.escape(term))
                .append("</dt><dd>")
                .append(Html.escape(value))
                .append("</dd>\n");
    }
}
