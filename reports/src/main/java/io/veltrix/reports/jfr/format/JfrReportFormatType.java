package io.veltrix.reports.jfr.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of a JFR analysis, by name. */
public enum JfrReportFormatType {
    /** Aligned label/value lines and tables for a terminal. */
    TEXT,
    /** One JSON object; its fields are documented in docs/jfr.md and keep their meaning across versions. */
    JSON;

    /** A fresh writer of this format. */
    public JfrReportFormat create() {
        return switch (this) {
            case TEXT -> new TextReportFormat();
            case JSON -> new JsonReportFormat();
        };
    }

    /**
     * The format named {@code name}, case-insensitive.
     *
     * @throws IllegalArgumentException naming the known formats when there is no such format
     */
    public static JfrReportFormatType named(String name) {
        for (JfrReportFormatType type : values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no report format '" + name + "'; known: "
                + Arrays.stream(values())
                        .map(t -> t.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }
}
