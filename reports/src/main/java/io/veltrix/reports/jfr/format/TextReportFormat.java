package io.veltrix.reports.jfr.format;

import io.veltrix.reports.jfr.Column;
import io.veltrix.reports.jfr.JfrAnalysis;
import io.veltrix.reports.jfr.ReportSection;
import io.veltrix.reports.jfr.SectionWriter;
import io.veltrix.reports.jfr.Unit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** The console report: a heading per section, aligned {@code label  value} lines, and tables. */
public final class TextReportFormat implements JfrReportFormat {

    private static final int LABEL_WIDTH = 44;
    private static final int MAX_CELL = 100;

    @Override
    public void write(JfrAnalysis analysis, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        out.println("veltrix jfr");
        if (analysis.partial()) {
            out.println();
            out.println("PARTIAL RESULTS: some input could not be read completely; figures cover what was read.");
            analysis.problems().forEach(p -> out.println("  " + p));
        }
        for (ReportSection section : analysis.sections()) {
            out.println();
            out.println("== " + section.title());
            SectionText text = new SectionText(out);
            section.writeTo(text);
            text.finish();
        }
        out.flush();
        if (out.checkError()) {
            throw new IOException("could not write the report");
        }
    }

    /** Prints lines as they come; the estimate and notes go at the end of the section. */
    private static final class SectionText implements SectionWriter {
        private final PrintWriter out;
        private final List<String> estimates = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        SectionText(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void value(String key, String label, Object value, Unit unit) {
            line(label, Quantities.text(value, unit));
        }

        @Override
        public void missing(String key, String label, String reason) {
            line(label, "n/a: " + reason);
        }

        @Override
        public void table(String key, String title, List<Column> columns, List<List<Object>> rows) {
            out.println("  " + title + ":");
            if (rows.isEmpty()) {
                out.println("    (none)");
                return;
            }
            List<String[]> cells = new ArrayList<>();
            int[] widths = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                widths[c] = columns.get(c).header().length();
            }
            for (List<Object> row : rows) {
                String[] line = new String[columns.size()];
                for (int c = 0; c < columns.size(); c++) {
                    Object value = c < row.size() ? row.get(c) : null;
                    line[c] = clip(Quantities.text(value, columns.get(c).unit()));
                    widths[c] = Math.max(widths[c], line[c].length());
                }
                cells.add(line);
            }
            String[] header = columns.stream().map(Column::header).toArray(String[]::new);
            out.println(row(header, widths, columns));
            for (String[] line : cells) {
                out.println(row(line, widths, columns));
            }
        }

        @Override
        public void note(String text) {
            notes.add(text);
        }

        @Override
        public void estimate(String how) {
            estimates.add(how);
        }

        void finish() {
            for (String e : estimates) {
                out.println("  estimate: " + e);
            }
            for (String n : notes) {
                out.println("  note: " + n);
            }
        }

        private void line(String label, String value) {
            StringBuilder s = new StringBuilder("  ").append(label);
            while (s.length() < LABEL_WIDTH) {
                s.append(' ');
            }
            out.println(s.append(' ').append(printable(value)));
        }

        private static String row(String[] cells, int[] widths, List<Column> columns) {
            StringBuilder s = new StringBuilder("    ");
            for (int c = 0; c < cells.length; c++) {
                boolean text =
                        columns.get(c).unit() == Unit.TEXT || columns.get(c).unit() == Unit.TIMESTAMP;
                String pad = " ".repeat(widths[c] - cells[c].length());
                s.append(text ? cells[c] + pad : pad + cells[c]);
                if (c < cells.length - 1) {
                    s.append("  ");
                }
            }
            return s.toString().stripTrailing();
        }

        private static String clip(String cell) {
            String one = printable(cell);
            return one.length() <= MAX_CELL ? one : one.substring(0, MAX_CELL - 3) + "...";
        }

        /**
         * Text from a recording (thread names, arguments) goes to a terminal: line breaks and tabs become spaces and
         * other control characters are shown as a backslash, "u" and 4 hex digits, so no escape sequence reaches the terminal.
         */
        static String printable(String text) {
            StringBuilder s = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean control = Character.isISOControl(c);
                if (control && s == null) {
                    s = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                if (s != null) {
                    if (c == '\n' || c == '\r' || c == '\t') {
                        s.append(' ');
                    } else if (control) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
            return s == null ? text : s.toString();
        }
    }
}
