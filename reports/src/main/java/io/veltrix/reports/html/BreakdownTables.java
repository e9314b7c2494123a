package io.veltrix.reports.html;

import io.veltrix.scenarios.results.Durations;
import io.veltrix.scenarios.results.LatencySet;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TierResult;
import io.veltrix.scenarios.results.TypeResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where each strategy's latency and losses fell: one group of rows per event type and per tier, one row per strategy,
 * the lowest p99 and loss of each group marked ★.
 */
final class BreakdownTables {
    private BreakdownTables() {}

    /** One row: a strategy's figures for one event type or tier. */
    private record Row(String strategy, String extra, MeasuredCounts counts, LatencySet latency, double attempts) {}

    static String types(List<StrategyResult> strategies) {
        Set<String> names = new LinkedHashSet<>();
        strategies.forEach(s -> s.types().forEach(t -> names.add(t.name())));
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"scroll\"><table class=\"breakdown\" id=\"types\">\n<thead><tr><th>event type</th>"
                + "<th>tier</th><th>strategy</th><th>queue</th>");
        headers(h, true);
        for (String name : names) {
            List<Row> rows = new ArrayList<>();
            String tier = "";
            for (StrategyResult s : strategies) {
                for (TypeResult t : s.types()) {
                    if (t.name().equals(name)) {
                        tier = t.tier();
                        rows.add(new Row(s.name(), t.queue(), t.measured(), t.latency(), t.meanAttempts()));
                    }
                }
            }
            group(h, name, tier, rows, true);
        }
        h.append("</tbody></table></div>\n");
        return h.toString();
    }

    static String tiers(List<StrategyResult> strategies) {
        Set<String> names = new LinkedHashSet<>();
        strategies.forEach(s -> s.tiers().forEach(t -> names.add(t.name())));
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"scroll\"><table class=\"breakdown\" id=\"tiers\">\n<thead><tr><th>tier</th>"
                + "<th>event types</th><th>strategy</th>");
        headers(h, false);
        for (String name : names) {
            List<Row> rows = new ArrayList<>();
            String types = "";
            for (StrategyResult s : strategies) {
                for (TierResult t : s.tiers()) {
                    if (t.name().equals(name)) {
                        types = String.join(", ", t.eventTypes());
                        rows.add(new Row(s.name(), null, t.measured(), t.latency(), Double.NaN));
                    }
                }
            }
            group(h, name, types, rows, false);
        }
        h.append("</tbody></table></div>\n");
        return h.toString();
    }

    private static void headers(StringBuilder h, boolean perType) {
        h.append("<th>submitted</th><th>completed</th><th>loss</th><th>rejected</th><th>evicted</th>"
                + "<th>dead letters</th><th>retries</th>");
        if (perType) {
            h.append("<th>attempts per event</th>");
        }
        h.append("<th>p50</th><th>p99</th><th>p99.9</th><th>max</th><th>queue delay p99</th><th>service p99</th>"
                + "</tr></thead>\n<tbody>\n");
    }

    private static void group(StringBuilder h, String name, String second, List<Row> rows, boolean perType) {
        long bestP99 =
                rows.stream().mapToLong(r -> r.latency().endToEnd().p99()).min().orElse(0);
        double bestLoss =
                rows.stream().mapToDouble(r -> r.counts().lossPercent()).min().orElse(0);
        boolean first = true;
        for (Row r : rows) {
            h.append("<tr").append(first ? " class=\"first\"" : "").append(">");
            if (first) {
                String span = " rowspan=\"" + rows.size() + "\"";
                h.append("<th scope=\"rowgroup\"")
                        .append(span)
                        .append(">")
                        .append(Html.escape(name))
                        .append("</th>");
                h.append("<td class=\"text\"")
                        .append(span)
                        .append(">")
                        .append(Html.escape(second))
                        .append("</td>");
                first = false;
            }
            h.append("<td class=\"text\">").append(Html.escape(r.strategy())).append("</td>");
            if (perType) {
                h.append("<td class=\"text\">").append(Html.escape(r.extra())).append("</td>");
            }
            MeasuredCounts c = r.counts();
            boolean marks = rows.size() > 1;
            td(h, Html.count(c.submitted()), false);
            td(h, Html.count(c.completed()), false);
            td(
                    h,
                    Html.percent(c.lossPercent()),
                    marks && Html.percent(c.lossPercent()).equals(Html.percent(bestLoss)));
            td(h, Html.count(c.rejected()), false);
            td(h, Html.count(c.evicted()), false);
            td(h, Html.count(c.deadLettered()), false);
            td(h, Html.count(c.retries()), false);
            if (perType) {
                td(h, String.format(Locale.ROOT, "%.3f", r.attempts()), false);
            }
            LatencySet l = r.latency();
            td(h, Durations.format(l.endToEnd().p50()), false);
            td(h, Durations.format(l.endToEnd().p99()), marks && l.endToEnd().p99() == bestP99);
            td(h, Durations.format(l.endToEnd().p99_9()), false);
            td(h, Durations.format(l.endToEnd().max()), false);
            td(h, Durations.format(l.queueDelay().p99()), false);
            td(h, Durations.format(l.service().p99()), false);
            h.append("</tr>\n");
        }
    }

    private static void td(StringBuilder h, String text, boolean best) {
        if (best) {
            h.append("<td class=\"best\" title=\"best of this group\">★ ")
                    .append(Html.escape(text))
                    .append("</td>");
        } else {
            h.append("<td>").append(Html.escape(text)).append("</td>");
        }
    }
}
