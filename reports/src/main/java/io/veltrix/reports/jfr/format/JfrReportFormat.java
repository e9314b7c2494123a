package io.veltrix.reports.jfr.format;

import io.veltrix.reports.jfr.JfrAnalysis;
import java.io.IOException;
import java.io.Writer;

/** Writes a {@link JfrAnalysis} in one output format. */
public interface JfrReportFormat {

    /**
     * Writes the whole report to {@code out}; does not close it.
     *
     * @throws IOException if writing fails
     */
    void write(JfrAnalysis analysis, Writer out) throws IOException;
}
