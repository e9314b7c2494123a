package io.veltrix.reports.format;

import java.util.List;

/** Small helpers for GitHub-flavoured Markdown. */
final class Markdown {
    private Markdown() {}

    /** A table; {@code right[i]} right-aligns column i. */
    static void table(StringBuilder out, String[] headers, boolean[] right, List<String[]> rows) {
        out.append('|');
        for (String h : headers) {
            out.append(' ').append(cell(h)).append(" |");
        }
        out.append('\n').append('|');
        for (int i = 0; i < headers.length; i++) {
            out.append(right[i] ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (String[] row : rows) {
            out.append('|');
            for (String c : row) {
                out.append(' ').append(c.isEmpty() ? " " : c).append(" |");
            }
            out.append('\n');
        }
    }

    /** Text for a table cell: pipes escaped, line breaks flattened. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    /** Inline code, safe for a table cell. */
    static String code(String text) {
        String escaped = cell(text);
        return escaped.contains("`") ? "`` " + escaped + " ``" : "`" + escaped + "`";
    }
}
