package io.veltrix.reports.jfr;

import java.util.List;

/** A {@link SectionWriter} that writes everything as plain lines into a StringBuilder, for assertions. */
final class RecordingSectionWriter implements SectionWriter {

    private final StringBuilder out;

    RecordingSectionWriter(StringBuilder out) {
        this.out = out;
    }

    @Override
    public void value(String key, String label, Object value, Unit unit) {
        out.append(key).append('=').append(value).append('\n');
    }

    @Override
    public void missing(String key, String label, String reason) {
        out.append(key).append("=null (").append(reason).append(")\n");
    }

    @Override
    public void table(String key, String title, List<Column> columns, List<List<Object>> rows) {
        out.append(key).append('=').append(rows).append('\n');
    }

    @Override
    public void note(String text) {
        out.append("note: ").append(text).append('\n');
    }

    @Override
    public void estimate(String how) {
        out.append("estimate: ").append(how).append('\n');
    }
}
