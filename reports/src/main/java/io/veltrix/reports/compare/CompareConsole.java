package io.veltrix.reports.compare;

import java.util.ArrayList;
import java.util.List;

/** A comparison with a baseline for the console: what was compared, a table, notes and the one-line outcome. */
public final class CompareConsole {
    private static final String[] HEADERS = {"strategy", "metric", "base", "new", "delta", "noise", "verdict"};

    private CompareConsole() {}

    /** The lines, ending with the summary. */
    public static List<String> lines(BaselineComparison c) {
        List<String> lines = new ArrayList<>();
        lines.add("base: " + c.base());
        lines.add("new:  " + c.current());
        for (String note : c.notes()) {
            lines.add("note: " + note);
        }
        if (!c.onlyInBase().isEmpty()) {
            lines.add("note: only in the base (not compared): " + String.join(", ", c.onlyInBase()));
        }
        if (!c.onlyInNew().isEmpty()) {
            lines.add("note: only in the new run (not compared): " + String.join(", ", c.onlyInNew()));
        }
        lines.add("");
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        String previous = null;
        for (ComparisonRow r : c.rows()) {
            cells.add(new String[] {
                r.strategy().equals(previous) ? "" : r.strategy(),
                r.metric().token(),
                r.metric().format(r.base()),
                r.metric().format(r.current()),
                r.deltaText(),
                r.noiseText(),
                r.verdict().label()
            });
            previous = r.strategy();
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean right = i >= 2 && i <= 5;
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? "" : "  ").append(right ? pad + row[i] : row[i] + pad);
            }
            lines.add(line.toString().stripTrailing());
        }
        lines.add("");
        lines.add(c.summary());
        return lines;
    }
}
