package io.veltrix.reports.jfr;

/**
 * One part of a JFR analysis report, produced by an {@link EventAggregator}. Sections are plain results; how they
 * look is up to the format that calls {@link #writeTo}.
 */
public interface ReportSection {

    /** The JSON field name of this section at the top level of the report, e.g. {@code gc}. */
    String key();

    /** The heading printed by the text format, e.g. {@code Garbage collection}. */
    String title();

    /** Writes this section's figures, tables and notes. */
    void writeTo(SectionWriter out);
}
