package io.veltrix.cli;

import io.veltrix.reports.format.ResultFormatType;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --format} option of the commands that write reports ({@code bench}, {@code merge}). */
final class FormatOption {
    @Option(
            names = "--format",
            paramLabel = "LIST",
            description = "Reports to write, comma-separated: html, json (report.json), md (report.md), junit"
                    + " (junit.xml), benchmark (github-action-benchmark JSON). Default: html,json.")
    String format;

    /** Whether the option was given. */
    boolean given() {
        return format != null;
    }

    /**
     * The formats asked for, or the defaults.
     *
     * @throws IllegalArgumentException naming the bad entry, prefixed with {@code --format: }
     */
    List<ResultFormatType> formats() {
        if (format == null) {
            return ResultFormatType.DEFAULTS;
        }
        try {
            return ResultFormatType.parseList(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format: " + e.getMessage(), e);
        }
    }
}
