package io.veltrix.reports.format;

import io.veltrix.reports.compare.BaselineComparison;
import io.veltrix.reports.compare.CompareVerdict;
import io.veltrix.reports.compare.ComparisonRow;
import io.veltrix.reports.slo.SloReport;
import io.veltrix.reports.slo.SloStatus;
import io.veltrix.reports.slo.SloVerdict;
import io.veltrix.scenarios.results.AtomicFiles;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.Durations;
import io.veltrix.scenarios.results.EnvironmentInfo;
import io.veltrix.scenarios.results.StrategyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code report.md}: GitHub-flavoured Markdown for a pull-request comment or a job summary ({@code
 * $GITHUB_STEP_SUMMARY}). The verdict comes first (did every check pass), then the strategies side by side, the SLO
 * verdicts, and the comparison with a baseline when there is one.
 */
public final class MarkdownResultFormat implements ResultFormat {
    private static final String PASS = "✅";
    private static final String FAIL = "❌";
    private static final String SKIP = "⏭️";

    private record Column(String header, ToDoubleFunction<StrategyResult> value, boolean higherIsBetter, Fmt format) {}

    private interface Fmt {
        String format(double value);
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("throughput", StrategyResult::throughput, true, v -> String.format(Locale.ROOT, "%,.0f/s", v)),
            new Column("p50", s -> s.latency().endToEnd().p50(), false, v -> Durations.format((long) v)),
            new Column("p99", s -> s.latency().endToEnd().p99(), false, v -> Durations.format((long) v)),
            new Column("p99.9", s -> s.latency().endToEnd().p99_9(), false, v -> Durations.format((long) v)),
            new Column("max", s -> s.latency().endToEnd().max(), false, v -> Durations.format((long) v)),
            new Column("loss", s -> s.measured().lossPercent(), false, v -> String.format(Locale.ROOT, "%.2f%%", v)),
            new Column("retries", s -> s.measured().retries(), false, v -> String.format(Locale.ROOT, "%,d", (long) v)),
            new Column(
                    "dead letters",
                    s -> s.measured().deadLettered(),
                    false,
                    v -> String.format(Locale.ROOT, "%,d", (long) v)));

    @Override
    public ResultFormatType type() {
        return ResultFormatType.MARKDOWN;
    }

    @Override
    public List<Path> write(RunReport report, Path directory) throws IOException {
        Path file = directory.resolve(ResultFormatType.MARKDOWN.files().get(0));
        AtomicFiles.write(file, render(report).getBytes(StandardCharsets.UTF_8));
        return List.of(file);
    }

    /** The Markdown text. */
    public String render(RunReport report) {
        BenchResults results = report.results();
        StringBuilder out = new StringBuilder();
        out.append("## ")
                .append(report.passed() ? PASS : FAIL)
                .append(" Veltrix ")
                .append(results.scenario().name())
                .append(": ")
                .append(headline(report))
                .append("\n\n");
        if (results.verdict() != null) {
            out.append("**").append(results.verdict()).append("**\n\n");
        }
        out.append(runLine(results)).append("\n\n");
        strategies(out, results.strategies());
        slos(out, report.slo());
        if (report.baseline() != null) {
            baseline(out, report.baseline());
        }
        return out.toString();
    }

    private static String headline(RunReport report) {
        List<String> parts = new ArrayList<>();
        if (!report.slo().isEmpty()) {
            parts.add(report.slo().summary());
        }
        if (report.baseline() != null) {
            int regressions = report.baseline().regressions().size();
            parts.add(
                    regressions == 0
                            ? "no regression against the baseline"
                            : regressions + (regressions == 1 ? " regression" : " regressions")
                                    + " against the baseline");
        }
        if (parts.isEmpty()) {
            int n = report.results().strategies().size();
            parts.add(n == 1 ? "1 strategy run" : n + " strategies compared");
        }
        String line = String.join("; ", parts);
        return report.results().partial() ? line + " (interrupted: partial results)" : line;
    }

