package io.veltrix.reports.format;

import java.util.Optional;

/** Makes the writer of each {@link ResultFormatType}. */
public final class ResultFormatFactory {
    private ResultFormatFactory() {}

    /** The writer of {@code type} (every type has one; {@code Optional} for formats a build may lack). */
    public static Optional<ResultFormat> create(ResultFormatType type) {
        switch (type) {
            case JSON:
                return Optional.of(new JsonResultFormat());
            case MARKDOWN:
                return Optional.of(new MarkdownResultFormat());
            case JUNIT:
                return Optional.of(new JUnitResultFormat());
            case BENCHMARK:
                return Optional.of(new BenchmarkResultFormat());
            case HTML:
                return Optional.of(new HtmlResultFormat());
            default:
                return Optional.empty();
        }
    }
}
