package io.veltrix.reports.html;

import io.veltrix.scenarios.results.Durations;
import io.veltrix.scenarios.results.LatencySet;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.StrategyResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The strategies side by side: one row each, the best value of every column marked ★ (values that print the same
 * are equally best), and every other value followed by its distance from the best: {@code +35%} or {@code ×4.2}
 * for ratios, {@code +2.10 pp} for percentages, {@code +14} when the best is 0.
 */
final class ComparisonTable {
    private ComparisonTable() {}

    /** How a column's distance from its best is written. */
    enum Delta {
        /** A ratio: {@code +35%} under twice the best, {@code ×4.2} from twice on. */
        RATIO,
        /** A difference of percentages, in percentage points. */
        POINTS
    }

    /** One column: its header, value, direction and format. */
    record Column(
            String group,
            String header,
            ToDoubleFunction<StrategyResult> value,
            boolean higherIsBetter,
            Delta delta,
            Function<Double, String> format) {}

    static final List<Column> COLUMNS = List.of(
            new Column("", "throughput", StrategyResult::throughput, true, Delta.RATIO, Html::rate),
            new Column("", "loss", s -> s.measured().lossPercent(), false, Delta.POINTS, Html::percent),
            latency("p50", LatencySummary::p50),
            latency("p90", LatencySummary::p90),
            latency("p99", LatencySummary::p99),
            latency("p99.9", LatencySummary::p99_9),
            latency("p99.99", LatencySummary::p99_99),
            latency("max", LatencySummary::max),
            p99("uncorrected", LatencySet::uncorrected),
            p99("queue delay", LatencySet::queueDelay),
            p99("service", LatencySet::service),
            count("retries", s -> s.measured().retries()),
            count("dead letters", s -> s.measured().deadLettered()),
            count("rejected", s -> s.measured().rejected()),
            count("evicted", s -> s.measured().evicted()));

    private static Column latency(String header, ToDoubleFunction<LatencySummary> value) {
        return new Column(
                "end-to-end latency",
                header,
                s -> value.applyAsDouble(s.latency().endToEnd()),
                false,
                Delta.RATIO,
                v -> Durations.format(v.longValue()));
    }

    private static Column p99(String header, Function<LatencySet, LatencySummary> kind) {
        return new Column(
                "p99 of",
                header,
                s -> kind.apply(s.latency()).p99(),
                false,
                Delta.RATIO,
                v -> Durations.format(v.longValue()));
    }

    private static Column count(String header, ToDoubleFunction<StrategyResult> value) {
        return new Column("measured", header, value, false, Delta.RATIO, v -> Html.count(v.longValue()));
    }

    /** The table's HTML. */
    static String html(List<StrategyResult> strategies) {
        StringBuilder h = new StringBuilder();
        h.append(
                "<div class=\"scroll\"><table class=\"compare\" id=\"comparison\">\n<thead><tr><th rowspan=\"2\">strategy</th>");
        String group = null;
        int span = 0;
        StringBuilder second = new StringBuilder();
        for (Column c : COLUMNS) {
            if (!c.group().equals(group)) {
                closeGroup(h, group, span);
                group = c.group();
                span = 0;
            }
            span++;
            second.append("<th>").append(Html.escape(c.header())).append("</th>");
        }
        closeGroup(h, group, span);
        h.append("</tr>\n<tr>").append(second).append("</tr></thead>\n<tbody>\n");
        double[] best = new double[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            best[c] = best(strategies, COLUMNS.get(c));
        }
        for (StrategyResult s : strategies) {
            h.append("<tr><th scope=\"row\">").append(Html.escape(s.name())).append("</th>");
            for (int c = 0; c < COLUMNS.size(); c++) {
                h.append(cell(COLUMNS.get(c), s, best[c], strategies.size()));
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
        return h.toString();
    }

    /** The offered load of each strategy, in a sentence: it is the input, so it is not a column to win. */
    static String offered(List<StrategyResult> strategies) {
        StringBuilder h = new StringBuilder("<p class=\"muted\" id=\"offered\">Offered load (first attempts"
                + " submitted per second of the measured part): ");
        for (int i = 0; i < strategies.size(); i++) {
            StrategyResult s = strategies.get(i);
            h.append(i == 0 ? "" : ", ")
                    .append(Html.escape(s.name()))
                    .append(" ")
                    .append(Html.rate(s.offeredRate()));
        }
        return h.append(".</p>\n").toString();
    }

    private static void closeGroup(StringBuilder h, String group, int span) {
        if (group == null) {
            return;
        }
        if (group.isEmpty()) {
            // Columns without a group take both header rows; their header cells come in the second row instead.
            h.append("<th colspan=\"").append(span).append("\"></th>");
        } else {
            h.append("<th colspan=\"")
                    .append(span)
                    .append("\" class=\"group\">")
                    .append(Html.escape(group))
                    .append("</th>");
        }
    }

    static double best(List<StrategyResult> strategies, Column column) {
        double best = column.higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (StrategyResult s : strategies) {
            double v = column.value().applyAsDouble(s);
            best = column.higherIsBetter() ? Math.max(best, v) : Math.min(best, v);
        }
        return best;
    }

    private static String cell(Column column, StrategyResult s, double best, int rows) {
        double v = column.value().applyAsDouble(s);
        String printed = column.format().apply(v);
        if (rows < 2) {
            return "<td>" + Html.escape(printed) + "</td>";
        }
        // Compared as printed, as the console table does: values that look the same are equally best.
        if (printed.equals(column.format().apply(best))) {
            return "<td class=\"best\" title=\"best of this column\">★ " + Html.escape(printed) + "</td>";
        }
        return "<td>" + Html.escape(printed) + " <span class=\"delta\">" + Html.escape(delta(column, v, best))
                + "</span></td>";
    }

    /** How far {@code value} is from {@code best}, as the table writes it. */
    static String delta(Column column, double value, double best) {
        if (column.delta() == Delta.POINTS) {
            return String.format(Locale.ROOT, "%+.2f pp", value - best);
        }
        if (best == 0) {
            return "+" + column.format().apply(value - best);
        }
        double ratio = column.higherIsBetter() ? best / value : value / best;
        if (!column.higherIsBetter() && ratio >= 2) {
            return String.format(Locale.ROOT, "×%.1f", ratio);
        }
        if (column.higherIsBetter()) {
            return "−" + relative(100 * (1 - value / best));
        }
        return "+" + relative(100 * (ratio - 1));
    }

    /** A percentage with a decimal under 10%, where one would otherwise read {@code 0%}. */
    private static String relative(double percent) {
        return String.format(Locale.ROOT, percent < 10 ? "%.1f%%" : "%.0f%%", percent);
    }
}
