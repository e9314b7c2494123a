package io.veltrix.reports.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * One chart of the page, as data for {@code report.js}, which turns it into an ECharts option: what to draw, never
 * how. Kinds: {@code time} (series over seconds of the run), {@code nines} (latency by percentile), {@code bars}
 * (one value per strategy) and {@code flame} (a flame graph's rectangles).
 */
final class ChartSpec {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final MathContext FIVE_DIGITS = new MathContext(5);

    final String id;
    final ObjectNode node = JSON.createObjectNode();
    private final ArrayNode series;

    /**
     * @param id the chart's element id
     * @param kind {@code time}, {@code nines}, {@code bars} or {@code flame}
     * @param unit how values are printed: {@code ms}, {@code rate} (per second), {@code count}, {@code bytesRate},
     *     {@code percent}
     */
    ChartSpec(String id, String kind, String title, String unit) {
        this.id = id;
        node.put("id", id);
        node.put("kind", kind);
        node.put("title", title);
        node.put("unit", unit);
        series = node.putArray("series");
    }

    /** Shades the warm-up, {@code [0, seconds]}, of a time chart. */
    ChartSpec warmup(double seconds) {
        if (seconds > 0) {
            node.put("warmup", round(seconds));
        }
        return this;
    }

    /** The chart's height in pixels, when the default does not suit. */
    ChartSpec height(int pixels) {
        node.put("height", pixels);
        return this;
    }

    /** Category names of a bar chart. */
    ChartSpec categories(List<String> names) {
        ArrayNode a = node.putArray("categories");
        names.forEach(a::add);
        return this;
    }

    /**
     * Adds a series.
     *
     * @param colour the palette index: a strategy keeps its colour on every chart
     * @param style {@code line}, {@code dashed}, {@code step} (dashed steps, for capacities), {@code dotted},
     *     {@code scatter} or {@code bar}
     * @return the series' data array, to fill
     */
    ArrayNode series(String name, int colour, String style) {
        ObjectNode s = series.addObject();
        s.put("name", name);
        s.put("colour", colour);
        s.put("style", style);
        return s.putArray("data");
    }

    /** Adds an {@code [x, y]} point. */
    static void point(ArrayNode data, double x, double y) {
        data.addArray().add(round(x)).add(round(y));
    }

    /** Five significant digits: what a chart can show, in far fewer bytes than a double's seventeen. */
    static double round(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(FIVE_DIGITS).doubleValue();
    }
}