    private static String runLine(BenchResults results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "%s, %ss measured after %ss warm-up, seed %d",
                results.scenario().load(),
                number(results.scenario().durationSeconds()),
                number(results.scenario().warmupSeconds()),
                results.scenario().seed()));
        EnvironmentInfo env = results.environment();
        if (env != null) {
            s.append(" · ")
                    .append(env.cpus())
                    .append(env.cpus() == 1 ? " CPU, " : " CPUs, ")
                    .append(env.jdkVendor())
                    .append(' ')
                    .append(env.jdkVersion());
            if (env.gitCommit() != null) {
                s.append(" · commit `")
                        .append(env.gitCommit(), 0, Math.min(12, env.gitCommit().length()))
                        .append('`');
            }
        }
        return s.toString();
    }

    private static String number(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    private static void strategies(StringBuilder out, List<StrategyResult> strategies) {
        out.append("### Strategies\n\n");
        String[] headers = new String[COLUMNS.size() + 1];
        boolean[] right = new boolean[headers.length];
        headers[0] = "strategy";
        for (int c = 0; c < COLUMNS.size(); c++) {
            headers[c + 1] = COLUMNS.get(c).header();
            right[c + 1] = true;
        }
        List<String[]> rows = new ArrayList<>();
        for (StrategyResult s : strategies) {
            String[] row = new String[headers.length];
            row[0] = Markdown.cell(s.name()) + (s.complete() ? "" : " (partial)");
            rows.add(row);
        }
        for (int c = 0; c < COLUMNS.size(); c++) {
            Column column = COLUMNS.get(c);
            String best = null;
            double bestValue = column.higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (StrategyResult s : strategies) {
                double v = column.value().applyAsDouble(s);
                if (column.higherIsBetter() ? v > bestValue : v < bestValue) {
                    bestValue = v;
                    best = column.format().format(v);
                }
            }
            for (int r = 0; r < strategies.size(); r++) {
                String printed = column.format().format(column.value().applyAsDouble(strategies.get(r)));
                rows.get(r)[c + 1] = strategies.size() > 1 && printed.equals(best) ? "**" + printed + "**" : printed;
            }
        }
        Markdown.table(out, headers, right, rows);
        out.append("\nEnd-to-end latency from each event's intended time (no coordinated omission); loss is rejected,"
                        + " evicted and dead-lettered events")
                .append(strategies.size() > 1 ? "; **bold** marks the best of a column.\n\n" : ".\n\n");
    }

    private static void slos(StringBuilder out, SloReport report) {
        out.append("### SLOs\n\n");
        if (report.isEmpty()) {
            out.append("No SLOs: add `slo:` to the scenario or `--assert EXPR` to the command line.\n\n");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (SloVerdict v : report.verdicts()) {
            rows.add(new String[] {
                icon(v.status()),
                Markdown.code(v.slo().expression()),
                v.strategy() == null ? "-" : Markdown.cell(v.strategy()),
                v.measuredText() == null ? v.status().label() : v.measuredText(),
                Markdown.code(v.thresholdText()),
                Markdown.cell(v.message())
            });
        }
        Markdown.table(
                out,
                new String[] {"", "SLO", "strategy", "measured", "threshold", "details"},
                new boolean[] {false, false, false, true, false, false},
                rows);
        out.append('\n');
    }

    private static String icon(SloStatus status) {
        switch (status) {
            case PASS:
                return PASS;
            case SKIPPED:
                return SKIP;
            default:
                return FAIL;
        }
    }

    private static void baseline(StringBuilder out, BaselineComparison c) {
        out.append("### Against the baseline\n\n");
        out.append(c.hasRegression() ? FAIL + " " : PASS + " ")
                .append(Markdown.cell(c.summary()))
                .append("\n\n");
        List<String[]> rows = new ArrayList<>();
        for (ComparisonRow r : c.rows()) {
            String verdict = r.verdict().label();
            rows.add(new String[] {
                Markdown.cell(r.strategy()),
                r.metric().token(),
                r.metric().format(r.base()),
                r.metric().format(r.current()),
                r.deltaText(),
                r.noiseText(),
                r.verdict() == CompareVerdict.REGRESSION ? "**" + verdict + "**" : verdict
            });
        }
        Markdown.table(
                out,
                new String[] {"strategy", "metric", "base", "new", "delta", "noise", "verdict"},
                new boolean[] {false, false, true, true, true, true, false},
                rows);
        out.append('\n');
        List<String> notes = new ArrayList<>(c.notes());
        if (!c.onlyInBase().isEmpty()) {
            notes.add("only in the base (not compared): " + String.join(", ", c.onlyInBase()));
        }
        if (!c.onlyInNew().isEmpty()) {
            notes.add("only in the new run (not compared): " + String.join(", ", c.onlyInNew()));
        }
        for (String note : notes) {
            out.append("- ").append(note).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n');
        }
    }
}
