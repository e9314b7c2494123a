package io.veltrix.reports.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a report of a bench in one format (after JMH's {@code ResultFormat}): one implementation per {@link
 * ResultFormatType}, made by {@link ResultFormatFactory}.
 */
public interface ResultFormat {
    /** The format written. */
    ResultFormatType type();

    /**
     * Writes this format's files for {@code report} into {@code directory} (created if missing), each atomically.
     *
     * @return the files written
     */
    List<Path> write(RunReport report, Path directory) throws IOException;
}
