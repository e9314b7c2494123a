package io.veltrix.scenarios.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The console's comparison of strategies: one row per strategy with throughput, end-to-end p50, p99, p99.9 and max,
 * loss, retries and dead letters of the measured part. The best value of each column is marked with {@code *}, and
 * shown in bold when colours are allowed.
 */
public final class ComparisonTable {
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";

    private static final String[] HEADERS = {
        "strategy", "throughput", "p50", "p99", "p99.9", "max", "loss %", "retries", "dead letters"
    };

    private ComparisonTable() {}

    /** One column: how to read its value, whether higher is better, and how to print it. */
    private record Column(ToDoubleFunction<StrategyResult> value, boolean higherIsBetter, Formatter format) {}

    private interface Formatter {
        String format(double value);
    }

    private static final List<Column> COLUMNS = List.of(
            new Column(StrategyResult::throughput, true, v -> String.format(Locale.ROOT, "%,.0f/s", v)),
            new Column(s -> s.latency().endToEnd().p50(), false, v -> Durations.format((long) v)),
            new Column(s -> s.latency().endToEnd().p99(), false, v -> Durations.format((long) v)),
            new Column(s -> s.latency().endToEnd().p99_9(), false, v -> Durations.format((long) v)),
            new Column(s -> s.latency().endToEnd().max(), false, v -> Durations.format((long) v)),
            new Column(s -> s.measured().lossPercent(), false, v -> String.format(Locale.ROOT, "%.2f%%", v)),
            new Column(s -> s.measured().retries(), false, v -> String.format(Locale.ROOT, "%,d", (long) v)),
            new Column(s -> s.measured().deadLettered(), false, v -> String.format(Locale.ROOT, "%,d", (long) v)));

    /**
     * The table's lines, header first.
     *
     * @param colour whether ANSI bold may mark the best values
     */
    public static List<String> lines(List<StrategyResult> strategies, boolean colour) {
        int rows = strategies.size();
        String[][] cells = new String[rows + 1][HEADERS.length];
        boolean[][] best = new boolean[rows + 1][HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            // Values carry a one-character mark after them; headers line up with the values' last digit.
            cells[0][c] = c == 0 ? HEADERS[c] : HEADERS[c] + " ";
        }
        for (int r = 0; r < rows; r++) {
            cells[r + 1][0] = strategies.get(r).name();
        }
        for (int c = 0; c < COLUMNS.size(); c++) {
            Column column = COLUMNS.get(c);
            double bestValue = column.higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            String[] printed = new String[rows];
            for (int r = 0; r < rows; r++) {
                double v = column.value().applyAsDouble(strategies.get(r));
                printed[r] = column.format().format(v);
                bestValue = column.higherIsBetter() ? Math.max(bestValue, v) : Math.min(bestValue, v);
            }
            String bestPrinted = column.format().format(bestValue);
            for (int r = 0; r < rows; r++) {
                // Compared as printed, so values that look the same are marked the same.
                boolean isBest = rows > 1 && printed[r].equals(bestPrinted);
                best[r + 1][c + 1] = isBest;
                cells[r + 1][c + 1] = printed[r] + (isBest ? "*" : " ");
            }
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < cells.length; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < HEADERS.length; c++) {
                String cell = cells[r][c];
                String padded = pad(cell, widths[c], c > 0);
                if (colour && best[r][c]) {
                    padded = padded.replace(cell, BOLD + cell + RESET);
                }
                line.append(c == 0 ? "" : "  ").append(padded);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * The end-to-end p99 and loss of each tier under each strategy: where a strategy's latency and losses fell.
     * Empty when there is only one tier.
     */
    public static List<String> tierLines(List<StrategyResult> strategies) {
        List<String> tiers = new ArrayList<>();
        for (StrategyResult s : strategies) {
            for (TierResult t : s.tiers()) {
                if (!tiers.contains(t.name())) {
                    tiers.add(t.name());
                }
            }
        }
        if (tiers.size() < 2) {
            return List.of();
        }
        String[][] cells = new String[strategies.size() + 1][tiers.size() + 1];
        cells[0][0] = "p99 / loss by tier";
        for (int c = 0; c < tiers.size(); c++) {
            cells[0][c + 1] = tiers.get(c);
        }
        for (int r = 0; r < strategies.size(); r++) {
            StrategyResult s = strategies.get(r);
            cells[r + 1][0] = s.name();
            for (int c = 0; c < tiers.size(); c++) {
                cells[r + 1][c + 1] = "-";
                for (TierResult t : s.tiers()) {
                    if (t.name().equals(tiers.get(c))) {
                        cells[r + 1][c + 1] = Durations.format(
                                        t.latency().endToEnd().p99()) + " / "
                                + String.format(
                                        Locale.ROOT, "%.2f%%", t.measured().lossPercent());
                    }
                }
            }
        }
        int[] widths = new int[tiers.size() + 1];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == 0 ? "" : "  ").append(pad(row[c], widths[c], c > 0));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }
}
